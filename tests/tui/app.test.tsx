import stripAnsi from 'strip-ansi';
import { afterEach, describe, expect, test } from 'vitest';
import { emptyProgress } from '../../src/content/progress.js';
import { KEYS } from '../helpers/fake-terminal.js';
import { delay } from '../helpers/wait-for.js';
import { expectFits, renderApp } from './render-app.js';

let mounted: Array<{ unmount: () => void }> = [];
afterEach(() => {
  mounted.forEach((a) => a.unmount());
  mounted = [];
});

function app(options: Parameters<typeof renderApp>[0] = {}) {
  const a = renderApp(options);
  mounted.push(a);
  return a;
}

/** Resolves true if the app exits within `ms`. */
async function exits(a: ReturnType<typeof renderApp>, ms = 200): Promise<boolean> {
  return Promise.race([a.waitUntilExit().then(() => true), delay(ms).then(() => false)]);
}

describe('Home', () => {
  test('lists the lessons with a bar each, the overall progress and what to do', async () => {
    const a = app();
    await a.settle();
    expect(a.lines().slice(0, 8)).toEqual([
      'cnn-tutor: convolutional neural networks, step by step',
      '',
      'All lessons                                     ░░░░░░░░░░░░░░░░ 0/3',
      'Choose a lesson with ↑/↓ and press Enter to start.',
      '',
      '›   1. Convolution                              ░░░░░░░░░░░░░░░░ 0/2',
      '      One window, nine products, one number.',
      '    2. Padding                                  ░░░░░░░░░░░░░░░░ 0/1',
    ]);
    expect(a.lines().at(-1)).toBe('↑/↓ choose  Enter open the lesson  ? all keys  q quit');
    expectFits(a.lastFrame(), 80, 24);
  });

  test('keys typed while the exercise templates still load are kept, in order', async () => {
    // Home is drawn before the templates and tools arrive (src/tui/later.ts); what is typed
    // meanwhile waits in the shell instead of being lost or meeting a half-ready screen.
    const a = app();
    for (const key of [KEYS.enter, 'n', 'n', '4', '2']) a.stdin.write(key);
    await a.waitFor((frame) => frame.includes('Answer › 42'));
    expect(a.lines()[0]).toBe('Convolution  ·  step 3 of 5');
    expect(a.lines()).toContain('What is cell (0, 0) of the output?');
  });

  test('lists content files that failed to load, one line each, and still opens', async () => {
    const a = app({
      problems: [
        {
          file: 'lessons/pooling.yaml',
          line: 12,
          field: 'steps[2].demo',
          message: 'the demo does not compute: kernel larger than input',
        },
        { file: 'lessons/pooling.yaml', line: 14, field: 'steps[3]', message: 'missing `text`' },
      ],
    });
    await a.settle();
    expect(a.lastFrame()).toContain(
      '2 problems in the course files (cnn-tutor check-content lists them all):',
    );
    expect(a.lines()).toContain(
      '  ⚠ lessons/pooling.yaml:12 (+1 more): the demo does not compute: kernel larger…',
    );
    await a.press(KEYS.enter);
    expect(a.lines()[0]).toBe('Convolution  ·  step 1 of 5');
  });

  test("shows loadProgress's notice once", async () => {
    const a = app({
      progressNotice: {
        key: 'progress.load.notJson',
        params: { file: '/s/progress.json', backup: '/s/progress.json.corrupt-1' },
      },
    });
    await a.settle();
    expect(a.lastFrame()).toContain(
      '/s/progress.json is not valid JSON, so your progress starts fresh.',
    );
    await a.press(KEYS.enter, KEYS.escape);
    expect(a.lines()[0]).toBe('cnn-tutor: convolutional neural networks, step by step');
    expect(a.lastFrame()).not.toContain('not valid JSON');
  });

  test('continues where the learner left off', async () => {
    const progress = { ...emptyProgress(), last: { lesson: 'padding', step: 1 } };
    const a = app({ progress });
    await a.settle();
    expect(a.lastFrame()).toContain('Continue where you left off: Padding, step 2 of 2 (press c).');
    expect(a.lastFrame()).toContain('c continue where you left off');
    await a.press('c');
    expect(a.lines().slice(0, 2)).toEqual([
      'Padding  ·  step 2 of 2, the last: → finishes the lesson',
      'Any window',
    ]);
  });
});

describe('a lesson', () => {
  test('shows the title, "step k of n", and moves with arrows, l/p and n', async () => {
    const a = app();
    await a.settle();
    await a.press(KEYS.enter);
    expect(a.lines().slice(0, 4)).toEqual([
      'Convolution  ·  step 1 of 5',
      'A window over the image',
      'A kernel is a small grid of weights.',
      '',
    ]);
    await a.press(KEYS.right);
    expect(a.lines()[0]).toBe('Convolution  ·  step 2 of 5');
    // In the demo ←/→ step through cells and p is the padding: h goes back a step.
    await a.press('h');
    expect(a.lines()[0]).toBe('Convolution  ·  step 1 of 5');
    // In a prose step h is nothing (it is the hint key in an exercise); p and ← go back.
    await a.press('h');
    expect(a.lines()[0]).toBe('Convolution  ·  step 1 of 5');
    await a.press('n');
    expect(a.lines()[0]).toBe('Convolution  ·  step 2 of 5');
    await a.press('l');
    expect(a.lines()[0]).toBe('Convolution  ·  step 3 of 5');
    await a.press(KEYS.escape, 'p');
    expect(a.lines()[0]).toBe('Convolution  ·  step 2 of 5');
    // The exercise keeps its answer line left: ← goes back at once.
    await a.press('l', KEYS.left, 'h');
    expect(a.lines()[0]).toBe('Convolution  ·  step 1 of 5');
    expect(a.store.saves.at(-1)?.last).toEqual({ lesson: 'convolution', step: 0 });
  });

  test('a figure step shows the engine report and the caption', async () => {
    const progress = {
      ...emptyProgress(),
      lessons: {
        convolution: {
          step: 4,
          visited: [0, 1, 2, 3, 4],
          completed: false,
          updatedAt: '2025-01-01T00:00:00.000Z',
        },
      },
    };
    const a = app({ progress, columns: 100, rows: 40 });
    await a.settle();
    await a.press(KEYS.enter);
    const frame = a.lastFrame();
    expect(frame).toContain('The whole picture');
    expect(frame).toContain('output');
    expect(frame).toContain("Every output cell is one window's sum.");
    expectFits(frame, 100, 40);
  });

  test('? lists every key of the screen, Esc closes it', async () => {
    const a = app();
    await a.settle();
    await a.press(KEYS.enter, '?');
    const lines = a.lines();
    expect(lines.slice(0, 2)).toEqual(['Keys on this screen', '']);
    expect(lines.filter((l) => l.startsWith('  '))).toEqual([
      '  ← p       previous step',
      '  → l n     next step',
      '  Esc       back to the lessons',
      '  ?         all keys',
      '  q Ctrl+C  quit',
    ]);
    expect(lines.at(-1)).toBe('Esc close this help');
    await a.press(KEYS.escape);
    expect(a.lines()[0]).toBe('Convolution  ·  step 1 of 5');
  });

  test('q quits at once when nothing is typed', async () => {
    const a = app();
    await a.settle();
    await a.press(KEYS.enter);
    a.stdin.write('q');
    expect(await exits(a)).toBe(true);
  });
});

describe('the sliding-window demo', () => {
  async function atDemo(options: Parameters<typeof renderApp>[0] = {}) {
    const a = app(options);
    await a.settle();
    await a.press(KEYS.enter, KEYS.right);
    return a;
  }

  test('steps cell by cell with the window, the products and the output filling in', async () => {
    const a = await atDemo();
    expect(a.lastFrame()).toContain('Press → to work out the first output cell.');
    expect(a.lastFrame()).toContain('│[1]│[1]│[1]│ 0 │ 0 │');
    await a.press(KEYS.right);
    const frame = a.lastFrame();
    expect(frame).toContain('Cell (0, 0): 1*1 + 1*0 + 1*1 + 0*0 + 1*1 + 1*0 + 0*1 + 0*0 + 1*1 = 4');
    expect(frame).toContain('│[4]│ ? │ ? │');
    expect(frame).toContain('Output size: (5 − 3 + 2·0)/1 + 1 = 3, so 3×3.');
    expect(frame).toContain('1 of 9 cells worked out');
    await a.press(KEYS.right);
    expect(a.lastFrame()).toContain('│ 4 │[3]│ ? │');
    await a.press(KEYS.left);
    expect(a.lastFrame()).toContain('│[4]│ ? │ ? │');
    expectFits(a.lastFrame(), 80, 24);
  });

  test('asks for a prediction, says whether it was right, and continues', async () => {
    const a = await atDemo();
    await a.press(KEYS.right, KEYS.right, KEYS.right, KEYS.right);
    expect(a.lastFrame()).toContain('Predict cell (1, 0) before it is shown');
    expect(a.lines().at(-1)).toBe(
      'Enter check the prediction  Esc skip, just show it  Ctrl+C quit',
    );
    await a.type('9');
    await a.press(KEYS.enter);
    expect(a.lastFrame()).toContain('Not quite: cell (1, 0) is 2, not 9.');
    expect(a.lastFrame()).toContain('│ 4 │ 3 │ 4 │');
    expect(a.lastFrame()).toContain('│[2]│ ? │ ? │');
    await a.press(KEYS.right, KEYS.right, KEYS.right);
    await a.type('2');
    await a.press(KEYS.enter);
    expect(a.lastFrame()).toContain('Right: cell (2, 0) is 2.');
  });

  test('+/- change the stride and p the padding, with the formula updated', async () => {
    const a = await atDemo();
    await a.press('+');
    expect(a.lastFrame()).toContain('Output size: (5 − 3 + 2·0)/2 + 1 = 2, so 2×2.');
    await a.press('p');
    expect(a.lastFrame()).toContain('Output size: (5 − 3 + 2·1)/2 + 1 = 3, so 3×3.');
    expect(a.lastFrame()).toContain('padding same (1 on every side)');
    expect(a.lastFrame()).toContain('input (· = zero padding)');
    expect(a.lastFrame()).toContain('│[·]│[·]│[·]│ · │ · │ · │ · │');
    await a.press('-', 'p');
    expect(a.lastFrame()).toContain('Output size: (5 − 3 + 2·1)/1 + 1 = 5, so 5×5.');
    expect(a.lastFrame()).toContain('padding 1 on every side');
    expectFits(a.lastFrame(), 80, 24);
  });

  test('e jumps to the end; space plays', async () => {
    const a = await atDemo({ playInterval: 20 });
    await a.press('e');
    expect(a.lastFrame()).toContain('9 of 9 cells worked out');
    a.stdin.write(' ');
    await a.waitFor((frame) => /[1-3] of 9 cells worked out {2}· playing/.test(frame));
    await a.waitFor((frame) => frame.includes('Predict cell (1, 0)'));
    expect(a.lastFrame()).not.toContain('playing');
  });

  test('in a small terminal the demo scrolls, with a marker', async () => {
    const a = await atDemo({ columns: 60, rows: 18 });
    await a.press('p');
    expect(a.lastFrame()).toMatch(/▼ more below: \d+ lines \(↓ PgDn\)/);
    expect(a.lastFrame()).toContain('padding same (1 on every side)');
    await a.press(KEYS.pageDown);
    expect(a.lastFrame()).toMatch(/▲ \d+ lines above/);
    // The stride and padding line is pinned: it stays while the grids scroll.
    expect(a.lastFrame()).toContain('padding same (1 on every side)');
    await a.press(KEYS.up);
    expect(a.lastFrame()).toMatch(/▲ \d+ lines? above/);
    expectFits(a.lastFrame(), 60, 18);
  });
});

describe('an exercise', () => {
  async function atExercise(options: Parameters<typeof renderApp>[0] = {}) {
    const a = app(options);
    await a.settle();
    await a.press(KEYS.enter, KEYS.right, 'l');
    return a;
  }

  test('shows the grids, the format, and the prompt pinned right above the answer line', async () => {
    const a = await atExercise();
    const lines = a.lines();
    expect(lines.slice(0, 3)).toEqual([
      'Convolution  ·  step 3 of 5',
      'The first window',
      'input                     kernel',
    ]);
    expect(a.lastFrame()).toContain('Type a number, such as 0.55, .55, 5/9 or -1.');
    expect(lines.slice(-4)).toEqual([
      'What is cell (0, 0) of the output?',
      'Answer ›',
      '←/→ step  Ctrl+T a hint  Enter check the answer  Esc leave the answer line',
      'Ctrl+C quit',
    ]);
    expectFits(a.lastFrame(), 80, 24);
  });

  test('wrong, hint, wrong, second hint, right; saved; shown on Home', async () => {
    const a = await atExercise();
    await a.type('4');
    await a.press(KEYS.enter);
    let frame = a.lastFrame();
    expect(frame).toContain('✗ Not quite.');
    expect(frame).toContain('This is what you get if the bias is left out.');
    expect(frame).toContain('Hint 1: First hint: lay the kernel over the window.');
    expect(frame).not.toContain('Hint 2');
    expect(a.store.saves.at(-1)?.exercises['conv-first-cell']).toMatchObject({
      status: 'attempted',
      attempts: 1,
    });

    await a.press(KEYS.backspace);
    await a.type('7');
    await a.press(KEYS.enter);
    frame = a.lastFrame();
    expect(frame).toContain('Hint 2: Second hint: multiply the pairs and add.');
    // The count of tries is at the end of the body, which scrolls under the pinned feedback.
    expect(frame).not.toContain('2 tries so far.');
    await a.press(KEYS.pageDown);
    expect(a.lastFrame()).toContain('2 tries so far.');
    expect(a.lines()).toContain('Answer › 7');

    await a.press(KEYS.backspace);
    await a.type('5');
    await a.press(KEYS.enter);
    expect(a.lastFrame()).toContain('✓ Right!');
    expect(a.store.saves.at(-1)?.exercises['conv-first-cell']).toMatchObject({
      status: 'correct',
      attempts: 3,
      lastAnswer: '5',
    });

    await a.press(KEYS.escape);
    expect(a.lastFrame()).toContain(
      '› • 1. Convolution                              ████████░░░░░░░░ 1/2',
    );
    expect(a.lastFrame()).toContain(
      'All lessons                                     █████░░░░░░░░░░░ 1/3',
    );
  });

  test('keys that arrive in one chunk are typed one by one, at the cursor', async () => {
    const a = await atExercise();
    await a.type('14');
    await a.press(KEYS.left);
    // Backspace, 3 and Enter in one write (tmux, a fast typist): 14 → 4 → 34, then checked.
    await a.press('\u007F3\r');
    expect(a.store.saves.at(-1)?.exercises['conv-first-cell']).toMatchObject({
      attempts: 1,
      lastAnswer: '34',
    });
    // A paste goes in at the cursor (still after the 3) and keeps its rows; the Enter at its
    // end submits it, and as it is not a number it is not counted as a try.
    await a.press('1 2\n3 4\r');
    expect(a.lines()).toContain('Answer › 31 2; 3 44');
    expect(a.lastFrame()).toContain('This was not counted as a try.');
    expect(a.store.saves.at(-1)?.exercises['conv-first-cell']).toMatchObject({ attempts: 1 });
  });

  test('h shows a hint, Ctrl+T while typing; neither is a try', async () => {
    const a = await atExercise();
    await a.press(KEYS.escape, 'h');
    expect(a.lines().at(-3)).toBe('Hint 1: First hint: lay the kernel over the window.');
    await a.press(KEYS.enter);
    await a.type('12');
    await a.press('\u0014');
    expect(a.lines().slice(-4, -1)).toEqual([
      'Answer › 12',
      'Hint 1: First hint: lay the kernel over the window.',
      'Hint 2: Second hint: multiply the pairs and add.',
    ]);
    expect(a.lastFrame()).not.toContain('Ctrl+T a hint');
    expect(a.store.saves.at(-1)?.exercises['conv-first-cell']).toBeUndefined();
  });

  test('letters typed in the answer never act as shortcuts', async () => {
    const a = await atExercise();
    await a.type('qnshp?');
    expect(a.lines()[0]).toBe('Convolution  ·  step 3 of 5');
    expect(a.lines()).toContain('Answer › qnshp?');
  });

  test('an answer that cannot be read says what is expected and is not a try', async () => {
    const a = await atExercise();
    await a.type('five');
    await a.press(KEYS.enter);
    expect(a.lastFrame()).toContain('Type a number such as 0.55, .55, 5/9 or -1.');
    expect(a.lastFrame()).toContain('This was not counted as a try.');
    expect(a.lastFrame()).not.toContain('Hint 1');
    expect(a.store.saves.at(-1)?.exercises['conv-first-cell']).toBeUndefined();
  });

  test('fractions are accepted', async () => {
    const a = await atExercise();
    await a.type('10/2');
    await a.press(KEYS.enter);
    expect(a.lastFrame()).toContain('✓ Right!');
  });

  test('show me reveals the worked solution and the answer', async () => {
    const a = await atExercise({ rows: 40 });
    await a.press(KEYS.escape);
    expect(a.lines().slice(-3)).toEqual([
      'Answer › press Enter to type your answer',
      '←/→ step  h a hint  Enter type an answer  s show me the solution',
      'Esc back to the lessons  ? all keys  q quit',
    ]);
    await a.press('s');
    const frame = a.lastFrame();
    expect(frame).toContain('Worked solution:');
    expect(frame).toContain(
      '1*1 + 1*0 + 1*1 + 0*0 + 1*1 + 1*0 + 0*1 + 0*0 + 1*1 = 4; + bias 1 = 5',
    );
    expect(frame).toContain('The answer: 5');
    expect(a.store.saves.at(-1)?.exercises['conv-first-cell']?.status).toBe('revealed');
  });

  test('a half-typed answer makes quitting ask first', async () => {
    const a = await atExercise();
    await a.type('4');
    await a.press(KEYS.ctrlC);
    expect(a.lastFrame()).toContain(
      'Quit? Something you typed has not been checked yet and will be lost.',
    );
    expect(a.lines().at(-1)).toBe('y quit  n stay');
    await a.press('n');
    expect(a.lines()).toContain('Answer › 4');
    expect(await exits(a, 50)).toBe(false);
    await a.press(KEYS.ctrlC);
    a.stdin.write('y');
    expect(await exits(a)).toBe(true);
  });

  test('r draws new numbers for a generated exercise', async () => {
    const a = app();
    await a.settle();
    await a.press(KEYS.down, KEYS.enter, KEYS.right, KEYS.escape);
    const before = a.lastFrame();
    expect(a.lastFrame()).toContain('r new numbers');
    await a.press('r');
    expect(a.lastFrame()).not.toBe(before);
    expect(a.lines()[1]).toBe('Any window');
  });
});

describe('a grid exercise', () => {
  async function atMap() {
    const a = app({ rows: 40 });
    await a.settle();
    await a.press(KEYS.enter, KEYS.right, 'l');
    await a.press(KEYS.right);
    return a;
  }

  test('marks the wrong cells on the grid', async () => {
    const a = await atMap();
    expect(a.lines()[1]).toBe('The whole map');
    await a.type('2 4; 0 1');
    await a.press(KEYS.enter);
    const frame = a.lastFrame();
    expect(frame).toContain('2 cells are wrong, marked ✗ below.');
    expect(frame).toContain('│ 2✓ │ 4✗ │');
    expect(frame).toContain('│ 0✓ │ 1✗ │');
  });

  test('a grid of the wrong size says the size and is not a try', async () => {
    const a = await atMap();
    await a.type('1 2 3');
    await a.press(KEYS.enter);
    expect(a.lastFrame()).toContain('Expected 2 rows of 2 numbers; you typed 1 row of 3.');
    expect(a.lastFrame()).toContain('This was not counted as a try.');
  });

  test('the grid editor moves with the arrows and checks with Enter', async () => {
    const a = await atMap();
    await a.press(KEYS.tab);
    expect(a.lastFrame()).toContain('Grid editor (2×2): arrows move, type numbers, Enter checks');
    await a.type('2');
    await a.press(KEYS.right);
    await a.type('5');
    await a.press(KEYS.down);
    await a.type('2');
    await a.press(KEYS.left);
    await a.type('0');
    expect(a.lastFrame()).toContain('│  2 │  5 │');
    expect(a.lastFrame()).toContain('│[ 0]│  2 │');
    await a.press(KEYS.enter);
    expect(a.lastFrame()).toContain('✓ Right!');
    expect(a.lastFrame()).not.toContain('Grid editor');
  });

  test('cells typed fast, each with its Tab in the same chunk, land in their own cells', async () => {
    const a = await atMap();
    await a.press(KEYS.tab);
    // A quick typist (or tmux): every number arrives together with the Tab after it.
    for (const chunk of ['2\t', '5\t', '0\t', '2']) a.stdin.write(chunk);
    await a.settle();
    expect(a.lastFrame()).toContain('│  2 │  5 │');
    expect(a.lastFrame()).toContain('│  0 │[ 2]│');
    await a.press(KEYS.enter);
    expect(a.lastFrame()).toContain('✓ Right!');
  });
});

describe('the terminal', () => {
  test('too small says what size is needed, and resizing redraws', async () => {
    const a = app({ columns: 50, rows: 15 });
    await a.settle();
    expect(a.lines()).toEqual([
      'The terminal is 50×15; cnn-tutor needs at least',
      '60×18. Make the window larger and the tutor',
      'redraws.',
      'Press q to quit.',
    ]);
    await a.resize(80, 24);
    expect(a.lines()[0]).toBe('cnn-tutor: convolutional neural networks, step by step');
    await a.resize(70, 10);
    expect(a.lines()[0]).toBe(
      'The terminal is 70×10; cnn-tutor needs at least 60×18. Make the window',
    );
  });

  test.each([
    [80, 24],
    [60, 18],
    [100, 30],
    [140, 50],
  ])('every frame of a full session fits %i×%i', async (columns, rows) => {
    const a = app({ columns, rows });
    await a.settle();
    await a.press(KEYS.enter, KEYS.right, KEYS.right, 'p', '+', KEYS.right, 'e', 'n');
    await a.type('4');
    await a.press(KEYS.enter, KEYS.escape, '?', KEYS.escape, 's', 'l');
    await a.type('1 2; 3 4');
    await a.press(KEYS.enter, KEYS.tab, KEYS.right);
    await a.type('7');
    await a.press(KEYS.escape, KEYS.escape, 'l', 'l', KEYS.escape);
    await a.type('7');
    await a.press(KEYS.ctrlC);
    for (const frame of a.stdout.frames) expectFits(stripAnsi(frame), columns, rows);
  });

  test('ASCII grids and marks with --ascii', async () => {
    const a = app({ ascii: true });
    await a.settle();
    await a.press(KEYS.enter, KEYS.right, KEYS.right);
    expect(a.lastFrame()).toContain('|[4]| ? | ? |');
    expect(a.lastFrame()).toContain('+---+---+---+');
    expect(a.lastFrame()).toContain('░'.length > 0 ? 'Cell (0, 0)' : '');
    await a.press(KEYS.escape);
    expect(a.lastFrame()).toContain('----------------');
  });

  test('with colour the highlight is still bracketed', async () => {
    const a = app({ color: true });
    await a.settle();
    await a.press(KEYS.enter, KEYS.right, KEYS.right);
    const raw = a.stdout.frames.at(-1)!;
    expect(raw).toContain('\u001B[');
    expect(stripAnsi(raw)).toContain('│[4]│ ? │ ? │');
    expectFits(stripAnsi(raw), 80, 24);
  });
});

describe('saving progress', () => {
  test('a failed save is shown, and the session keeps going with its answers', async () => {
    const a = app();
    a.store.fail = true;
    await a.settle();
    await a.press(KEYS.enter);
    expect(a.lastFrame()).toContain(
      'Could not save progress to /ro/progress.json: EROFS: read-only file system',
    );
    await a.press(KEYS.right, 'l');
    await a.type('5');
    await a.press(KEYS.enter);
    expect(a.lastFrame()).toContain('✓ Right!');
    a.store.fail = false;
    await a.press(KEYS.right);
    expect(a.lastFrame()).not.toContain('Could not save');
    await a.press(KEYS.escape, KEYS.escape);
    expect(a.lastFrame()).toContain('1/2');
  });

  test('a save that throws is reported, not crashed on', async () => {
    const a = app({
      saveProgress: () => {
        throw new Error('disk on fire');
      },
    });
    await a.settle();
    await a.press(KEYS.enter);
    expect(a.lastFrame()).toContain(
      'Could not save progress: disk on fire. Your answers are kept for this session.',
    );
  });
});

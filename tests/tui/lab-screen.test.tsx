/**
 * The lab screen (`cnn-tutor lab LAB --student ID`) mounted in the shell and driven through
 * stdin (tests/helpers/ink-screen), on the real lab-1 and a temporary folder for the submission
 * file; then the same screen as the shell's pure parts see it (`driveScreen`: the frame at
 * several sizes, the list's scrolling, the key table), without Ink.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import {
  type LabSession,
  type SaveAnswerResult,
  openLabSession,
  saveLabAnswer,
} from '../../src/grade/lab-session.js';
import { loadLab } from '../../src/grade/load-lab.js';
import { displayWidth } from '../../src/render/index.js';
import { LabScreenApp, type SaveAnswer } from '../../src/tui/lab/index.js';
import { LAB_COMMANDS } from '../../src/tui/lab/keymap.js';
import { labScreen } from '../../src/tui/lab/lab-screen.js';
import {
  type LabScreenState,
  initialLabState,
  labKeyState,
  labSaved,
  setDraft,
} from '../../src/tui/lab/reducer.js';
import { FLAG, type Layer } from '../../src/tui/shell/chrome.js';
import type { FrameView } from '../../src/tui/shell/frame.js';
import { typed } from '../../src/tui/shell/input/key-press.js';
import { boundCommands, commandFor, footerItems } from '../../src/tui/shell/keymap.js';
import { keyLayers } from '../../src/tui/shell/screen.js';
import { ROOT, course, keyFor, t, wrongAnswer } from '../grade/make-class.js';
import { KEYS } from '../helpers/fake-terminal.js';
import { mountScreen, unmountScreens } from '../helpers/ink-screen.js';
import { delay } from '../helpers/wait-for.js';
import { driveScreen, frameLines } from './shell-driver.js';

const lab = loadLab('lab-1', { course: course(), root: ROOT }).lab!;
const base = mkdtempSync(join(tmpdir(), 'cnn-tutor-lab-screen-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let folders = 0;

const folder = (): string => {
  const dir = join(base, String(folders++));
  mkdirSync(dir);
  return dir;
};

function open(cwd = folder()): LabSession {
  const opened = openLabSession({ lab, student: 'alice', cwd, lang: 'en', t });
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  return opened.session;
}

/** The submission file's answers, or undefined while it does not exist. */
function answersOnDisk(session: LabSession): Record<string, unknown> | undefined {
  if (!existsSync(session.file)) return undefined;
  return (JSON.parse(readFileSync(session.file, 'utf8')) as { answers: Record<string, unknown> })
    .answers;
}

afterEach(unmountScreens);

function screen(session: LabSession, options: { save?: SaveAnswer; ascii?: boolean } = {}) {
  const exited: LabSession[] = [];
  const s = mountScreen(
    <LabScreenApp
      session={session}
      t={t}
      ascii={options.ascii ?? false}
      {...(options.save ? { save: options.save } : {})}
      onExit={(done) => exited.push(done)}
    />,
  );
  return { ...s, exited };
}

/** Words that would tell the student whether an answer is right. */
const VERDICTS = /\b(correct|incorrect|wrong|right!|not quite|expected|solution)\b/i;

describe('the list', () => {
  test('shows the lab, the student, k of n answered, the file, and every exercise', async () => {
    const session = open();
    const s = screen(session);
    await s.settle();
    const lines = s.lines();
    expect(lines[0]).toBe('Lab 1: tensors, convolution, padding and pooling');
    expect(lines[1]).toBe(`alice: 0 of 20 answered  ·  saving to ${session.file}`);
    expect(lines).toContain(
      '›  1. Shapes from the outside in                                          1 point    no answer',
    );
    expect(lines).toContain(
      '   5. The whole feature map                                              3 points    no answer',
    );
    expect(lines.at(-2)).toBe('▼ more below: 5 lines (PgDn)');
    expect(lines.at(-1)).toBe(
      '↑/↓ choose  Enter open the exercise  PgUp/PgDn page  ? all keys  q quit',
    );
    expect(s.frame()).not.toMatch(VERDICTS);
  });

  test('↓ and Enter open an exercise with its displays, its prompt pinned above a focused answer line', async () => {
    const s = screen(open());
    await s.settle();
    await s.press(KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    const lines = s.lines();
    expect(lines[2]).toBe('Exercise 5 of 20: The whole feature map (3 points)');
    expect(lines.at(-3)).toBe(
      'No padding, stride 1. Write the whole output map, 3 rows of 3 numbers, row by row from the top.',
    );
    expect(s.frame()).toContain('┌───┬───┬───┬───┐');
    expect(s.frame()).toContain(
      'Type 3 rows of 3 numbers, rows separated by ; (such as 1 2; 3 4).',
    );
    expect(lines.at(-2)).toBe('Answer ›');
    expect(lines.at(-1)).toBe(
      '←/→ exercise  Enter save the answer  Esc leave the answer line  Ctrl+C quit',
    );
    await s.press(KEYS.escape, KEYS.escape);
    expect(s.lines()).toContain(
      '›  5. The whole feature map                                              3 points    no answer',
    );
  });
});

describe('answering', () => {
  test('Enter saves the answer to the file and says where, never whether it is right', async () => {
    const session = open();
    const s = screen(session);
    await s.settle();
    await s.press(KEYS.enter);
    for (const c of '2x3') await s.press(c);
    expect(s.lines().at(-3)).toBe('Answer › 2x3');
    await s.press(KEYS.enter);
    await s.waitFor((f) => f.includes('Answer 1 saved to'));
    expect(answersOnDisk(session)).toEqual({ 'tensor-shape-random': '2x3' });
    const lines = s.lines();
    expect(lines[1]).toBe(`alice: 1 of 20 answered  ·  saving to ${session.file}`);
    expect(lines.at(-3)).toBe('Answer › 2x3');
    expect(lines.at(-2)).toBe(`Answer 1 saved to ${session.file}`);
    // After saving, the keys move on: the footer offers the next exercise and the list.
    expect(lines.at(-1)).toBe(
      '←/→ exercise  Enter type your answer  Esc back to the list  ? all keys  q quit',
    );
    await s.press(KEYS.escape);
    expect(s.lines()).toContain(
      '›  1. Shapes from the outside in                                          1 point  ✓ answered',
    );
  });

  test('a right answer and a wrong one get the same words', async () => {
    const right = keyFor(lab, 'alice').get('tensor-shape-random')!;
    const said: string[] = [];
    for (const answer of [right, wrongAnswer(right)]) {
      const session = open();
      const s = screen(session);
      await s.settle();
      await s.press(KEYS.enter);
      s.stdin.write(answer);
      await s.settle();
      await s.press(KEYS.enter);
      await s.waitFor((f) => f.includes('saved to'));
      expect(s.frame()).not.toMatch(VERDICTS);
      said.push(s.lines().at(-2)!.replace(session.file, 'FILE'));
      s.unmount();
    }
    expect(said).toEqual(['Answer 1 saved to FILE', 'Answer 1 saved to FILE']);
  });

  test('an answer that cannot be read shows how to type it and is not saved', async () => {
    const session = open();
    const s = screen(session);
    await s.settle();
    await s.press(KEYS.down, KEYS.enter);
    for (const c of 'abc') await s.press(c);
    await s.press(KEYS.enter);
    expect(s.lines().at(-2)).toBe('Not saved: Type a number such as 0.55, .55, 5/9 or -1.');
    // Still on the answer line, to fix it.
    expect(s.lines().at(-3)).toBe('Answer › abc');
    await delay(50);
    expect(answersOnDisk(session)).toBeUndefined();
    // Typing clears the message; the list marks the line as not saved.
    await s.press(KEYS.backspace);
    expect(s.lines().at(-2)).toBe('Not saved yet: Enter on the answer line saves it.');
    await s.press(KEYS.escape, KEYS.escape);
    expect(s.lines()).toContain(
      '›  2. One number in memory                                                1 point  • not saved',
    );
  });

  test('an emptied line removes the saved answer; Enter on an empty line saves nothing', async () => {
    const session = open();
    const s = screen(session);
    await s.settle();
    await s.press(KEYS.enter);
    expect(s.lines().at(-2)).toBe('Answer ›');
    await s.press(KEYS.enter);
    expect(s.lines().at(-2)).toBe('Nothing to save: type your answer first.');
    await s.press('4', KEYS.enter);
    await s.waitFor(() => answersOnDisk(session)?.['tensor-shape-random'] === '4');
    await s.press(KEYS.enter, KEYS.backspace, KEYS.enter);
    await s.waitFor((f) => f.includes('Answer 1 removed from'));
    expect(answersOnDisk(session)).toEqual({});
  });

  test('answers saved in quick succession are all written', async () => {
    const session = open();
    const s = screen(session);
    await s.settle();
    // Everything at once: answer 1, save, next exercise, type, answer 2, save.
    for (const k of [KEYS.enter, '2x3', KEYS.enter, KEYS.right, KEYS.enter, '17', KEYS.enter])
      s.stdin.write(k);
    await s.waitFor((f) => f.includes('Answer 2 saved to'));
    expect(answersOnDisk(session)).toEqual({
      'tensor-shape-random': '2x3',
      'tensor-position-random': '17',
    });
    expect(s.lines()[1]).toContain('2 of 20 answered');
  });

  test('a failed save says so and keeps the answer on its line', async () => {
    const session = open();
    const failing: SaveAnswer = async (): Promise<SaveAnswerResult> => ({
      ok: false,
      error: {
        key: 'lab.save.failed',
        params: { file: session.file, error: 'EACCES' },
      },
    });
    const s = screen(session, { save: failing });
    await s.settle();
    await s.press(KEYS.enter, '7', KEYS.enter);
    await s.waitFor((f) => f.includes('is not saved'));
    expect(s.frame().replace(/\s*\n/g, ' ')).toContain(
      `Answer 1 is not saved: Could not save to ${session.file} (EACCES).`,
    );
    expect(s.lines()).toContain('Answer › 7');
    await s.press(KEYS.escape);
    expect(s.frame()).toContain('• not saved');
  });
});

describe('moving between exercises', () => {
  test('←/→ on an empty line, n/p off it, and each line keeps what was typed', async () => {
    const s = screen(open());
    await s.settle();
    await s.press(KEYS.enter, KEYS.right);
    expect(s.lines()[2]).toBe('Exercise 2 of 20: One number in memory (1 point)');
    expect(s.lines().at(-2)).toBe('Answer ›'); // still typing
    await s.press('9');
    // With text on the line, ← moves the cursor instead.
    await s.press(KEYS.left);
    expect(s.lines()[2]).toBe('Exercise 2 of 20: One number in memory (1 point)');
    await s.press(KEYS.escape, 'n');
    expect(s.lines()[2]).toBe('Exercise 3 of 20: The shape of a batch (1 point)');
    await s.press('p');
    expect(s.lines()[2]).toBe('Exercise 2 of 20: One number in memory (1 point)');
    expect(s.lines()).toContain('Answer › 9');
    await s.press('p', 'p');
    expect(s.lines()[2]).toBe('Exercise 1 of 20: Shapes from the outside in (1 point)');
  });

  test('keys typed right after switching exercises land on the new line', async () => {
    const s = screen(open());
    await s.settle();
    // No waiting between the keys: Enter opens exercise 1, → goes to 2, then the digits.
    for (const k of [KEYS.enter, KEYS.right, '4', '2']) s.stdin.write(k);
    await s.settle();
    expect(s.lines()[2]).toBe('Exercise 2 of 20: One number in memory (1 point)');
    expect(s.lines().at(-3)).toBe('Answer › 42');
    // And straight back: ← does not move while the line has text, so Backspace twice first.
    for (const k of [KEYS.backspace, KEYS.backspace, KEYS.left, '5']) s.stdin.write(k);
    await s.settle();
    expect(s.lines()[2]).toBe('Exercise 1 of 20: Shapes from the outside in (1 point)');
    expect(s.lines().at(-3)).toBe('Answer › 5');
  });

  test('Enter and an answer arriving in one chunk: the answer lands on the line Enter opened', async () => {
    const session = open();
    const s = screen(session);
    await s.settle();
    s.stdin.write('\r2x3\r');
    await s.waitFor((f) => f.includes('Answer 1 saved to'));
    expect(answersOnDisk(session)).toEqual({ 'tensor-shape-random': '2x3' });
    expect(s.lines().at(-3)).toBe('Answer › 2x3');
  });

  test('a tall exercise scrolls with ↑/↓ and keeps its question and the answer line in view', async () => {
    const s = screen(open());
    await s.settle();
    for (let i = 0; i < 8; i++) await s.press(KEYS.down);
    await s.press(KEYS.enter, KEYS.escape);
    expect(s.lines()[2]).toBe('Exercise 9 of 20: One map per filter (3 points)');
    const marker = (): string | undefined => s.lines().find((l) => /^[▲▼] /.test(l));
    expect(marker()).toMatch(/^▼ more below: \d+ lines \(↓ PgDn\)$/);
    const question = s.lines().slice(-4, -2);
    expect(question.join(' ')).toContain('Write the map of filter 1');
    await s.press(KEYS.down, KEYS.down);
    expect(marker()).toMatch(/^▲ 2 lines above \(↑ PgUp\) {3}▼ more below: \d+ lines \(↓ PgDn\)$/);
    expect(s.lines().slice(-4, -2)).toEqual(question);
    expect(s.lines().at(-2)).toBe('Answer › press Enter to type your answer');
    expect(s.lines().length).toBeLessThanOrEqual(23);
    // The answer line takes the keys again, and ↑/↓ still scroll while it does.
    await s.press(KEYS.enter, KEYS.up);
    expect(marker()).toMatch(/^▲ 1 line above/);
    expect(s.lines().at(-2)).toBe('Answer ›');
  });
});

describe('help and quitting', () => {
  test('? lists the keys of the screen underneath, and says grade is where answers are checked', async () => {
    const session = open();
    const s = screen(session);
    await s.settle();
    await s.press(KEYS.enter, KEYS.escape, '?');
    const lines = s.lines();
    expect(lines[0]).toBe('Keys on this screen');
    expect(lines).toContain('  ← p h     previous exercise');
    expect(lines).toContain('  Enter i   type your answer');
    expect(lines).toContain('  q Ctrl+C  quit');
    expect(s.frame().replace(/\n/g, ' ')).toContain(`cnn-tutor grade ${session.file}`);
    await s.press('?');
    expect(s.lines()[2]).toBe('Exercise 1 of 20: Shapes from the outside in (1 point)');
  });

  test('q quits at once when everything typed is saved', async () => {
    const s = screen(open());
    await s.settle();
    await s.press('q');
    expect(s.exited).toHaveLength(1);
  });

  test('quitting with an answer typed but not saved asks first; Ctrl+C the same', async () => {
    const session = open();
    const s = screen(session);
    await s.settle();
    await s.press(KEYS.enter, '3');
    // On the answer line q is text; Ctrl+C is the way out.
    await s.press('q');
    expect(s.lines().at(-3)).toBe('Answer › 3q');
    await s.press(KEYS.backspace, KEYS.ctrlC);
    expect(s.lines().at(-2)).toBe('Quit? 1 answer is typed but not saved and will be lost.');
    expect(s.lines().at(-1)).toBe('y quit  n stay');
    await s.press('n');
    expect(s.lines().at(-3)).toBe('Answer › 3');
    await s.press(KEYS.escape, 'q');
    expect(s.lines().at(-2)).toBe('Quit? 1 answer is typed but not saved and will be lost.');
    await s.press('y');
    expect(s.exited).toHaveLength(1);
    expect(answersOnDisk(session)).toBeUndefined();
  });

  test('a quit waits for a save still being written', async () => {
    const session = open();
    let release: () => void = () => {};
    const slow: SaveAnswer = async (...args) => {
      await new Promise<void>((r) => {
        release = r;
      });
      return saveLabAnswer(...args);
    };
    const s = screen(session, { save: slow });
    await s.settle();
    await s.press(KEYS.enter, '4', KEYS.enter, 'q');
    expect(s.exited).toHaveLength(0);
    release();
    await s.waitFor(() => s.exited.length === 1);
    expect(s.exited[0].answers.get('tensor-shape-random')).toBe('4');
    expect(answersOnDisk(session)).toEqual({ 'tensor-shape-random': '4' });
  });
});

describe('resuming', () => {
  test('answers in the file are on their lines and marked answered', async () => {
    const cwd = folder();
    const first = await saveLabAnswer(open(cwd), 'conv-whole-map', '1 2 3; 4 5 6; 7 8 9');
    expect(first.ok).toBe(true);
    const session = open(cwd);
    const s = screen(session);
    await s.settle();
    expect(s.lines()[1]).toContain('alice: 1 of 20 answered');
    expect(s.lines()).toContain(
      '   5. The whole feature map                                              3 points  ✓ answered',
    );
    for (let i = 0; i < 4; i++) await s.press(KEYS.down);
    await s.press(KEYS.enter);
    expect(s.lines().at(-3)).toBe('Answer › 1 2 3; 4 5 6; 7 8 9');
    expect(s.lines().at(-2)).toBe('Saved.');
  });
});

// ---- The pure parts: the screen as the shell drives it, without Ink ----

function drive(
  session: LabSession,
  size: { width?: number; height?: number; ascii?: boolean } = {},
) {
  return driveScreen(labScreen, initialLabState(session), { t, ...size });
}

/** The rows a frame takes on the terminal (a focused field may wrap onto several). */
function rowsOf(view: FrameView): number {
  if (view.kind !== 'main') return view.lines.length;
  return view.above.length + (view.field?.rows ?? 0) + view.below.length;
}

describe('layout', () => {
  test.each([
    [80, 24],
    [60, 18],
    [100, 30],
  ])(
    'every screen fits %i×%i, in Unicode and ASCII',
    (width, height) => {
      const session = open();
      for (const ascii of [false, true]) {
        const d = drive(session, { width, height, ascii });
        const check = (): void => {
          const { view } = d.frame();
          const where = `${view.kind} ${d.state.screen} ${d.state.selected + 1}`;
          const wide = frameLines(view).filter((l) => displayWidth(l) > width);
          expect(wide, where).toEqual([]);
          expect(rowsOf(view), where).toBeLessThanOrEqual(height - 1);
        };
        // The list, its selection going down to the last exercise.
        for (let i = 0; i < session.questions.length; i++) {
          check();
          d.press(KEYS.down);
        }
        // Every exercise: focused and empty, after an answer that cannot be read (the notice
        // under the line), and without focus.
        for (let i = 0; i < session.questions.length; i++) d.press(KEYS.up);
        d.press(KEYS.enter);
        for (let i = 0; i < session.questions.length; i++) {
          expect(d.state).toMatchObject({ screen: 'exercise', selected: i, focus: 'answer' });
          check();
          d.press('zz', KEYS.enter);
          check();
          if (d.state.focus === 'answer') d.press(KEYS.escape);
          check();
          d.press('n', KEYS.enter);
        }
        d.press(KEYS.escape, '?');
        expect(d.frame().view.kind).toBe('help');
        check();
        d.press(KEYS.escape, KEYS.ctrlC);
        expect(d.text()).toContain('typed but not saved and will be lost');
        check();
      }
    },
    30_000,
  );

  test.each([
    [50, 15],
    [59, 24],
    [80, 17],
  ])('at %i×%i it asks for a larger window, and q still quits', (width, height) => {
    const d = drive(open(), { width, height });
    expect(d.frame().view.kind).toBe('too-small');
    expect(d.text()).toContain(`The terminal is ${width}×${height}`);
    expect(d.frame().layer).toBe('too-small');
    d.press(KEYS.enter, 'j');
    expect(d.state.screen).toBe('list');
    expect(d.state.selected).toBe(0);
    d.press('q');
    expect(d.shell.quitting).toBe(true);
  });
});

describe('the list, without Ink', () => {
  /** The numbers of the exercise rows in view, and the selected one ('›  7. …' → 7). */
  const rows = (lines: string[]) => {
    const numbers = lines.flatMap((l) => {
      const m = /^[› ]\s+(\d+)\. /.exec(l);
      return m ? [Number(m[1])] : [];
    });
    const pointed = lines.find((l) => l.startsWith('›'));
    return { numbers, selected: pointed && Number(/^›\s+(\d+)\./.exec(pointed)?.[1]) };
  };

  test('↓/↑ (and j/k) move the selection, and the list scrolls to keep it and the next row in view', () => {
    const session = open();
    const total = session.questions.length;
    const d = drive(session, { width: 80, height: 24 });
    expect(d.text()).toMatch(/▼ more below: \d+ lines/);
    for (let n = 2; n <= total + 1; n++) {
      d.press(n % 2 === 0 ? KEYS.down : 'j');
      const { numbers, selected } = rows(d.lines());
      expect(selected).toBe(Math.min(n, total));
      expect(numbers).toContain(Math.min(n + 1, total));
    }
    // At the bottom: the first rows are scrolled away, nothing is left below.
    expect(d.text()).toMatch(/▲ \d+ lines? above/);
    expect(d.text()).not.toContain('more below');
    for (let n = total - 1; n >= 0; n--) {
      d.press(n % 2 === 0 ? KEYS.up : 'k');
      const { numbers, selected } = rows(d.lines());
      expect(selected).toBe(Math.max(1, n));
      expect(numbers).toContain(Math.max(1, n) + 1);
    }
    expect(rows(d.lines()).numbers[0]).toBe(1);
    expect(d.text()).not.toContain('above');
  });

  test('Enter (or → or l) opens the selected exercise with its answer line focused', () => {
    for (const key of [KEYS.enter, KEYS.right, 'l']) {
      const d = drive(open(), { width: 80, height: 24 });
      d.press(KEYS.down, KEYS.down, key);
      expect(d.state).toMatchObject({ screen: 'exercise', selected: 2, focus: 'answer' });
      expect(d.lines()[2]).toBe('Exercise 3 of 20: The shape of a batch (1 point)');
      expect(d.frame().facts.fieldShown).toBe(true);
      // The focused line shows no "press Enter to type": Enter saves there.
      const { view } = d.frame();
      expect(view.kind === 'main' && view.field?.hint).toBe('');
      d.press(KEYS.escape);
      expect(d.lines()).toContain('Answer › press Enter to type your answer');
    }
  });
});

describe('notices and marks, without Ink', () => {
  test('a typed answer is marked not saved, in the list and under the line, until it is saved', async () => {
    const session = open();
    const d = drive(session, { width: 80, height: 24 });
    d.press(KEYS.enter, '2x3');
    expect(d.lines().at(-2)).toBe('Not saved yet: Enter on the answer line saves it.');
    d.press(KEYS.escape, KEYS.escape);
    expect(d.text()).toContain('• not saved');
    d.press(KEYS.enter, KEYS.enter);
    // Queued: the line says it is being written, and no longer that it is not saved.
    expect(d.state.saving).toEqual([{ id: 'tensor-shape-random', text: '2x3' }]);
    expect(d.lines().at(-2)).toBe('Saving…');
    const request = d.state.saving[0];
    const result = await saveLabAnswer(d.state.session, request.id, request.text);
    d.update((s) => labSaved(s, { type: 'saved', request, result }));
    expect(d.lines().at(-2)).toBe(`Answer 1 saved to ${session.file}`);
    expect(d.lines()[1]).toContain('alice: 1 of 20 answered');
    d.press(KEYS.escape);
    expect(d.text()).toContain('✓ answered');
    expect(d.text()).not.toContain('not saved');
  });

  test('a finished save that is not the one at the head of the queue changes nothing', async () => {
    const d = drive(open());
    d.press(KEYS.enter, '4', KEYS.enter);
    const before = d.state;
    const stray = { id: 'tensor-shape-random', text: '4' };
    const result = await saveLabAnswer(before.session, stray.id, stray.text);
    d.update((s) => labSaved(s, { type: 'saved', request: stray, result }));
    expect(d.state).toBe(before);
  });

  test('a failed save says so, keeps the answer, and marks it not saved', () => {
    const session = open();
    const d = drive(session, { width: 80, height: 24 });
    d.press(KEYS.enter, '7', KEYS.enter);
    const request = d.state.saving[0];
    d.update((s) =>
      labSaved(s, {
        type: 'saved',
        request,
        result: {
          ok: false,
          error: { key: 'lab.save.failed', params: { file: 'F', error: 'EIO' } },
        },
      }),
    );
    expect(d.text()).toContain('Answer 1 is not saved: Could not save to F (EIO).');
    expect(d.lines()).toContain('Answer › 7');
    expect(d.state.saving).toEqual([]);
    d.press(KEYS.escape);
    expect(d.text()).toContain('• not saved');
    d.press(KEYS.escape, 'q');
    expect(d.shell.quitting).toBe(false);
    expect(d.text()).toContain('Quit? 1 answer is typed but not saved and will be lost.');
  });

  test('moving to another exercise clears the notice; Enter on an empty line says there is nothing to save', () => {
    const d = drive(open(), { width: 80, height: 24 });
    d.press(KEYS.enter, KEYS.enter);
    expect(d.lines().at(-2)).toBe('Nothing to save: type your answer first.');
    d.press(KEYS.right);
    expect(d.state.notice).toBeUndefined();
    d.press('abc', KEYS.enter);
    expect(d.lines().at(-2)).toBe('Not saved: Type a number such as 0.55, .55, 5/9 or -1.');
    d.press(KEYS.backspace);
    expect(d.lines().at(-2)).toBe('Not saved yet: Enter on the answer line saves it.');
  });
});

describe('a question that could not be built', () => {
  test('says so, has no answer line, and Enter does not offer one', () => {
    const session = open();
    const [first, ...rest] = session.questions;
    const broken: LabSession = {
      ...session,
      questions: [{ ok: false, exercise: first.exercise, error: 'boom' }, ...rest],
    };
    const d = drive(broken, { width: 80, height: 24 });
    expect(d.lines()).toContain(
      '›  1. Shapes from the outside in                      1 point  ⚠ cannot be built',
    );
    d.press(KEYS.enter);
    expect(d.state.screen).toBe('exercise');
    expect(d.frame().keys.context).toBe('unbuilt');
    const view = d.frame().view;
    expect(view.kind === 'main' && view.field).toBeFalsy();
    expect(d.text().replace(/\n/g, ' ')).toContain('This question could not be built (boom).');
    expect(d.lines().at(-1)).toBe('←/→ exercise  Esc back to the list  ? all keys  q quit');
    const before = d.shell;
    d.press(KEYS.enter, 'i', 'x');
    expect(d.shell).toBe(before);
    // Moving on from it works, and the next exercise has its line again.
    d.press('n', KEYS.enter);
    expect(d.frame().facts.fieldShown).toBe(true);
  });
});

describe('the lab key table', () => {
  const session = open();
  const [first, ...rest] = session.questions;
  const list = initialLabState(session);
  const exercise: LabScreenState = { ...list, screen: 'exercise' };
  const answer: LabScreenState = { ...exercise, focus: 'answer' };
  const states: Array<[string, LabScreenState]> = [
    ['list', list],
    ['exercise', exercise],
    [
      'unbuilt',
      {
        ...exercise,
        session: {
          ...session,
          questions: [{ ok: false, exercise: first.exercise, error: 'boom' }, ...rest],
        },
      },
    ],
    ['answer, empty', answer],
    ['answer, text', setDraft(answer, first.exercise.id, '2x3')],
  ];
  const LAYERS: Layer[] = ['screen', 'help', 'quit-confirm', 'too-small'];
  const cases = states.flatMap(([name, state]) =>
    LAYERS.flatMap((layer) =>
      [[], [FLAG.scrollable, FLAG.helpScrollable]].map((extra) => ({
        name: `${name} / ${layer} / ${extra.join(',') || 'fits'}`,
        layers: keyLayers(LAB_COMMANDS, labKeyState(state), layer, extra),
      })),
    ),
  );

  test('the states cover every context of the lab', () => {
    expect(new Set(states.map(([, s]) => labKeyState(s).context))).toEqual(
      new Set(['list', 'exercise', 'unbuilt', 'answer']),
    );
    expect(states.map(([, s]) => labKeyState(s).typing)).toEqual([
      'none',
      'none',
      'none',
      'empty',
      'text',
    ]);
  });

  test('no two commands bound at once share a key (the lab, the shell, the field)', () => {
    for (const { name, layers } of cases) {
      const seen = new Map<string, string>();
      for (const { command, keys } of boundCommands(layers)) {
        for (const k of keys) {
          expect(seen.get(k), `${name}: ${k}`).toBeUndefined();
          seen.set(k, command.id);
        }
      }
    }
  });

  test('on the answer line no printable key is a command, and every one is typed', () => {
    for (const { name, layers } of cases.filter((c) => c.name.startsWith('answer, '))) {
      if (!name.includes('/ screen /')) continue;
      for (let c = 32; c < 127; c++) {
        const char = String.fromCharCode(c);
        expect(commandFor(layers, typed(char)), `${name}: ${char}`).toBeUndefined();
      }
    }
    const d = drive(open());
    d.press(KEYS.enter);
    let all = '';
    for (let c = 32; c < 127; c++) {
      const char = String.fromCharCode(c);
      d.press(char);
      all += char;
    }
    expect(d.state.drafts.get('tensor-shape-random')).toBe(all);
    expect(d.state).toMatchObject({ screen: 'exercise', selected: 0, focus: 'answer' });
    expect(d.shell.quitting).toBe(false);
    expect(d.shell.chrome.overlay).toBeUndefined();
  });

  test('the footer shows the bound commands, and every context can quit or leave', () => {
    for (const { name, layers } of cases) {
      const shown = footerItems(layers, t).flatMap((i) => i.ids);
      const bound = boundCommands(layers)
        .filter(({ command }) => command.footer !== false)
        .map(({ command }) => command.id);
      expect([...shown].sort(), name).toEqual([...bound].sort());
      const all = boundCommands(layers).map(({ command }) => command.id);
      expect(
        all.some((id) => ['quit', 'confirm-quit', 'close-help'].includes(id)),
        name,
      ).toBe(true);
    }
    for (const c of LAB_COMMANDS) {
      expect(t(c.label), c.label).not.toBe(c.label);
      if (c.group) expect(t(c.group), c.group).not.toBe(c.group);
    }
  });
});

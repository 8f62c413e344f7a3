/**
 * The lab screen (`cnn-tutor lab LAB --student ID`) driven through stdin with
 * ink-testing-library, on the real lab-1 and a temporary folder for the submission file;
 * then its pure parts (layout at 80×24 and 60×18, the key table) without Ink.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Key } from 'ink';
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import {
  type LabSession,
  type SaveAnswerResult,
  openLabSession,
  saveLabAnswer,
} from '../../src/grade/lab-session.js';
import { loadLab } from '../../src/grade/load-lab.js';
import { displayWidth, plainStyle } from '../../src/render/index.js';
import { LabScreenApp, type SaveAnswer } from '../../src/tui/lab/index.js';
import {
  LAB_COMMANDS,
  type LabContext,
  type LabKeyState,
  labBoundCommands,
  labCommandFor,
  labFooterItems,
} from '../../src/tui/lab/keymap.js';
import { type LabViewFacts, initialLabState, reduceLab } from '../../src/tui/lab/reducer.js';
import { buildLabScreen } from '../../src/tui/lab/view.js';
import type { Typing } from '../../src/tui/keymap.js';
import { ROOT, course, keyFor, t, wrongAnswer } from '../grade/make-class.js';
import { KEYS, delay } from './render-app.js';
import { NO_KEY, key } from './keys.js';

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

let mounted: Array<{ unmount: () => void }> = [];
afterEach(() => {
  mounted.forEach((m) => m.unmount());
  mounted = [];
});

function screen(session: LabSession, options: { save?: SaveAnswer; ascii?: boolean } = {}) {
  const exited: LabSession[] = [];
  const r = render(
    <LabScreenApp
      session={session}
      t={t}
      ascii={options.ascii ?? false}
      {...(options.save ? { save: options.save } : {})}
      onExit={(s) => exited.push(s)}
    />,
  );
  mounted.push(r);
  const frames = r.stdout.frames;
  const frame = (): string => r.lastFrame() ?? '';
  /** Until a new frame arrives (or `patience` ms pass), then until none has come for `quiet` ms. */
  const settle = async (patience = 300, quiet = 25): Promise<void> => {
    const start = frames.length;
    const began = performance.now();
    while (frames.length === start && performance.now() - began < patience) await delay(2);
    let count = frames.length;
    let since = performance.now();
    while (performance.now() - since < quiet) {
      await delay(2);
      if (frames.length !== count) {
        count = frames.length;
        since = performance.now();
      }
    }
  };
  return {
    ...r,
    exited,
    frame,
    /** Lines of the last frame as text: no escape codes (the field's cursor), no trailing spaces. */
    lines: () =>
      stripAnsi(frame())
        .split('\n')
        .map((l) => l.trimEnd()),
    settle,
    async press(...keys: string[]): Promise<void> {
      for (const k of keys) {
        r.stdin.write(k);
        await settle();
      }
    },
    async waitFor(check: (frame: string) => boolean, timeout = 3000): Promise<void> {
      const began = performance.now();
      while (!check(frame())) {
        if (performance.now() - began > timeout)
          throw new Error(`Timed out waiting; last frame:\n${frame()}`);
        await delay(5);
      }
    },
  };
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
      '›  1. Shapes from the outside in                                         1 point    no answer',
    );
    expect(lines).toContain(
      '   5. The whole feature map                                             3 points    no answer',
    );
    expect(lines.at(-2)).toBe('▼ 5 more exercises below');
    expect(lines.at(-1)).toBe('↑/↓ choose  Enter open the exercise  ? all keys  q quit');
    expect(s.frame()).not.toMatch(VERDICTS);
  });

  test('↓ and Enter open an exercise with its prompt, displays and a focused answer line', async () => {
    const s = screen(open());
    await s.settle();
    await s.press(KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    const lines = s.lines();
    expect(lines[2]).toBe('Exercise 5 of 20: The whole feature map (3 points)');
    expect(s.frame()).toContain('Write the whole output map, 3 rows of 3 numbers');
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
      '›  5. The whole feature map                                             3 points    no answer',
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
      '›  1. Shapes from the outside in                                         1 point  ✓ answered',
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
      '›  2. One number in memory                                               1 point  • not saved',
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

  test('a tall exercise scrolls with ↑/↓ and keeps the answer line in view', async () => {
    const s = screen(open());
    await s.settle();
    for (let i = 0; i < 8; i++) await s.press(KEYS.down);
    await s.press(KEYS.enter, KEYS.escape);
    expect(s.lines()[2]).toBe('Exercise 9 of 20: One map per filter (3 points)');
    const marker = s.lines().at(-3)!;
    expect(marker).toMatch(/^▼ \d+ more lines below$/);
    await s.press(KEYS.down, KEYS.down);
    expect(s.lines().at(-3)).toMatch(/^▲ 2 more lines above {3}▼ \d+ more lines below$/);
    expect(s.lines().at(-2)).toBe('Answer › press Enter to type your answer');
    expect(s.lines().length).toBeLessThanOrEqual(23);
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
      '   5. The whole feature map                                             3 points  ✓ answered',
    );
    for (let i = 0; i < 4; i++) await s.press(KEYS.down);
    await s.press(KEYS.enter);
    expect(s.lines().at(-3)).toBe('Answer › 1 2 3; 4 5 6; 7 8 9');
    expect(s.lines().at(-2)).toBe('Saved.');
  });
});

// ---- The pure parts ----

const FACTS: LabViewFacts = { tooSmall: false, scrollable: false, maxScroll: 0, page: 1 };

describe('layout', () => {
  test.each([
    [80, 24],
    [60, 18],
  ])('every screen fits %i×%i, in Unicode and ASCII', (width, height) => {
    const session = open();
    for (const ascii of [false, true]) {
      const o = { width, height, t, ascii, style: plainStyle };
      let state = initialLabState(session);
      const check = (): void => {
        const built = buildLabScreen(state, o);
        const s = built.screen;
        const lines =
          s.kind === 'list'
            ? [...s.header, ...s.rows, s.marker, ...s.status, ...s.bottom.footer]
            : s.kind === 'exercise'
              ? [
                  ...s.header,
                  ...s.body,
                  s.marker,
                  s.field?.line ?? '',
                  ...s.status,
                  ...s.bottom.footer,
                ]
              : s.kind === 'help'
                ? [...s.lines, ...s.footer]
                : s.lines;
        const wide = lines.filter((l) => displayWidth(l) > width);
        expect(wide, `${s.kind} ${state.selected}`).toEqual([]);
        if (s.kind === 'list')
          expect(
            s.header.length + s.height + 1 + s.status.length + s.bottom.footer.length,
          ).toBeLessThanOrEqual(height - 1);
        if (s.kind === 'exercise') {
          expect(s.body.length).toBeLessThanOrEqual(s.bodyHeight);
          expect(
            s.header.length +
              s.bodyHeight +
              1 +
              (s.field?.rows ?? 1) +
              s.status.length +
              s.bottom.footer.length,
          ).toBeLessThanOrEqual(height - 1);
        }
      };
      check();
      state = reduceLab(state, {
        type: 'key',
        input: '\r',
        key: key({ return: true }),
        view: FACTS,
      });
      for (let i = 0; i < session.questions.length; i++) {
        check();
        state = reduceLab(state, {
          type: 'key',
          input: '',
          key: key({ rightArrow: true }),
          view: FACTS,
        });
      }
      state = reduceLab(state, {
        type: 'key',
        input: '',
        key: key({ escape: true, meta: true }),
        view: FACTS,
      });
      state = reduceLab(state, { type: 'key', input: '?', key: key(), view: FACTS });
      check();
    }
  });

  test('below the minimum size it asks for a larger window', () => {
    const built = buildLabScreen(initialLabState(open()), {
      width: 50,
      height: 15,
      t,
      ascii: false,
      style: plainStyle,
    });
    expect(built.screen.kind).toBe('too-small');
    expect(built.keys.context).toBe('too-small');
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
    const o = { width: 80, height: 24, t, ascii: false, style: plainStyle };
    let state = initialLabState(broken);
    expect(buildLabScreen(state, o).screen).toMatchObject({ kind: 'list' });
    const list = buildLabScreen(state, o).screen as Extract<
      ReturnType<typeof buildLabScreen>['screen'],
      { kind: 'list' }
    >;
    expect(list.rows[0]).toBe(
      '›  1. Shapes from the outside in                     1 point  ⚠ cannot be built',
    );
    state = reduceLab(state, { type: 'key', input: '\r', key: key({ return: true }), view: FACTS });
    const built = buildLabScreen(state, o);
    expect(built.keys.context).toBe('unbuilt');
    expect(built.screen).toMatchObject({ kind: 'exercise' });
    const view = built.screen as Extract<typeof built.screen, { kind: 'exercise' }>;
    expect(view.field).toBeUndefined();
    expect(view.body.join(' ')).toContain('This question could not be built (boom).');
    expect(view.bottom.footer).toEqual(['←/→ exercise  Esc back to the list  ? all keys  q quit']);
    const again = reduceLab(state, {
      type: 'key',
      input: '\r',
      key: key({ return: true }),
      view: FACTS,
    });
    expect(again).toBe(state);
  });
});

describe('the lab key table', () => {
  const CONTEXTS: LabContext[] = [
    'list',
    'exercise',
    'unbuilt',
    'answer',
    'help',
    'quit-confirm',
    'too-small',
  ];
  const states: LabKeyState[] = CONTEXTS.flatMap((context) =>
    (context === 'answer' ? (['empty', 'text'] as Typing[]) : (['none'] as Typing[])).flatMap(
      (typing) => [
        { context, typing, flags: new Set() },
        { context, typing, flags: new Set(['scrollable'] as const) },
      ],
    ),
  );

  test('no two commands of one context share a key', () => {
    for (const s of states) {
      const seen = new Map<string, string>();
      for (const { command, keys } of labBoundCommands(s)) {
        for (const k of keys) {
          expect(seen.get(k), `${s.context}/${s.typing}: ${k}`).toBeUndefined();
          seen.set(k, command.id);
        }
      }
    }
  });

  test('on the answer line no printable key is a command', () => {
    for (const typing of ['empty', 'text'] as const) {
      for (let c = 32; c < 127; c++) {
        const char = String.fromCharCode(c);
        expect(labCommandFor(char, key(), { context: 'answer', typing })).toBeUndefined();
      }
    }
  });

  test('the footer shows the bound commands, and every context can quit or leave', () => {
    for (const s of states) {
      const shown = labFooterItems(s, t).flatMap((i) => i.commands);
      const bound = labBoundCommands(s)
        .filter(({ command }) => command.footer !== false)
        .map(({ command }) => command.id);
      expect(shown).toEqual(bound);
      const all = labBoundCommands(s).map(({ command }) => command.id);
      expect(
        all.some((id) => ['quit', 'confirm-quit', 'close-help'].includes(id)),
        s.context,
      ).toBe(true);
    }
    expect(LAB_COMMANDS.every((c) => t(c.label) !== c.label)).toBe(true);
  });
});

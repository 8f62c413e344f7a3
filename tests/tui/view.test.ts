import stripAnsi from 'strip-ansi';
import { describe, expect, test } from 'vitest';
import type { Course, Lesson } from '../../src/content/course.js';
import { createStyle, displayWidth, plainStyle } from '../../src/render/index.js';
import {
  MAX_FIELD_ROWS,
  MIN_HEIGHT,
  MIN_WIDTH,
  fieldRows,
  INITIAL_CHROME,
} from '../../src/tui/shell/frame.js';
import { frameOf, initialShell, type ShellState } from '../../src/tui/shell/screen.js';
import {
  gridFromText,
  nextCell,
  textFromGrid,
  typeIntoGrid,
} from '../../src/tui/state/grid-draft.js';
import { currentExercise, initialState } from '../../src/tui/state/reducer.js';
import type { Action, TutorState } from '../../src/tui/state/types.js';
import { tutorScreen } from '../../src/tui/tutor-screen.js';
import { gridEditorLines } from '../../src/tui/view/grid-editor.js';
import { progressBar } from '../../src/tui/view/progress-bar.js';
import type { ViewOptions } from '../../src/view/text.js';
import { fixtureCourse, fixtureEnv, freshProgress, LESSONS, NOW, stamp, t } from './fixture.js';
import { KEYS } from '../helpers/fake-terminal.js';
import {
  CELL,
  MAP,
  atCell,
  atDemo,
  atMap,
  demoNext,
  driveTutor,
  env,
  next,
  open,
  run,
  start,
  submit,
  typeIn,
} from './tutor-driver.js';

const options = (width = 80, height = 24, extra: Partial<ViewOptions> = {}): ViewOptions => ({
  width,
  height,
  t,
  ascii: false,
  style: plainStyle,
  ...extra,
});

describe('progressBar', () => {
  test.each([
    [0, 10, false, '░░░░░░░░░░'],
    [0.5, 10, false, '█████░░░░░'],
    [1 / 3, 6, true, '##----'],
    [0.999, 4, false, '███░'],
    [1, 4, false, '████'],
    [2, 3, true, '###'],
    [-1, 3, true, '---'],
    [Number.NaN, 2, true, '--'],
  ])('progressBar(%f, %i, ascii %s) → %s', (fraction, width, ascii, expected) => {
    expect(progressBar(fraction, width, ascii)).toBe(expected);
  });
});

describe('the answer field', () => {
  const unfocused = (draft: string): TutorState =>
    run(atCell(), typeIn(CELL, draft), { type: 'answer/focus', focus: 'keys' });

  test('without focus: the label and the draft, or the placeholder while it is empty', () => {
    expect(driveTutor(unfocused('5/9')).lines()).toContain('Answer › 5/9');
    expect(driveTutor(unfocused('')).lines()).toContain('Answer › press Enter to type your answer');
  });

  test('with focus no placeholder: "press Enter to type" would be wrong there', () => {
    const field = (s: TutorState) => {
      const view = driveTutor(s).frame().view;
      return view.kind === 'main' ? view.field : undefined;
    };
    expect(field(atCell())).toMatchObject({ focused: true, value: '', hint: '' });
    expect(field(atMap())).toMatchObject({ focused: true, value: '', hint: '' });
  });

  test('a long draft without focus is cut to the width', () => {
    const draft = '1 2 3 4 5; 6 7 8 9 10; 11 12 13 14 15; 16 17 18 19 20; 21 22 23 24 25';
    const lines = driveTutor(unfocused(draft), { width: 60 }).lines();
    const line = lines.find((l) => l.startsWith('Answer › '))!;
    expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(line.startsWith('Answer › 1 2 3')).toBe(true);
  });

  test('with focus a long draft wraps onto more rows, at most three', () => {
    const rows = (draft: string, width = 80): number => {
      const view = driveTutor(run(atCell(), typeIn(CELL, draft)), { width }).frame().view;
      return view.kind === 'main' ? (view.field?.rows ?? 0) : 0;
    };
    expect(rows('')).toBe(1);
    expect(rows('x'.repeat(70))).toBe(1);
    expect(rows('x'.repeat(72))).toBe(2);
    expect(rows('x'.repeat(1000))).toBe(MAX_FIELD_ROWS);
  });

  test.each([
    ['', 80, 1],
    ['x'.repeat(70), 80, 1],
    // 71 characters and the cursor cell fill the 72 columns after the 8-column label.
    ['x'.repeat(71), 80, 1],
    ['x'.repeat(72), 80, 2],
    ['x'.repeat(143), 80, 2],
    ['x'.repeat(144), 80, 3],
    ['x'.repeat(1000), 80, MAX_FIELD_ROWS],
    ['1 2 3', 9, 3],
  ])('a focused draft of %j at width %i takes %i rows', (draft, width, rows) => {
    expect(fieldRows('Answer: ', draft, width)).toBe(rows);
  });
});

describe('the grid editor', () => {
  test('reads the answer line and writes it back', () => {
    expect(gridFromText('[[1, 2], [3]]', 2, 2).cells).toEqual([
      ['1', '2'],
      ['3', ''],
    ]);
    expect(textFromGrid(gridFromText('1 2; 3 4; 5 6', 2, 2))).toBe('1 2; 3 4');
    expect(textFromGrid(gridFromText('', 2, 2))).toBe('');
    expect(textFromGrid(gridFromText('1', 1, 2))).toBe('1 ?');
    expect(gridFromText('[1 2; 3 4]', 2, 2).cells).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  test('typing fills cells; a space or ; moves on; letters are ignored; a comma is a decimal point', () => {
    const grid = typeIntoGrid(gridFromText('', 2, 2), '1,5 x-2;3 4');
    expect(grid.cells).toEqual([
      ['1.5', '-2'],
      ['3', '4'],
    ]);
    expect([grid.row, grid.col]).toEqual([1, 1]);
    expect(nextCell({ ...grid, row: 1, col: 1 })).toMatchObject({ row: 0, col: 0 });
  });

  test('cells pasted from a spreadsheet (tabs and line breaks) fill the grid in reading order', () => {
    expect(typeIntoGrid(gridFromText('', 2, 2), '1\t2\r\n3\t4').cells).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  test('a spreadsheet paste with Windows line ends fills the open editor, unchecked', () => {
    const d = driveTutor(atMap()).press(KEYS.tab, '2\t5\r\n0\t2');
    expect(currentExercise(d.state, env)!.session).toMatchObject({
      focus: 'grid',
      grid: {
        cells: [
          ['2', '5'],
          ['0', '2'],
        ],
      },
      attempts: 0,
    });
  });

  test('draws the cells with the current one in brackets', () => {
    const grid = {
      cells: [
        ['2', ''],
        ['-1.5', '7'],
      ],
      row: 1,
      col: 0,
      fresh: true,
    };
    expect(gridEditorLines(grid, options())).toEqual([
      'Grid editor (2×2): arrows move, type numbers, Enter checks',
      '┌──────┬──────┐',
      '│    2 │      │',
      '│[-1.5]│    7 │',
      '└──────┴──────┘',
    ]);
    expect(gridEditorLines(grid, options(80, 24, { ascii: true }))[1]).toBe('+------+------+');
  });

  test('on screen: under the question, in place of the answer line, typed into cell by cell', () => {
    const d = driveTutor(atMap()).press(KEYS.tab, '2', KEYS.right, '5', KEYS.down, '7');
    const lines = d.lines();
    const title = lines.indexOf('Grid editor (2×2): arrows move, type numbers, Enter checks');
    expect(lines[title - 2]).toBe('Compute the whole output.');
    expect(lines.slice(title + 1, title + 6)).toEqual([
      '┌────┬────┐',
      '│  2 │  5 │',
      '│    │[ 7]│',
      '└────┴────┘',
      'Enter check the answer  ←/→/↑/↓ move  Tab next cell  Backspace erase a character',
    ]);
    expect(lines.some((l) => l.startsWith('Answer ›'))).toBe(false);
    // Esc goes back to the answer line with the cells as its text.
    d.press(KEYS.escape);
    expect(d.lines()).toContain('Answer › 2 5; ? 7');
  });
});

describe('the question stays in view; the feedback is pinned under the answer line', () => {
  test('after a wrong answer: prompt, answer, verdict, the named mistake and the hint together', () => {
    const d = driveTutor(atCell()).press('4', KEYS.enter);
    const lines = d.lines();
    const answer = lines.indexOf('Answer › 4');
    expect(lines.slice(answer - 1, answer + 2)).toEqual([
      'What is cell (0, 0) of the output?',
      'Answer › 4',
      '✗ Not quite.',
    ]);
    // The named mistake, then the first hint, before the footer.
    expect(lines[answer + 2]).toMatch(/^This is what you get if the bias is left out\./);
    expect(lines.slice(answer + 3, -1)).toContain(
      'Hint 1: First hint: lay the kernel over the window.',
    );
    expect(lines[0]).toBe('Convolution  ·  step 3 of 5');
    expect(lines[1]).toBe('The first window');
    expect(lines).toHaveLength(23);
  });

  test('scrolling the body leaves the header, the question and the feedback where they are', () => {
    const d = driveTutor(atCell(), { height: 18, width: 60 }).press('4', KEYS.enter);
    const pinned = (lines: string[]) => [
      ...lines.slice(0, 2),
      ...lines.slice(lines.indexOf('What is cell (0, 0) of the output?')),
    ];
    const before = d.lines();
    expect(before.join('\n')).toMatch(/▼ more below: \d+ lines/);
    d.press('\x1b[6~');
    const after = d.lines();
    expect(after.join('\n')).toMatch(/▲ \d+ lines? above/);
    expect(pinned(after)).toEqual(pinned(before));
    expect(after).not.toEqual(before);
  });

  test('another variant of a generated exercise starts at the top again', () => {
    const s = run(start(), open(1), next, { type: 'answer/focus', focus: 'keys' });
    const d = driveTutor(s, { width: 60, height: 18 }).press('\x1b[6~');
    expect(d.text()).toMatch(/▲ \d+ lines? above/);
    const seed = currentExercise(d.state, env)!.session.seed;
    d.press('r');
    expect(currentExercise(d.state, env)!.session.seed).not.toBe(seed);
    expect(d.text()).not.toMatch(/▲ \d+ lines? above/);
  });

  test("the demo's stride, padding and current cell stay in view while its grids scroll", () => {
    const d = driveTutor(run(atDemo(), { type: 'demo/padding' }, demoNext), {
      width: 60,
      height: 18,
    });
    const pinned = (lines: string[]) => lines.slice(lines.findIndex((l) => l.startsWith('Stride')));
    const before = pinned(d.lines());
    expect(before[0]).toMatch(/^Stride 1 \(− \+\) +· +padding same \(1 on every side\) \(p\)/);
    expect(before[1]).toBe('1 of 25 cells worked out');
    expect(before[2]).toMatch(/^Cell \(0, 0\): 0\*1 \+ /);
    d.press('\x1b[6~', '\x1b[6~');
    expect(d.text()).toMatch(/▲ \d+ lines? above/);
    expect(pinned(d.lines())).toEqual(before);
  });

  test('a prediction is asked above its field, and a reading error shows under it', () => {
    const asking = run(atDemo(), demoNext, demoNext, demoNext, demoNext);
    const d = driveTutor(asking).press('x', KEYS.enter);
    const lines = d.lines();
    const field = lines.indexOf('Your prediction › x');
    const asked = lines.findIndex((l) => l.startsWith('Predict cell (1, 0) before it is shown'));
    // The question, wrapped, ends right above the field.
    expect(asked).toBeGreaterThan(field - 3);
    expect(asked).toBeLessThan(field);
    expect(lines[field + 1]).toBe('Type a number such as 0.55, .55, 5/9 or -1.');
  });
});

describe('Home', () => {
  const many: Lesson[] = Array.from({ length: 20 }, (_, i) => ({
    ...LESSONS[1],
    id: `lesson-${i + 1}`,
    title: `Lesson ${i + 1}`,
  }));
  const course: Course = { ...fixtureCourse(), lessons: many };
  const longEnv = fixtureEnv(course);

  test('the selected lesson and its summary stay in view as the cursor moves down the list', () => {
    const def = tutorScreen(longEnv, { problems: [], stamp: () => stamp() });
    const state = initialState(longEnv, { progress: freshProgress() });
    let shell: ShellState<TutorState> = initialShell(state);
    const o = options(60, 18);
    for (let i = 0; i < 20; i++) {
      const lines = frameOf(def, shell, o).view;
      expect(lines.kind).toBe('main');
      const text = lines.kind === 'main' ? lines.above.map((l) => stripAnsi(l)) : [];
      const row = text.findIndex((l) => l.startsWith(`›`));
      expect(text[row], `lesson ${i + 1}`).toContain(`${i + 1}. Lesson ${i + 1}`);
      expect(text[row + 1]).toContain('Zeros around the edge keep the size.');
      shell = { ...shell, screen: { ...shell.screen, selected: i + 1 } };
    }
  });

  test('↓ moves the cursor, not the page; Enter opens the selected lesson', () => {
    const d = driveTutor().press(KEYS.down);
    expect(d.state.selected).toBe(1);
    expect(d.press(KEYS.enter).state).toMatchObject({ screen: 'lesson', lesson: 1, step: 0 });
  });
});

describe('every frame fits the terminal', () => {
  const noticeEnv = fixtureEnv();
  const at = (...actions: Action[]): TutorState =>
    actions.reduce(
      (s, a) => run(s, a),
      initialState(noticeEnv, {
        progress: freshProgress(),
        notice:
          'A very long notice about the progress file that was moved aside, long enough to wrap on a narrow screen.',
      }),
    );
  const lessonOpen: Action = { type: 'lesson/open', index: 0, at: stamp() };
  const moveOn: Action = { type: 'step/move', delta: 1, at: stamp() };
  const over = (overlay: 'help' | 'quit-confirm') => ({ ...INITIAL_CHROME, overlay });
  const states: Array<[string, TutorState, ShellState<TutorState>['chrome']?]> = [
    ['home', at()],
    ['text', at(lessonOpen)],
    ['demo', at(lessonOpen, moveOn, { type: 'demo/padding' }, demoNext)],
    [
      'demo asking',
      at(
        lessonOpen,
        moveOn,
        demoNext,
        demoNext,
        demoNext,
        demoNext,
        typeIn('convolution#1', 'abc'),
        { type: 'demo/predict' },
      ),
    ],
    [
      'exercise feedback',
      at(lessonOpen, moveOn, moveOn, typeIn(CELL, '4'), submit, {
        type: 'exercise/reveal',
        at: stamp(),
      }),
    ],
    [
      'a long answer',
      at(lessonOpen, moveOn, moveOn, typeIn(CELL, '1 2 3 4 5 6 7 8 9 '.repeat(30)), submit),
    ],
    [
      'grid editor',
      at(lessonOpen, moveOn, moveOn, moveOn, typeIn(MAP, '1 2 3; 4 5 6'), submit, {
        type: 'grid/open',
      }),
    ],
    ['figure', at(lessonOpen, moveOn, moveOn, moveOn, moveOn)],
    ['help', at(lessonOpen, moveOn, moveOn, { type: 'answer/focus', focus: 'keys' }), over('help')],
    ['help on Home', at(), over('help')],
    ['quit question', at(lessonOpen, moveOn, moveOn, typeIn(CELL, '4')), over('quit-confirm')],
  ];
  const sizes: Array<[number, number]> = [
    [MIN_WIDTH, MIN_HEIGHT],
    [61, 19],
    [80, 24],
    [100, 30],
    [200, 60],
    [40, 10],
    [1, 1],
  ];
  const def = tutorScreen(noticeEnv, {
    problems: [{ file: 'lessons/x.yaml', line: 3, field: 'steps', message: 'broken '.repeat(30) }],
    saveError: 'Could not save progress: '.repeat(5),
    stamp: () => ({ now: NOW, seed: 1 }),
  });

  test.each(states)('%s', (_name, state, chrome) => {
    for (const [width, height] of sizes) {
      for (const color of [false, true]) {
        const o = options(width, height, { style: createStyle({ color }) });
        const shell = { ...initialShell(state), ...(chrome ? { chrome } : {}) };
        const { view } = frameOf(def, shell, o);
        const where = `${width}×${height}${color ? ' colour' : ''}`;
        const small = width < MIN_WIDTH || height < MIN_HEIGHT;
        expect(view.kind, where).toBe(
          small ? 'too-small' : chrome?.overlay === 'help' ? 'help' : 'main',
        );
        const lines = view.kind === 'main' ? [...view.above, ...view.below] : view.lines;
        for (const line of lines)
          expect(displayWidth(stripAnsi(line)), `${where}: ${line}`).toBeLessThanOrEqual(width);
        let rows = lines.length;
        if (view.kind === 'main' && view.field) {
          rows += view.field.rows;
          expect(displayWidth(view.field.label) + view.field.room, where).toBeLessThanOrEqual(
            width,
          );
        }
        expect(rows, where).toBeLessThanOrEqual(Math.max(1, height - 1));
      }
    }
  });
});

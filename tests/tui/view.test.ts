import { describe, expect, test } from 'vitest';
import { hasMessage } from '../../src/i18n/index.js';
import { createStyle, displayWidth, plainStyle } from '../../src/render/index.js';
import { COMMANDS, keyLabel } from '../../src/tui/keymap.js';
import {
  gridFromText,
  nextCell,
  textFromGrid,
  typeIntoGrid,
} from '../../src/tui/state/grid-draft.js';
import { initialState, reduce } from '../../src/tui/state/reducer.js';
import type { Action, TutorState } from '../../src/tui/state/types.js';
import { MAX_FIELD_ROWS, fieldLine, fieldRows } from '../../src/tui/view/field.js';
import { gridEditorLines } from '../../src/tui/view/grid-editor.js';
import { progressBar } from '../../src/tui/view/progress-bar.js';
import { MIN_HEIGHT, MIN_WIDTH, buildScreen } from '../../src/tui/view/screen.js';
import type { ViewOptions } from '../../src/view/text.js';
import { fixtureEnv, freshProgress, stamp, t } from './fixture.js';

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

describe('the answer field as text', () => {
  const field = { label: 'Answer › ', draft: '5/9', placeholder: 'press Enter' };

  test('without focus: the label and the draft, or the placeholder while it is empty', () => {
    expect(fieldLine(field, options())).toBe('Answer › 5/9');
    expect(fieldLine({ ...field, draft: '' }, options())).toBe('Answer › press Enter');
  });

  test('a long draft is cut to the width', () => {
    const draft = '1 2 3 4 5; 6 7 8 9 10; 11 12 13 14 15; 16 17 18 19 20; 21 22 23 24 25';
    expect(displayWidth(fieldLine({ ...field, draft }, options(60)))).toBeLessThanOrEqual(60);
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

  test('draws the cells with the current one in brackets', () => {
    const grid = {
      cells: [
        ['2', ''],
        ['-1.5', '7'],
      ],
      row: 1,
      col: 0,
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
});

describe('the catalog has every interface string the keymap shows', () => {
  test.each(COMMANDS.map((c) => [c.id, c] as const))('%s', (_id, command) => {
    expect(hasMessage(command.label)).toBe(true);
    if (command.group) expect(hasMessage(`tui.group.${command.group}`)).toBe(true);
    command.keys.forEach((k) => expect(keyLabel(k, t)).not.toBe(''));
  });
});

describe('buildScreen fits any terminal', () => {
  const env = fixtureEnv();
  const at = (...actions: Action[]): TutorState =>
    actions.reduce(
      (s, a) => reduce(s, a, env),
      initialState(env, {
        progress: freshProgress(),
        notice:
          'A very long notice about the progress file that was moved aside, long enough to wrap on a narrow screen.',
      }),
    );
  const open: Action = { type: 'lesson/open', index: 0, at: stamp() };
  const next: Action = { type: 'step/move', delta: 1, at: stamp() };
  const states: Array<[string, TutorState]> = [
    ['home', at()],
    ['text', at(open)],
    [
      'demo',
      at(open, next, { type: 'demo/padding' }, { type: 'demo/step', delta: 1, at: stamp() }),
    ],
    [
      'demo asking',
      at(
        open,
        next,
        { type: 'demo/step', delta: 1, at: stamp() },
        { type: 'demo/step', delta: 1, at: stamp() },
        { type: 'demo/step', delta: 1, at: stamp() },
        { type: 'demo/step', delta: 1, at: stamp() },
        { type: 'field/insert', text: 'abc' },
        { type: 'demo/predict' },
      ),
    ],
    [
      'exercise feedback',
      at(
        open,
        next,
        next,
        { type: 'field/insert', text: '4' },
        { type: 'answer/submit', at: stamp() },
        { type: 'exercise/reveal', at: stamp() },
      ),
    ],
    [
      'grid editor',
      at(
        open,
        next,
        next,
        next,
        { type: 'field/insert', text: '1 2 3; 4 5 6' },
        { type: 'answer/submit', at: stamp() },
        { type: 'grid/open' },
      ),
    ],
    ['figure', at(open, next, next, next, next)],
    [
      'help',
      at(
        open,
        next,
        next,
        { type: 'answer/focus', focus: 'keys' },
        { type: 'overlay/open', overlay: 'help' },
      ),
    ],
    ['quit question', at(open, next, next, { type: 'field/insert', text: '4' }, { type: 'quit' })],
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

  test.each(states)('%s', (_name, state) => {
    for (const [width, height] of sizes) {
      for (const color of [false, true]) {
        const built = buildScreen(
          {
            state,
            env,
            problems: [
              { file: 'lessons/x.yaml', line: 3, field: 'steps', message: 'broken '.repeat(30) },
            ],
            saveError: 'Could not save progress: '.repeat(5),
          },
          options(width, height, { style: createStyle({ color }) }),
        );
        const s = built.screen;
        const lines =
          s.kind === 'too-small'
            ? s.lines
            : s.kind === 'help'
              ? [...s.lines, '', ...s.footer]
              : s.kind === 'home'
                ? [
                    ...s.rows.map((r) =>
                      r.kind === 'text'
                        ? r.text
                        : `${r.label}${progressBar(r.fraction, r.barWidth, false)}${r.count}`,
                    ),
                    s.marker,
                    ...s.status,
                    ...(s.bottom.question ? [s.bottom.question] : []),
                    ...s.bottom.footer,
                  ]
                : [
                    ...s.header,
                    ...s.body,
                    ...Array(s.bodyHeight - s.body.length).fill(''),
                    s.marker,
                    ...(s.grid ?? []),
                    ...(s.input ? [s.input.line] : []),
                    ...s.status,
                    ...(s.bottom.question ? [s.bottom.question] : []),
                    ...s.bottom.footer,
                  ];
        const where = `${width}×${height}${color ? ' colour' : ''}`;
        for (const line of lines)
          expect(displayWidth(line), `${where}: ${line}`).toBeLessThanOrEqual(width);
        expect(lines.length, where).toBeLessThanOrEqual(Math.max(1, height - 1));
      }
    }
  });
});

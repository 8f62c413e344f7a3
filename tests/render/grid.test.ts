import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import stripAnsi from 'strip-ansi';
import { displayWidth } from '../../src/render/ansi-text.js';
import { renderGrid } from '../../src/render/grid.js';
import { gridLegend } from '../../src/render/grid-legend.js';
import { createStyle } from '../../src/render/style.js';

const ESC = '\u001B';
const color = createStyle({ color: true });
const square = [
  [1, 2],
  [3, 4],
];

describe('renderGrid borders', () => {
  it('draws unicode boxes by default', () => {
    expect(renderGrid(square)).toEqual([
      '┌───┬───┐',
      '│ 1 │ 2 │',
      '├───┼───┤',
      '│ 3 │ 4 │',
      '└───┴───┘',
    ]);
  });

  it('draws ascii boxes', () => {
    expect(renderGrid(square, { border: 'ascii' })).toEqual([
      '+---+---+',
      '| 1 | 2 |',
      '+---+---+',
      '| 3 | 4 |',
      '+---+---+',
    ]);
  });

  it('draws bare cells with no border', () => {
    expect(renderGrid(square, { border: 'none' })).toEqual([' 1  2 ', ' 3  4 ']);
  });

  it('can leave out the rules between rows', () => {
    expect(
      renderGrid(
        [
          [1, -2],
          [3, 40],
        ],
        { rowRules: false },
      ),
    ).toEqual(['┌────┬────┐', '│  1 │ -2 │', '│  3 │ 40 │', '└────┴────┘']);
  });
});

describe('renderGrid values', () => {
  it('right-aligns every column to the widest cell', () => {
    expect(
      renderGrid(
        [
          [7 / 9, 5 / 9],
          [-5 / 9, 2],
        ],
        { mode: 'truncate' },
      ),
    ).toEqual([
      '┌───────┬───────┐',
      '│  0.77 │  0.55 │',
      '├───────┼───────┤',
      '│ -0.55 │     2 │',
      '└───────┴───────┘',
    ]);
  });

  it('rounds by default and honours decimals', () => {
    expect(renderGrid([[7 / 9]], { border: 'none' })).toEqual([' 0.78 ']);
    expect(renderGrid([[7 / 9]], { border: 'none', decimals: 1 })).toEqual([' 0.8 ']);
  });
});

describe('renderGrid highlight', () => {
  const window = { row: 0, col: 1, rows: 2, cols: 1 };

  it('brackets highlighted cells without moving any column', () => {
    expect(renderGrid(square, { highlight: window })).toEqual([
      '┌───┬───┐',
      '│ 1 │[2]│',
      '├───┼───┤',
      '│ 3 │[4]│',
      '└───┴───┘',
    ]);
  });

  it('accepts a list of cells', () => {
    expect(renderGrid(square, { border: 'none', highlight: [[1, 0]] })).toEqual([
      ' 1  2 ',
      '[3] 4 ',
    ]);
  });

  it('accepts a test per cell and ignores cells off the grid', () => {
    expect(renderGrid(square, { border: 'none', highlight: (r, c) => r === c })).toEqual([
      '[1] 2 ',
      ' 3 [4]',
    ]);
    expect(
      renderGrid(square, { border: 'none', highlight: { row: 1, col: 1, rows: 3, cols: 3 } }),
    ).toEqual([' 1  2 ', ' 3 [4]']);
  });

  it('emits no escape codes without colour', () => {
    const lines = renderGrid(square, { highlight: window });
    expect(lines.join('\n')).not.toContain(ESC);
  });

  it('adds reverse video with colour, keeping the brackets', () => {
    const lines = renderGrid(square, { highlight: window, style: color });
    expect(lines[1]).toContain(`${ESC}[7m[2]${ESC}[27m`);
    expect(lines.map((l) => stripAnsi(l))).toEqual(renderGrid(square, { highlight: window }));
  });
});

describe('renderGrid marks', () => {
  const marks = [
    { row: 0, col: 1, kind: 'wrong' },
    { row: 1, col: 1, kind: 'right' },
  ] as const;

  it('writes ✗ and ✓ after the value, reserving the column in every cell', () => {
    expect(renderGrid(square, { marks })).toEqual([
      '┌────┬────┐',
      '│ 1  │ 2✗ │',
      '├────┼────┤',
      '│ 3  │ 4✓ │',
      '└────┴────┘',
    ]);
  });

  it('uses ! and + with the ascii border', () => {
    expect(renderGrid(square, { marks, border: 'ascii' })[1]).toBe('| 1  | 2! |');
    expect(renderGrid(square, { marks, border: 'ascii' })[3]).toBe('| 3  | 4+ |');
  });

  it('combines with a highlight', () => {
    expect(renderGrid(square, { marks, border: 'none', highlight: [[0, 1]] })).toEqual([
      ' 1  [2✗]',
      ' 3   4✓ ',
    ]);
  });

  it('accepts a lookup function', () => {
    const kinds = new Map([['1,0', 'wrong' as const]]);
    expect(renderGrid(square, { border: 'none', marks: (r, c) => kinds.get(`${r},${c}`) })).toEqual(
      [' 1   2  ', ' 3✗  4  '],
    );
  });

  it('colours wrong red and right green only when colour is on', () => {
    const lines = renderGrid(square, { marks, style: color });
    expect(lines[1]).toContain(`${ESC}[31m 2✗ ${ESC}[39m`);
    expect(lines[3]).toContain(`${ESC}[32m 4✓ ${ESC}[39m`);
    expect(renderGrid(square, { marks }).join('')).not.toContain(ESC);
  });
});

describe('renderGrid padding and blanks', () => {
  const padded = [
    [0, 0, 0, 0],
    [0, 1, -2, 0],
    [0, 3, 4, 0],
    [0, 0, 0, 0],
  ];
  const ring = { top: 1, bottom: 1, left: 1, right: 1 };

  it('draws zero padding as · whatever the value, distinguishable without colour', () => {
    expect(renderGrid(padded, { padded: ring, border: 'none' })).toEqual([
      '  ·   ·   ·   · ',
      '  ·   1  -2   · ',
      '  ·   3   4   · ',
      '  ·   ·   ·   · ',
    ]);
  });

  it('uses . for padding with the ascii border', () => {
    expect(renderGrid([[0, 5]], { padded: { left: 1 }, border: 'ascii' })).toEqual([
      '+---+---+',
      '| . | 5 |',
      '+---+---+',
    ]);
  });

  it('dims padding when colour is on', () => {
    const lines = renderGrid([[0, 5]], { padded: { left: 1 }, style: color });
    expect(lines[1]).toContain(`${ESC}[2m · ${ESC}[22m`);
  });

  it('shows cells not revealed yet as ?', () => {
    expect(renderGrid(square, { border: 'none', blank: [[0, 1]] })).toEqual([' 1  ? ', ' 3  4 ']);
    expect(renderGrid(square, { border: 'none', blank: (r) => r === 1 })).toEqual([
      ' 1  2 ',
      ' ?  ? ',
    ]);
  });

  it('rejects a padding band that is not a whole number', () => {
    expect(() => renderGrid(square, { padded: { top: -1 } })).toThrow(
      'Expected `padded.top` to be a whole number ≥ 0, got -1.',
    );
  });
});

describe('renderGrid titles and labels', () => {
  it('puts the title above and labels rows and columns', () => {
    expect(
      renderGrid(square, { border: 'ascii', rowLabels: true, colLabels: true, title: 'x' }),
    ).toEqual([
      'x          ',
      '    0   1  ',
      '  +---+---+',
      '0 | 1 | 2 |',
      '  +---+---+',
      '1 | 3 | 4 |',
      '  +---+---+',
    ]);
  });

  it('labels bare grids too', () => {
    expect(renderGrid(square, { border: 'none', rowLabels: true, colLabels: true })).toEqual([
      '   0  1 ',
      '0  1  2 ',
      '1  3  4 ',
    ]);
  });

  it('widens cells for two-digit column labels', () => {
    const row = [Array.from({ length: 11 }, () => 0)];
    expect(renderGrid(row, { border: 'none', colLabels: true })[0]).toBe(
      '  0   1   2   3   4   5   6   7   8   9  10 ',
    );
  });

  it('pads every line to the width of a long title', () => {
    expect(renderGrid([[1]], { title: 'kernel' })).toEqual([
      'kernel',
      '┌───┐ ',
      '│ 1 │ ',
      '└───┘ ',
    ]);
  });
});

describe('renderGrid width limit', () => {
  const wide = [Array.from({ length: 12 }, (_, i) => i + 1)];

  it('drops columns that do not fit and says how many and how wide to go', () => {
    expect(renderGrid(wide, { maxWidth: 30 })).toEqual([
      '┌────┬────┬────┬────┬────┐',
      '│  1 │  2 │  3 │  4 │  5 │',
      '└────┴────┴────┴────┴────┘',
      '… 7 more grid columns     ',
    ]);
    expect(renderGrid(wide, { maxWidth: 60, border: 'none' })).toEqual([
      '  1   2   3   4   5   6   7   8   9  10  11  12 ',
    ]);
    expect(renderGrid(wide, { maxWidth: 47, border: 'none' })).toEqual([
      '  1   2   3   4   5   6   7   8   9  10  11 ',
      '… 1 more grid column                        ',
    ]);
    expect(renderGrid([[1.5, ...wide[0]]], { maxWidth: 70, border: 'none' })).toEqual([
      ' 1.50     1     2     3     4     5     6     7     8     9    10 ',
      '… 2 more grid columns (widen the terminal to at least 78)         ',
    ]);
  });

  it('cuts a long title with …', () => {
    expect(renderGrid([[1]], { title: 'a title wider than ten', maxWidth: 10 })[0]).toBe(
      'a title w…',
    );
  });

  it('shows as many columns as fit, and not one more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom('unicode', 'ascii', 'none'),
        fc.boolean(),
        (cols, maxWidth, border, labels) => {
          const grid = [Array.from({ length: cols }, (_, i) => i * 37 - 100)];
          const opts = { border, rowLabels: labels, colLabels: labels } as const;
          const lines = renderGrid(grid, { ...opts, maxWidth });
          const shown = lines.some((l) => l.startsWith('…'))
            ? cols - Number(/\d+/.exec(lines[lines.length - 1])?.[0] ?? cols)
            : cols;
          if (shown < cols && shown > 1) {
            const oneMore = renderGrid([grid[0].slice(0, shown + 1)], opts);
            expect(displayWidth(oneMore[0])).toBeGreaterThan(maxWidth);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('draws a 600×600 grid (more cells than a call takes arguments) cut to the width', () => {
    const big = Array.from({ length: 600 }, (_, r) => Array.from({ length: 600 }, (_, c) => r - c));
    const lines = renderGrid(big, { maxWidth: 80 });
    expect(lines).toHaveLength(2 * 600 + 1 + 1);
    expect(lines[lines.length - 1]).toMatch(/^… \d+ more grid columns/);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('still fits when not even one column does', () => {
    for (const line of renderGrid([[123456]], { maxWidth: 3 }))
      expect(displayWidth(line)).toBeLessThanOrEqual(3);
  });
});

describe('renderGrid input checks', () => {
  it('renders an empty grid as a note', () => {
    expect(renderGrid([], { title: 't' })).toEqual(['t           ', '(empty grid)']);
    expect(renderGrid([[]])).toEqual(['(empty grid)']);
  });

  it('rejects an unknown border and a maxWidth below 1', () => {
    expect(() => renderGrid(square, { border: 'double' as 'ascii' })).toThrow(
      `Expected \`border\` to be 'unicode', 'ascii' or 'none', got "double".`,
    );
    expect(() => renderGrid(square, { maxWidth: 0 })).toThrow(
      'Expected `maxWidth` to be a whole number ≥ 1, got 0.',
    );
  });

  it('rejects a ragged grid, naming the row', () => {
    expect(() => renderGrid([[1, 2], [3]])).toThrow(
      'Expected `grid` to be rectangular: row 0 has 2 cells, row 1 has 1 cells.',
    );
  });
});

describe('gridLegend', () => {
  it('names only the markers the options use, with the border style’s glyphs', () => {
    expect(gridLegend({ highlight: [[0, 0]], marks: [], padded: { top: 1 }, blank: [] })).toBe(
      '[4] highlighted  ✗ wrong  ✓ right  · zero padding  ? not worked out yet',
    );
    expect(gridLegend({ border: 'ascii', marks: [] })).toBe('! wrong  + right');
    expect(gridLegend({ padded: { top: 0 } })).toBe('');
  });
});

describe('renderGrid properties', () => {
  const grids = fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
    .chain(([rows, cols]) =>
      fc.array(fc.array(fc.double(), { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
    );
  const options = fc.record(
    {
      border: fc.constantFrom('unicode', 'ascii', 'none'),
      decimals: fc.integer({ min: 0, max: 4 }),
      mode: fc.constantFrom('round', 'truncate'),
      highlight: fc.record({
        row: fc.integer({ min: -1, max: 5 }),
        col: fc.integer({ min: -1, max: 5 }),
        rows: fc.integer({ min: 0, max: 3 }),
        cols: fc.integer({ min: 0, max: 3 }),
      }),
      marks: fc.array(
        fc.record({
          row: fc.integer({ min: 0, max: 4 }),
          col: fc.integer({ min: 0, max: 4 }),
          kind: fc.constantFrom('wrong', 'right'),
        }),
      ),
      padded: fc.record({ top: fc.nat(2), bottom: fc.nat(2), left: fc.nat(2), right: fc.nat(2) }),
      blank: fc.array(fc.tuple(fc.nat(4), fc.nat(4))),
      title: fc.string({ unit: 'grapheme', maxLength: 30 }),
      rowLabels: fc.boolean(),
      colLabels: fc.boolean(),
      rowRules: fc.boolean(),
      maxWidth: fc.integer({ min: 1, max: 80 }),
      style: fc.constantFrom(createStyle({ color: true }), createStyle({ color: false })),
    } as const,
    { requiredKeys: [] },
  );

  it('never throws, and every line has the same width (within maxWidth when given)', () => {
    fc.assert(
      fc.property(grids, options, (grid, opts) => {
        const lines = renderGrid(grid, opts);
        expect(lines.length).toBeGreaterThan(0);
        const widths = new Set(lines.map(displayWidth));
        expect(widths.size).toBe(1);
        if (opts.maxWidth !== undefined) expect([...widths][0]).toBeLessThanOrEqual(opts.maxWidth);
      }),
      { numRuns: 300 },
    );
  });

  it('looks the same with and without colour, apart from escape codes', () => {
    fc.assert(
      fc.property(grids, options, (grid, opts) => {
        const plain = renderGrid(grid, { ...opts, style: createStyle({ color: false }) });
        const colored = renderGrid(grid, { ...opts, style: createStyle({ color: true }) });
        expect(colored.map((l) => stripAnsi(l))).toEqual(plain);
      }),
      { numRuns: 200 },
    );
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { displayWidth } from '../../src/render/ansi-text.js';
import { renderGrid } from '../../src/render/grid.js';
import {
  fitWidth,
  middleRow,
  overflowNotice,
  sideBySide,
  stackWhenTooWide,
  truncateToWidth,
} from '../../src/render/layout.js';
import { createStyle } from '../../src/render/style.js';

const three = renderGrid([
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
]);
const kernel = renderGrid(
  [
    [1, 0],
    [0, 1],
  ],
  { border: 'none' },
);
const one = renderGrid([[6]]);

/** Short lines of text, some styled, some with wide characters. */
const lineArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 40 }).map((s) => createStyle({ color: true }).bold(s)),
  fc.array(fc.constantFrom('古', 'a', '│', '·', ' '), { maxLength: 30 }).map((a) => a.join('')),
);
const blockArb = fc.array(lineArb, { maxLength: 8 });

describe('sideBySide', () => {
  it('centres shorter blocks and the separators on the middle row', () => {
    expect(sideBySide([three, kernel, one], { separators: ['⊛', '='] })).toEqual([
      '┌───┬───┬───┐                     ',
      '│ 1 │ 2 │ 3 │                     ',
      '├───┼───┼───┤      1  0      ┌───┐',
      '│ 4 │ 5 │ 6 │  ⊛   0  1   =  │ 6 │',
      '├───┼───┼───┤                └───┘',
      '│ 7 │ 8 │ 9 │                     ',
      '└───┴───┴───┘                     ',
    ]);
  });

  it('can align tops, with a custom gap and no separators', () => {
    expect(sideBySide([['a', 'b', 'c'], ['x']], { align: 'top', gap: 1 })).toEqual([
      'a x',
      'b  ',
      'c  ',
    ]);
  });

  it('pads blocks with ragged lines, measuring styled text by what shows', () => {
    const bold = createStyle({ color: true }).bold;
    expect(sideBySide([[bold('ab'), 'a'], ['x']], { gap: 1, align: 'top' })).toEqual([
      `${bold('ab')} x`,
      'a   ',
    ]);
  });

  it('handles no blocks and empty blocks', () => {
    expect(sideBySide([])).toEqual([]);
    expect(sideBySide([[], ['a']], { separators: ['+'], gap: 1 })).toEqual([' + a']);
  });

  it('puts operators on the middle row ⌊H/2⌋', () => {
    expect([1, 2, 5, 7, 8].map(middleRow)).toEqual([0, 1, 2, 3, 4]);
    expect(sideBySide([['1', '2'], ['3']], { gap: 1, separators: ['+'] })).toEqual([
      '1    ',
      '2 + 3',
    ]);
  });

  it('gives every line the same display width', () => {
    fc.assert(
      fc.property(
        fc.array(blockArb, { maxLength: 4 }),
        fc.array(fc.constantFrom('⊛', '=', '', '→', 'max'), { maxLength: 3 }),
        fc.nat(3),
        fc.constantFrom('top', 'middle'),
        (blocks, separators, gap, align) => {
          const lines = sideBySide(blocks, { separators, gap, align });
          expect(new Set(lines.map(displayWidth)).size).toBeLessThanOrEqual(1);
          expect(lines.length).toBe(Math.max(0, ...blocks.map((b) => b.length)));
        },
      ),
    );
  });
});

describe('fitWidth', () => {
  it('returns lines that fit unchanged', () => {
    expect(fitWidth(['abc', 'ab'], 3)).toEqual(['abc', 'ab']);
  });

  it('cuts long lines with … and explains the cut', () => {
    expect(fitWidth(['abcdefghij', 'abc'], 5)).toEqual(['abcd…', 'abc', '… +5']);
    expect(fitWidth(['x'.repeat(30)], 20)).toEqual(['x'.repeat(19) + '…', '… 10 more columns']);
    expect(fitWidth(['x'.repeat(70)], 60)[1]).toBe(
      '… 10 more columns (widen the terminal to at least 70)',
    );
  });

  it('can leave the notice out', () => {
    expect(fitWidth(['abcdef'], 4, { notice: false })).toEqual(['abc…']);
  });

  it('keeps styles closed when it cuts', () => {
    const bold = createStyle({ color: true }).bold;
    expect(fitWidth([bold('abcdef')], 4, { notice: false })).toEqual([bold('abc') + '…']);
  });

  it('never splits a wide character', () => {
    expect(fitWidth(['古古古'], 4, { notice: false })).toEqual(['古 …']);
  });

  it('rejects a width below 1', () => {
    expect(() => fitWidth(['a'], 0)).toThrow('Expected `width` to be a whole number ≥ 1, got 0.');
  });

  it('every output line fits the width, for any input', () => {
    fc.assert(
      fc.property(blockArb, fc.integer({ min: 1, max: 50 }), (lines, width) => {
        for (const line of fitWidth(lines, width))
          expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 500 },
    );
  });
});

describe('truncateToWidth and overflowNotice', () => {
  it('cut with an ellipsis', () => {
    expect(truncateToWidth('abcdef', 4)).toBe('abc…');
    expect(truncateToWidth('abcdef', 1)).toBe('a');
    expect(truncateToWidth('abc', 4)).toBe('abc');
  });

  it('shorten the notice until it fits', () => {
    expect(overflowNotice(12, 60, 80)).toBe(
      '… 12 more columns (widen the terminal to at least 60)',
    );
    expect(overflowNotice(12, 60, 20)).toBe('… 12 more columns');
    expect(overflowNotice(1, 60, 20, 'grid column')).toBe('… 1 more grid column');
    expect(overflowNotice(12, 60, 5)).toBe('… +12');
    expect(overflowNotice(12, 60, 2)).toBe('…');
  });
});

describe('stackWhenTooWide', () => {
  it('keeps blocks side by side when they fit', () => {
    expect(stackWhenTooWide([three, one], 80, ['='])).toEqual(
      sideBySide([three, one], { separators: ['='] }),
    );
  });

  it('breaks the row where it must, giving the separator its own line', () => {
    expect(stackWhenTooWide([three, three, one], 40, ['⊛', '='])).toEqual([
      '┌───┬───┬───┐     ┌───┬───┬───┐',
      '│ 1 │ 2 │ 3 │     │ 1 │ 2 │ 3 │',
      '├───┼───┼───┤     ├───┼───┼───┤',
      '│ 4 │ 5 │ 6 │  ⊛  │ 4 │ 5 │ 6 │',
      '├───┼───┼───┤     ├───┼───┼───┤',
      '│ 7 │ 8 │ 9 │     │ 7 │ 8 │ 9 │',
      '└───┴───┴───┘     └───┴───┴───┘',
      '               =               ',
      '┌───┐                          ',
      '│ 6 │                          ',
      '└───┘                          ',
    ]);
  });

  it('parts rows with a blank line when there is no separator', () => {
    expect(stackWhenTooWide([['aa'], ['bb']], 3)).toEqual(['aa', '  ', 'bb']);
  });

  it('every line fits and has the same width, for any blocks', () => {
    fc.assert(
      fc.property(
        fc.array(blockArb, { maxLength: 4 }),
        fc.array(fc.constantFrom('⊛', '=', ''), { maxLength: 3 }),
        fc.integer({ min: 1, max: 60 }),
        (blocks, separators, width) => {
          const lines = stackWhenTooWide(blocks, width, separators);
          for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
          expect(new Set(lines.map(displayWidth)).size).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

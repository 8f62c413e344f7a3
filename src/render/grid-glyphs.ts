/**
 * The characters a grid is drawn with, per border style, and the legend that explains the
 * cell markers. The legend is built from the same table as the grid, so they never disagree.
 */
import type { GridOptions } from './grid.js';

export type BorderStyle = 'unicode' | 'ascii' | 'none';

export interface GridGlyphs {
  /** Box drawing, row by row: top rule, cell walls, rule between rows, bottom rule. */
  readonly top: readonly [left: string, line: string, join: string, right: string];
  readonly wall: string;
  readonly middle: readonly [left: string, line: string, join: string, right: string];
  readonly bottom: readonly [left: string, line: string, join: string, right: string];
  /** Shown instead of the value of a zero-padding cell. */
  readonly padding: string;
  /** Shown for a cell the learner has not worked out yet. */
  readonly blank: string;
  /** Written after the value of a cell marked wrong / right. */
  readonly wrong: string;
  readonly right: string;
  /** Around a highlighted cell, in place of the spaces every other cell has. */
  readonly highlightOpen: string;
  readonly highlightClose: string;
}

const MARKERS_UNICODE = { padding: '·', blank: '?', wrong: '✗', right: '✓' } as const;
/** ASCII only, for terminals without Unicode: `!` reads as "wrong", `+` as "right". */
const MARKERS_ASCII = { padding: '.', blank: '?', wrong: '!', right: '+' } as const;
const BRACKETS = { highlightOpen: '[', highlightClose: ']' } as const;

export const GRID_GLYPHS: Readonly<Record<BorderStyle, GridGlyphs>> = {
  unicode: {
    top: ['┌', '─', '┬', '┐'],
    wall: '│',
    middle: ['├', '─', '┼', '┤'],
    bottom: ['└', '─', '┴', '┘'],
    ...MARKERS_UNICODE,
    ...BRACKETS,
  },
  ascii: {
    top: ['+', '-', '+', '+'],
    wall: '|',
    middle: ['+', '-', '+', '+'],
    bottom: ['+', '-', '+', '+'],
    ...MARKERS_ASCII,
    ...BRACKETS,
  },
  none: {
    top: ['', '', '', ''],
    wall: '',
    middle: ['', '', '', ''],
    bottom: ['', '', '', ''],
    ...MARKERS_UNICODE,
    ...BRACKETS,
  },
};

/**
 * One line naming the markers `options` makes a grid use, e.g.
 * "[4] highlighted  ✗ wrong  ✓ right  · zero padding  ? not worked out yet".
 * Empty when the grid uses none of them.
 */
export function gridLegend(options: GridOptions): string {
  const g = GRID_GLYPHS[options.border ?? 'unicode'];
  const padded = Object.values(options.padded ?? {}).some((n) => (n ?? 0) > 0);
  const entries: Array<[boolean, string]> = [
    [options.highlight !== undefined, `${g.highlightOpen}4${g.highlightClose} highlighted`],
    [options.marks !== undefined, `${g.wrong} wrong  ${g.right} right`],
    [padded, `${g.padding} zero padding`],
    [options.blank !== undefined, `${g.blank} not worked out yet`],
  ];
  return entries
    .filter(([used]) => used)
    .map(([, text]) => text)
    .join('  ');
}

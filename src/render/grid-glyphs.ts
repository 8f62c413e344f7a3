/**
 * The characters a grid is drawn with, per border style. The legend that explains the cell
 * markers (grid-legend.ts) reads the same table, so the two never disagree.
 */
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

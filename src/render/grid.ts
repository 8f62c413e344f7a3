/**
 * One 2-D grid of numbers as lines of text, e.g. with the default unicode border:
 *
 *   ┌────┬────┐
 *   │  1 │[ 2]│      [ ] highlighted (window, current cell)
 *   ├────┼────┤
 *   │  · │ -3 │      ·   zero padding
 *   └────┴────┘
 *
 * Every cell is the same width: one character each side of the right-aligned value, where a
 * highlighted cell has `[` and `]` instead, so highlighting never shifts a column. When any
 * cell is marked, every cell gets one more column for the mark (`✗` wrong, `✓` right, a space
 * otherwise). Markers are characters, so the grid reads the same without colour; colour is
 * added on top (see `style.ts`). All returned lines have the same display width.
 */
import { blockWidth, displayWidth, padEndTo, padStartTo } from './ansi-text.js';
import { GRID_GLYPHS, type BorderStyle, type GridGlyphs } from './grid-glyphs.js';
import {
  expectWholeNumber,
  fitWidth,
  overflowNotice,
  padBlock,
  truncateToWidth,
} from './layout.js';
import { formatNumber, resolveNumberFormat, type RoundingMode } from './number-format.js';
import { plainStyle, type Style } from './style.js';

/** A cell as [row, col], counted from 0 at the top left. */
export type CellPosition = readonly [row: number, col: number];

/** A rectangle of cells: `rows × cols` cells from (`row`, `col`), e.g. a kernel's window. */
export interface CellRect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** Which cells: a rectangle, a list of positions, or a test per cell. Cells off the grid are ignored. */
export type CellSelection =
  CellRect | readonly CellPosition[] | ((row: number, col: number) => boolean);

export type MarkKind = 'wrong' | 'right';

export interface CellMark {
  readonly row: number;
  readonly col: number;
  readonly kind: MarkKind;
}

/** Feedback per cell: a list, or a lookup (e.g. `(r, c) => map.get(\`${r},${c}\`)`). */
export type CellMarks = readonly CellMark[] | ((row: number, col: number) => MarkKind | undefined);

/** How many outer rows/columns of the grid are zero padding. */
export interface PaddingBands {
  readonly top?: number;
  readonly bottom?: number;
  readonly left?: number;
  readonly right?: number;
}

export interface GridOptions {
  /** @default 'unicode' */
  readonly border?: BorderStyle;
  /** Places for non-integers (see `formatNumber`). @default 2 */
  readonly decimals?: number;
  /** @default 'round' */
  readonly mode?: RoundingMode;
  /** Cells drawn as `[ 4]`: the current window or cell. */
  readonly highlight?: CellSelection;
  /** Cells followed by `✗` (wrong) or `✓` (right); `!` / `+` with the ascii border. */
  readonly marks?: CellMarks;
  /** Outer bands that are zero padding: drawn as `·` (`.` in ascii) whatever their value. */
  readonly padded?: PaddingBands;
  /** Cells not revealed yet, drawn as `?`. Padding wins over blank. */
  readonly blank?: CellSelection;
  /** A line above the grid. */
  readonly title?: string;
  /** Row indices down the left. @default false */
  readonly rowLabels?: boolean;
  /** Column indices along the top. @default false */
  readonly colLabels?: boolean;
  /** Rules between rows (unicode/ascii borders only). @default true */
  readonly rowRules?: boolean;
  /**
   * Terminal columns available. Grid columns that do not fit are dropped from the right and a
   * line says "… 3 more grid columns (widen the terminal to at least 60)". @default no limit
   */
  readonly maxWidth?: number;
  /** @default plainStyle (no escape codes) */
  readonly style?: Style;
}

/** What one cell shows and how it is marked, before any drawing. */
interface CellView {
  readonly text: string;
  readonly kind: 'value' | 'padding' | 'blank';
  readonly highlighted: boolean;
  readonly mark: MarkKind | undefined;
}

/** Everything the drawing needs, measured once. */
interface GridPlan {
  readonly cells: readonly (readonly CellView[])[];
  readonly glyphs: GridGlyphs;
  readonly bordered: boolean;
  readonly textWidth: number;
  readonly markColumn: boolean;
  readonly labelWidth: number;
  readonly options: GridOptions;
  readonly style: Style;
}

/**
 * The grid as lines (see the file comment for the look). Throws on a ragged grid;
 * an empty grid renders as "(empty grid)".
 * Example: `renderGrid([[1, 2], [3, 4]], { border: 'ascii' })`
 * → ["+---+---+", "| 1 | 2 |", "+---+---+", "| 3 | 4 |", "+---+---+"].
 */
export function renderGrid(
  grid: readonly (readonly number[])[],
  options: GridOptions = {},
): string[] {
  const cols = expectRectangular(grid);
  if (options.maxWidth !== undefined) expectWholeNumber('maxWidth', options.maxWidth, 1);
  const title = options.title === undefined ? [] : [fitTitle(options.title, options.maxWidth)];
  if (grid.length === 0 || cols === 0) return finish([...title, '(empty grid)'], options.maxWidth);
  const plan = planGrid(grid, options);
  const shown = columnsThatFit(plan, cols, options.maxWidth);
  const lines = title.concat(drawGrid(plan, shown));
  if (shown < cols) {
    const needed = drawnWidth(plan, cols);
    lines.push(overflowNotice(cols - shown, needed, options.maxWidth ?? Infinity, 'grid column'));
  }
  return finish(lines, options.maxWidth);
}

/** The title, ending in "…" if it is wider than `maxWidth`. */
function fitTitle(title: string, maxWidth: number | undefined): string {
  return maxWidth === undefined ? title : truncateToWidth(title, maxWidth);
}

/** The glyph table for `border`, or an error listing the choices. */
function glyphsFor(border: BorderStyle = 'unicode'): GridGlyphs {
  if (!Object.hasOwn(GRID_GLYPHS, border)) {
    throw new RangeError(
      `Expected \`border\` to be 'unicode', 'ascii' or 'none', got ${JSON.stringify(border)}.`,
    );
  }
  return GRID_GLYPHS[border];
}

/** Column count of a rectangular grid; throws naming the first row that differs. */
function expectRectangular(grid: readonly (readonly number[])[]): number {
  if (!Array.isArray(grid))
    throw new TypeError(`Expected \`grid\` to be an array of rows, got ${typeof grid}.`);
  const cols = grid.length === 0 ? 0 : grid[0].length;
  grid.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== cols) {
      const got = Array.isArray(row) ? `${row.length} cells` : typeof row;
      throw new TypeError(
        `Expected \`grid\` to be rectangular: row 0 has ${cols} cells, row ${r} has ${got}.`,
      );
    }
  });
  return cols;
}

/** Lines cut to `maxWidth` (if any) and padded to one common width. */
function finish(lines: readonly string[], maxWidth: number | undefined): string[] {
  const fitted = maxWidth === undefined ? lines : fitWidth(lines, maxWidth);
  return padBlock(fitted);
}

/** Decide every cell's text and markers, and measure the common cell width. */
function planGrid(grid: readonly (readonly number[])[], options: GridOptions): GridPlan {
  const format = resolveNumberFormat(options);
  const glyphs = glyphsFor(options.border);
  const isHighlighted = toPredicate(options.highlight);
  const isBlank = toPredicate(options.blank);
  const markAt = toMarkLookup(options.marks);
  const isPadding = paddingTest(options.padded, grid.length, grid[0].length);
  const cells = grid.map((row, r) =>
    row.map((value, c): CellView => {
      const kind = isPadding(r, c) ? 'padding' : isBlank(r, c) ? 'blank' : 'value';
      const text =
        kind === 'padding'
          ? glyphs.padding
          : kind === 'blank'
            ? glyphs.blank
            : formatNumber(value, format);
      return { text, kind, highlighted: isHighlighted(r, c), mark: markAt(r, c) };
    }),
  );
  const labelDigits = (n: number): number => String(Math.max(0, n - 1)).length;
  // Loops, not Math.max(...cells): a big grid has more cells than a call takes arguments.
  let textWidth = options.colLabels ? labelDigits(grid[0].length) : 0;
  let markColumn = false;
  for (const row of cells)
    for (const cell of row) {
      textWidth = Math.max(textWidth, displayWidth(cell.text));
      if (cell.mark !== undefined) markColumn = true;
    }
  return {
    cells,
    glyphs,
    bordered: (options.border ?? 'unicode') !== 'none',
    textWidth,
    markColumn,
    labelWidth: options.rowLabels ? labelDigits(grid.length) : 0,
    options,
    style: options.style ?? plainStyle,
  };
}

/** A selection as a yes/no test per cell. Example: `{row: 0, col: 1, rows: 2, cols: 2}` holds (1, 2). */
function toPredicate(selection: CellSelection | undefined): (row: number, col: number) => boolean {
  if (selection === undefined) return () => false;
  if (typeof selection === 'function') return selection;
  if (Array.isArray(selection)) {
    const keys = new Set(selection.map(([r, c]) => `${r},${c}`));
    return (r, c) => keys.has(`${r},${c}`);
  }
  const rect = selection as CellRect;
  return (r, c) =>
    r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols;
}

/** Marks as a lookup per cell; a later mark for the same cell wins. */
function toMarkLookup(
  marks: CellMarks | undefined,
): (row: number, col: number) => MarkKind | undefined {
  if (marks === undefined) return () => undefined;
  if (typeof marks === 'function') return marks;
  const byCell = new Map(marks.map((m) => [`${m.row},${m.col}`, m.kind] as const));
  return (r, c) => byCell.get(`${r},${c}`);
}

/** Whether (r, c) lies in one of the padding bands of a `rows × cols` grid. */
function paddingTest(
  bands: PaddingBands | undefined,
  rows: number,
  cols: number,
): (r: number, c: number) => boolean {
  const size = (name: keyof PaddingBands): number => {
    const n = bands?.[name] ?? 0;
    expectWholeNumber(`padded.${name}`, n, 0);
    return n;
  };
  const [top, bottom, left, right] = [size('top'), size('bottom'), size('left'), size('right')];
  return (r, c) => r < top || r >= rows - bottom || c < left || c >= cols - right;
}

/**
 * The most columns (at least 1) whose drawing fits `maxWidth`: a binary search on the width
 * of one row, never a drawing of the whole grid per try (that was quadratic in the columns).
 */
function columnsThatFit(plan: GridPlan, cols: number, maxWidth: number | undefined): number {
  if (maxWidth === undefined || drawnWidth(plan, cols) <= maxWidth) return cols;
  let fits = 1;
  let tooWide = cols;
  while (tooWide - fits > 1) {
    const mid = Math.floor((fits + tooWide) / 2);
    if (drawnWidth(plan, mid) <= maxWidth) fits = mid;
    else tooWide = mid;
  }
  return fits;
}

/**
 * Display width of the grid drawn with its first `shown` columns. Every row, rule and label
 * line is padded to the same cell width, so the first of each kind stands for all.
 */
function drawnWidth(plan: GridPlan, shown: number): number {
  const lines = [contentLine(plan, plan.cells[0].slice(0, shown), 0)];
  if (plan.bordered) lines.push(rule(plan, plan.glyphs.top, shown));
  if (plan.options.colLabels) lines.push(columnLabelLine(plan, shown));
  return blockWidth(lines);
}

/** Border rules, optional column labels and one line per row, for the first `shown` columns. */
function drawGrid(plan: GridPlan, shown: number): string[] {
  const { glyphs, bordered, options } = plan;
  const lines: string[] = [];
  if (options.colLabels) lines.push(columnLabelLine(plan, shown));
  if (bordered) lines.push(rule(plan, glyphs.top, shown));
  plan.cells.forEach((row, r) => {
    if (r > 0 && bordered && options.rowRules !== false)
      lines.push(rule(plan, glyphs.middle, shown));
    lines.push(contentLine(plan, row.slice(0, shown), r));
  });
  if (bordered) lines.push(rule(plan, glyphs.bottom, shown));
  return lines;
}

/** Columns one cell takes: a side character, the value, the optional mark, a side character. */
function slotWidth(plan: GridPlan): number {
  return plan.textWidth + (plan.markColumn ? 1 : 0) + 2;
}

/** What goes left of every line: the row index (dimmed) or as many spaces. */
function linePrefix(plan: GridPlan, row?: number): string {
  if (plan.labelWidth === 0) return '';
  if (row === undefined) return ' '.repeat(plan.labelWidth + 1);
  return plan.style.dim(padStartTo(String(row), plan.labelWidth)) + ' ';
}

/** A horizontal rule such as "├───┼───┤", dimmed. */
function rule(plan: GridPlan, [left, line, join, right]: GridGlyphs['top'], shown: number): string {
  const segment = line.repeat(slotWidth(plan));
  return linePrefix(plan) + plan.style.dim(left + Array(shown).fill(segment).join(join) + right);
}

/** The column indices, right-aligned over the values. */
function columnLabelLine(plan: GridPlan, shown: number): string {
  const wall = plan.bordered ? ' ' : '';
  const labels = Array.from({ length: shown }, (_, c) =>
    padEndTo(' ' + padStartTo(String(c), plan.textWidth), slotWidth(plan)),
  );
  return linePrefix(plan) + plan.style.dim(wall + labels.join(wall) + wall);
}

/** One row of cells between walls. */
function contentLine(plan: GridPlan, row: readonly CellView[], r: number): string {
  const wall = plan.style.dim(plan.glyphs.wall);
  return linePrefix(plan, r) + wall + row.map((cell) => drawCell(plan, cell)).join(wall) + wall;
}

/**
 * One cell: side, right-aligned text, mark column, side; then colour from the inside out
 * (padding/blank dim, mark error/ok, highlight outermost).
 * Example (width 2, no marks): 4 → " 4 " padded to "  4 "; highlighted → "[ 4]".
 */
function drawCell(plan: GridPlan, cell: CellView): string {
  const { glyphs, style } = plan;
  const markText =
    cell.mark === 'wrong' ? glyphs.wrong : cell.mark === 'right' ? glyphs.right : ' ';
  const inner = padStartTo(cell.text, plan.textWidth) + (plan.markColumn ? markText : '');
  let text = cell.highlighted ? glyphs.highlightOpen + inner + glyphs.highlightClose : ` ${inner} `;
  if (cell.kind !== 'value') text = style.dim(text);
  if (cell.mark === 'wrong') text = style.error(text);
  if (cell.mark === 'right') text = style.ok(text);
  if (cell.highlighted) text = style.highlight(text);
  return text;
}

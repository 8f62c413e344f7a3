/**
 * Putting blocks of lines next to each other and making them fit the terminal.
 * A block is a `string[]`, one entry per screen line; widths are display columns
 * (escape codes count 0), so styled blocks line up like plain ones.
 */
import { blockWidth, displayWidth, fitsWidth, padEndTo, sliceColumns } from './ansi-text.js';

export interface SideBySideOptions {
  /** Spaces between a block and the next separator (or the next block when there is none). @default 2 */
  readonly gap?: number;
  /** `separators[i]` goes between block i and block i + 1, e.g. `['⊛', '=']`. @default [] */
  readonly separators?: readonly string[];
  /** Where shorter blocks sit; separators are always centred on the full height. @default 'middle' */
  readonly align?: 'top' | 'middle';
}

export interface FitWidthOptions {
  /** Add a line saying how much was cut and how wide the terminal must be. @default true */
  readonly notice?: boolean;
}

/** Throws unless `value` is a whole number ≥ `min`, naming `name` in the message. */
export function expectWholeNumber(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `Expected \`${name}\` to be a whole number ≥ ${min}, got ${String(value)}.`,
    );
  }
}

/** Every line padded with spaces to the block's width, so the block is a clean rectangle. */
export function padBlock(lines: readonly string[], width: number = blockWidth(lines)): string[] {
  return lines.map((line) => padEndTo(line, width));
}

/**
 * The row a one-line operator sits on in a block of `height` rows: ⌊height / 2⌋, which is the
 * middle row of an odd-sized grid drawn with borders (rows 0…2h, content on odd rows).
 * Example: `middleRow(7)` → 3.
 */
export function middleRow(height: number): number {
  return Math.floor(height / 2);
}

/**
 * Blocks placed left to right, each padded to its own width, with `separators` between them
 * on the middle row ⌊H/2⌋ of the tallest block (height H). With `align: 'middle'` a block of
 * height h starts at row ⌊H/2⌋ − ⌊h/2⌋, so its own middle row meets the separator.
 * Every returned line has the same display width.
 * Example: `sideBySide([['1', '2'], ['3']], { gap: 1, separators: ['+'] })` → ["1    ", "2 + 3"].
 */
export function sideBySide(
  blocks: ReadonlyArray<readonly string[]>,
  opts: SideBySideOptions = {},
): string[] {
  const gap = opts.gap ?? 2;
  expectWholeNumber('gap', gap, 0);
  const separators = opts.separators ?? [];
  const height = Math.max(0, ...blocks.map((b) => b.length));
  const columns: string[][] = [];
  blocks.forEach((block, i) => {
    if (i > 0) columns.push(separatorColumn(separators[i - 1] ?? '', gap, height));
    const top = opts.align === 'top' ? 0 : middleRow(height) - middleRow(block.length);
    const width = blockWidth(block);
    columns.push(
      Array.from({ length: height }, (_, row) => padEndTo(block[row - top] ?? '', width)),
    );
  });
  return Array.from({ length: height }, (_, row) => columns.map((c) => c[row]).join(''));
}

/** The strip between two blocks: gap, separator on the middle row, gap; blank elsewhere. */
function separatorColumn(separator: string, gap: number, height: number): string[] {
  const spacer = ' '.repeat(gap);
  const width = displayWidth(separator);
  const middle = middleRow(height);
  if (width === 0) return Array.from({ length: height }, () => spacer);
  return Array.from({ length: height }, (_, row) =>
    row === middle ? spacer + separator + spacer : spacer + ' '.repeat(width) + spacer,
  );
}

/**
 * The line that explains a cut, shortened until it fits `width`:
 * "… 12 more columns (widen the terminal to at least 60)", then "… 12 more columns",
 * then "… +12", then "…". `noun` names what is hidden (a grid says "grid column").
 */
export function overflowNotice(
  hidden: number,
  neededWidth: number,
  width: number,
  noun = 'column',
): string {
  const unit = hidden === 1 ? noun : `${noun}s`;
  const candidates = [
    `… ${hidden} more ${unit} (widen the terminal to at least ${neededWidth})`,
    `… ${hidden} more ${unit}`,
    `… +${hidden}`,
    '…',
  ];
  return candidates.find((c) => displayWidth(c) <= width) ?? '';
}

/**
 * Lines cut to at most `width` columns. A cut line ends in "…" so it never looks complete,
 * and (unless `notice: false`) one more line says how much is hidden and how wide the
 * terminal must be. Lines that fit come back unchanged. Escape codes are all kept, so a cut
 * never leaves a colour running.
 * Example: `fitWidth(['abcdef'], 4)` → ["abc…", "… +2"].
 */
export function fitWidth(
  lines: readonly string[],
  width: number,
  opts: FitWidthOptions = {},
): string[] {
  expectWholeNumber('width', width, 1);
  const widest = blockWidth(lines);
  if (widest <= width) return [...lines];
  const fitted = lines.map((line) => truncateToWidth(line, width));
  if (opts.notice === false) return fitted;
  return [...fitted, overflowNotice(widest - width, widest, width)];
}

/**
 * A line that fits `width` unchanged; a longer one cut to its first `width − 1` columns and "…"
 * (just the first column when `width` is 1). Example: `truncateToWidth('abcdef', 4)` → "abc…".
 * Not cli-truncate: built on slice-ansi, it can end wider than `width` (`'古古古'` in 4 → "古古…").
 */
export function truncateToWidth(line: string, width: number): string {
  if (fitsWidth(line, width)) return line;
  if (width === 1) return sliceColumns(line, 0, 1);
  const kept = sliceColumns(line, 0, width - 1);
  return kept + ' '.repeat(Math.max(0, width - 1 - displayWidth(kept))) + '…';
}

/**
 * Blocks side by side while they fit in `width`, wrapping onto new rows when they do not
 * (greedy, left to right). Where a row breaks, the separator that would have joined the blocks
 * gets a line of its own; with no separator a blank line parts the rows. A block wider than
 * `width` on its own is cut by `fitWidth`, so every returned line fits; all lines are padded
 * to the same width.
 * Example: three 10-column grids with `['⊛', '=']` in width 40 → "A ⊛ B" on one row, "=" alone,
 * then "C".
 */
export function stackWhenTooWide(
  blocks: ReadonlyArray<readonly string[]>,
  width: number,
  separators: readonly string[] = [],
  opts: Omit<SideBySideOptions, 'separators'> = {},
): string[] {
  expectWholeNumber('width', width, 1);
  const out: string[] = [];
  let row: Array<readonly string[]> = [];
  let rowSeparators: string[] = [];
  let lastRowWidth = 0;
  const flush = (): void => {
    const lines = fitWidth(sideBySide(row, { ...opts, separators: rowSeparators }), width);
    lastRowWidth = blockWidth(lines);
    out.push(...lines);
  };
  blocks.forEach((block, i) => {
    const separator = i > 0 ? (separators[i - 1] ?? '') : '';
    const candidate = sideBySide([...row, block], {
      ...opts,
      separators: [...rowSeparators, separator],
    });
    if (row.length === 0 || blockWidth(candidate) <= width) {
      if (row.length > 0) rowSeparators.push(separator);
      row.push(block);
      return;
    }
    flush();
    out.push(separatorLine(separator, lastRowWidth, width));
    row = [block];
    rowSeparators = [];
  });
  if (row.length > 0) flush();
  return padBlock(out);
}

/** A separator centred over `span` columns, or an empty line when there is none. */
function separatorLine(separator: string, span: number, width: number): string {
  if (separator === '') return '';
  const indent = Math.max(0, Math.floor((span - displayWidth(separator)) / 2));
  return fitWidth([' '.repeat(indent) + separator], width, { notice: false })[0];
}

/**
 * The pieces of calc's text report that hold data: a grid (one plane of a tensor) and a list
 * of numbers. A report is read in a terminal, so what would not fit one is described instead
 * of drawn: a grid over MAX_DRAWN_SIDE rows or columns by its size and range, a list over
 * MAX_LISTED numbers by its first and last numbers, and beyond MAX_DRAWN_GRIDS channels or
 * filters the rest are counted. Nothing here spreads or recurses over the data, and the work
 * is at most one pass over it, so a result of millions of numbers reports in a moment.
 */
import { type Pads, type Tensor, formatCount, planeRows, planeSpan } from '../../engine/index.js';
import { type GridOptions, formatNumber, renderGrid } from '../index.js';
import { paddedGrid } from '../padded-grid.js';
import type { ReportTranslate as Translate } from './report-options.js';

/** Grids with more rows or columns than this, padding included, are described, not drawn. */
export const MAX_DRAWN_SIDE = 32;
/** Channels, filters or maps drawn; the rest are counted in one line. */
export const MAX_DRAWN_GRIDS = 8;
/** Numbers a list shows in full; a longer one shows its first and last ones. */
export const MAX_LISTED = 32;
/** Of a list too long to show, how many numbers come before the `…` and after it. */
const LIST_HEAD = 24;
const LIST_TAIL = 4;

const NO_PADS: Pads = { top: 0, bottom: 0, left: 0, right: 0 };

/** The rows×columns of a tensor's last two axes. */
function planeSize(t: Tensor): [number, number] {
  const n = t.shape.length;
  return [n >= 2 ? t.shape[n - 2] : 1, t.shape[n - 1]];
}

/** How many planes (grids) a tensor holds: the product of its leading axes. */
export function planeCount(t: Tensor): number {
  const [rows, cols] = planeSize(t);
  return t.data.length / (rows * cols);
}

/** The `k`-th plane as rows. */
function plane(t: Tensor, k: number): number[][] {
  return planeRows(t, k);
}

/** Smallest and largest of `count` numbers from `start`. */
function range(data: ArrayLike<number>, start = 0, count = data.length): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = start; i < start + count; i++) {
    if (data[i] < min) min = data[i];
    if (data[i] > max) max = data[i];
  }
  return [min, max];
}

function number(value: number): string {
  return formatNumber(value, { decimals: 4 });
}

/**
 * Plane `k` of `t` drawn as a grid under `title`, with `pad` drawn as padding; or, when it is
 * too big to draw, the title and a few short lines: its size, its range, where the numbers are.
 */
export function planeBlock(
  t: Tensor,
  k: number,
  title: string,
  options: GridOptions,
  tr: Translate,
  pad?: Pads,
): string[] {
  const [rows, cols] = planeSize(t);
  const p = pad ?? NO_PADS;
  if (rows + p.top + p.bottom <= MAX_DRAWN_SIDE && cols + p.left + p.right <= MAX_DRAWN_SIDE)
    return renderGrid(paddedGrid(plane(t, k), p), { ...options, padded: pad, title });
  const [min, max] = range(t.data, planeSpan(t.shape, k)[0], rows * cols);
  return [
    title,
    tr('calc.report.not-drawn', { size: `${rows}×${cols}` }),
    tr('calc.report.range', { min: number(min), max: number(max) }),
    tr('calc.report.see-json'),
  ];
}

/** `… and 3 more grids, not drawn`, when `shown` of `total` were drawn; else nothing. */
export function moreGrids(shown: number, total: number, tr: Translate): string[] {
  return total > shown ? [tr('calc.report.more-grids', { count: total - shown })] : [];
}

/**
 * `[1, 0.5000, 2]`; a list longer than MAX_LISTED shows its first and last numbers around
 * `…`, then how many there are and their range.
 */
export function listText(values: ArrayLike<number>, tr: Translate): string {
  const n = values.length;
  if (n <= MAX_LISTED) return `[${Array.from(values, number).join(', ')}]`;
  const shown: string[] = [];
  for (let i = 0; i < LIST_HEAD; i++) shown.push(number(values[i]));
  shown.push('…');
  for (let i = n - LIST_TAIL; i < n; i++) shown.push(number(values[i]));
  const [min, max] = range(values);
  const about = { count: formatCount(n), min: number(min), max: number(max) };
  return `[${shown.join(', ')}] ${tr('calc.report.list-long', about)}`;
}

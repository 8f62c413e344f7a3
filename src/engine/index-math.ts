/**
 * Where a cell lives in a tensor's flat `data`, for the layouts the project uses: a grid
 * (rows × columns, row by row) and a channels-first volume (C × H × W, channel 0's rows first).
 * Every flat position outside the engine is computed here, so the layout is written down once
 * (tensor.ts owns it: row-major, the last axis varies fastest).
 *
 *   grid:   index = y·W + x                 (y, x) = (⌊index / W⌋, index mod W)
 *   volume: index = (c·H + y)·W + x         (c, y, x) = (⌊index / (H·W)⌋, …)
 *
 * A "plane" is one H×W grid of a tensor whose last two axes are rows and columns: channel c
 * of a volume, or channel c of filter o in a (filters, channels, rows, columns) bank, which
 * is plane o·C + c (`gridIndex(C, o, c)`).
 *
 * These are the fast, unchecked forms for loops: coordinates must be inside the shape
 * (`offset` and `unravelIndex` check theirs and name the axis that is out of range).
 * Example: in a (3, 4, 5) volume, cell (2, 1, 3) is at (2·4 + 1)·5 + 3 = 48.
 */
import type { Tensor } from './tensor.js';

/** Flat position of cell (y, x) in a grid `columns` wide. */
export function gridIndex(columns: number, y: number, x: number): number {
  return y * columns + x;
}

/** The cell (y, x) at flat position `index` of a grid `columns` wide. */
export function gridCoords(columns: number, index: number): [number, number] {
  const y = Math.floor(index / columns);
  return [y, index - y * columns];
}

/** Rows and columns of a tensor's planes: its last two axes (a list of numbers is one row). */
function planeSides(shape: readonly number[]): [number, number] {
  const n = shape.length;
  return [n >= 2 ? shape[n - 2] : 1, shape[n - 1]];
}

/**
 * Flat position of cell (y, x) of plane `c`: channel c of a (C, H, W) volume (only H and W
 * are read, from the last two axes).
 */
export function volumeIndex(shape: readonly number[], c: number, y: number, x: number): number {
  const [H, W] = planeSides(shape);
  return (c * H + y) * W + x;
}

/** The cell (c, y, x) at flat position `index` of a (C, H, W) volume. */
export function volumeCoords(shape: readonly number[], index: number): [number, number, number] {
  const [H, W] = planeSides(shape);
  const c = Math.floor(index / (H * W));
  const [y, x] = gridCoords(W, index - c * H * W);
  return [c, y, x];
}

/** Where plane `p` lies in `data`: [start, end). */
export function planeSpan(shape: readonly number[], p: number): [number, number] {
  const [H, W] = planeSides(shape);
  return [p * H * W, (p + 1) * H * W];
}

/** Where row `y` of plane `p` lies in `data`: [start, end). */
export function rowSpan(shape: readonly number[], p: number, y: number): [number, number] {
  const [, W] = planeSides(shape);
  const start = volumeIndex(shape, p, y, 0);
  return [start, start + W];
}

/** Plane `p` as a list of rows (new arrays). A 2-D tensor is one plane, p = 0. */
export function planeRows(
  t: { readonly shape: readonly number[]; readonly data: ArrayLike<number> },
  p: number,
): number[][] {
  const [H] = planeSides(t.shape);
  return Array.from({ length: H }, (_, y) => {
    const [start, end] = rowSpan(t.shape, p, y);
    return Array.prototype.slice.call(t.data, start, end) as number[];
  });
}

/** Plane `p` of a tensor as its own (H, W) tensor (a copy). */
export function planeOf(t: Tensor, p: number): Tensor {
  const [start, end] = planeSpan(t.shape, p);
  return { shape: planeSides(t.shape), data: t.data.slice(start, end) };
}

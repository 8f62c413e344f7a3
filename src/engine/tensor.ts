/**
 * The engine's one data type: a flat Float64Array with an explicit shape, row-major
 * (the last axis varies fastest). This file owns the memory layout: every other module
 * reads and writes cells through `offset`/`strides` or plain loops derived from them.
 *
 * Images are channels-first, (C,H,W), because that is how the lectures draw them:
 * one grid per channel. `chwToHwc`/`hwcToChw` convert to and from Keras's (H,W,C).
 */
import { ShapeError, describe, describeValue, phrase, shapeError, valueError } from './errors.js';
import { LIMITS, checkCells } from './limits.js';

export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** A 2-D array of numbers: one channel, rows of cells. */
export type Grid = number[][];

/** Number of cells in a shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides: how far apart neighbours along each axis are in `data`. */
export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** Index of a cell in `data`. */
export function offset(shape: readonly number[], index: readonly number[]): number {
  if (index.length !== shape.length) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ShapeError(
      'index',
      `Expected an index with ${shape.length} coordinates, got ${index.length}.`,
    );
  }
  let off = 0;
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const k = index[i];
    if (!Number.isInteger(k) || k < 0 || k >= shape[i]) {
      throw shapeError('index', 'index-outside', { index: k, axis: i, size: shape[i] });
    }
    off += k * acc;
    acc *= shape[i];
  }
  return off;
}

/** A tensor of the given shape; zeros unless `data` is given (its length must match). */
export function tensor(shape: readonly number[], data?: ArrayLike<number>): Tensor {
  checkShape(shape);
  checkCells('shape', () => phrase('named', { name: 'shape' }), shape);
  const n = sizeOf(shape);
  if (data === undefined) return { shape: [...shape], data: new Float64Array(n) };
  if (data.length !== n) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ShapeError(
      'data',
      `Shape (${shape.join(',')}) holds ${n} numbers, got ${data.length}.`,
    );
  }
  return { shape: [...shape], data: Float64Array.from(data) };
}

/**
 * Nested arrays → tensor, checking as it goes: every row the same length, every
 * leaf a finite number, exactly `rank` levels when a rank is asked for.
 * `name` is what error messages call the argument (e.g. `kernels[1]`).
 */
export function fromNested(name: string, nested: unknown, rank?: number): Tensor {
  const shape: number[] = [];
  let probe: unknown = nested;
  while (Array.isArray(probe)) {
    if (probe.length === 0) {
      throw shapeError(name, 'empty-array', { name, depth: shape.length });
    }
    // The walk below recurses once per level: a list nested thousands deep is refused here.
    if (shape.length === LIMITS.rank)
      throw valueError(name, 'too-deep', { name, limit: LIMITS.rank });
    shape.push(probe.length);
    probe = probe[0];
  }
  if (rank !== undefined && shape.length !== rank) {
    throw shapeError(name, 'wrong-rank', {
      name,
      expected: phrase('rank', { rank }),
      got: shape.length === 0 ? describeValue(nested) : phrase('rank', { rank: shape.length }),
    });
  }
  checkCells(name, () => phrase('named', { name }), shape);
  const data = new Float64Array(sizeOf(shape));
  let k = 0;
  const walk = (node: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof node !== 'number' || !Number.isFinite(node)) {
        throw valueError(name, 'not-finite', {
          argument: `${name}${path}`,
          got: describeValue(node),
        });
      }
      data[k++] = node;
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw shapeError(name, 'ragged', {
        name,
        at: `${name}${path}`,
        length: shape[depth],
        got: Array.isArray(node) ? phrase('length', { length: node.length }) : describeValue(node),
      });
    }
    for (let i = 0; i < node.length; i++) walk(node[i], depth + 1, `${path}[${i}]`);
  };
  walk(nested, 0, '');
  return { shape, data };
}

/** Throw a ValueError naming the first cell that is NaN or ±Infinity. */
export function expectFiniteData(name: string, t: Tensor): void {
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i])) {
      throw valueError(name, 'not-finite-data', { name, got: describeValue(d[i]), position: i });
    }
  }
}

/**
 * Throw a ValueError naming the first cell of `op`'s result that is not a finite number, such
 * as `output[0][1][2]`: finite inputs can still add up past the largest double (4 × 1e308).
 */
export function expectFiniteResult(op: string, t: Tensor): void {
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i])) {
      const index: number[] = [];
      let rest = i;
      for (let a = t.shape.length - 1; a >= 0; a--) {
        index.unshift(rest % t.shape[a]);
        rest = Math.floor(rest / t.shape[a]);
      }
      const cell = `output${index.map((k) => `[${k}]`).join('')}`;
      throw valueError('input', 'not-finite-result', { op, cell });
    }
  }
}

/** Tensor → nested arrays (a number for rank 0). */
export function toNested(t: Tensor): any {
  if (t.shape.length === 0) return t.data[0];
  const build = (depth: number, base: number, step: number): any => {
    const n = t.shape[depth];
    const inner = step / n;
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      out[i] =
        depth === t.shape.length - 1 ? t.data[base + i] : build(depth + 1, base + i * inner, inner);
    }
    return out;
  };
  return build(0, 0, t.data.length);
}

function checkShape(shape: readonly number[]): void {
  shape.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 0) {
      // Only a programming mistake reaches this (the project's own code passes these): no code.
      throw new ShapeError(
        'shape',
        `Expected axis ${i} of the shape to be a whole number ≥ 0, got ${describe(d)}.`,
      );
    }
  });
}

/** Same data, another shape with the same number of cells. */
export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  checkShape(shape);
  if (sizeOf(shape) !== t.data.length) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ShapeError(
      'shape',
      `Cannot reshape (${t.shape.join(',')}) with ${t.data.length} cells into (${shape.join(',')}).`,
    );
  }
  return { shape: [...shape], data: t.data };
}

function expectRank(name: string, t: Tensor, rank: number): void {
  if (t.shape.length !== rank) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ShapeError(
      name,
      `Expected \`${name}\` to have ${rank} axes, got shape (${t.shape.join(',')}).`,
    );
  }
}

/** (C,H,W) → (H,W,C): the value at channel c, row y, column x moves to [y][x][c]. */
export function chwToHwc(t: Tensor): Tensor {
  expectRank('input', t, 3);
  const [C, H, W] = t.shape;
  const out = new Float64Array(t.data.length);
  for (let c = 0; c < C; c++)
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) out[(y * W + x) * C + c] = t.data[(c * H + y) * W + x];
  return { shape: [H, W, C], data: out };
}

/** (H,W,C) → (C,H,W). */
export function hwcToChw(t: Tensor): Tensor {
  expectRank('input', t, 3);
  const [H, W, C] = t.shape;
  const out = new Float64Array(t.data.length);
  for (let c = 0; c < C; c++)
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) out[(c * H + y) * W + x] = t.data[(y * W + x) * C + c];
  return { shape: [C, H, W], data: out };
}

/**
 * Flatten a (C,H,W) image into one list. `order: 'chw'` lists channel 0's rows first
 * (PyTorch's flatten); `'hwc'` lists all channels of pixel (0,0) first (Keras's Flatten).
 */
export function flatten(t: Tensor, order: 'chw' | 'hwc' = 'chw'): number[] {
  if (order === 'chw' || t.shape.length < 3) return Array.from(t.data);
  return Array.from(chwToHwc(t).data);
}

/** Convert an index between layouts: position (c,y,x) of a (C,H,W) image in both flat orders. */
export function flatIndex(
  shape: readonly [number, number, number],
  c: number,
  y: number,
  x: number,
  order: 'chw' | 'hwc',
): number {
  const [C, H, W] = shape;
  offset(shape, [c, y, x]);
  return order === 'chw' ? (c * H + y) * W + x : (y * W + x) * C + c;
}

/**
 * A (C,H,W) image's data with zeros around every channel: `top` rows above, `bottom` below,
 * `left` and `right` columns beside. Returns the data itself when there is no padding.
 * Convolution reads padded cells as zeros; writing them out once lets its loops skip bounds checks.
 */
export function padChannels(
  input: Tensor,
  pad: { top: number; bottom: number; left: number; right: number },
): { data: Float64Array; rows: number; columns: number } {
  const [C, H, W] = input.shape;
  if (pad.top === 0 && pad.bottom === 0 && pad.left === 0 && pad.right === 0) {
    return { data: input.data, rows: H, columns: W };
  }
  const rows = H + pad.top + pad.bottom;
  const columns = W + pad.left + pad.right;
  const data = new Float64Array(C * rows * columns);
  for (let c = 0; c < C; c++) {
    for (let y = 0; y < H; y++) {
      const from = (c * H + y) * W;
      data.set(input.data.subarray(from, from + W), (c * rows + y + pad.top) * columns + pad.left);
    }
  }
  return { data, rows, columns };
}

/**
 * Tensor layouts named by their axes: which order the sizes of a shape come in, where a flat
 * position lands in the other layout, and the shape of a convolution's kernel tensor.
 *
 * Axis letters: N (examples in a batch), C (channels), H (rows), W (columns); for kernels
 * also I (input channels) and O (output channels, one per filter).
 * Example: `layoutShape('NHWC', { N: 60000, H: 28, W: 28, C: 1 })` → `[60000, 28, 28, 1]`
 * (the MNIST training set as Keras stores it).
 */
import {
  describeValue,
  expectNonNegativeInt,
  expectPositiveInt,
  shapeError,
  valueError,
} from './errors.js';
import { sizeOf, strides } from './tensor.js';

/** Sizes per axis letter, e.g. `{ H: 28, W: 28, C: 1 }`. */
export type AxisSizes = Readonly<Record<string, number>>;

function expectLayout(layout: string): string[] {
  const letters = [...layout];
  if (
    letters.length === 0 ||
    letters.some((l) => !/^[A-Z]$/.test(l)) ||
    new Set(letters).size !== letters.length
  ) {
    throw valueError('layout', 'bad-layout', { got: describeValue(layout) });
  }
  return letters;
}

/** The shape of a tensor in `layout`: the size of each axis, in the layout's order. */
export function layoutShape(layout: string, sizes: AxisSizes): number[] {
  return expectLayout(layout).map((axis) => {
    if (!(axis in sizes)) throw shapeError(axis, 'layout-size-missing', { layout, axis });
    return expectPositiveInt(axis, sizes[axis]);
  });
}

/**
 * The cell at flat position `position` of a row-major tensor (the last axis varies fastest):
 * the inverse of `offset`. Example: `unravelIndex([3, 4], 9)` → `[2, 1]` (9 = 2·4 + 1).
 */
export function unravelIndex(shape: readonly number[], position: number): number[] {
  shape.forEach((d, i) => expectPositiveInt(`shape[${i}]`, d));
  expectNonNegativeInt('position', position);
  const n = sizeOf(shape);
  if (position >= n) {
    throw shapeError('position', 'position-outside', {
      position,
      shape: shape.join(', '),
      last: n - 1,
    });
  }
  return strides(shape).map((s, i) => Math.floor(position / s) % shape[i]);
}

/**
 * Where the number at flat position `position` of one layout lands in another layout of the
 * same tensor. Both layouts list the same axes; `sizes` gives each axis its size.
 *
 * position → cell (unravelIndex in `from`) → the same cell's offset in `to`.
 * Example: a 2×2 RGB image, `convertFlatIndex(5, 'CHW', 'HWC', { C: 3, H: 2, W: 2 })`:
 * 5 is channel 1, row 0, column 1 in (C,H,W), and (0·2 + 1)·3 + 1 = 4 in (H,W,C).
 */
export function convertFlatIndex(
  position: number,
  from: string,
  to: string,
  sizes: AxisSizes,
): number {
  const fromAxes = expectLayout(from);
  const toAxes = expectLayout(to);
  if (fromAxes.length !== toAxes.length || fromAxes.some((a) => !toAxes.includes(a))) {
    throw valueError('to', 'layouts-differ', { from, to });
  }
  const cell = unravelIndex(layoutShape(from, sizes), position);
  const at = Object.fromEntries(fromAxes.map((a, i) => [a, cell[i]]));
  const toShape = layoutShape(to, sizes);
  const s = strides(toShape);
  return toAxes.reduce((sum, a, i) => sum + at[a] * s[i], 0);
}

/** Where the kernel's axes go: Keras/TensorFlow (H_f, W_f, C_in, C_out) or PyTorch (C_out, C_in, H_f, W_f). */
export type KernelLayout = 'keras' | 'pytorch';

export interface KernelShapeOptions {
  /** Filter rows H_f. */
  readonly kH: number;
  /** Filter columns W_f. */
  readonly kW: number;
  /** Input channels C_in: every filter spans all of them. */
  readonly cIn: number;
  /** Filters = output channels C_out. */
  readonly filters: number;
  /** @default 'keras' */
  readonly layout?: KernelLayout;
}

/**
 * The shape of a 2-D convolution's kernel tensor: one kH×kW slice per input channel, for
 * every filter. Keras: (H_f, W_f, C_in, C_out). The image size plays no part.
 * Example: two 3×3 filters on a one-channel picture → `[3, 3, 1, 2]` (18 weights).
 */
export function kernelShape(options: KernelShapeOptions): number[] {
  const { kH, kW, cIn, filters, layout = 'keras' } = options;
  const sizes = {
    H: expectPositiveInt('kH', kH),
    W: expectPositiveInt('kW', kW),
    I: expectPositiveInt('cIn', cIn),
    O: expectPositiveInt('filters', filters),
  };
  if (layout === 'keras') return layoutShape('HWIO', sizes);
  if (layout === 'pytorch') return layoutShape('OIHW', sizes);
  throw valueError('layout', 'kernel-layout', { got: describeValue(layout) });
}

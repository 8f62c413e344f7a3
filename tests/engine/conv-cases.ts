/** Pieces of the random conv2d geometries the gradient tests draw. */
import fc from 'fast-check';
import { type Padding, effectiveSize } from '../../src/engine/index.js';

/** Two whole numbers in [min, max]: one per axis (rows, columns). */
export const axisPair = (min: number, max: number) =>
  fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }));

/**
 * An input side that the (dilated) kernel fits along `axis`, `extra` cells more than needed.
 * 'same' pads whatever is missing, so the bare span plus `extra` always fits.
 */
export function fittingSide(
  c: {
    kernel: [number, number];
    dilation: [number, number];
    padding: Padding;
    extra: [number, number];
  },
  axis: 0 | 1,
): number {
  const p = c.padding;
  const padTotal = typeof p === 'number' ? 2 * p : Array.isArray(p) ? p[axis][0] + p[axis][1] : 0;
  return Math.max(1, effectiveSize(c.kernel[axis], c.dilation[axis]) - padTotal) + c.extra[axis];
}

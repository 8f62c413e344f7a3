/**
 * How big a request may be. Every op checks these from the shapes alone, before it allocates
 * a buffer or runs a loop, so a request that is too big is refused at once with its size and
 * the limit, whether it comes from `calc`, a lesson figure, an exercise or training.
 *
 * - cells: the numbers in any one tensor an op reads or makes (the input, the input with its
 *   padding written out, the output): 2^24, 128 MB of doubles;
 * - work: the steps one request may take, a multiply-add for a convolution or a dense layer,
 *   a window cell (padding included) for pooling, and one for every number an op writes:
 *   about a second on a laptop;
 * - size: sizes, strides, padding, dilation, filter and unit counts are whole numbers up to
 *   this, which keeps every window's arithmetic exact;
 * - rank: how deeply a tensor's lists may nest.
 */
import {
  type Phrase,
  describeValue,
  expectNonNegativeInt,
  expectPositiveInt,
  valueError,
} from './errors.js';
import { formatCount } from './format-count.js';

export const LIMITS = {
  cells: 16_777_216,
  work: 1_000_000_000,
  size: 1_000_000,
  rank: 16,
} as const;

/** The largest whole number a double holds exactly; counts beyond it are refused. */
export const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/** Product of a shape's axes (no check: a double is exact far beyond any limit here). */
function cellsOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * Refuse a tensor of `shape` with more than LIMITS.cells numbers, before it is allocated.
 * `argument` is where the error points (`input`, `padding`); `what` names the tensor as the
 * message does (`input`, the padded input, the conv2d output), made only for the message:
 * ops check on every call, and the check must cost next to nothing.
 */
export function checkCells(argument: string, what: () => Phrase, shape: readonly number[]): void {
  const cells = cellsOf(shape);
  if (cells > LIMITS.cells) {
    throw valueError(argument, 'too-many-cells', {
      what: what(),
      shape: shape.join('×'),
      cells: formatCount(cells),
      limit: formatCount(LIMITS.cells),
    });
  }
}

/**
 * Refuse `work` operations for `op` (conv2d, pooling, pipeline, …) above LIMITS.work. The
 * error points at `input`, the argument every op has.
 */
export function checkWork(op: string, work: number): void {
  if (work > LIMITS.work) {
    throw valueError('input', 'too-much-work', {
      op,
      work: formatCount(work),
      limit: formatCount(LIMITS.work),
    });
  }
}

/**
 * A size, stride, padding or count: a whole number from `min` to LIMITS.size. Below `min` or
 * not whole, the message is the usual "a whole number ≥ 1"; above, it gives the whole range.
 */
export function expectSize(argument: string, value: unknown, min: 0 | 1 = 1): number {
  const n = min === 1 ? expectPositiveInt(argument, value) : expectNonNegativeInt(argument, value);
  if (n > LIMITS.size) {
    throw valueError(argument, 'not-in-range', {
      argument,
      min,
      max: formatCount(LIMITS.size),
      got: describeValue(n),
    });
  }
  return n;
}

/** A count (parameters, flattened cells) that must stay exact: at most MAX_EXACT. */
export function expectExactCount(argument: string, value: number): number {
  if (!(value <= MAX_EXACT)) {
    throw valueError(argument, 'count-too-big', {
      argument,
      got: formatCount(value),
      max: formatCount(MAX_EXACT),
    });
  }
  return value;
}

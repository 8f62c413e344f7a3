/**
 * Output-size arithmetic for one axis, with the working shown: the lectures' (N − F)/S + 1
 * generalised to padding and dilation, and whether the window "fits" (lands exactly on the
 * last cell) or a framework silently drops the incomplete last window.
 */
import { describeValue, shapeError, valueError } from './errors.js';
import { expectSize } from './limits.js';
import { effectiveSize, outputLength, samePadding } from './geometry.js';

/**
 * Padding along one axis: a number of zeros on each side, `[before, after]`, `'valid'`
 * (none) or `'same'` (TensorFlow's rule: ⌈N/S⌉ outputs, the smaller half of the padding first).
 */
export type AxisPadding = number | readonly [number, number] | 'valid' | 'same';

export interface OutputSizeOptions {
  /** Input length N (cells along the axis). */
  readonly n: number;
  /** Kernel (filter or pool window) length F. */
  readonly f: number;
  /** Step S between windows. @default 1 */
  readonly stride?: number;
  /** Zeros added to the axis. @default 0 */
  readonly pad?: AxisPadding;
  /** Gap D between kernel taps; the kernel spans (F−1)·D + 1 cells. @default 1 */
  readonly dilation?: number;
}

export interface OutputSize {
  /** (N + Pb + Pa − (F−1)·D − 1)/S + 1, not rounded: 2.333… for N=7, F=3, S=3. */
  readonly exact: number;
  /** ⌊exact⌋: what a framework produces (the incomplete last window is dropped). */
  readonly size: number;
  /** True when `exact` is a whole number: every window lands inside and the last one ends on the last cell. */
  readonly fits: boolean;
  /** N + Pb + Pa − (F−1)·D − 1, the cells the window can still move after the first position. */
  readonly numerator: number;
  /** The stride S. */
  readonly denominator: number;
  /** Padding actually used, [before, after]. */
  readonly pad: [number, number];
  /** The working, e.g. `(7 − 3 + 2·0)/3 + 1 = 2.33…: does not fit`. */
  readonly formula: string;
}

/**
 * Output length of a sliding window along one axis, with the exact (unfloored) value.
 *
 * exact = (N + P_before + P_after − (F−1)·D − 1)/S + 1, size = ⌊exact⌋ (floor: an incomplete
 * last window is dropped), fits = exact is a whole number. With D = 1 and P on both sides this
 * is the lectures' (N − F + 2P)/S + 1.
 *
 * Example: `outputSize({ n: 7, f: 3, stride: 3 })` →
 * `{ exact: 2.333…, size: 2, fits: false, numerator: 4, denominator: 3, pad: [0, 0],
 *    formula: '(7 − 3 + 2·0)/3 + 1 = 2.33…: does not fit' }`.
 *
 * Throws ValueError naming `n`, `f`, `stride`, `dilation` or `pad` for a bad argument, and
 * ShapeError (argument `f`) when the kernel spans more cells than the padded input has.
 */
export function outputSize(options: OutputSizeOptions): OutputSize {
  const { n, f, stride = 1, pad = 0, dilation = 1 } = options;
  // Sizes up to LIMITS.size keep every step below exact: (F−1)·D is at most 10^12.
  expectSize('n', n);
  expectSize('f', f);
  expectSize('stride', stride);
  expectSize('dilation', dilation);
  const [before, after] = resolveAxisPadding(pad, n, f, stride, dilation);

  const span = effectiveSize(f, dilation);
  const padded = n + before + after;
  if (span > padded) {
    throw shapeError('f', 'outsize-too-big', { f, dilation, span, padded, n, before, after });
  }

  const numerator = padded - span;
  // One division, so 7/3 is the correctly rounded double rather than 4/3 + 1.
  const exact = (numerator + stride) / stride;
  const fits = numerator % stride === 0;
  const size = outputLength(n, f, stride, before, after, dilation);
  return {
    exact,
    size,
    fits,
    numerator,
    denominator: stride,
    pad: [before, after],
    formula: formulaText(n, f, stride, dilation, before, after, numerator, fits),
  };
}

/** The padding that keeps the size at stride 1: (F−1)·D zeros in all. */
export interface KeepSizePadding {
  /** (F−1)·D. */
  readonly total: number;
  /** ⌊total/2⌋: the smaller half goes first, as in TensorFlow's SAME. */
  readonly before: number;
  /** total − before. */
  readonly after: number;
  /** True when both sides get the same amount, i.e. (F−1)·D is even (always for odd F). */
  readonly symmetric: boolean;
}

/**
 * Padding that keeps the output the same size as the input at stride 1.
 *
 * total = (F−1)·D; before = ⌊total/2⌋, after = total − before. For odd F (and D = 1) this is
 * the lectures' (F−1)/2 on each side; an even F needs one more zero after than before.
 *
 * Example: `paddingToKeepSize(3)` → `{ total: 2, before: 1, after: 1, symmetric: true }`;
 * `paddingToKeepSize(2)` → `{ total: 1, before: 0, after: 1, symmetric: false }`.
 */
export function paddingToKeepSize(f: number, dilation = 1): KeepSizePadding {
  expectSize('f', f);
  expectSize('dilation', dilation);
  // At stride 1 SAME asks for span − 1 zeros whatever N is, so any N ≥ 1 gives the same split.
  const [before, after] = samePadding(1, f, 1, dilation);
  return { total: before + after, before, after, symmetric: before === after };
}

/**
 * A padding option → [before, after] for one axis.
 * 'valid' → [0, 0]; 'same' → TensorFlow's split (see `samePadding`); P → [P, P].
 * Example: `resolveAxisPadding('same', 5, 2, 2)` → `[0, 1]`.
 */
export function resolveAxisPadding(
  pad: AxisPadding,
  n: number,
  f: number,
  stride = 1,
  dilation = 1,
): [number, number] {
  if (pad === 'valid') return [0, 0];
  if (pad === 'same') return samePadding(n, f, stride, dilation);
  if (typeof pad === 'number') {
    expectSize('pad', pad, 0);
    return [pad, pad];
  }
  if (Array.isArray(pad) && pad.length === 2) {
    expectSize('pad[0]', pad[0], 0);
    expectSize('pad[1]', pad[1], 0);
    return [pad[0], pad[1]];
  }
  throw valueError('pad', 'bad-pad', { got: describeValue(pad) });
}

/**
 * A number for the working: whole numbers as they are, up to two decimals when that is exact
 * (2.5), otherwise TRUNCATED to two decimals with "…" (7/3 + … = 2.33…, 8/3 = 2.66…), the
 * way the lecture slides write them.
 */
function exactText(numerator: number, stride: number): string {
  const whole = Math.floor(numerator / stride) + 1;
  const rest = numerator % stride;
  if (rest === 0) return String(whole);
  const hundredths = Math.floor((rest * 100) / stride);
  const decimals = String(hundredths).padStart(2, '0');
  if ((rest * 100) % stride === 0) return `${whole}.${decimals.replace(/0$/, '')}`;
  return `${whole}.${decimals}…`;
}

function formulaText(
  n: number,
  f: number,
  stride: number,
  dilation: number,
  before: number,
  after: number,
  numerator: number,
  fits: boolean,
): string {
  const span = effectiveSize(f, dilation);
  const padTerm = before === after ? `2·${before}` : `${before} + ${after}`;
  const body = `(${n} − ${span} + ${padTerm})/${stride} + 1 = ${exactText(numerator, stride)}`;
  const verdict = fits ? '' : ': does not fit';
  const spanNote = dilation > 1 ? ` (dilated span (${f}−1)·${dilation} + 1 = ${span})` : '';
  return body + verdict + spanNote;
}

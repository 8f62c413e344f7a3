/**
 * How numbers look on screen. One rule everywhere, so a learner who types "0.77" can compare
 * it with what the grid shows:
 *
 * - an integer prints as an integer: `4`, `-1`, never `4.00`;
 * - anything else prints with exactly `decimals` places (default 2). Trailing zeros are kept
 *   (`0.30`, not `0.3`) so that the decimal points of a column line up;
 * - `round` rounds half away from zero (`7/9 → 0.78`), `truncate` cuts toward zero (`7/9 → 0.77`);
 * - a result that is all zeros never carries a sign (`-0.0001 → 0.00`, `-0 → 0`);
 * - floating-point noise is ignored: the value is first rounded to 12 significant digits, so
 *   `0.1 + 0.2` shows `0.30` and `0.29` truncates to `0.29` (not `0.28`), and
 *   `3.0000000000000004` counts as the integer `3`;
 * - NaN prints `NaN`, infinities `∞` / `-∞`; magnitudes ≥ 1e12 print in exponent form
 *   (`1.50e+12`), beyond the 12 digits the noise rule keeps.
 */
import { displayWidth, padEndTo, padStartTo } from './ansi-text.js';

export type RoundingMode = 'round' | 'truncate';

export interface NumberFormatOptions {
  /** Places after the decimal point for non-integers. A whole number from 0 to 20. @default 2 */
  readonly decimals?: number;
  /** How extra places are dropped. @default 'round' */
  readonly mode?: RoundingMode;
}

export interface ColumnFormatOptions extends NumberFormatOptions {
  /**
   * `right`: right-align every entry (`   4` over `0.50`).
   * `decimal`: line up the decimal points (`4   ` over `0.50`).
   * @default 'right'
   */
  readonly align?: 'right' | 'decimal';
}

/** Significant digits kept before formatting; what lies below is floating-point noise. */
const SIGNIFICANT_DIGITS = 12;
/** From here on a number has more digits than SIGNIFICANT_DIGITS can show exactly. */
const EXPONENT_FORM_FROM = 1e12;

/**
 * Check the options once, with messages a caller can act on.
 * Example: `{ decimals: 2.5 }` throws "Expected `decimals` to be a whole number from 0 to 20, got 2.5."
 */
export function resolveNumberFormat(opts: NumberFormatOptions = {}): Required<NumberFormatOptions> {
  const decimals = opts.decimals ?? 2;
  const mode = opts.mode ?? 'round';
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(
      `Expected \`decimals\` to be a whole number from 0 to 20, got ${String(decimals)}.`,
    );
  }
  if (mode !== 'round' && mode !== 'truncate') {
    throw new RangeError(
      `Expected \`mode\` to be 'round' or 'truncate', got ${JSON.stringify(mode)}.`,
    );
  }
  return { decimals, mode };
}

/**
 * `|value|` rounded to 12 significant digits, as `digits × 10^exponent` with `digits` a BigInt.
 * Example: `7/9` → `{ digits: 777777777778n, exponent: -12 }`.
 */
function denoise(abs: number): { digits: bigint; exponent: number } {
  const [mantissa, exp] = abs.toExponential(SIGNIFICANT_DIGITS - 1).split('e');
  return {
    digits: BigInt(mantissa.replace('.', '')),
    exponent: Number(exp) - (SIGNIFICANT_DIGITS - 1),
  };
}

/**
 * `|value| × 10^decimals`, cut to a whole number by `mode` (round = half away from zero).
 * Example: `(0.7777…, 2, 'truncate')` → `77n`; with 'round' → `78n`.
 */
function scaledMagnitude(abs: number, decimals: number, mode: RoundingMode): bigint {
  const { digits, exponent } = denoise(abs);
  const shift = exponent + decimals;
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  const quotient = digits / divisor;
  const remainder = digits % divisor;
  return mode === 'round' && 2n * remainder >= divisor ? quotient + 1n : quotient;
}

/** Whether `value` is an integer once noise below 12 significant digits is ignored. */
function isIntegerWithinNoise(value: number): boolean {
  if (Number.isInteger(value)) return true;
  const { digits, exponent } = denoise(Math.abs(value));
  return exponent >= 0 || digits % 10n ** BigInt(-exponent) === 0n;
}

/**
 * Format one number for display (rules in the file comment).
 * Examples: `formatNumber(4)` → "4"; `formatNumber(7/9)` → "0.78";
 * `formatNumber(-5/9, { mode: 'truncate' })` → "-0.55"; `formatNumber(0.1 + 0.2)` → "0.30".
 */
export function formatNumber(value: number, opts: NumberFormatOptions = {}): string {
  const { decimals, mode } = resolveNumberFormat(opts);
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (Math.abs(value) >= EXPONENT_FORM_FROM) return value.toExponential(decimals);
  const integer = isIntegerWithinNoise(value);
  const places = integer ? 0 : decimals;
  const magnitude = scaledMagnitude(Math.abs(value), places, integer ? 'round' : mode);
  const digits = magnitude.toString().padStart(places + 1, '0');
  const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return value < 0 && magnitude !== 0n ? `-${body}` : body;
}

/**
 * Format several numbers so that every entry has the same display width.
 * Example: `formatColumn([1, 0.5])` → ["   1", "0.50"];
 * with `align: 'decimal'` → ["1   ", "0.50"].
 */
export function formatColumn(values: readonly number[], opts: ColumnFormatOptions = {}): string[] {
  const texts = values.map((v) => formatNumber(v, opts));
  // Widest by a loop, not Math.max(...texts): a long column has more entries than a call
  // takes arguments.
  const widest = (parts: readonly string[]): number => {
    let width = 0;
    for (const part of parts) width = Math.max(width, displayWidth(part));
    return width;
  };
  if ((opts.align ?? 'right') === 'right') {
    const width = widest(texts);
    return texts.map((t) => padStartTo(t, width));
  }
  const split = texts.map((t) => {
    const point = t.indexOf('.');
    return point === -1 ? [t, ''] : [t.slice(0, point), t.slice(point)];
  });
  const whole = widest(split.map(([w]) => w));
  const fraction = widest(split.map(([, f]) => f));
  return split.map(([w, f]) => padStartTo(w, whole) + padEndTo(f, fraction));
}

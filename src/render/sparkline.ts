/**
 * A series of numbers as one line of bar characters, for a live learning curve:
 *
 *   loss  █▆▄▃▂▂▁▁▁▁      (unicode: the eight blocks ▁▂▃▄▅▆▇█)
 *   loss  #*=-:.__._      (ascii: `_.:-=+*#`, low to high)
 *
 * A value v gets level round((v − min) / (max − min) · 7) of eight, clamped to the ends; NaN
 * and infinities draw as a space (a gap, never a made-up height). When there are more values
 * than columns, each column shows the mean of its share of the values (`bucketMeans`), so the
 * whole run always fits; fewer values than columns are drawn from the left, one per column.
 *
 * Example: `sparkline([0, 0.5, 1], { width: 3, min: 0, max: 1 })` → "▁▅█".
 */
const UNICODE_BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
const ASCII_BARS = ['_', '.', ':', '-', '=', '+', '*', '#'] as const;

export interface SparklineOptions {
  /** Columns at most. */
  readonly width: number;
  /** The value drawn lowest. @default the smallest finite value */
  readonly min?: number;
  /** The value drawn highest. @default the largest finite value */
  readonly max?: number;
  /** Only ASCII characters. @default false */
  readonly ascii?: boolean;
}

/**
 * `values` cut into `count` consecutive runs of (nearly) equal length, each replaced by its
 * mean; non-finite values are left out of a mean (a run of only those gives NaN).
 * Example: `bucketMeans([1, 3, 5, 7], 2)` → [2, 6].
 */
export function bucketMeans(values: readonly number[], count: number): number[] {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`Expected \`count\` to be a whole number ≥ 1, got ${String(count)}.`);
  if (values.length <= count) return [...values];
  const out: number[] = [];
  for (let b = 0; b < count; b++) {
    // floor: the runs differ in length by at most one, and together cover every value once.
    const from = Math.floor((b * values.length) / count);
    const to = Math.floor(((b + 1) * values.length) / count);
    let sum = 0;
    let n = 0;
    for (let i = from; i < to; i++) {
      if (Number.isFinite(values[i])) {
        sum += values[i];
        n++;
      }
    }
    out.push(n === 0 ? NaN : sum / n);
  }
  return out;
}

/** The series as at most `width` bar characters (see the file comment); '' for no values. */
export function sparkline(values: readonly number[], options: SparklineOptions): string {
  const { width, ascii = false } = options;
  if (!Number.isInteger(width) || width < 0)
    throw new RangeError(`Expected \`width\` to be a whole number ≥ 0, got ${String(width)}.`);
  if (width === 0 || values.length === 0) return '';
  const shown = bucketMeans(values, width);
  const finite = shown.filter((v) => Number.isFinite(v));
  const min = options.min ?? (finite.length > 0 ? Math.min(...finite) : 0);
  const max = options.max ?? (finite.length > 0 ? Math.max(...finite) : 1);
  const bars = ascii ? ASCII_BARS : UNICODE_BARS;
  const top = bars.length - 1;
  return shown
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      // A flat series (max = min) sits on the lowest bar.
      const t = max > min ? Math.min(1, Math.max(0, (v - min) / (max - min))) : 0;
      return bars[Math.round(t * top)];
    })
    .join('');
}

/**
 * Timing helpers shared by benchmark sections: interleaved runs, batches long enough for the
 * clock to resolve, medians after warm-up.
 */
import { performance } from 'node:perf_hooks';

/** Something to time. `run` must return its result so the work cannot be optimised away. */
export interface Contender {
  readonly name: string;
  readonly run: () => unknown;
}

export interface InterleaveOptions {
  /**
   * Each sample repeats a contender until it has taken at least this long, then divides,
   * so that microsecond-sized operations are still timed accurately.
   * @default 20
   */
  readonly minSampleMs?: number;
  /** @default 3 */
  readonly warmupSamples?: number;
  /** Samples per contender are chosen to fit this budget, within [minSamples, maxSamples]. @default 4000 */
  readonly budgetMs?: number;
  /** @default 7 */
  readonly minSamples?: number;
  /** @default 31 */
  readonly maxSamples?: number;
}

/** Milliseconds per call, the median of the samples, for each contender in order. */
export function timeInterleaved(
  contenders: readonly Contender[],
  options: InterleaveOptions = {},
): number[] {
  const minSampleMs = options.minSampleMs ?? 20;
  const warmupSamples = options.warmupSamples ?? 3;
  const budgetMs = options.budgetMs ?? 4000;

  // One call each tells how many calls make a sample and how many samples fit the budget.
  const single = contenders.map((c) => timeCalls(c, 1));
  const calls = single.map((ms) => Math.max(1, Math.ceil(minSampleMs / Math.max(ms, 1e-3))));
  const perRound = single.reduce((sum, ms, k) => sum + ms * calls[k], 0);
  const samples = clamp(
    Math.floor(budgetMs / Math.max(perRound, 1e-3)),
    options.minSamples ?? 7,
    options.maxSamples ?? 31,
  );

  const times = contenders.map(() => [] as number[]);
  for (let round = 0; round < warmupSamples + samples; round++) {
    // Alternate who goes first, so neither always runs on a cache or heap the other left.
    const order = contenders.map((_, k) => k);
    if (round % 2 === 1) order.reverse();
    for (const k of order) {
      const ms = timeCalls(contenders[k], calls[k]);
      if (round >= warmupSamples) times[k].push(ms);
    }
  }
  return times.map(median);
}

let sink = 0;

/** Milliseconds per call over `calls` back-to-back calls. */
function timeCalls(contender: Contender, calls: number): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) sink += consume(contender.run());
  const elapsed = performance.now() - start;
  if (sink === Number.MIN_VALUE) console.error('(unreachable; keeps results alive)');
  return elapsed / calls;
}

function consume(result: unknown): number {
  if (typeof result === 'number') return result;
  if (ArrayBuffer.isView(result)) return (result as unknown as ArrayLike<number>).length;
  if (result !== null && typeof result === 'object' && 'data' in result)
    return consume((result as { data: unknown }).data);
  return 0;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

/** A plain-text table with right-aligned numeric columns. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k])))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

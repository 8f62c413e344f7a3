/**
 * Training between redraws: while `active`, runs `step` (one mini-batch; it returns whether
 * there is more to do) in slices of at most `batchesPerTick` batches and about `sliceMs`
 * milliseconds, then hands the event loop back (a timer of `tickMs`, or `setImmediate` for
 * `tickMs: 0`) so keys typed meanwhile are read and the screen redraws before the next slice.
 * A long synchronous loop would leave every key waiting until training ended.
 *
 * `report` is called about every `frameMs`, when the work is finished, and once more when
 * the loop stops (paused, or the screen closes), with the longest tick since the last report
 * (slice and report together: how long a key could have waited) and the time that passed.
 *
 * A slice always runs at least one unit of work, so a unit longer than `sliceMs` makes a slice
 * of that length: keep units small (the live digits screen trains in batches of 8 for this).
 */
import { useEffect, useRef } from 'react';

export interface TrainingPace {
  /** Batches in one slice at most (Infinity: as many as fit in `sliceMs`). */
  readonly batchesPerTick: number;
  /** Rest between slices; 0 runs the next one as soon as keys and redraws are handled. */
  readonly tickMs: number;
}

export interface SliceReport {
  /** The longest slice since the last report, in milliseconds. */
  readonly sliceMs: number;
  /** Milliseconds since the last report (slices and rests). */
  readonly elapsedMs: number;
}

export interface TrainingLoopOptions {
  /** @default 10 */
  readonly sliceMs?: number;
  /** @default 50 */
  readonly frameMs?: number;
}

export function useTrainingLoop(
  active: boolean,
  pace: TrainingPace,
  step: () => boolean,
  report: (r: SliceReport) => void,
  options: TrainingLoopOptions = {},
): void {
  const latestStep = useRef(step);
  latestStep.current = step;
  const latestReport = useRef(report);
  latestReport.current = report;
  // Read by a slice already scheduled: a key that paused training re-renders at once, but the
  // effect below is only cleaned up after the frame is drawn, and no slice may run in between.
  const isActive = useRef(active);
  isActive.current = active;
  const { batchesPerTick, tickMs } = pace;
  const sliceMs = options.sliceMs ?? 10;
  const frameMs = options.frameMs ?? 50;

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let immediate: ReturnType<typeof setImmediate> | undefined;
    let longest = 0;
    let lastReport = performance.now();
    // What the last report cost (a snapshot, perhaps measuring the held-out set): a tick that
    // reports trains that much less, so the whole tick keeps to `sliceMs`.
    let reportCost = 0;
    const flush = (now: number): void => {
      latestReport.current({ sliceMs: longest, elapsedMs: now - lastReport });
      longest = 0;
      lastReport = now;
      reportCost = performance.now() - now;
    };
    const schedule = (): void => {
      if (tickMs > 0) timer = setTimeout(tick, tickMs);
      else immediate = setImmediate(tick);
    };
    function tick(): void {
      if (stopped || !isActive.current) return;
      const start = performance.now();
      const reporting = start - lastReport >= frameMs;
      const budget = reporting ? sliceMs - reportCost : sliceMs;
      let batches = 0;
      let slowest = 0;
      let more: boolean;
      let now = start;
      // Stop before a batch as slow as the slowest so far would overrun the budget.
      do {
        const before = now;
        more = latestStep.current();
        now = performance.now();
        slowest = Math.max(slowest, now - before);
        batches++;
      } while (more && batches < batchesPerTick && now - start + slowest <= budget);
      if (!more) {
        stopped = true;
        longest = Math.max(longest, now - start);
        flush(now);
        return;
      }
      if (reporting) flush(now);
      // The whole tick, report included, is what a key may have waited for (told next report).
      longest = Math.max(longest, performance.now() - start);
      schedule();
    }
    schedule();
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      if (immediate !== undefined) clearImmediate(immediate);
      if (!stopped) {
        stopped = true;
        flush(performance.now());
      }
    };
  }, [active, batchesPerTick, tickMs, sliceMs, frameMs]);
}

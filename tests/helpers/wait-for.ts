/**
 * Waiting in tests for something asynchronous (a frame, a state, a save) by polling, never by
 * a fixed sleep: a fixed sleep is too short on a busy machine and too long on an idle one.
 */

export const delay = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface WaitOptions {
  /** Give up after this many milliseconds. @default 2000 */
  readonly timeout?: number;
  /** What the failure message shows of the last state seen (a frame, the values so far). */
  readonly describe?: () => string;
}

/** Resolve once `check()` holds; after `timeout` ms, throw with what was seen last. */
export async function waitFor(
  check: () => boolean,
  { timeout = 2000, describe }: WaitOptions = {},
): Promise<void> {
  const began = performance.now();
  while (!check()) {
    if (performance.now() - began > timeout)
      throw new Error(`Timed out waiting${describe === undefined ? '' : `; ${describe()}`}`);
    await delay(5);
  }
}

export interface QuietOptions {
  /** How long `sample` must stay the same. */
  readonly quiet: number;
  /** Stop waiting after this many milliseconds even if it keeps changing. @default no limit */
  readonly limit?: number;
  /** How often to look. @default 2 */
  readonly every?: number;
}

/** Resolve once `sample()` has not changed for `quiet` ms (no new frame, say). */
export async function waitForQuiet(
  sample: () => unknown,
  { quiet, limit = Infinity, every = 2 }: QuietOptions,
): Promise<void> {
  let last = sample();
  let since = performance.now();
  const began = since;
  while (performance.now() - since < quiet && performance.now() - began < limit) {
    await delay(every);
    const now = sample();
    if (now !== last) {
      last = now;
      since = performance.now();
    }
  }
}

/**
 * One network being trained live, shared by the screens that show it: the trainer screen
 * trains it, the draw screen asks it for votes, and leaving one for the other keeps what it
 * learned.
 *
 * `work()` is the unit a screen runs between redraws: one mini-batch, or, when the session
 * measures the held-out set itself (`slicedTest`), a few held-out images. A thousand digits
 * take the trainer about 0.2 s to measure at the end of an epoch, all at once; here they are
 * measured `imagesPerWork` at a time on the network as the epoch left it (no training
 * happens until the measurement is done), so no key waits that long.
 */
import { forward } from '../../train/network.js';
import type { Trainer } from '../../train/trainer.js';
import type { MnistDigits } from '../../train/digits-data.js';
import { DIGITS_DEFAULTS, createDigitsTrainer } from '../../train/digits.js';
import { XO_DEFAULTS, createXoTrainer } from '../../train/xo.js';

/** The held-out accuracy after one epoch. */
export interface HeldOutResult {
  readonly epoch: number;
  /** 0–1. */
  readonly accuracy: number;
}

/** A measurement of the held-out set under way. */
export interface Measuring {
  readonly epoch: number;
  /** Images measured so far, of `count`. */
  readonly done: number;
  readonly count: number;
}

export interface SessionOptions {
  /** The seed the trainer was made with. @default 1 */
  readonly seed?: number;
  /** Epochs one run trains. */
  readonly epochs: number;
  /** Measure the held-out set in slices instead of inside the trainer's step. @default false */
  readonly slicedTest?: boolean;
  /** Held-out images one `work()` measures. @default 10 */
  readonly imagesPerWork?: number;
}

export class TrainingSession {
  readonly trainer: Trainer;
  /** Epochs one run trains. */
  readonly epochs: number;
  readonly slicedTest: boolean;
  readonly imagesPerWork: number;
  #seed: number;
  /**
   * Who trained the current weights: the trainer screen (where the learner watched them
   * learn), or another screen (the draw screen trains its network quickly, unseen).
   */
  trainedBy: 'trainer' | 'elsewhere' | null = null;
  #results: HeldOutResult[] = [];
  #measuring: { epoch: number; done: number; correct: number } | null = null;

  constructor(trainer: Trainer, options: SessionOptions) {
    this.trainer = trainer;
    this.epochs = options.epochs;
    this.#seed = options.seed ?? 1;
    this.slicedTest = options.slicedTest ?? false;
    this.imagesPerWork = options.imagesPerWork ?? 10;
    if (this.slicedTest) trainer.measureTestEachEpoch = false;
  }

  /** The seed of the current starting weights. */
  get seed(): number {
    return this.#seed;
  }

  /** Held-out accuracy after each finished and measured epoch, oldest first. */
  get heldOut(): readonly HeldOutResult[] {
    if (!this.slicedTest)
      return this.trainer.history.map((m) => ({ epoch: m.epoch, accuracy: m.testAccuracy }));
    return this.#results;
  }

  get measuring(): Measuring | null {
    const m = this.#measuring;
    return m === null ? null : { epoch: m.epoch, done: m.done, count: this.trainer.test.count };
  }

  /** New random weights from `seed` (see `Trainer.reset`); measurements are forgotten. */
  reset(seed: number): void {
    this.trainer.reset(seed);
    this.#seed = seed;
    this.#results = [];
    this.#measuring = null;
  }

  /**
   * One unit of work towards `goal` epochs: a held-out slice when a measurement is under way,
   * else one mini-batch (which may end an epoch and start a measurement). Returns whether
   * there is more to do.
   */
  work(goal: number): boolean {
    if (this.#measuring !== null) this.#measureSome();
    else if (this.trainer.status.epoch < goal) {
      const before = this.trainer.status.epoch;
      this.trainer.step(1);
      const after = this.trainer.status.epoch;
      if (this.slicedTest && after > before && this.trainer.test.count > 0)
        this.#measuring = { epoch: after, done: 0, correct: 0 };
    }
    return this.#measuring !== null || this.trainer.status.epoch < goal;
  }

  /** One mini-batch and, if it ends an epoch, the whole measurement (a key asked for it). */
  stepOnce(): void {
    while (this.#measuring !== null) this.#measureSome();
    this.work(Number.POSITIVE_INFINITY);
    while (this.#measuring !== null) this.#measureSome();
  }

  #measureSome(): void {
    const m = this.#measuring!;
    const { test } = this.trainer;
    const end = Math.min(test.count, m.done + this.imagesPerWork);
    let correct = m.correct;
    for (let k = m.done; k < end; k++) {
      if (forward(this.trainer.network, test.image(k)).predicted === test.labels[k]) correct++;
    }
    if (end < test.count) {
      this.#measuring = { epoch: m.epoch, done: end, correct };
      return;
    }
    this.#results = [...this.#results, { epoch: m.epoch, accuracy: correct / test.count }];
    this.#measuring = null;
  }
}

/** The X/O network of the lesson, untrained, with the trainer's defaults. @default seed 1 */
export function createXoSession(seed = 1, epochs: number = XO_DEFAULTS.epochs): TrainingSession {
  return new TrainingSession(createXoTrainer({ seed }), { seed, epochs });
}

/**
 * Mini-batch size of the live digits screen. The command line's 32 digits take about 25 ms a
 * batch (more on a busy machine), longer than a slice may last; 8 take about 7 ms. The
 * learning rate is scaled with the batch (0.05 · 8/32), which keeps the held-out accuracy
 * where batches of 32 get it (seed 1: 94.2% and 96.0% after epochs 1 and 2, against 94.1%
 * and 96.1%).
 */
export const LIVE_DIGITS_BATCH = 8;

/** The digits CNN for a live screen: batches of 8, the held-out set measured in slices. */
export function createDigitsSession(
  digits: MnistDigits,
  options: { seed?: number; epochs?: number } = {},
): TrainingSession {
  const seed = options.seed ?? 1;
  const base = DIGITS_DEFAULTS.optimizer;
  const trainer = createDigitsTrainer({
    seed,
    digits,
    batchSize: LIVE_DIGITS_BATCH,
    optimizer: {
      ...base,
      learningRate: ((base.learningRate ?? 0.05) * LIVE_DIGITS_BATCH) / DIGITS_DEFAULTS.batchSize,
    },
  });
  return new TrainingSession(trainer, {
    seed,
    epochs: options.epochs ?? DIGITS_DEFAULTS.epochs,
    slicedTest: true,
  });
}

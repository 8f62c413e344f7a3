/**
 * Training in small slices. A `Trainer` owns a network, an optimizer and a shuffled order of
 * the training images, and does only what it is asked: `step(n)` runs n mini-batches and
 * returns, so an interface can train between key presses (a few batches per frame) without
 * freezing; `run` loops whole epochs for the command line and benchmarks.
 *
 * After every epoch it measures the held-out set and appends a line to `history`. The
 * training loss and accuracy of an epoch are those seen while training on it (Keras reports
 * the same), each batch judged just before its own step.
 */
import { performance } from 'node:perf_hooks';
import {
  type ModelSpec,
  type Optimizer,
  type OptimizerSpec,
  type Random,
  type Tensor,
  ValueError,
  createOptimizer,
  describe,
  seededRandom,
} from '../engine/index.js';
import type { Dataset } from './dataset.js';
import {
  type Evaluation,
  type ForwardTrace,
  type Network,
  batchGradients,
  evaluate,
  forward,
  initNetwork,
  step as applyStep,
} from './network.js';

export interface TrainerOptions {
  readonly spec: ModelSpec;
  readonly train: Dataset;
  /** The held-out set: measured after every epoch, never trained on. */
  readonly test: Dataset;
  readonly optimizer: OptimizerSpec;
  /** Images per step. @default 16 */
  readonly batchSize?: number;
  /** Seeds the starting weights and the order of images. @default 1 */
  readonly seed?: number;
  /**
   * The learning rate is multiplied by this after every epoch (smaller steps once the network
   * is roughly right, so the held-out accuracy settles instead of wobbling). @default 1
   */
  readonly learningRateDecay?: number;
  /**
   * Changes each training image before it is used, e.g. shifts it a pixel (data augmentation:
   * more variety from the same images). Called with the trainer's seeded generator, so runs
   * stay repeatable. Never applied to the held-out set. @default none
   */
  readonly augment?: (image: Tensor, random: Random) => Tensor;
}

/** One line of the learning curve, written at the end of each epoch. */
export interface EpochMetrics {
  /** 1 for the first epoch. */
  readonly epoch: number;
  /** Optimizer steps (mini-batches) so far. */
  readonly steps: number;
  /** Time spent training and measuring so far, in seconds (time between slices not counted). */
  readonly seconds: number;
  /** Mean training loss over the epoch, as seen while training. */
  readonly loss: number;
  /** Fraction of training images right while training on this epoch, 0–1. */
  readonly trainAccuracy: number;
  readonly testLoss: number;
  /** Fraction of held-out images right after the epoch, 0–1. */
  readonly testAccuracy: number;
  readonly learningRate: number;
}

export interface TrainerStatus {
  /** Completed epochs. */
  readonly epoch: number;
  /** Mini-batches done in the current epoch. */
  readonly batch: number;
  readonly batchesPerEpoch: number;
  /** Optimizer steps since the start or the last reset. */
  readonly steps: number;
  readonly seconds: number;
  readonly paused: boolean;
  /** Loss of the last batch, or null before the first. */
  readonly lastLoss: number | null;
  /** The newest epoch line, or null before the first epoch ends. */
  readonly last: EpochMetrics | null;
}

export interface RunOptions {
  /** Stop after this many epochs in total (counting those already run). */
  readonly epochs: number;
  /** Stop early once the held-out accuracy reaches this (0–1). */
  readonly stopAtTestAccuracy?: number;
  /** Stop after the epoch during which this much training time was passed. */
  readonly maxSeconds?: number;
  /** Called after each epoch (e.g. to print it). */
  readonly onEpoch?: (metrics: EpochMetrics) => void;
}

export class Trainer {
  readonly spec: ModelSpec;
  readonly train: Dataset;
  readonly test: Dataset;
  readonly batchSize: number;
  /** The optimizer as configured (its learning rate as first given; see `learningRate` for now). */
  readonly optimizerSpec: OptimizerSpec;
  readonly learningRateDecay: number;
  readonly augment: ((image: Tensor, random: Random) => Tensor) | undefined;
  /**
   * Whether the end of an epoch measures the held-out set (`testLoss`, `testAccuracy` and
   * `firstPerfect`; NaN and null when off). A live screen turns it off and measures the set
   * itself, a few images per slice, so no key waits for a thousand forward passes. @default true
   */
  measureTestEachEpoch = true;
  #seed: number;
  #initialLearningRate: number;
  #network!: Network;
  #optimizer!: Optimizer;
  #random!: Random;
  #order!: Uint32Array;
  #batch = 0;
  #epoch = 0;
  #seconds = 0;
  #paused = false;
  #history: EpochMetrics[] = [];
  #losses: number[] = [];
  #epochLoss = 0;
  #epochCorrect = 0;
  #epochSeen = 0;
  #firstPerfect: EpochMetrics | null = null;
  /** performance.now() when the running slice began, so an epoch ending inside it can tell the time. */
  #sliceStart = 0;

  constructor(options: TrainerOptions) {
    this.spec = options.spec;
    this.train = options.train;
    this.test = options.test;
    const batchSize = options.batchSize ?? 16;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new ValueError(
        'batchSize',
        `Expected \`batchSize\` to be a whole number ≥ 1, got ${describe(batchSize)}.`,
      );
    }
    if (options.train.count === 0) throw new ValueError('train', 'The training set is empty.');
    const decay = options.learningRateDecay ?? 1;
    if (typeof decay !== 'number' || !(decay > 0 && decay <= 1)) {
      throw new ValueError(
        'learningRateDecay',
        `Expected \`learningRateDecay\` to be a number above 0 and at most 1, got ${describe(decay)}.`,
      );
    }
    this.batchSize = batchSize;
    this.learningRateDecay = decay;
    this.augment = options.augment;
    this.#seed = options.seed ?? 1;
    this.optimizerSpec = options.optimizer;
    this.#optimizer = createOptimizer(options.optimizer);
    this.#initialLearningRate = this.#optimizer.learningRate;
    this.reset();
  }

  /** The network being trained (its parameters change in place with every step). */
  get network(): Network {
    return this.#network;
  }

  /** One line per finished epoch; a new array after every epoch (so a screen can tell it changed). */
  get history(): readonly EpochMetrics[] {
    return this.#history;
  }

  /** The loss of every batch so far, for a live curve; one array that grows (compare its length). */
  get losses(): readonly number[] {
    return this.#losses;
  }

  /** The first epoch whose held-out accuracy was 100%, or null. */
  get firstPerfect(): EpochMetrics | null {
    return this.#firstPerfect;
  }

  get batchesPerEpoch(): number {
    return Math.ceil(this.train.count / this.batchSize);
  }

  get learningRate(): number {
    return this.#optimizer.learningRate;
  }

  /**
   * Takes effect from the next step (and is what a reset starts from again); throws a
   * ValueError unless it is a finite number > 0.
   */
  set learningRate(value: number) {
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
      throw new ValueError(
        'learningRate',
        `Expected \`learningRate\` to be a number > 0, got ${describe(value)}.`,
      );
    }
    this.#optimizer.learningRate = value;
    this.#initialLearningRate = value;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** While paused, `step`, `runFor` and `run` do nothing. */
  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
  }

  /**
   * Start again from fresh weights: same seed (or a new one) → the same starting filters and
   * order. The learning rate goes back to the last one set (undoing any decay); history and
   * optimizer memory are cleared.
   */
  reset(seed: number = this.#seed): void {
    this.#seed = seed;
    this.#optimizer.learningRate = this.#initialLearningRate;
    this.#random = seededRandom(seed);
    this.#network = initNetwork(this.spec, this.#random);
    this.#optimizer.reset();
    this.#order = this.#random.shuffle(Uint32Array.from({ length: this.train.count }, (_, k) => k));
    this.#batch = 0;
    this.#epoch = 0;
    this.#seconds = 0;
    this.#history = [];
    this.#losses = [];
    this.#epochLoss = 0;
    this.#epochCorrect = 0;
    this.#epochSeen = 0;
    this.#firstPerfect = null;
  }

  get status(): TrainerStatus {
    return {
      epoch: this.#epoch,
      batch: this.#batch,
      batchesPerEpoch: this.batchesPerEpoch,
      steps: this.#optimizer.steps,
      seconds: this.#seconds,
      paused: this.#paused,
      lastLoss: this.#losses.length === 0 ? null : this.#losses[this.#losses.length - 1],
      last: this.#history.length === 0 ? null : this.#history[this.#history.length - 1],
    };
  }

  /** Run up to `batches` mini-batches (crossing into the next epoch as needed); nothing while paused. */
  step(batches = 1): TrainerStatus {
    if (this.#paused) return this.status;
    this.#timed(() => {
      for (let n = 0; n < batches; n++) this.#oneBatch();
    });
    return this.status;
  }

  /** Run batches until about `ms` milliseconds have passed (at least one batch): a frame's worth. */
  runFor(ms: number): TrainerStatus {
    if (this.#paused) return this.status;
    this.#timed(() => {
      do this.#oneBatch();
      while (performance.now() - this.#sliceStart < ms);
    });
    return this.status;
  }

  /** An iterator of slices: each `next()` runs `batchesPerSlice` batches; it ends after `epochs` epochs. */
  *slices(batchesPerSlice = 1, epochs = Infinity): Generator<TrainerStatus, TrainerStatus, void> {
    while (this.#epoch < epochs) yield this.step(batchesPerSlice);
    return this.status;
  }

  /** Whole epochs until one of the stopping rules says stop; returns the history. */
  run(options: RunOptions): readonly EpochMetrics[] {
    const target = options.stopAtTestAccuracy ?? Infinity;
    while (!this.#paused && this.#epoch < options.epochs) {
      const epoch = this.#epoch;
      this.#timed(() => {
        while (this.#epoch === epoch) this.#oneBatch();
      });
      const last = this.#history[this.#history.length - 1];
      options.onEpoch?.(last);
      if (last.testAccuracy >= target) break;
      if (options.maxSeconds !== undefined && this.#seconds >= options.maxSeconds) break;
    }
    return this.#history;
  }

  /** Loss, accuracy and confusion matrix on a dataset (the held-out set by default). */
  evaluate(data: Dataset = this.test): Evaluation {
    return evaluate(this.#network, data);
  }

  /** Every intermediate map of the current network on one image. */
  trace(image: Tensor): ForwardTrace {
    return forward(this.#network, image);
  }

  /** A copy of a conv2d layer's filters (the first conv2d layer by default), (filters, channels, kH, kW). */
  filters(layer?: number): Tensor {
    const index = layer ?? this.#network.layers.findIndex((l) => l.spec.type === 'conv2d');
    const p = index >= 0 ? this.#network.params[index] : null;
    if (p === null || p === undefined || this.#network.layers[index].spec.type !== 'conv2d') {
      throw new ValueError(
        'layer',
        `Layer ${describe(layer ?? index)} is not a conv2d layer, so it has no filters.`,
      );
    }
    return { shape: [...p.weights.shape], data: Float64Array.from(p.weights.data) };
  }

  #timed(work: () => void): void {
    this.#sliceStart = performance.now();
    try {
      work();
    } finally {
      this.#seconds += (performance.now() - this.#sliceStart) / 1000;
    }
  }

  #oneBatch(): void {
    const from = this.#batch * this.batchSize;
    const to = Math.min(from + this.batchSize, this.train.count);
    const images: Tensor[] = [];
    const labels: number[] = [];
    for (let k = from; k < to; k++) {
      const image = this.train.image(this.#order[k]);
      images.push(this.augment === undefined ? image : this.augment(image, this.#random));
      labels.push(this.train.labels[this.#order[k]]);
    }
    const result = batchGradients(this.#network, images, labels);
    applyStep(this.#network, result.gradients, this.#optimizer);
    this.#losses.push(result.loss);
    this.#epochLoss += result.loss * result.count;
    this.#epochCorrect += result.correct;
    this.#epochSeen += result.count;
    this.#batch++;
    if (to >= this.train.count) this.#endEpoch();
  }

  #endEpoch(): void {
    this.#epoch++;
    this.#batch = 0;
    const test =
      this.measureTestEachEpoch && this.test.count > 0 ? evaluate(this.#network, this.test) : null;
    const metrics: EpochMetrics = {
      epoch: this.#epoch,
      steps: this.#optimizer.steps,
      seconds: this.#seconds + (performance.now() - this.#sliceStart) / 1000,
      loss: this.#epochLoss / this.#epochSeen,
      trainAccuracy: this.#epochCorrect / this.#epochSeen,
      testLoss: test?.loss ?? NaN,
      testAccuracy: test?.accuracy ?? NaN,
      learningRate: this.#optimizer.learningRate,
    };
    this.#history = [...this.#history, metrics];
    if (this.learningRateDecay !== 1)
      this.#optimizer.learningRate = this.#optimizer.learningRate * this.learningRateDecay;
    if (this.#firstPerfect === null && metrics.testAccuracy === 1) this.#firstPerfect = metrics;
    this.#epochLoss = 0;
    this.#epochCorrect = 0;
    this.#epochSeen = 0;
    this.#random.shuffle(this.#order);
  }
}

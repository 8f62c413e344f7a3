/**
 * What a training screen shows, copied out of a running `Trainer` between slices. The trainer
 * changes its network in place; a snapshot is plain data that never changes, so the screen's
 * reducer stays pure and React can tell one frame from the next.
 */
import { type Tensor, planeRows } from '../../engine/index.js';
import type { Network } from '../../train/network.js';
import { cloneNetwork } from '../../train/network.js';
import type { EpochMetrics, Trainer, TrainerStatus } from '../../train/trainer.js';
import type { HeldOutResult, Measuring, TrainingSession } from './session.js';
import { type FilterComparison, compareWithLectureFilters } from '../../train/xo.js';

export type TrainKind = 'xo' | 'digits';

/** One held-out image and what the network says it is. */
export interface SamplePrediction {
  /** Rows of pixels (the image's only channel). */
  readonly pixels: readonly (readonly number[])[];
  readonly label: number;
  readonly predicted: number;
  /** Probability of the predicted class, 0–1. */
  readonly confidence: number;
}

export interface TrainSnapshot {
  readonly status: TrainerStatus;
  readonly history: readonly EpochMetrics[];
  /** Loss of every mini-batch so far. */
  readonly losses: readonly number[];
  /** The first conv2d layer's filters, (filters, channels, kH, kW). */
  readonly filters: Tensor;
  /** X/O only: the learned filters paired with the lectures' and how alike they are. */
  readonly comparison: FilterComparison | null;
  readonly firstPerfect: EpochMetrics | null;
  /** Held-out accuracy after each measured epoch. */
  readonly heldOut: readonly HeldOutResult[];
  /** The held-out set being measured after an epoch (no training until it is done), or null. */
  readonly measuring: Measuring | null;
  readonly learningRate: number;
  readonly optimizer: 'sgd' | 'adam';
  /** Held-out accuracy measured for this frame (X/O: the set is small enough), else null. */
  readonly probe: number | null;
  readonly samples: readonly SamplePrediction[];
  readonly classNames: readonly string[];
  readonly trainCount: number;
  readonly testCount: number;
}

export interface SnapshotOptions {
  /** Measure the whole held-out set now (costs one forward pass per held-out image). */
  readonly probe?: boolean;
  /** Held-out images to predict, by index. */
  readonly samples?: readonly number[];
}

function rowsOf(image: Tensor): number[][] {
  return planeRows(image, 0);
}

export function takeSnapshot(
  session: TrainingSession,
  options: SnapshotOptions = {},
): TrainSnapshot {
  const { trainer } = session;
  const filters = trainer.filters();
  const xo = filters.shape[1] === 1 && filters.shape[2] * filters.shape[3] === 9;
  return {
    status: trainer.status,
    history: trainer.history,
    losses: trainer.losses.slice(),
    filters,
    comparison: xo && trainer.spec.input[0] === 9 ? compareWithLectureFilters(filters) : null,
    firstPerfect: trainer.firstPerfect,
    heldOut: session.heldOut,
    measuring: session.measuring,
    learningRate: trainer.learningRate,
    optimizer: trainer.optimizerSpec.type,
    probe: options.probe ? trainer.evaluate().accuracy : null,
    samples: (options.samples ?? []).map((k) => {
      const image = trainer.test.image(k);
      const trace = trainer.trace(image);
      return {
        pixels: rowsOf(image),
        label: trainer.test.labels[k],
        predicted: trace.predicted,
        confidence: trace.probabilities[trace.predicted],
      };
    }),
    classNames: trainer.test.classNames,
    trainCount: trainer.train.count,
    testCount: trainer.test.count,
  };
}

/**
 * Up to `count` held-out images to show, each of a class not shown yet (the first of each, in
 * class order), so a digits screen shows different digits.
 */
export function pickSamples(trainer: Trainer, count: number): number[] {
  const picked: number[] = [];
  const seen = new Set<number>();
  const labels = trainer.test.labels;
  for (let k = 0; k < labels.length && picked.length < count; k++) {
    if (seen.has(labels[k])) continue;
    seen.add(labels[k]);
    picked.push(k);
  }
  return picked.sort((a, b) => labels[a] - labels[b]);
}

/** The network as it is now, in a copy training will not change. */
export interface FrozenNetwork {
  readonly network: Network;
  /** Epochs it had finished when copied. */
  readonly epochs: number;
  readonly steps: number;
  /** Held-out accuracy after its last epoch, or null before the first. */
  readonly accuracy: number | null;
}

export function freezeNetwork(trainer: Trainer): FrozenNetwork {
  const { status } = trainer;
  return {
    network: cloneNetwork(trainer.network),
    epochs: status.epoch,
    steps: status.steps,
    accuracy: status.last?.testAccuracy ?? null,
  };
}

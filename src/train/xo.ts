/**
 * The lectures' X/O network, trained from random weights instead of hand-made filters:
 * three 3×3 filters with the normalised match (sum of products / 9), ReLU, two rounds of 2×2
 * max pooling ("same": the odd last row and column are pooled alone, 7×7 → 4×4 → 2×2), the
 * twelve pooled numbers flattened, and a dense layer of two votes, X and O.
 *
 * Then `compareWithLectureFilters` says how close the learned filters came to the lectures'
 * diagonal and cross filters.
 */
import {
  type ModelSpec,
  type OptimizerSpec,
  type Tensor,
  ShapeError,
  planeSpan,
} from '../engine/index.js';
import { Trainer } from './trainer.js';
import { type XoLimits, xoData } from './xo-data.js';

export const XO_MODEL: ModelSpec = {
  input: [9, 9, 1],
  layers: [
    { type: 'conv2d', filters: 3, kernel: 3, scale: 1 / 9 },
    { type: 'relu' },
    { type: 'maxpool', size: 2, padding: 'same' },
    { type: 'maxpool', size: 2, padding: 'same' },
    { type: 'flatten' },
    { type: 'dense', units: 2, name: 'votes' },
  ],
};

/**
 * Adam rather than SGD: the match's 1/9 scale makes the filters' gradients (and, through them,
 * their steps) 81 times smaller than the same filters' would be without it, so no single SGD
 * learning rate suits both the filters and the votes; Adam sizes each parameter's step by its
 * own gradients. Over seeds 1–100, SGD with momentum 0.9 stalled below 100% on 7 (learning
 * rate 0.1) or 14 (0.3), Adam on none.
 *
 * Measured over seeds 1–1000 on a 2-core machine: 995 seeds reach 100% on the held-out set,
 * the slowest after 23 epochs and 0.44 s (median 0.02 s); the other 5 stall at 99% (one
 * borderline image). tests/train/xo.test.ts pins a few seeds.
 */
export const XO_DEFAULTS = {
  optimizer: { type: 'adam', learningRate: 0.03 } as OptimizerSpec,
  batchSize: 10,
  epochs: 30,
  trainCount: 400,
  testCount: 100,
} as const;

export interface XoTrainerOptions {
  /** Seeds the images, the starting weights and the order. @default 1 */
  readonly seed?: number;
  readonly trainCount?: number;
  readonly testCount?: number;
  readonly optimizer?: OptimizerSpec;
  readonly batchSize?: number;
  readonly limits?: XoLimits;
  readonly spec?: ModelSpec;
}

/** A trainer for the X/O network on freshly drawn images (nothing trained yet). */
export function createXoTrainer(options: XoTrainerOptions = {}): Trainer {
  const seed = options.seed ?? 1;
  const { train, test } = xoData({
    seed,
    trainCount: options.trainCount ?? XO_DEFAULTS.trainCount,
    testCount: options.testCount ?? XO_DEFAULTS.testCount,
    limits: options.limits,
  });
  return new Trainer({
    spec: options.spec ?? XO_MODEL,
    train,
    test,
    optimizer: options.optimizer ?? XO_DEFAULTS.optimizer,
    batchSize: options.batchSize ?? XO_DEFAULTS.batchSize,
    seed,
  });
}

/** The lectures' three hand-made 3×3 filters. */
export const LECTURE_FILTERS: Readonly<Record<string, readonly (readonly number[])[]>> = {
  'diagonal \\': [
    [1, -1, -1],
    [-1, 1, -1],
    [-1, -1, 1],
  ],
  'cross x': [
    [1, -1, 1],
    [-1, 1, -1],
    [1, -1, 1],
  ],
  'diagonal /': [
    [-1, -1, 1],
    [-1, 1, -1],
    [1, -1, -1],
  ],
};

export interface FilterMatch {
  /** Index of the learned filter. */
  readonly learned: number;
  /** Name of the lecture filter it was paired with. */
  readonly lecture: string;
  /**
   * Correlation of the two 3×3 grids, −1 to 1: cosine similarity after subtracting each grid's
   * mean (a constant offset acts like the bias). Negative means the learned filter is the
   * lecture's with its signs flipped.
   */
  readonly correlation: number;
}

export interface FilterComparison {
  /** One pair per lecture filter (or per learned filter, when there are fewer), best pairing first by strength. */
  readonly matches: readonly FilterMatch[];
  /** Mean |correlation| of the pairs: 1 = the lecture's filters up to sign and order. */
  readonly score: number;
}

/** Pearson correlation of two equal-length lists (0 when either is constant). */
function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}

/**
 * Pair learned filters with the lectures' (each used at most once) so that the sum of
 * |correlation| is largest, trying every pairing (a handful of filters at most).
 * `filters` is (filters, 1, kH, kW) with kH×kW the lecture filters' size (3×3).
 * Example: the lectures' own three filters in any order, any signs → score 1.
 */
export function compareWithLectureFilters(
  filters: Tensor,
  lecture: Readonly<Record<string, readonly (readonly number[])[]>> = LECTURE_FILTERS,
): FilterComparison {
  const names = Object.keys(lecture);
  const refs = names.map((name) => lecture[name].flat());
  const size = refs[0]?.length ?? 0;
  if (
    filters.shape.length !== 4 ||
    filters.shape[1] !== 1 ||
    filters.shape[2] * filters.shape[3] !== size
  ) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ShapeError(
      'filters',
      `Expected one-channel filters of ${size} cells, (filters, 1, rows, columns), got (${filters.shape.join(',')}).`,
    );
  }
  const O = filters.shape[0];
  const learned = Array.from({ length: O }, (_, o) =>
    filters.data.subarray(...planeSpan(filters.shape, o)),
  );
  const table = learned.map((f) => refs.map((r) => correlation(f, r)));

  // Every injective pairing of the smaller side into the larger: at most 6·5·4 for six filters.
  let best: FilterMatch[] = [];
  let bestTotal = -1;
  const pairs: FilterMatch[] = [];
  const usedLearned = new Set<number>();
  const visit = (ref: number, total: number): void => {
    if (ref === names.length || pairs.length === Math.min(O, names.length)) {
      if (total > bestTotal) {
        bestTotal = total;
        best = [...pairs];
      }
      return;
    }
    // Leave this lecture filter unpaired only when there are more lecture filters than learned ones.
    if (names.length - ref > Math.min(O, names.length) - pairs.length) visit(ref + 1, total);
    for (let o = 0; o < O; o++) {
      if (usedLearned.has(o)) continue;
      usedLearned.add(o);
      pairs.push({ learned: o, lecture: names[ref], correlation: table[o][ref] });
      visit(ref + 1, total + Math.abs(table[o][ref]));
      pairs.pop();
      usedLearned.delete(o);
    }
  };
  visit(0, 0);
  best.sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation));
  return { matches: best, score: best.length === 0 ? 0 : bestTotal / best.length };
}

/**
 * runPipeline: the lectures' X/O network end to end (SEED-NOTES item 7), stage by stage equal
 * to calling the ops one after another, and errors that name the stage to fix.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EngineError,
  type PipelineStage,
  ShapeError,
  conv2d,
  dense,
  filtersFrom,
  maxPool2d,
  relu,
  runPipeline,
  runStage,
  softmax,
  toNested,
  volumeFrom,
} from '../../src/engine/index.js';
import { X, XO_DENSE_WEIGHTS, XO_FILTERS } from '../fixtures/lectures.js';

const FILTERS = filtersFrom('kernels', XO_FILTERS, 1);
const HIGH = 1;
const LOW = 5 / 9;

const XO: PipelineStage[] = [
  { op: 'conv2d', kernels: FILTERS, scale: 1 / 9 },
  { op: 'relu' },
  { op: 'maxpool', size: 2, padding: 'same' },
  { op: 'maxpool', size: 2, padding: 'same' },
  { op: 'flatten' },
  {
    op: 'dense',
    weights: XO_DENSE_WEIGHTS,
  },
  { op: 'softmax' },
];

describe('runPipeline: the X/O network of the lectures', () => {
  const outs = runPipeline(volumeFrom('input', X), XO);

  it('gives every stage its output, with the shapes of the slides', () => {
    expect(outs.map((o) => o.shape)).toEqual([
      [3, 7, 7],
      [3, 7, 7],
      [3, 4, 4],
      [3, 2, 2],
      [12],
      [2],
      [2],
    ]);
  });

  it('starts the first match map with 7/9, as the slide (0.77, truncated)', () => {
    const first = (toNested(outs[0]) as number[][][])[0][0];
    expect(first.map((v) => Math.trunc(v * 100) / 100)).toEqual([
      0.77, -0.11, 0.11, 0.33, 0.55, -0.11, 0.33,
    ]);
  });

  it('pools to the twelve features [[1,.55],[.55,1]], [[1,.55],[.55,.55]], [[.55,1],[1,.55]]', () => {
    const features = Array.from(outs[4].data);
    const expected = [HIGH, LOW, LOW, HIGH, HIGH, LOW, LOW, LOW, LOW, HIGH, HIGH, LOW];
    features.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
  });

  it('votes 5 for X and 4 × 5/9 for O, and softmax picks X', () => {
    expect(outs[5].data[0]).toBeCloseTo(5, 12);
    expect(outs[5].data[1]).toBeCloseTo(20 / 9, 12);
    const p = 1 / (1 + Math.exp(20 / 9 - 5));
    expect(outs[6].data[0]).toBeCloseTo(p, 12);
    expect(outs[6].data[0] + outs[6].data[1]).toBeCloseTo(1, 12);
  });

  it('equals the ops called one after another', () => {
    const maps = conv2d(volumeFrom('input', X), FILTERS, { scale: 1 / 9 });
    const pooled = maxPool2d(maxPool2d(relu(maps), { size: 2, padding: 'same' }), {
      size: 2,
      padding: 'same',
    });
    const votes = dense(
      Array.from(pooled.data),
      (XO[5] as Extract<PipelineStage, { op: 'dense' }>).weights,
    );
    expect(Array.from(outs[3].data)).toEqual(Array.from(pooled.data));
    expect(Array.from(outs[6].data)).toEqual(softmax(votes));
  });
});

describe('runPipeline: properties', () => {
  const grid = fc.integer({ min: 3, max: 6 }).chain((n) =>
    fc.array(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n }), {
      minLength: n,
      maxLength: n,
    }),
  );

  it('no stages: nothing to return', () => {
    expect(runPipeline(volumeFrom('input', [[1]]), [])).toEqual([]);
  });

  it('relu then maxpool equals maxpool then relu (ReLU keeps order)', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const input = volumeFrom('input', g);
        const a = runPipeline(input, [{ op: 'relu' }, { op: 'maxpool', size: 2, padding: 'same' }]);
        const b = runPipeline(input, [{ op: 'maxpool', size: 2, padding: 'same' }, { op: 'relu' }]);
        expect(Array.from(a[1].data)).toEqual(Array.from(b[1].data));
      }),
    );
  });

  it('flatten keeps every number; chw lists channel 0 first, hwc pixel (0,0) first', () => {
    const v = volumeFrom('input', [
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]);
    expect(Array.from(runStage(v, { op: 'flatten' }).data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(runStage(v, { op: 'flatten', order: 'hwc' }).data)).toEqual([
      1, 5, 2, 6, 3, 7, 4, 8,
    ]);
  });
});

describe('runPipeline: errors name the stage', () => {
  const input = volumeFrom('input', X);

  it.each([
    [
      [{ op: 'dense', weights: [[1]] }],
      'stages[0]',
      /needs a list of numbers.*put a flatten stage before it/,
    ],
    [
      [{ op: 'flatten' }, { op: 'maxpool', size: 2 }],
      'stages[1]',
      /needs a volume.*stage 0 \(flatten\) gives shape \(81\)/,
    ],
    [
      [{ op: 'flatten' }, { op: 'dense', weights: [[1, 2]] }],
      'stages[1].weights[0]',
      /`stages\[1\]` \(dense\): .*one weight per input \(81\)/,
    ],
    [[{ op: 'maxpool', size: 10 }], 'stages[0].pooling window', /`stages\[0\]` \(maxpool\)/],
    [
      [{ op: 'relu' }, { op: 'conv2d', kernels: filtersFrom('k', [[[[1]], [[1]]]], 2) }],
      'stages[1].kernels',
      /span all 1 input channel/,
    ],
    [[{ op: 'sigmoid' }], 'stages[0].op', /conv2d, relu, maxpool/],
  ] as const)('%j → %s', (stages, argument, message) => {
    let caught: unknown;
    try {
      runPipeline(input, stages as unknown as PipelineStage[]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineError);
    expect((caught as EngineError).argument).toBe(argument);
    expect((caught as Error).message).toMatch(message);
  });

  it('keeps the error kind', () => {
    expect(() => runPipeline(input, [{ op: 'softmax' }])).toThrow(ShapeError);
  });
});

/**
 * `calc` with `op: pipeline`: an input run through stages (each written like a calc request
 * without its input), the lectures' X/O network end to end, what the report prints, and
 * errors that name the stage.
 */
import { describe, expect, it } from 'vitest';
import { X, XO_DENSE_WEIGHTS, XO_FEATURES, XO_FILTERS } from '../fixtures/lectures.js';
import { calc } from './calc-in-process.js';

const STAGES = [
  {
    op: 'conv2d',
    kernels: XO_FILTERS,
    scale: 0.1111111111111111,
  },
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

describe('calc pipeline: the X/O network of the lectures', () => {
  it('gives every stage, the twelve features and the probabilities as JSON', () => {
    const r = calc({ op: 'pipeline', input: X, stages: STAGES });
    expect(r.code).toBe(0);
    const j = r.json();
    expect(
      j.stages.map((s: { op: string; output_shape: number[] }) => [s.op, s.output_shape]),
    ).toEqual([
      ['conv2d', [3, 7, 7]],
      ['relu', [3, 7, 7]],
      ['maxpool', [3, 4, 4]],
      ['maxpool', [3, 2, 2]],
      ['flatten', [12]],
      ['dense', [2]],
      ['softmax', [2]],
    ]);
    expect(j.stages[4].output).toEqual(XO_FEATURES.flat(2).map((v) => expect.closeTo(v, 12)));
    expect(j.stages[5].output).toEqual([expect.closeTo(5, 12), expect.closeTo(20 / 9, 12)]);
    expect(j.result[0]).toBeCloseTo(1 / (1 + Math.exp(20 / 9 - 5)), 12);
  });

  it('prints each stage with its shape, grids for the stages in `show`, within 80 columns', () => {
    const r = calc({ op: 'pipeline', input: X, stages: STAGES, show: [4, 6, 7] }, false);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'Layout (C,H,W): input 1×9×9, then conv2d → relu → maxpool → maxpool → flatten →',
    );
    expect(lines).toContain(
      '1. conv2d: 3 filters 3×3, × 0.1111, stride 1×1, padding valid → 3×7×7',
    );
    expect(lines).toContain('3. max pool 2×2, stride 2×2, padding same → 3×4×4');
    expect(lines).toContain('[0.9415, 0.0585]');
    expect(r.stdout).toContain('out[0] = 1*1 + 0*0.5556');
    // Stage 1 is not in `show`: its header is printed, its maps are not.
    expect(r.stdout).not.toContain('0.7778');
    expect(r.stdout).toContain('map 2');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('no stages: the input alone', () => {
    const r = calc({
      op: 'pipeline',
      input: [
        [1, 2],
        [3, 4],
      ],
      stages: [],
    });
    expect(r.json()).toEqual({
      result: [
        [
          [1, 2],
          [3, 4],
        ],
      ],
      stages: [],
    });
  });

  it('a list of numbers as input goes straight to dense and softmax', () => {
    const r = calc({ op: 'pipeline', input: [5, 20 / 9], stages: [{ op: 'softmax' }] });
    expect(r.json().result[0]).toBeCloseTo(0.9415, 4);
  });
});

describe('calc pipeline: errors name the stage', () => {
  it.each([
    [
      { op: 'pipeline', input: X, stages: [{ op: 'sigmoid' }] },
      /`stages\[0\]\.op`: expected a stage op: one of conv2d, relu, maxpool, avgpool, flatten, dense, softmax/,
    ],
    [
      { op: 'pipeline', input: X, stages: [{ op: 'relu', size: 2 }] },
      /unknown field `size` in `stages\[0\]`/,
    ],
    [{ op: 'pipeline', input: X, stages: [{ op: 'maxpool' }] }, /`stages\[0\]\.size`/],
    [
      { op: 'pipeline', input: X, stages: [{ op: 'softmax' }] },
      /`stages\[0\]` \(softmax\) needs a list of numbers/,
    ],
    [
      { op: 'pipeline', input: X, stages: [{ op: 'flatten' }, { op: 'dense', weights: [[1, 2]] }] },
      /`stages\[1\]` \(dense\): .*one weight per input \(81\)/,
    ],
  ])('%j', (request, message) => {
    const r = calc(request);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
  });
});

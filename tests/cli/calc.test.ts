import { describe, expect, it } from 'vitest';
import { calc } from './calc-in-process.js';
import { runCli } from './run-cli.js';
import {
  A,
  A_KERNEL,
  A_KERNEL_2X2,
  A_MAP,
  A_MAP_2X2_SAME,
  A_MAP_2X2_VALID,
  BINARY_IMAGE,
  BINARY_X_MAP,
  LECTURE_KERAS_CNN,
  STEP,
  STEP_CONVOLUTION,
  STEP_CORRELATION,
  STEP_KERNEL,
  X,
  XO_FILTERS,
  XO_FIRST_ROW_SLIDE,
  X_KERNEL,
} from '../fixtures/lectures.js';

describe('calc reproduces the worked examples of the lectures (tests/fixtures/lectures.ts)', () => {
  it('1: 5×5 image, 3×3 filter', () => {
    const r = calc({ op: 'conv2d', input: BINARY_IMAGE, kernels: [X_KERNEL] });
    expect(r.code).toBe(0);
    expect(r.json().result).toEqual([BINARY_X_MAP]);
    expect(r.json().output_shape).toEqual([1, 3, 3]);
  });

  it('1, explained: every window written out as the slides do', () => {
    const r = calc({ op: 'conv2d', input: BINARY_IMAGE, kernels: [X_KERNEL] }, false);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'out[0][0][0] = 1*1 + 1*0 + 1*1 + 0*0 + 1*1 + 1*0 + 0*1 + 0*0 + 1*1 = 4',
    );
    expect(r.stdout).toMatch(/⊛/);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('2: bias 1, stride 2, valid', () => {
    const r = calc({ op: 'conv2d', input: A, kernels: [A_KERNEL], bias: [1], stride: 2 });
    expect(r.json().result).toEqual([A_MAP]);
  });

  it('3: 2×2 kernel, stride 2, valid and TensorFlow-style same', () => {
    expect(
      calc({ op: 'conv2d', input: A, kernels: [A_KERNEL_2X2], bias: [1], stride: 2 }).json().result,
    ).toEqual([A_MAP_2X2_VALID]);
    const same = calc({
      op: 'conv2d',
      input: A,
      kernels: [A_KERNEL_2X2],
      bias: [1],
      stride: 2,
      padding: 'same',
    }).json();
    expect(same.result).toEqual([A_MAP_2X2_SAME]);
    expect(same.padding).toEqual({ top: 0, bottom: 1, left: 0, right: 1 });
  });

  it('6: 1-D, cross-correlation and true convolution', () => {
    expect(calc({ op: 'conv1d', input: STEP, kernel: STEP_KERNEL }).json().result).toEqual(
      STEP_CORRELATION,
    );
    expect(
      calc({ op: 'conv1d', input: STEP, kernel: STEP_KERNEL, flip: true }).json().result,
    ).toEqual(STEP_CONVOLUTION);
  });

  it('7: the X/O match maps, ReLU and pooling', () => {
    const maps = calc({ op: 'conv2d', input: X, kernels: XO_FILTERS, scale: 1 / 9 }).json();
    expect(maps.output_shape).toEqual([3, 7, 7]);
    const firstRow = maps.result[0][0].map((v: number) => Math.trunc(v * 100) / 100);
    expect(firstRow).toEqual(XO_FIRST_ROW_SLIDE);
    const relu = calc({ op: 'relu', input: maps.result }).json().result;
    expect(relu.flat(2).every((v: number) => v >= 0)).toBe(true);
    const pooled = calc({ op: 'maxpool', input: relu, size: 2, stride: 2, padding: 'same' }).json();
    expect(pooled.output_shape).toEqual([3, 4, 4]);
    expect(pooled.result[0][0].map((v: number) => Math.trunc(v * 100) / 100)).toEqual([
      1, 0.33, 0.55, 0.33,
    ]);
    expect(
      calc({ op: 'maxpool', input: relu, size: 2, padding: 'valid' }).json().output_shape,
    ).toEqual([3, 3, 3]);
    const twice = calc({ op: 'maxpool', input: pooled.result, size: 2, padding: 'same' }).json()
      .result;
    const r2 = (g: number[][]) => g.map((row) => row.map((v) => Math.round(v * 100) / 100));
    expect(twice.map(r2)).toEqual([
      [
        [1, 0.56],
        [0.56, 1],
      ],
      [
        [1, 0.56],
        [0.56, 0.56],
      ],
      [
        [0.56, 1],
        [1, 0.56],
      ],
    ]);
  });

  it('8: output sizes, including the one that does not fit', () => {
    const size = (n: number, f: number, stride: number, pad = 0) =>
      calc({ op: 'outsize', n, f, stride, pad }).json();
    expect([1, 2].map((s) => size(7, 3, s).result)).toEqual([5, 3]);
    const three = size(7, 3, 3);
    expect(three.fits).toBe(false);
    expect(three.exact).toBeCloseTo(7 / 3, 12);
    expect(three.formula).toMatch(/does not fit/);
    expect(size(7, 3, 1, 1).result).toBe(7);
    expect([1, 2, 3].map((s) => size(9, 3, s).result)).toEqual([7, 4, 3]);
    expect(calc({ op: 'outsize', n: 9, f: 3, pad: 'same' }).json().result).toBe(9);
    const strided = calc({
      op: 'conv2d',
      input: Array.from({ length: 9 }, () => new Array(9).fill(1)),
      kernels: [
        [
          [1, 1, 1],
          [1, 1, 1],
          [1, 1, 1],
        ],
      ],
      stride: [3, 1],
    }).json();
    expect(strided.output_shape).toEqual([1, 3, 7]);
  });

  it('8 and 9: parameters and the Keras model summary', () => {
    expect(
      calc({ op: 'params', layer: 'conv2d', kernel: 5, channels: 3, filters: 10 }).json(),
    ).toMatchObject({ result: 760, per_unit: 76 });
    expect(
      calc({ op: 'params', layer: 'conv2d', kernel: 3, channels: 1, filters: 10 }).json().result,
    ).toBe(100);
    expect(
      calc({ op: 'params', layer: 'dense', inputs: 100, units: 32, bias: false }).json().result,
    ).toBe(3200);
    const summary = calc({
      op: 'summary',
      input: LECTURE_KERAS_CNN.input,
      layers: LECTURE_KERAS_CNN.layers,
    }).json();
    expect(summary.result.map((r: { output_shape: number[] }) => r.output_shape)).toEqual(
      LECTURE_KERAS_CNN.shapes,
    );
    expect(summary.result.map((r: { params: number }) => r.params)).toEqual(
      LECTURE_KERAS_CNN.params,
    );
  });

  it('softmax and dense', () => {
    const s = calc({ op: 'softmax', input: [1, 2, 3] }).json().result;
    expect(s.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 12);
    expect(
      calc({
        op: 'dense',
        input: [1, 2],
        weights: [
          [1, 1],
          [2, -1],
        ],
        bias: [0, 1],
      }).json().result,
    ).toEqual([3, 1]);
  });
});

describe('calc refuses malformed requests with one line naming the field', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['bad JSON', '{"op": conv2d}', /not valid JSON/],
    ['unknown op', { op: 'conv3d' }, /`op`: expected one of conv2d/],
    ['no op', { input: [[1]] }, /`op`/],
    [
      'wrong field type',
      {
        op: 'conv2d',
        input: [
          [1, 2],
          [3, 4],
        ],
        kernels: [[[1]]],
        stride: 'two',
      },
      /`stride`/,
    ],
    [
      'stride 0',
      {
        op: 'conv2d',
        input: [
          [1, 2],
          [3, 4],
        ],
        kernels: [[[1]]],
        stride: 0,
      },
      /`stride`/,
    ],
    [
      'unknown field',
      { op: 'conv2d', input: [[1]], kernels: [[[1]]], strid: 2 },
      /unknown field `strid`/,
    ],
    ['ragged grid', { op: 'conv2d', input: [[1, 2], [3]], kernels: [[[1]]] }, /ragged/],
    [
      'kernel larger than input',
      {
        op: 'conv2d',
        input: [
          [1, 2],
          [3, 4],
        ],
        kernels: [
          [
            [1, 1, 1],
            [1, 1, 1],
            [1, 1, 1],
          ],
        ],
      },
      /does not fit/,
    ],
    [
      'depth mismatch',
      {
        op: 'conv2d',
        input: [
          [
            [1, 2],
            [3, 4],
          ],
          [
            [1, 2],
            [3, 4],
          ],
        ],
        kernels: [[[1]]],
      },
      /channel/,
    ],
    ['Infinity', '{"op":"relu","input":[[1e400]]}', /finite|Infinity/],
    ['a number instead of an object', 42, /JSON object/],
  ];
  it.each(cases)('%s', (_name, request, message) => {
    const r = calc(request);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('in an array, a bad request answers {"error"} in its slot and the others are computed', () => {
    const r = calc([
      { op: 'outsize', n: 7, f: 3 },
      { op: 'nope' },
      { op: 'relu', input: [[-1, 2]] },
    ]);
    const json = r.json();
    expect(json).toHaveLength(3);
    expect(json[0].result).toBe(5);
    expect(json[1].error).toMatch(/`op`/);
    expect(json[2].result).toEqual([[0, 2]]);
    expect(r.code).toBe(2);
  });
});

describe('the real command', () => {
  it('reads stdin, prints JSON, exits 0', () => {
    const r = runCli(['calc', '--json'], {
      input: JSON.stringify({ op: 'conv1d', input: STEP, kernel: STEP_KERNEL }),
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).result).toEqual([0, 0, 0, 1, 0, 0]);
  });

  it('exits 2 with one stderr line and empty stdout on a malformed request', () => {
    const r = runCli(['calc'], { input: '{"op":"maxpool","input":[[1,2],[3,4]],"size":0}' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/size/);
  });

  it('--ascii draws grids with +-|', () => {
    const r = runCli(['--ascii', 'calc'], {
      input: JSON.stringify({
        op: 'maxpool',
        input: [
          [1, 2],
          [3, 4],
        ],
        size: 2,
      }),
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('+---+');
    expect(r.stdout).not.toMatch(/[┌│]/);
  });
});

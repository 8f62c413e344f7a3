/** The tensor type and its layout helpers, on small exact examples. */
import { describe, expect, it } from 'vitest';
import {
  ShapeError,
  chwToHwc,
  flatIndex,
  flatten,
  fromNested,
  hwcToChw,
  offset,
  reshape,
  sizeOf,
  strides,
  tensor,
  toNested,
  volumeFrom,
} from '../../src/engine/index.js';

/** Two 2×3 channels: channel 0 holds 1…6, channel 1 holds 10…60. */
const chw = [
  [
    [1, 2, 3],
    [4, 5, 6],
  ],
  [
    [10, 20, 30],
    [40, 50, 60],
  ],
];
/** The same image in (H,W,C): each pixel lists its two channels. */
const hwc = [
  [
    [1, 10],
    [2, 20],
    [3, 30],
  ],
  [
    [4, 40],
    [5, 50],
    [6, 60],
  ],
];

describe('fromNested / toNested', () => {
  it.each([
    ['a list', [1, 2, 3], [3]],
    [
      'a grid',
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [3, 2],
    ],
    ['a list of grids', chw, [2, 2, 3]],
    ['a 1×1×1×1 nest', [[[[7]]]], [1, 1, 1, 1]],
  ])('round-trips %s', (_, nested, shape) => {
    const t = fromNested('x', nested);
    expect(t.shape).toEqual(shape);
    expect(toNested(t)).toEqual(nested);
  });

  it('lays the data out row-major (last axis fastest)', () => {
    expect(Array.from(fromNested('x', chw).data)).toEqual([
      1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60,
    ]);
  });

  it('a bare number is rank 0, and toNested gives it back as a number', () => {
    const t = fromNested('x', 5);
    expect(t.shape).toEqual([]);
    expect(Array.from(t.data)).toEqual([5]);
    expect(toNested(t)).toBe(5);
    expect(fromNested('x', 5, 0).shape).toEqual([]);
  });

  it('checks the rank when asked', () => {
    expect(fromNested('g', [[1]], 2).shape).toEqual([1, 1]);
    expect(() => fromNested('g', [[1]], 3)).toThrow(
      /Expected `g` to be a list of grids, got a grid \(a list of rows\)/,
    );
  });

  it('copies: changing the nested array later does not change the tensor', () => {
    const grid = [
      [1, 2],
      [3, 4],
    ];
    const t = fromNested('g', grid);
    grid[0][0] = 99;
    expect(t.data[0]).toBe(1);
  });

  it('volumeFrom treats one grid as one channel', () => {
    const t = volumeFrom('input', [
      [1, 2],
      [3, 4],
    ]);
    expect(t.shape).toEqual([1, 2, 2]);
    expect(toNested(t)).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    expect(volumeFrom('input', chw).shape).toEqual([2, 2, 3]);
  });
});

describe('tensor', () => {
  it('is zeros unless data is given, and copies the data', () => {
    expect(Array.from(tensor([2, 2]).data)).toEqual([0, 0, 0, 0]);
    const data = [1, 2, 3, 4, 5, 6];
    const t = tensor([2, 3], data);
    data[0] = 99;
    expect(toNested(t)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('a shape with a 0 axis holds no cells', () => {
    expect(tensor([2, 0, 3]).data.length).toBe(0);
    expect(sizeOf([2, 0, 3])).toBe(0);
    expect(sizeOf([])).toBe(1);
  });

  it('refuses data of the wrong length and bad axes', () => {
    expect(() => tensor([2, 3], [1, 2, 3])).toThrow(ShapeError);
    expect(() => tensor([2, 3], [1, 2, 3])).toThrow(/Shape \(2,3\) holds 6 numbers, got 3/);
    expect(() => tensor([2, -1])).toThrow(
      /Expected axis 1 of the shape to be a whole number ≥ 0, got -1/,
    );
    expect(() => tensor([1.5])).toThrow(
      /Expected axis 0 of the shape to be a whole number ≥ 0, got 1\.5/,
    );
    expect(() => tensor([NaN])).toThrow(/got NaN/);
  });
});

describe('strides and offset', () => {
  it.each([
    [
      [2, 3, 4],
      [12, 4, 1],
    ],
    [[5], [1]],
    [
      [3, 1, 2],
      [2, 2, 1],
    ],
    [[], []],
  ])('strides(%o) = %o', (shape, expected) => {
    expect(strides(shape)).toEqual(expected);
  });

  it('offset is Σ index · stride', () => {
    const shape = [2, 3, 4];
    expect(offset(shape, [0, 0, 0])).toBe(0);
    expect(offset(shape, [0, 0, 3])).toBe(3);
    expect(offset(shape, [0, 2, 1])).toBe(9);
    expect(offset(shape, [1, 0, 0])).toBe(12);
    expect(offset(shape, [1, 2, 3])).toBe(23);
    const s = strides(shape);
    for (let a = 0; a < 2; a++)
      for (let b = 0; b < 3; b++)
        for (let c = 0; c < 4; c++)
          expect(offset(shape, [a, b, c])).toBe(a * s[0] + b * s[1] + c * s[2]);
  });

  it('offset reads the cell fromNested put there', () => {
    const t = fromNested('x', chw);
    expect(t.data[offset(t.shape, [1, 1, 2])]).toBe(60);
    expect(t.data[offset(t.shape, [0, 1, 0])]).toBe(4);
  });

  it('refuses indices outside the shape or of the wrong length', () => {
    expect(() => offset([2, 3], [0, 3])).toThrow(ShapeError);
    expect(() => offset([2, 3], [0, 3])).toThrow(/Index 3 is outside axis 1 of size 3/);
    expect(() => offset([2, 3], [-1, 0])).toThrow(/Index -1 is outside axis 0 of size 2/);
    expect(() => offset([2, 3], [0.5, 0])).toThrow(/Index 0\.5 is outside axis 0 of size 2/);
    expect(() => offset([2, 3], [0])).toThrow(/Expected an index with 2 coordinates, got 1/);
  });
});

describe('reshape', () => {
  it('keeps the data and changes the shape', () => {
    const t = fromNested('x', chw);
    const r = reshape(t, [3, 4]);
    expect(r.shape).toEqual([3, 4]);
    expect(toNested(r)).toEqual([
      [1, 2, 3, 4],
      [5, 6, 10, 20],
      [30, 40, 50, 60],
    ]);
    expect(toNested(reshape(t, [12]))).toEqual([1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60]);
  });

  it('refuses a shape with another number of cells', () => {
    const t = tensor([2, 3]);
    expect(() => reshape(t, [4, 2])).toThrow(ShapeError);
    expect(() => reshape(t, [4, 2])).toThrow(/Cannot reshape \(2,3\) with 6 cells into \(4,2\)/);
    expect(() => reshape(t, [7])).toThrow(/into \(7\)/);
  });

  it('refuses negative or fractional axes even when their product matches', () => {
    const t = tensor([2, 3]);
    expect(() => reshape(t, [-2, -3])).toThrow(ShapeError);
    expect(() => reshape(t, [-2, -3])).toThrow(
      /Expected axis 0 of the shape to be a whole number ≥ 0, got -2/,
    );
    expect(() => reshape(t, [1.5, 4])).toThrow(
      /Expected axis 0 of the shape to be a whole number ≥ 0, got 1\.5/,
    );
  });
});

describe('(C,H,W) ↔ (H,W,C)', () => {
  it('chwToHwc moves channel c, row y, column x to [y][x][c]', () => {
    const out = chwToHwc(fromNested('x', chw));
    expect(out.shape).toEqual([2, 3, 2]);
    expect(toNested(out)).toEqual(hwc);
  });

  it('hwcToChw undoes it', () => {
    const out = hwcToChw(fromNested('x', hwc));
    expect(out.shape).toEqual([2, 2, 3]);
    expect(toNested(out)).toEqual(chw);
  });

  it('refuses tensors without three axes', () => {
    expect(() => chwToHwc(tensor([2, 2]))).toThrow(
      /Expected `input` to have 3 axes, got shape \(2,2\)/,
    );
    expect(() => hwcToChw(tensor([1, 2, 2, 1]))).toThrow(
      /Expected `input` to have 3 axes, got shape \(1,2,2,1\)/,
    );
  });
});

describe('flatten and flatIndex', () => {
  const t = fromNested('x', chw);

  it("'chw' lists channel 0's rows first (PyTorch); 'hwc' lists every channel of a pixel first (Keras)", () => {
    expect(flatten(t)).toEqual([1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60]);
    expect(flatten(t, 'chw')).toEqual([1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60]);
    expect(flatten(t, 'hwc')).toEqual([1, 10, 2, 20, 3, 30, 4, 40, 5, 50, 6, 60]);
  });

  it('flatIndex says where (c,y,x) goes in each order', () => {
    expect(flatIndex([2, 2, 3], 1, 0, 2, 'chw')).toBe(8); // 30
    expect(flatIndex([2, 2, 3], 1, 0, 2, 'hwc')).toBe(5); // 30
    expect(flatIndex([2, 2, 3], 0, 1, 0, 'chw')).toBe(3); // 4
    expect(flatIndex([2, 2, 3], 0, 1, 0, 'hwc')).toBe(6); // 4
  });

  it('flatIndex refuses a cell outside the image', () => {
    expect(() => flatIndex([2, 2, 3], 2, 0, 0, 'chw')).toThrow(
      /Index 2 is outside axis 0 of size 2/,
    );
  });

  it('flattening a 4×4 grid gives 16 numbers; 32×32×3 gives 3072; 28×28 gives 784', () => {
    expect(flatten(tensor([1, 4, 4]))).toHaveLength(16);
    expect(flatten(tensor([3, 32, 32]), 'hwc')).toHaveLength(3072);
    expect(flatten(tensor([1, 28, 28]))).toHaveLength(784);
  });
});

/**
 * The worked examples of the lecture slides, computed by the engine: inputs and the results
 * worked out by hand both come from the lecture fixture (tests/fixtures/lectures.ts, which says
 * where each one is in the lectures), independently of the engine.
 */
import { describe, expect, it } from 'vitest';
import {
  type Tensor,
  conv1d,
  conv2d,
  explainConv2dCell,
  filtersFrom,
  maxPool2d,
  relu,
  tensor,
  toNested,
  volumeFrom,
} from '../../src/engine/index.js';
import {
  A,
  A_BIAS,
  A_KERNEL,
  A_KERNEL_2X2,
  A_MAP,
  A_MAP_2X2_SAME,
  A_MAP_2X2_VALID,
  A_STRIDE,
  BINARY_IMAGE,
  BINARY_X_MAP,
  LECTURE_OUTPUT_SIZES,
  MULTI_CHANNEL_INPUT,
  MULTI_CHANNEL_KERNELS,
  MULTI_CHANNEL_MAP_0,
  MULTI_CHANNEL_MAP_1_BIAS_0,
  MULTI_CHANNEL_MAP_1_SLIDE,
  RGB_CELL,
  RGB_CHANNEL_SUMS,
  RGB_CORNER,
  RGB_KERNEL,
  STEP,
  STEP_CONVOLUTION,
  STEP_CORRELATION,
  STEP_KERNEL,
  X,
  XO_FEATURES,
  XO_FILTERS,
  XO_FIRST_ROW_NINTHS,
  XO_FIRST_ROW_SLIDE,
  XO_POOLED_FIRST_ROW,
  X_KERNEL,
} from '../fixtures/lectures.js';

/** Run a single-channel example: grid in, one grid per filter out. */
function conv(
  image: number[][],
  kernels: number[][][],
  options: Parameters<typeof conv2d>[2] = {},
): number[][][] {
  return toNested(conv2d(volumeFrom('input', image), filtersFrom('kernels', kernels, 1), options));
}

/** The slides truncate to two decimals (7/9 is shown as 0.77). The epsilon keeps 0.9999… at 1. */
function truncate2(v: number): number {
  return Math.trunc(v * 100 + Math.sign(v) * 1e-9) / 100;
}

describe('5×5 binary image, 3×3 "X" filter, stride 1, valid', () => {
  it('gives [[4,3,4],[2,4,3],[2,3,4]]', () => {
    expect(conv(BINARY_IMAGE, [X_KERNEL])).toEqual([BINARY_X_MAP]);
  });

  it('explains cell (0,0) with the nine products of the slide, in reading order', () => {
    const e = explainConv2dCell(
      volumeFrom('input', BINARY_IMAGE),
      filtersFrom('kernels', [X_KERNEL], 1),
      {},
      0,
      0,
      0,
    );
    // 1*1 + 1*0 + 1*1 + 0*0 + 1*1 + 1*0 + 0*1 + 0*0 + 1*1 = 4
    expect(e.terms.map((t) => [t.input, t.weight])).toEqual([
      [1, 1],
      [1, 0],
      [1, 1],
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
      [1, 1],
    ]);
    expect(e.terms.map((t) => t.product)).toEqual([1, 0, 1, 0, 1, 0, 0, 0, 1]);
    expect(e.terms.every((t) => !t.padded)).toBe(true);
    expect(e.sum).toBe(4);
    expect(e.value).toBe(4);
    expect(e.origin).toEqual({ row: 0, col: 0 });
  });

  it('explains a "same"-padded corner: the padding terms are marked and read as 0', () => {
    const e = explainConv2dCell(
      volumeFrom('input', BINARY_IMAGE),
      filtersFrom('kernels', [X_KERNEL], 1),
      { padding: 'same' },
      0,
      0,
      0,
    );
    expect(e.origin).toEqual({ row: -1, col: -1 });
    const padded = e.terms.filter((t) => t.padded);
    // The top row and left column of the window are padding: 5 of the 9 taps.
    expect(padded.map((t) => [t.kRow, t.kCol])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [2, 0],
    ]);
    expect(padded.every((t) => t.input === 0 && t.product === 0)).toBe(true);
    expect(e.terms.filter((t) => !t.padded).map((t) => t.input)).toEqual([1, 1, 0, 1]);
    // 1·1 (centre) + 1·0 + 0·0 + 1·1 (bottom right) = 2
    expect(e.value).toBe(2);
    expect(conv(BINARY_IMAGE, [X_KERNEL], { padding: 'same' })[0][0][0]).toBe(2);
  });
});

describe('input A with bias 1, stride 2', () => {
  const options = { bias: [A_BIAS], stride: A_STRIDE };

  it('3×3 kernel, valid → [[5,5],[1,7]]', () => {
    expect(conv(A, [A_KERNEL], options)).toEqual([A_MAP]);
  });

  it('2×2 kernel, valid → [[-1,2],[1,4]]', () => {
    expect(conv(A, [A_KERNEL_2X2], { ...options, padding: 'valid' })).toEqual([A_MAP_2X2_VALID]);
  });

  it('2×2 kernel, "same" → [[-1,2,1],[1,4,3],[4,2,1]] (zeros on the bottom and right only)', () => {
    expect(conv(A, [A_KERNEL_2X2], { ...options, padding: 'same' })).toEqual([A_MAP_2X2_SAME]);
    const e = explainConv2dCell(
      volumeFrom('A', A),
      filtersFrom('kernels', [A_KERNEL_2X2], 1),
      { bias: [1], stride: 2, padding: 'same' },
      0,
      2,
      2,
    );
    expect(e.origin).toEqual({ row: 4, col: 4 });
    expect(e.terms.map((t) => [t.inRow, t.inCol, t.padded, t.input])).toEqual([
      [4, 4, false, 0],
      [4, 5, true, 0],
      [5, 4, true, 0],
      [5, 5, true, 0],
    ]);
    expect(e.sum).toBe(0);
    expect(e.value).toBe(1);
    // Nothing is padded on the top or left: the first window starts at the image's corner.
    const first = explainConv2dCell(
      volumeFrom('A', A),
      filtersFrom('kernels', [A_KERNEL_2X2], 1),
      { bias: [1], stride: 2, padding: 'same' },
      0,
      0,
      0,
    );
    expect(first.terms.some((t) => t.padded)).toBe(false);
  });
});

describe('three 5×5 channels (already zero-padded), two 3×3×3 kernels', () => {
  const input = volumeFrom('input', MULTI_CHANNEL_INPUT);
  const kernels = filtersFrom('kernels', MULTI_CHANNEL_KERNELS, 3);

  it('kernel 0 with bias 1 → [[3,2,0],[4,1,0],[3,1,0]]; kernel 1 with bias 0 as printed → [[6,1,1],[3,-1,7],[0,-3,0]]', () => {
    const out = conv2d(input, kernels, { bias: [1, 0] });
    expect(out.shape).toEqual([2, 3, 3]);
    expect(toNested(out)).toEqual([MULTI_CHANNEL_MAP_0, MULTI_CHANNEL_MAP_1_BIAS_0]);
  });

  it("with bias 1 on kernel 1, the slide's [[7,2,2],[4,0,8],[1,-2,1]] (the printed bias 0 is an erratum)", () => {
    expect(toNested(conv2d(input, kernels, { bias: [1, 1] }))[1]).toEqual(
      MULTI_CHANNEL_MAP_1_SLIDE,
    );
  });
});

describe('RGB window with a zero-padded corner, three kernel channels, bias 1', () => {
  const input = volumeFrom('input', [RGB_CORNER.red, RGB_CORNER.green, RGB_CORNER.blue]);
  const filters = filtersFrom('kernels', [RGB_KERNEL], 3);
  // The slide's row and column of zeros before the corner.
  const options = { padding: 1, bias: [1] };

  it('each channel contributes 308, −498 and 164; with bias 1 the cell is −25', () => {
    const e = explainConv2dCell(input, filters, options, 0, 0, 0);
    const perChannel = [0, 1, 2].map((c) =>
      e.terms.filter((t) => t.channel === c).reduce((s, t) => s + t.product, 0),
    );
    expect(perChannel).toEqual(RGB_CHANNEL_SUMS);
    expect(e.sum).toBe(RGB_CHANNEL_SUMS[0] + RGB_CHANNEL_SUMS[1] + RGB_CHANNEL_SUMS[2]);
    expect(e.bias).toBe(1);
    expect(e.value).toBe(RGB_CELL);
    expect(conv2d(input, filters, options).data[0]).toBe(RGB_CELL);
  });
});

describe('1-D, cross-correlation vs the flipped definition', () => {
  it('cross-correlation gives [0,0,0,1,0,0] (what the slide shows)', () => {
    expect(conv1d(STEP, STEP_KERNEL)).toEqual(STEP_CORRELATION);
    expect(conv1d(STEP, STEP_KERNEL, { flip: false, mode: 'valid' })).toEqual(STEP_CORRELATION);
  });

  it('true convolution (kernel flipped) gives [0,0,0,-1,0,0]', () => {
    expect(conv1d(STEP, STEP_KERNEL, { flip: true })).toEqual(STEP_CONVOLUTION);
  });
});

describe('the X/O network', () => {
  const filters = filtersFrom('kernels', XO_FILTERS, 1);
  const maps: Tensor = conv2d(volumeFrom('X', X), filters, { scale: 1 / 9 });

  it('the match (sum of products / 9) gives three 7×7 maps', () => {
    expect(maps.shape).toEqual([3, 7, 7]);
  });

  it('the first map starts 0.77 -0.11 0.11 0.33 0.55 -0.11 0.33 when truncated, as on the slide', () => {
    const firstRow: number[] = toNested(maps)[0][0];
    expect(firstRow.map(truncate2)).toEqual(XO_FIRST_ROW_SLIDE);
    firstRow.forEach((v, i) => expect(v).toBeCloseTo(XO_FIRST_ROW_NINTHS[i] / 9, 12));
  });

  it('a window that matches the filter exactly scores 1', () => {
    // The diagonal filter over rows/columns 1–3 of the X, which hold the same diagonal.
    expect(toNested(maps)[0][1][1]).toBeCloseTo(1, 12);
    expect(truncate2(toNested(maps)[0][1][1])).toBe(1);
  });

  it('ReLU of the first map zeroes the negatives and keeps the rest', () => {
    const before: number[][] = toNested(maps)[0];
    const after: number[][] = toNested(relu(maps))[0];
    expect(after[0]).toEqual(before[0].map((v) => (v < 0 ? 0 : v)));
    expect(after.flat().every((v) => v >= 0)).toBe(true);
    expect(after.flat().filter((v) => v === 0).length).toBe(
      before.flat().filter((v) => v <= 0).length,
    );
  });

  it('2×2 max pooling, stride 2: "same" gives 4×4 (first row 1.00 0.33 0.55 0.33), "valid" gives 3×3', () => {
    const same = maxPool2d(maps, { size: 2, stride: 2, padding: 'same' });
    expect(same.shape).toEqual([3, 4, 4]);
    const row: number[] = toNested(same)[0][0];
    expect(row.map(truncate2)).toEqual([1, 0.33, 0.55, 0.33]);
    XO_POOLED_FIRST_ROW.forEach((v, i) => expect(row[i]).toBeCloseTo(v, 12));
    // The odd last column is pooled on its own: cell (0,3) is the max of map[0][0..1][6].
    const m: number[][] = toNested(maps)[0];
    expect(row[3]).toBe(Math.max(m[0][6], m[1][6]));

    const valid = maxPool2d(maps, { size: 2, stride: 2, padding: 'valid' });
    expect(valid.shape).toEqual([3, 3, 3]);
  });

  it('pooling the three 4×4 maps once more gives the twelve features', () => {
    const features: number[][][] = toNested(
      maxPool2d(maxPool2d(relu(maps), { size: 2, padding: 'same' }), { size: 2 }),
    );
    expect(features.flat(2)).toHaveLength(12);
    features.flat(2).forEach((v, i) => expect(v).toBeCloseTo(XO_FEATURES.flat(2)[i], 12));
  });
});

describe('conv and pool shapes', () => {
  it('(−,7,7,2) through a (3,3,2,2) kernel → (−,5,5,2); channels-first here: (2,7,7) → (2,5,5)', () => {
    const out = conv2d(tensor([2, 7, 7]), tensor([2, 2, 3, 3]));
    expect(out.shape).toEqual([2, 5, 5]);
  });

  it('pooling (−,7,7,3) with 2×2/2 → (−,4,4,3): channels-first (3,7,7) → (3,4,4), with "same"', () => {
    expect(maxPool2d(tensor([3, 7, 7]), { size: 2, padding: 'same' }).shape).toEqual([3, 4, 4]);
  });

  it.each(LECTURE_OUTPUT_SIZES)(
    '$n×$n with $f×$f, stride $stride, padding $pad → $size×$size',
    ({ n, f, stride, pad, size }) => {
      const padding = pad === 0 ? 'valid' : pad;
      expect(conv2d(tensor([1, n, n]), tensor([1, 1, f, f]), { stride, padding }).shape).toEqual([
        1,
        size,
        size,
      ]);
    },
  );

  it('9×9 with 3×3 and strides (3, 1) → 3×7', () => {
    expect(conv2d(tensor([1, 9, 9]), tensor([1, 1, 3, 3]), { stride: [3, 1] }).shape).toEqual([
      1, 3, 7,
    ]);
  });
});

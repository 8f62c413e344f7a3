/**
 * Invalid input fails loudly with a typed error whose message names the argument, says what
 * was expected and what came. The regular expressions pin those key words.
 */
import { describe, expect, it } from 'vitest';
import {
  EngineError,
  ShapeError,
  ValueError,
  avgPool2d,
  conv1d,
  conv2d,
  dense,
  explainConv2dCell,
  explainPoolCell,
  filtersFrom,
  fromNested,
  maxPool2d,
  softmax,
  tensor,
  volumeFrom,
  windowGeometry,
} from '../../src/engine/index.js';

type ErrorClass = typeof ShapeError | typeof ValueError;

/** Run `fn`, expect it to throw `kind` about `argument`, with a message matching `message`. */
function expectEngineError(
  fn: () => unknown,
  kind: ErrorClass,
  argument: string,
  message: RegExp,
): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected an error to be thrown').toBeInstanceOf(kind);
  expect(caught).toBeInstanceOf(EngineError);
  expect(caught).toBeInstanceOf(Error);
  const e = caught as EngineError;
  expect(e.name).toBe(kind.name);
  expect(e.argument).toBe(argument);
  expect(e.message).toMatch(message);
  // Every message names its argument.
  expect(e.message).toContain(argument.replace(/\[\d+\].*$/, ''));
}

const image3x3 = volumeFrom('input', [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
]);
const kernel2x2 = filtersFrom(
  'kernels',
  [
    [
      [1, 0],
      [0, 1],
    ],
  ],
  1,
);

describe('ragged and empty nested lists', () => {
  it('a ragged grid names the row and both lengths', () => {
    expect(() => volumeFrom('input', [[1, 2], [3]])).toThrow(
      /`input` is ragged: expected `input\[1\]` to be an array of length 2, got length 1/,
    );
    expectEngineError(() => volumeFrom('input', [[1, 2], [3]]), ShapeError, 'input', /ragged/);
  });

  it('a ragged channel list names the channel', () => {
    expectEngineError(
      () =>
        volumeFrom('input', [
          [[1, 2]],
          [
            [1, 2],
            [3, 4],
          ],
        ]),
      ShapeError,
      'input',
      /expected `input\[1\]` to be an array of length 1, got length 2/,
    );
  });

  it('a number where a row should be is ragged too', () => {
    expectEngineError(
      () => volumeFrom('input', [[1, 2], 3]),
      ShapeError,
      'input',
      /expected `input\[1\]` to be an array of length 2, got 3/,
    );
  });

  it('a list deeper than the first row is not a number', () => {
    expectEngineError(
      () =>
        volumeFrom('input', [
          [1, 2],
          [3, [4]],
        ]),
      ValueError,
      'input',
      /Expected `input\[1\]\[1\]` to be a finite number, got an array of length 1/,
    );
  });

  it('a ragged kernel names the filter', () => {
    expectEngineError(
      () =>
        filtersFrom(
          'kernels',
          [
            [
              [1, 0],
              [0, 1],
            ],
            [[1, 0], [0]],
          ],
          1,
        ),
      ShapeError,
      'kernels[1]',
      /`kernels\[1\]` is ragged: expected `kernels\[1\]\[1\]` to be an array of length 2, got length 1/,
    );
  });

  it('empty arrays are refused, with the depth where they are', () => {
    expectEngineError(
      () => volumeFrom('input', [[]]),
      ShapeError,
      'input',
      /Expected `input` to have no empty arrays, got an empty one at depth 1/,
    );
    expectEngineError(
      () => fromNested('grid', [], 2),
      ShapeError,
      'grid',
      /no empty arrays, got an empty one at depth 0/,
    );
    expectEngineError(
      () => volumeFrom('input', []),
      ShapeError,
      'input',
      /Expected `input` to be a grid \(a list of rows\) or a list of grids \(one per channel\), got an empty list\./,
    );
    expectEngineError(
      () => filtersFrom('kernels', [], 1),
      ShapeError,
      'kernels',
      /Expected `kernels` to be a non-empty list of filters, got an array of length 0/,
    );
    expectEngineError(
      () => conv1d([], [1]),
      ShapeError,
      'input',
      /Expected `input` to be a non-empty list of numbers, got an array of length 0/,
    );
    expectEngineError(
      () => conv1d([1], []),
      ShapeError,
      'kernel',
      /Expected `kernel` to be a non-empty list of numbers, got an array of length 0/,
    );
    expectEngineError(
      () => softmax([]),
      ShapeError,
      'input',
      /Expected `input` to be a non-empty list of numbers, got an array of length 0/,
    );
    expectEngineError(
      () => dense([], [[1]]),
      ShapeError,
      'input',
      /Expected `input` to be a non-empty list of numbers, got an array of length 0/,
    );
    expectEngineError(
      () => dense([1], []),
      ShapeError,
      'weights',
      /Expected `weights` to be a non-empty list of rows \(one per output\), got an array of length 0/,
    );
  });

  it('the wrong number of levels names what came', () => {
    expectEngineError(
      () => volumeFrom('input', 5),
      ShapeError,
      'input',
      /Expected `input` to be a grid \(a list of rows\) or a list of grids \(one per channel\), got 5/,
    );
    expectEngineError(
      () => volumeFrom('input', [[[[1]]]]),
      ShapeError,
      'input',
      /got 4 levels of nested lists/,
    );
    expectEngineError(
      () => volumeFrom('input', [1, 2, 3]),
      ShapeError,
      'input',
      /, got a list of numbers\./,
    );
    expectEngineError(
      () => fromNested('grid', [1, 2], 2),
      ShapeError,
      'grid',
      /Expected `grid` to be a grid \(a list of rows\), got a list of numbers/,
    );
    expectEngineError(
      () => fromNested('grid', 'abc', 2),
      ShapeError,
      'grid',
      /Expected `grid` to be a grid \(a list of rows\), got "abc"/,
    );
  });
});

describe('NaN and Infinity', () => {
  it('in the input', () => {
    expectEngineError(
      () =>
        volumeFrom('input', [
          [1, NaN],
          [3, 4],
        ]),
      ValueError,
      'input',
      /Expected `input\[0\]\[1\]` to be a finite number, got NaN/,
    );
    expectEngineError(
      () => volumeFrom('input', [[[1]], [[Infinity]]]),
      ValueError,
      'input',
      /Expected `input\[1\]\[0\]\[0\]` to be a finite number, got Infinity/,
    );
    expectEngineError(
      () => conv1d([1, -Infinity], [1]),
      ValueError,
      'input[1]',
      /Expected `input\[1\]` to be a finite number, got -Infinity/,
    );
    expectEngineError(
      () => softmax([0, NaN]),
      ValueError,
      'input[1]',
      /Expected `input\[1\]` to be a finite number, got NaN/,
    );
    expectEngineError(
      () => dense([Infinity], [[1]]),
      ValueError,
      'input[0]',
      /Expected `input\[0\]` to be a finite number, got Infinity/,
    );
  });

  it('in the kernel', () => {
    expectEngineError(
      () =>
        filtersFrom(
          'kernels',
          [
            [
              [1, 0],
              [0, NaN],
            ],
          ],
          1,
        ),
      ValueError,
      'kernels[0]',
      /Expected `kernels\[0\]\[1\]\[1\]` to be a finite number, got NaN/,
    );
    expectEngineError(
      () => filtersFrom('kernels', [[[1]], [[Infinity]]], 1),
      ValueError,
      'kernels[1]',
      /Expected `kernels\[1\]\[0\]\[0\]` to be a finite number, got Infinity/,
    );
    expectEngineError(
      () => conv1d([1, 2], [NaN]),
      ValueError,
      'kernel[0]',
      /Expected `kernel\[0\]` to be a finite number, got NaN/,
    );
    expectEngineError(
      () => dense([1], [[NaN]]),
      ValueError,
      'weights[0][0]',
      /Expected `weights\[0\]\[0\]` to be a finite number, got NaN/,
    );
  });

  it('in the bias and scale', () => {
    expectEngineError(
      () => conv2d(image3x3, kernel2x2, { bias: [NaN] }),
      ValueError,
      'bias[0]',
      /Expected `bias\[0\]` to be a finite number, got NaN/,
    );
    expectEngineError(
      () => conv2d(image3x3, kernel2x2, { bias: [Infinity] }),
      ValueError,
      'bias[0]',
      /got Infinity/,
    );
    expectEngineError(
      () => conv2d(image3x3, kernel2x2, { scale: NaN }),
      ValueError,
      'scale',
      /Expected `scale` to be a finite number, got NaN/,
    );
    expectEngineError(
      () => dense([1], [[1], [2]], [0, -Infinity]),
      ValueError,
      'bias[1]',
      /Expected `bias\[1\]` to be a finite number, got -Infinity/,
    );
  });

  // Tensors built with `tensor()` skip the nested-list checks, so the ops check their data too:
  // otherwise conv2d (which skips zero weights) and its explanation (∞·0 = NaN) would disagree.
  it('conv2d refuses a Tensor input holding Infinity', () => {
    const x = tensor([1, 1, 2], [Infinity, 1]);
    const w = tensor([1, 1, 1, 2], [0, 1]);
    expect(() => conv2d(x, w)).toThrow(ValueError);
  });

  it('explainConv2dCell refuses a Tensor input holding Infinity, as conv2d does', () => {
    const x = tensor([1, 1, 2], [Infinity, 1]);
    const w = tensor([1, 1, 1, 2], [0, 1]);
    expect(() => explainConv2dCell(x, w, {}, 0, 0, 0)).toThrow(ValueError);
  });

  it('max pooling refuses a NaN cell instead of skipping it', () => {
    expect(() => maxPool2d(tensor([1, 2, 2], [1, NaN, 3, 4]), { size: 2 })).toThrow(/finite/);
  });

  it('a non-number leaf is described', () => {
    expectEngineError(
      () => volumeFrom('input', [[1, '2']]),
      ValueError,
      'input',
      /Expected `input\[0\]\[1\]` to be a finite number, got "2"/,
    );
    expectEngineError(() => volumeFrom('input', [[1, null]]), ValueError, 'input', /got null/);
    expectEngineError(
      () => volumeFrom('input', [[1, undefined]]),
      ValueError,
      'input',
      /got nothing/,
    );
  });
});

describe('shapes that do not fit', () => {
  it('a kernel larger than the padded input', () => {
    expectEngineError(
      () => conv2d(tensor([1, 2, 2]), tensor([1, 1, 3, 3])),
      ShapeError,
      'kernel',
      /The kernel is 3×3 but the padded input is only 2×2: the window does not fit\. Use a smaller kernel or more padding\./,
    );
    // With padding it fits.
    expect(conv2d(tensor([1, 2, 2]), tensor([1, 1, 3, 3]), { padding: 1 }).shape).toEqual([
      1, 2, 2,
    ]);
  });

  it('a dilated kernel that no longer fits says so', () => {
    expectEngineError(
      () => conv2d(tensor([1, 4, 4]), tensor([1, 1, 3, 3]), { dilation: 2 }),
      ShapeError,
      'kernel',
      /The kernel is 3×3 \(dilated span 5×5\) but the padded input is only 4×4/,
    );
  });

  it('a pooling window larger than the input', () => {
    expectEngineError(
      () => maxPool2d(tensor([1, 2, 2]), { size: 3 }),
      ShapeError,
      'pooling window',
      /The pooling window is 3×3 but the padded input is only 2×2/,
    );
  });

  it('filters whose depth differs from the input', () => {
    expectEngineError(
      () =>
        filtersFrom(
          'kernels',
          [
            [
              [1, 0],
              [0, 1],
            ],
          ],
          3,
        ),
      ShapeError,
      'kernels[0]',
      /Each filter must span all 3 input channels, but `kernels\[0\]` has 1/,
    );
    expectEngineError(
      () => filtersFrom('kernels', [[[[1]], [[1]]]], 1),
      ShapeError,
      'kernels[0]',
      /Each filter must span all 1 input channel, but `kernels\[0\]` has 2/,
    );
    expectEngineError(
      () => conv2d(tensor([3, 4, 4]), tensor([1, 2, 3, 3])),
      ShapeError,
      'kernels',
      /Each filter must span all 3 input channels, but the filters in `kernels` have 2/,
    );
  });

  it('filters of different sizes', () => {
    expectEngineError(
      () =>
        filtersFrom(
          'kernels',
          [
            [
              [1, 0],
              [0, 1],
            ],
            [[1]],
          ],
          1,
        ),
      ShapeError,
      'kernels[1]',
      /All filters must have the same size: `kernels\[0\]` is 2×2, `kernels\[1\]` is 1×1/,
    );
  });

  it('the wrong bias length', () => {
    expectEngineError(
      () => conv2d(tensor([1, 3, 3]), tensor([2, 1, 2, 2]), { bias: [1] }),
      ShapeError,
      'bias',
      /Expected `bias` to have one number per filter \(2\), got 1/,
    );
    expectEngineError(
      () => dense([1, 2], [[1, 2]], [0, 0]),
      ShapeError,
      'bias',
      /Expected `bias` to have one number per output \(1\), got 2/,
    );
  });

  it('tensors of the wrong rank', () => {
    expectEngineError(
      () => conv2d(tensor([3, 3]), kernel2x2),
      ShapeError,
      'input',
      /Expected `input` to be \(channels, rows, columns\), got shape \(3,3\)/,
    );
    expectEngineError(
      () => conv2d(image3x3, tensor([1, 2, 2])),
      ShapeError,
      'kernels',
      /Expected `kernels` to be \(filters, channels, rows, columns\), got shape \(1,2,2\)/,
    );
    expectEngineError(
      () => maxPool2d(tensor([4, 4]), { size: 2 }),
      ShapeError,
      'input',
      /Expected `input` to be \(channels, rows, columns\), got shape \(4,4\)/,
    );
  });

  it('conv1d: a kernel longer than the input in "valid" mode', () => {
    expectEngineError(
      () => conv1d([1, 2], [1, 2, 3]),
      ShapeError,
      'kernel',
      /The kernel has 3 numbers but the input only 2: with mode "valid" it does not fit/,
    );
    // "same" and "full" pad, so the same kernel works there.
    expect(conv1d([1, 2], [1, 2, 3], { mode: 'same' })).toHaveLength(2);
    expect(conv1d([1, 2], [1, 2, 3], { mode: 'full' })).toHaveLength(4);
  });

  it('dense: weight rows of the wrong length', () => {
    expectEngineError(
      () =>
        dense(
          [1, 2, 3],
          [
            [1, 2, 3],
            [1, 2],
          ],
        ),
      ShapeError,
      'weights[1]',
      /Expected `weights\[1\]` to have one weight per input \(3\), got 2/,
    );
    expectEngineError(
      () => dense([1], [5 as unknown as number[]]),
      ShapeError,
      'weights[0]',
      /Expected `weights\[0\]` to have one weight per input \(1\), got 5/,
    );
  });

  it('explaining a cell outside the output', () => {
    expectEngineError(
      () => explainConv2dCell(image3x3, kernel2x2, {}, 0, 2, 0),
      ShapeError,
      'cell',
      /The convolution output has shape \(1,2,2\); cell \(0,2,0\) is outside it/,
    );
    expectEngineError(
      () => explainPoolCell('max', image3x3, { size: 2 }, 1, 0, 0),
      ShapeError,
      'cell',
      /The pooling output has shape \(1,1,1\); cell \(1,0,0\) is outside it/,
    );
  });
});

describe('options with values that are not allowed', () => {
  it('stride 0, negative or fractional', () => {
    expectEngineError(
      () => conv2d(image3x3, kernel2x2, { stride: 0 }),
      ValueError,
      'stride',
      /Expected `stride` to be a whole number ≥ 1, got 0/,
    );
    expectEngineError(
      () => conv2d(image3x3, kernel2x2, { stride: -1 }),
      ValueError,
      'stride',
      /got -1/,
    );
    expectEngineError(
      () => conv2d(image3x3, kernel2x2, { stride: 1.5 }),
      ValueError,
      'stride',
      /got 1\.5/,
    );
    expectEngineError(
      () => conv2d(image3x3, kernel2x2, { stride: [1, 0] }),
      ValueError,
      'stride[1]',
      /Expected `stride\[1\]` to be a whole number ≥ 1, got 0/,
    );
    expectEngineError(
      () => conv2d(image3x3, kernel2x2, { stride: [1, 1, 1] as unknown as [number, number] }),
      ValueError,
      'stride',
      /Expected `stride` to be a whole number or a pair \[rows, columns\], got an array of length 3/,
    );
    expectEngineError(
      () => maxPool2d(image3x3, { size: 2, stride: 0 }),
      ValueError,
      'stride',
      /Expected `stride` to be a whole number ≥ 1, got 0/,
    );
  });

  it('dilation 0', () => {
    expectEngineError(
      () => conv2d(image3x3, kernel2x2, { dilation: 0 }),
      ValueError,
      'dilation',
      /Expected `dilation` to be a whole number ≥ 1, got 0/,
    );
  });

  it('pooling size 0 or missing', () => {
    expectEngineError(
      () => maxPool2d(image3x3, { size: 0 }),
      ValueError,
      'size',
      /Expected `size` to be a whole number ≥ 1, got 0/,
    );
    expectEngineError(
      () => avgPool2d(image3x3, { size: [2, 0] }),
      ValueError,
      'size[1]',
      /Expected `size\[1\]` to be a whole number ≥ 1, got 0/,
    );
    expectEngineError(
      () => maxPool2d(image3x3, {} as unknown as { size: number }),
      ValueError,
      'size',
      /Expected `size`, the pooling window \(e\.g\. 2 or \[2, 2\]\), got nothing/,
    );
  });

  it('an unknown padding mode', () => {
    expectEngineError(
      () => conv2d(image3x3, kernel2x2, { padding: 'full' as unknown as 'same' }),
      ValueError,
      'padding',
      /Expected `padding` to be "valid", "same", a whole number, or \[\[top, bottom\], \[left, right\]\], got "full"/,
    );
    expectEngineError(
      () =>
        windowGeometry(3, 3, 2, 2, {
          padding: [[1, 1]] as unknown as [[number, number], [number, number]],
        }),
      ValueError,
      'padding',
      /got an array of length 1/,
    );
    expectEngineError(
      () => conv2d(image3x3, kernel2x2, { padding: -1 }),
      ValueError,
      'padding',
      /Expected `padding` to be a whole number ≥ 0, got -1/,
    );
    expectEngineError(
      () =>
        conv2d(image3x3, kernel2x2, {
          padding: [
            [0, 0],
            [0, -2],
          ],
        }),
      ValueError,
      'padding[1][1]',
      /Expected `padding\[1\]\[1\]` to be a whole number ≥ 0, got -2/,
    );
    expectEngineError(
      () => conv1d([1, 2], [1], { mode: 'circular' as unknown as 'same' }),
      ValueError,
      'mode',
      /Expected `mode` to be "valid", "same" or "full", got "circular"/,
    );
  });

  it('pooling padding given as a number', () => {
    expectEngineError(
      () => maxPool2d(image3x3, { size: 2, padding: 1 as unknown as 'same' }),
      ValueError,
      'padding',
      /Expected pooling `padding` to be "valid" or "same", got 1/,
    );
    expectEngineError(
      () => avgPool2d(image3x3, { size: 2, padding: 'full' as unknown as 'same' }),
      ValueError,
      'padding',
      /Expected pooling `padding` to be "valid" or "same", got "full"/,
    );
  });
});

import { describe, expect, it, test } from 'vitest';
import { ShapeError, ValueError } from '../../src/engine/errors.js';
import {
  type ModelSpec,
  outputShapeOf,
  resolveModel,
  validateModel,
} from '../../src/engine/model.js';
import { formatCount, formatShape, summarize } from '../../src/engine/summary.js';
import { formatSummary } from '../../src/render/model-summary.js';

/** The Keras CNN of seed 003 on MNIST. */
const mnistCnn: ModelSpec = {
  input: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 32, kernel: 3, padding: 'valid', activation: 'relu' },
    { type: 'maxpool', size: 2, stride: 2 },
    { type: 'conv2d', filters: 64, kernel: 3, activation: 'relu' },
    { type: 'maxpool', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 1024, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

describe('summarize: SEED-NOTES item 9', () => {
  it('gives Keras names, output shapes and parameter counts', () => {
    const summary = summarize(mnistCnn);
    expect(summary.rows.map((r) => [r.name, r.className, r.outputShape, r.params])).toEqual([
      ['conv2d', 'Conv2D', [26, 26, 32], 320],
      ['max_pooling2d', 'MaxPooling2D', [13, 13, 32], 0],
      ['conv2d_1', 'Conv2D', [11, 11, 64], 18_496],
      ['max_pooling2d_1', 'MaxPooling2D', [5, 5, 64], 0],
      ['flatten', 'Flatten', [1600], 0],
      ['dense', 'Dense', [1024], 1_639_424],
      ['dense_1', 'Dense', [10], 10_250],
    ]);
    expect(summary.rows.map((r) => [r.index, r.type])).toEqual([
      [0, 'conv2d'],
      [1, 'maxpool'],
      [2, 'conv2d'],
      [3, 'maxpool'],
      [4, 'flatten'],
      [5, 'dense'],
      [6, 'dense'],
    ]);
    expect(summary).toMatchObject({
      inputShape: [28, 28, 1],
      totalParams: 1_668_490,
      trainableParams: 1_668_490,
      nonTrainableParams: 0,
    });
  });

  it('formats like Keras model.summary(), widening the name column instead of wrapping', () => {
    expect(formatSummary(summarize(mnistCnn))).toEqual([
      'Model: "sequential"',
      '____________________________________________________________________',
      ' Layer (type)                   Output Shape              Param #',
      '====================================================================',
      ' conv2d (Conv2D)                (None, 26, 26, 32)        320',
      ' max_pooling2d (MaxPooling2D)   (None, 13, 13, 32)        0',
      ' conv2d_1 (Conv2D)              (None, 11, 11, 64)        18,496',
      ' max_pooling2d_1 (MaxPooling2D) (None, 5, 5, 64)          0',
      ' flatten (Flatten)              (None, 1600)              0',
      ' dense (Dense)                  (None, 1024)              1,639,424',
      ' dense_1 (Dense)                (None, 10)                10,250',
      '====================================================================',
      'Total params: 1,668,490',
      'Trainable params: 1,668,490',
      'Non-trainable params: 0',
      '____________________________________________________________________',
    ]);
  });

  it('never writes a line wider than its rules', () => {
    const lines = formatSummary(summarize(mnistCnn), { modelName: 'mnist' });
    expect(lines[0]).toBe('Model: "mnist"');
    const width = lines[1].length;
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
  });

  it('Keras Conv2D(10, 3) on 28×28×1 → (None, 26, 26, 10) with 100 params', () => {
    const lines = formatSummary(
      summarize({
        input: [28, 28, 1],
        layers: [{ type: 'conv2d', filters: 10, kernel: 3, activation: 'relu' }],
      }),
    );
    expect(lines).toEqual([
      'Model: "sequential"',
      '_________________________________________________________________',
      ' Layer (type)                Output Shape              Param #',
      '=================================================================',
      ' conv2d (Conv2D)             (None, 26, 26, 10)        100',
      '=================================================================',
      'Total params: 100',
      'Trainable params: 100',
      'Non-trainable params: 0',
      '_________________________________________________________________',
    ]);
  });
});

describe('shapes through the layers (SEED-NOTES item 8)', () => {
  test.each<[ModelSpec, number[]]>([
    // (−,7,7,2) through a (3,3,2,2) kernel → (−,5,5,2)
    [{ input: [7, 7, 2], layers: [{ type: 'conv2d', filters: 2, kernel: 3 }] }, [5, 5, 2]],
    // pooling (−,7,7,3) 2×2/2 with SAME padding → (−,4,4,3); valid → 3×3
    [{ input: [7, 7, 3], layers: [{ type: 'maxpool', size: 2, padding: 'same' }] }, [4, 4, 3]],
    [{ input: [7, 7, 3], layers: [{ type: 'maxpool', size: 2 }] }, [3, 3, 3]],
    [{ input: [7, 7, 3], layers: [{ type: 'avgpool', size: 2, stride: 1 }] }, [6, 6, 3]],
    // 9×9 with 3×3, strides (3, 1) → 3×7; "same" → 9×9
    [
      { input: [9, 9, 1], layers: [{ type: 'conv2d', filters: 1, kernel: 3, stride: [3, 1] }] },
      [3, 7, 1],
    ],
    [
      { input: [9, 9, 1], layers: [{ type: 'conv2d', filters: 1, kernel: 3, padding: 'same' }] },
      [9, 9, 1],
    ],
    [
      { input: [7, 7, 1], layers: [{ type: 'conv2d', filters: 4, kernel: 3, stride: 3 }] },
      [2, 2, 4],
    ],
    [
      { input: [7, 7, 1], layers: [{ type: 'conv2d', filters: 4, kernel: 3, padding: 1 }] },
      [7, 7, 4],
    ],
    [
      { input: [32, 32, 3], layers: [{ type: 'conv2d', filters: 10, kernel: 5, padding: 2 }] },
      [32, 32, 10],
    ],
    [
      {
        input: [7, 9, 1],
        layers: [{ type: 'conv2d', filters: 1, kernel: [3, 5], dilation: [1, 2] }],
      },
      [5, 1, 1],
    ],
    [{ input: [4, 4, 2], layers: [{ type: 'relu' }, { type: 'softmax' }] }, [4, 4, 2]],
    [
      {
        input: [4, 4, 2],
        layers: [
          { type: 'flatten' },
          { type: 'flatten' },
          { type: 'dense', units: 3 },
          { type: 'softmax' },
        ],
      },
      [3],
    ],
    [{ input: [4, 4, 2], layers: [] }, [4, 4, 2]],
  ])('%j → %j', (spec, shape) => {
    expect(outputShapeOf(spec)).toEqual(shape);
  });

  it('counts parameters: 5×5×3 + 1 = 76 per filter, ×10 = 760; no bias when useBias is false', () => {
    const conv = (useBias?: boolean) =>
      summarize({
        input: [32, 32, 3],
        layers: [{ type: 'conv2d', filters: 10, kernel: 5, padding: 2, useBias }],
      }).totalParams;
    expect(conv()).toBe(760);
    expect(conv(false)).toBe(750);
    const dense = summarize({
      input: [10, 10, 1],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 32, useBias: false }],
    });
    expect(dense.rows[1].params).toBe(3200);
  });

  it('keeps the resolved window geometry for later use', () => {
    const [, pool] = resolveModel({
      input: [7, 7, 3],
      layers: [{ type: 'relu' }, { type: 'maxpool', size: 2, padding: 'same' }],
    });
    expect(pool.inputShape).toEqual([7, 7, 3]);
    expect(pool.geometry).toMatchObject({
      kH: 2,
      kW: 2,
      sH: 2,
      sW: 2,
      pad: { top: 0, bottom: 1, left: 0, right: 1 },
      outH: 4,
      outW: 4,
    });
  });

  it('uses given names and numbers the defaults around them', () => {
    const rows = summarize({
      input: [8, 8, 1],
      layers: [
        { type: 'conv2d', filters: 2, kernel: 3, name: 'conv2d_1' },
        { type: 'conv2d', filters: 2, kernel: 3 },
        { type: 'conv2d', filters: 2, kernel: 3 },
        { type: 'relu' },
        { type: 'relu' },
        { type: 'avgpool', size: 2 },
        { type: 'softmax', name: 'probabilities' },
      ],
    }).rows;
    expect(rows.map((r) => `${r.name} (${r.className})`)).toEqual([
      'conv2d_1 (Conv2D)',
      'conv2d (Conv2D)',
      'conv2d_2 (Conv2D)',
      're_lu (ReLU)',
      're_lu_1 (ReLU)',
      'average_pooling2d (AveragePooling2D)',
      'probabilities (Softmax)',
    ]);
  });
});

describe('validateModel: errors name the field', () => {
  const conv = { type: 'conv2d', filters: 32, kernel: 3 } as const;
  test.each<[unknown, typeof ValueError | typeof ShapeError, string, string]>([
    [
      { input: [28, 28, 1], layers: [conv, { type: 'conv2d', filters: 0, kernel: 3 }] },
      ValueError,
      'layers[1].filters',
      'Expected `layers[1].filters` to be a whole number ≥ 1, got 0.',
    ],
    [
      { input: [28, 28, 1], layers: [{ type: 'conv2d', filters: 8 }] },
      ValueError,
      'layers[0].kernel',
      'Expected `layers[0].kernel` to be a whole number or a pair [rows, columns], got nothing.',
    ],
    [
      { input: [28, 28, 1], layers: [{ type: 'conv2d', filters: 8, kernel: [3, 0] }] },
      ValueError,
      'layers[0].kernel[1]',
      'Expected `layers[0].kernel[1]` to be a whole number ≥ 1, got 0.',
    ],
    [
      { input: [28, 28, 1], layers: [{ ...conv, stride: 0 }] },
      ValueError,
      'layers[0].stride',
      'Expected `layers[0].stride` to be a whole number ≥ 1, got 0.',
    ],
    [
      { input: [28, 28, 1], layers: [{ ...conv, dilation: 1.5 }] },
      ValueError,
      'layers[0].dilation',
      'Expected `layers[0].dilation` to be a whole number ≥ 1, got 1.5.',
    ],
    [
      { input: [28, 28, 1], layers: [{ ...conv, padding: 'full' }] },
      ValueError,
      'layers[0].padding',
      'Expected `layers[0].padding` to be "valid", "same" or a whole number ≥ 0, got "full".',
    ],
    [
      { input: [28, 28, 1], layers: [{ ...conv, padding: -1 }] },
      ValueError,
      'layers[0].padding',
      'Expected `layers[0].padding` to be a whole number ≥ 0, got -1.',
    ],
    [
      { input: [28, 28, 1], layers: [{ type: 'maxpool', size: 2, padding: 1 }] },
      ValueError,
      'layers[0].padding',
      'Expected `layers[0].padding` to be "valid" or "same", got 1.',
    ],
    [
      { input: [28, 28, 1], layers: [{ ...conv, activation: 'tanh' }] },
      ValueError,
      'layers[0].activation',
      'Expected `layers[0].activation` to be one of "relu", "softmax", "linear", got "tanh".',
    ],
    [
      { input: [28, 28, 1], layers: [{ ...conv, useBias: 1 }] },
      ValueError,
      'layers[0].useBias',
      'Expected `layers[0].useBias` to be true or false, got 1.',
    ],
    [
      { input: [28, 28, 1], layers: [{ type: 'conv' }] },
      ValueError,
      'layers[0].type',
      'Expected `layers[0].type` to be one of "conv2d", "maxpool", "avgpool", "flatten", "dense", "relu", "softmax", got "conv".',
    ],
    [
      { input: [28, 28, 1], layers: [{ type: 'conv2d', filters: 8, kernal: 3 }] },
      ValueError,
      'layers[0].kernal',
      '`layers[0].kernal` is not a field of a conv2d layer; its fields are type, filters, kernel, stride, padding, dilation, activation, useBias, name, scale.',
    ],
    [
      { input: [28, 28, 1], layers: [null] },
      ValueError,
      'layers[0]',
      "Expected `layers[0]` to be a layer such as { type: 'conv2d', filters: 32, kernel: 3 }, got null.",
    ],
    [
      { input: [28, 28, 1], layers: [{ type: 'flatten' }, { type: 'dense', units: -3 }] },
      ValueError,
      'layers[1].units',
      'Expected `layers[1].units` to be a whole number ≥ 1, got -3.',
    ],
    [
      {
        input: [28, 28, 1],
        layers: [
          { ...conv, name: 'a' },
          { type: 'relu', name: 'a' },
        ],
      },
      ValueError,
      'layers[1].name',
      '`layers[1].name` is "a", already the name of layers[0]; layer names must be unique.',
    ],
    [
      { input: [28, 28, 1], layers: [{ ...conv, name: '' }] },
      ValueError,
      'layers[0].name',
      'Expected `layers[0].name` to be a non-empty string, got "".',
    ],
    [
      { input: [28, 28], layers: [] },
      ValueError,
      'input',
      'Expected `input` to be [height, width, channels], got an array of length 2.',
    ],
    [
      { input: [28, 28, 0], layers: [] },
      ValueError,
      'input[2]',
      'Expected `input[2]` to be a whole number ≥ 1, got 0.',
    ],
    [
      { input: [28, 28, 1] },
      ValueError,
      'layers',
      'Expected `layers` to be an array of layers, got nothing.',
    ],
    [
      { input: [28, 28, 1], layers: [conv, { type: 'dense', units: 10 }] },
      ShapeError,
      'layers[1]',
      "`layers[1]` (dense) is a dense layer and needs a flat input, but it gets (26, 26, 32). Add { type: 'flatten' } before it.",
    ],
    [
      { input: [28, 28, 1], layers: [{ type: 'flatten' }, conv] },
      ShapeError,
      'layers[1]',
      '`layers[1]` (conv2d) is a conv2d layer and needs an (H, W, C) input, but it gets (784). Put convolutions and pooling before the flatten layer.',
    ],
    [
      { input: [5, 5, 1], layers: [conv, { type: 'maxpool', size: 2 }, { ...conv, kernel: 3 }] },
      ShapeError,
      'layers[2].kernel',
      '`layers[2]` (conv2d_1): the 3×3 kernel does not fit its 1×1×32 input. Use a smaller kernel, padding "same", or fewer layers that shrink the image before it.',
    ],
    [
      { input: [4, 4, 1], layers: [{ ...conv, kernel: 3, dilation: 2, padding: 0 }] },
      ShapeError,
      'layers[0].kernel',
      '`layers[0]` (conv2d): the 3×3 kernel (dilated span 5×5) does not fit its 4×4×1 input. Use a smaller kernel, padding "same", or fewer layers that shrink the image before it.',
    ],
    [
      { input: [3, 3, 1], layers: [{ ...conv, kernel: 7, padding: 1 }] },
      ShapeError,
      'layers[0].kernel',
      '`layers[0]` (conv2d): the 7×7 kernel does not fit its 3×3×1 input (5×5 after padding). Use a smaller kernel, padding "same", or fewer layers that shrink the image before it.',
    ],
    [
      { input: [3, 3, 1], layers: [{ type: 'maxpool', size: 4, name: 'pool' }] },
      ShapeError,
      'layers[0].size',
      '`layers[0]` (pool): the 4×4 pooling window does not fit its 3×3×1 input. Use a smaller pooling window, padding "same", or fewer layers that shrink the image before it.',
    ],
  ])('%j', (spec, type, argument, message) => {
    const call = () => validateModel(spec);
    expect(call).toThrow(type);
    expect(call).toThrow(message);
    expect(call).toThrow(expect.objectContaining({ argument }));
  });

  it("accepts the lectures' model and narrows an unknown value", () => {
    const data: unknown = JSON.parse(JSON.stringify(mnistCnn));
    validateModel(data);
    expect(data.layers).toHaveLength(7);
  });
});

describe('formatting helpers', () => {
  test.each([
    [[26, 26, 32], '(None, 26, 26, 32)'],
    [[1600], '(None, 1600)'],
  ])('formatShape(%j) → %s', (shape, text) => {
    expect(formatShape(shape)).toBe(text);
  });

  test.each([
    [0, '0'],
    [320, '320'],
    [18496, '18,496'],
    [1639424, '1,639,424'],
    [1000000, '1,000,000'],
  ])('formatCount(%i) → %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});

/**
 * Engine errors speak English on their own (the engine's table of templates is the one source
 * of that English) and are worded by the message catalog in the interface, where a translation
 * may word them its own way. Every code is triggered here, every variant of its message (plural,
 * optional parts): the catalog must word it, with every placeholder filled by the error's
 * parameters, as the error's own message says it. A new code without a trigger here fails.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorText } from '../../src/request/error-text.js';
import {
  ENGINE_ERROR_CODES,
  EngineError,
  type EngineErrorCode,
  PHRASE_CODES,
  type PhraseCode,
  type Tensor,
  avgPool2d,
  binaryInputs,
  conv1d,
  conv2d,
  conv2dGeometry,
  conv2dParams,
  convertFlatIndex,
  backward,
  dense,
  denseBackward,
  denseForward,
  denseParams,
  expectFinite,
  expectFiniteData,
  expectNonNegativeInt,
  expectPositiveInt,
  explainConv2dCell,
  explainPoolCell,
  filtersFrom,
  findThresholdUnit,
  forward,
  fromNested,
  kernelShape,
  layoutShape,
  offset,
  outputSize,
  pair,
  phrase,
  poolGeometry,
  receptiveField,
  resolveModel,
  runPipeline,
  runStage,
  seededRandom,
  softmax,
  softmaxBackward,
  tensor,
  thresholdNetwork,
  unravelIndex,
  volumeFrom,
  windowGeometry,
} from '../../src/engine/index.js';
import {
  BASE_LANGUAGE,
  MESSAGES_DIR,
  createTranslator,
  loadCatalogs,
} from '../../src/i18n/index.js';
import { loadMnistDigits } from '../../src/train/digits-data.js';

const en = createTranslator('en');

const vector: Tensor = { shape: [2], data: Float64Array.from([1, 2]) };
const grid2x2 = volumeFrom('input', [
  [1, 2],
  [3, 4],
]);
const twoChannels = volumeFrom('input', [
  [
    [1, 2],
    [3, 4],
  ],
  [
    [1, 2],
    [3, 4],
  ],
]);
const oneByOne = filtersFrom('kernels', [[[1]]], 1);

/** Four cells of 1e308: finite, but their sum is not. */
const huge2x2 = [
  [1e308, 1e308],
  [1e308, 1e308],
];
const ones2x2 = [
  [1, 1],
  [1, 1],
];

/** `depth` lists, one inside the other, around a 1. */
function deepList(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A model of one layer on a 4×4×1 input. */
function layer(spec: unknown) {
  return () => resolveModel({ input: [4, 4, 1], layers: [spec] } as never);
}

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** Reads a digits folder whose `0.json` holds `text` (or that has no files at all). */
function digitsFrom(text?: string) {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-digits-'));
    dataDirs.push(dir);
    if (text !== undefined) writeFileSync(join(dir, '0.json'), text);
    return loadMnistDigits(dir);
  };
}

/** Calls that throw each code, one per variant of its message. */
const TRIGGERS: Record<EngineErrorCode, (() => unknown)[]> = {
  'not-positive-int': [
    () => expectPositiveInt('stride', 0),
    () => expectPositiveInt('layers[0].filters', undefined),
    () => expectPositiveInt('size', [2, 2]),
    () => expectPositiveInt('size', { rows: 2 }),
    () => expectPositiveInt('size', true),
    () => expectPositiveInt('size', 'a very long string that goes on and on'),
    () => expectPositiveInt('size', null),
    () => expectPositiveInt('size', -Infinity),
  ],
  'not-non-negative-int': [() => expectNonNegativeInt('padding', -1)],
  'not-int': [() => seededRandom(1.5), () => seededRandom('7' as never)],
  'not-finite': [() => expectFinite('scale', NaN), () => fromNested('input', [[1, 'a']])],
  'not-boolean': [
    () => denseParams({ inputs: 1, units: 1, bias: 'yes' as never }),
    layer({ type: 'conv2d', filters: 2, kernel: 3, useBias: 1 }),
  ],
  'not-one-of': [
    layer({ type: 'conv' }),
    layer({ type: 'conv2d', filters: 2, kernel: 3, activation: 'tanh' }),
  ],
  'index-outside': [() => offset([2, 2], [0, 5])],
  'empty-array': [() => fromNested('input', []), () => fromNested('input', [[]])],
  'wrong-rank': [
    () => fromNested('input', [1, 2], 2),
    () => fromNested('input', 5, 1),
    () => fromNested('input', [1], 0),
    () => fromNested('input', [[[1]]], 4),
    () => fromNested('input', [[[[[[1]]]]]], 2),
  ],
  ragged: [() => fromNested('input', [[1, 2], [3]]), () => fromNested('input', [[1, 2], 5])],
  'not-finite-data': [() => expectFiniteData('input', tensor([2], [1, NaN]))],
  'not-a-volume': [
    () => volumeFrom('input', 7),
    () => volumeFrom('input', []),
    () => volumeFrom('input', [1, 2]),
    () => volumeFrom('input', [[[[1]]]]),
  ],
  'no-filters': [() => filtersFrom('kernels', [], 1), () => filtersFrom('kernels', 5, 1)],
  'filter-channels': [
    () => filtersFrom('kernels', [[[1]]], 2),
    () => filtersFrom('kernels', [[[[1]], [[1]]]], 1),
  ],
  'filter-sizes': [() => filtersFrom('kernels', [[[1]], [[1, 1]]], 1)],
  'not-pair': [() => pair('stride', [1, 2, 3] as never, 1), layer({ type: 'conv2d', filters: 2 })],
  'bad-padding': [() => conv2d(grid2x2, oneByOne, { padding: 'full' as never })],
  'kernel-too-big': [
    () => windowGeometry(2, 2, 3, 3),
    () => windowGeometry(2, 2, 2, 2, { dilation: 2 }),
  ],
  'pool-window-too-big': [
    () => windowGeometry(2, 2, 1, 3, {}, 'pooling window'),
    () => windowGeometry(2, 2, 2, 2, { dilation: [1, 2] }, 'pooling window'),
  ],
  'kernel-channels': [
    () => conv2dGeometry(twoChannels, oneByOne),
    () => conv2dGeometry(grid2x2, filtersFrom('kernels', [[[[1]], [[1]]]], 2)),
  ],
  'bias-per-filter': [() => conv2d(grid2x2, oneByOne, { bias: [1, 2] })],
  'no-pool-size': [() => poolGeometry(grid2x2, {} as never)],
  'pool-padding': [() => poolGeometry(grid2x2, { size: 1, padding: 'full' as never })],
  'empty-numbers': [() => dense([], [[1]]), () => conv1d([1], []), () => softmax([])],
  'no-weight-rows': [() => dense([1], [])],
  'weights-per-input': [
    () => dense([1, 2], [[1]]),
    () => dense([1, 2], [5 as never]),
    () => thresholdNetwork([1, 0], [[{ weights: [1], threshold: 1 }]]),
  ],
  'bias-per-output': [() => dense([1], [[1]], [1, 2]), () => dense([1], [[1]], 3 as never)],
  'conv1d-mode': [() => conv1d([1], [1], { mode: 'wide' as never })],
  'conv1d-too-long': [() => conv1d([1, 2], [1, 2, 3])],
  'conv-cell-outside': [() => explainConv2dCell(grid2x2, oneByOne, {}, 0, 2, 0)],
  'pool-cell-outside': [() => explainPoolCell('max', grid2x2, { size: 2 }, 0, 0, 1)],
  'stage-needs-volume': [
    () => runPipeline(vector, [{ op: 'maxpool', size: 1 }]),
    () => runPipeline(grid2x2, [{ op: 'flatten' }, { op: 'avgpool', size: 1 }]),
  ],
  'stages-not-array': [() => runPipeline(vector, 'relu' as never)],
  'stage-op': [() => runStage(vector, { op: 'sigmoid' } as never)],
  'stage-needs-vector': [() => runPipeline(grid2x2, [{ op: 'relu' }, { op: 'softmax' }])],
  'in-stage': [
    () => runPipeline(grid2x2, [{ op: 'maxpool', size: 3 }]),
    () => runPipeline(grid2x2, [{ op: 'maxpool', size: 1, padding: 'full' as never }]),
    () => runPipeline(vector, [{ op: 'dense', weights: [[1]] }]),
  ],
  'model-not-object': [() => resolveModel(5 as never)],
  'layers-not-array': [() => resolveModel({ input: [4, 4, 1], layers: 5 } as never)],
  'model-input': [() => resolveModel({ input: [4, 4], layers: [] } as never)],
  'not-a-layer': [layer(5)],
  'not-a-layer-field': [layer({ type: 'conv2d', filters: 2, kernel: 3, units: 4 })],
  'empty-name': [layer({ type: 'relu', name: '' })],
  'duplicate-name': [
    () =>
      resolveModel({
        input: [4, 4, 1],
        layers: [
          { type: 'relu', name: 'a' },
          { type: 'relu', name: 'a' },
        ],
      }),
  ],
  'dense-needs-flat': [layer({ type: 'dense', units: 3 })],
  'layer-needs-image': [
    () =>
      resolveModel({
        input: [4, 4, 1],
        layers: [{ type: 'flatten' }, { type: 'maxpool', size: 2 }],
      }),
  ],
  'layer-kernel-too-big': [
    layer({ type: 'conv2d', filters: 2, kernel: 5 }),
    layer({ type: 'conv2d', filters: 2, kernel: 3, padding: 1, dilation: 3 }),
  ],
  // Pools have no dilation, and "same" padding always makes room: one wording only.
  'layer-pool-too-big': [layer({ type: 'maxpool', size: 5 })],
  'layer-conv-padding': [layer({ type: 'conv2d', filters: 2, kernel: 3, padding: 'full' })],
  'layer-pool-padding': [layer({ type: 'maxpool', size: 2, padding: 1 })],
  'outsize-too-big': [
    () => outputSize({ n: 3, f: 5 }),
    () => outputSize({ n: 3, f: 2, dilation: 3 }),
  ],
  'bad-pad': [() => outputSize({ n: 3, f: 2, pad: 'big' as never })],
  'too-many-inputs': [() => binaryInputs(11)],
  'no-layers': [() => thresholdNetwork([1], [])],
  'empty-layer': [() => thresholdNetwork([1], [[]])],
  'range-too-big': [() => findThresholdUnit([0, 1], 7)],
  'truth-table-length': [() => findThresholdUnit([0, 1, 1])],
  'not-bit': [() => findThresholdUnit([0, 2])],
  'bad-layout': [() => layoutShape('nhwc', {})],
  'layout-size-missing': [() => layoutShape('HW', { H: 1 })],
  'position-outside': [() => unravelIndex([2, 2], 4)],
  'layouts-differ': [() => convertFlatIndex(0, 'CHW', 'HW', { C: 1, H: 1, W: 1 })],
  'kernel-layout': [() => kernelShape({ kH: 1, kW: 1, cIn: 1, filters: 1, layout: 'tf' as never })],
  'too-many-cells': [
    // Rows shared by reference: the request is big, the test's memory is not.
    () => fromNested('input', new Array(5000).fill(new Array(5000).fill(0))),
    () => conv2dGeometry(grid2x2, oneByOne, { padding: 3000 }),
    () => conv2dGeometry(tensor([1, 1000, 1000]), tensor([20, 1, 1, 1])),
  ],
  'too-much-work': [
    () => conv2dGeometry(tensor([1, 1000, 1000]), tensor([1, 1, 100, 100])),
    () => poolGeometry(tensor([1, 1000, 1000]), { size: 1000, stride: 1, padding: 'same' }),
    () => conv1d(new Array(100_000).fill(1), new Array(100_000).fill(1), { mode: 'full' }),
  ],
  'not-in-range': [
    () => pair('stride', 1e308, 1),
    () => outputSize({ n: 2 ** 53, f: 3 }),
    () => conv2d(grid2x2, oneByOne, { padding: 2_000_000 }),
  ],
  'count-too-big': [
    () => conv2dParams({ kH: 1e6, kW: 1e6, cIn: 1e6, filters: 1e6 }),
    () => resolveModel({ input: [1e6, 1e6, 1e6], layers: [{ type: 'flatten' }] }),
  ],
  'too-deep': [() => fromNested('input', deepList(20))],
  'not-finite-result': [
    () => conv2d(volumeFrom('input', huge2x2), filtersFrom('kernels', [ones2x2], 1)),
    () => avgPool2d(volumeFrom('input', huge2x2), { size: 2 }),
    () => dense([1e308, 1e308], [[1, 1]]),
    () => conv1d([1e308, 1e308], [1, 1]),
  ],
  'dense-weights-shape': [() => denseForward(vector, tensor([2]))],
  'dense-inputs': [
    () => denseForward(vector, tensor([1, 1])),
    () => denseBackward(vector, tensor([1, 3]), tensor([1])),
  ],
  'bias-per-unit': [() => denseForward(vector, tensor([1, 2]), [1, 2])],
  'gradient-per-unit': [() => denseBackward(vector, tensor([1, 2]), tensor([2]))],
  'gradient-per-input': [() => softmaxBackward([1, 2], [1])],
  'layer-without-params': [
    () => forward({ layers: [{ type: 'dense', units: 1 }], params: [] }, vector),
  ],
  'backward-from': [
    () =>
      backward({ layers: [], params: [] }, { input: vector, layers: [], output: vector }, vector, {
        from: 0,
      }),
  ],
  'window-layers': [() => receptiveField(5 as never)],
  'window-layer': [() => receptiveField([5 as never])],
  'data-unreadable': [digitsFrom()],
  'data-not-json': [digitsFrom('{"data": [0.5,')],
  'data-malformed': [digitsFrom('{"data": [0.5]}'), digitsFrom('null')],
  'data-not-unit': [digitsFrom(JSON.stringify({ data: [2, ...new Array(783).fill(0)] }))],
};

function thrown(trigger: () => unknown): unknown {
  try {
    trigger();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('engine errors and the message catalog', () => {
  it('have a trigger here for every code', () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual([...ENGINE_ERROR_CODES].sort());
  });

  it.each(ENGINE_ERROR_CODES)('%s: the catalog words it as the engine does', (code) => {
    for (const trigger of TRIGGERS[code]) {
      const error = thrown(trigger);
      expect(error).toBeInstanceOf(EngineError);
      const e = error as EngineError;
      expect(e.code, e.message).toBe(code);
      expect(errorText(e, en)).toBe(e.message);
    }
  });

  const SAMPLES: Record<PhraseCode, Readonly<Record<string, string | number>>[]> = {
    nothing: [{}],
    array: [{ length: 0 }, { length: 3 }],
    object: [{}],
    type: [{ type: 'boolean' }],
    'empty-list': [{}],
    rank: [0, 1, 2, 3, 4, 5, 6].map((rank) => ({ rank })),
    levels: [{ depth: 4 }],
    length: [{ length: 1 }],
    'pipeline-input': [{}],
    'pipeline-stage': [{ stage: 0, op: 'conv2d' }],
    named: [{ name: 'input' }],
    'padded-input': [{}],
    'op-output': [{ op: 'conv2d' }],
  };

  it.each(PHRASE_CODES)('phrase %s: the catalog words it as the engine does', (code) => {
    expect(SAMPLES[code]).toBeDefined();
    for (const params of SAMPLES[code]) {
      expect(en(`engine.value.${code}`, params)).toBe(String(phrase(code, params as never)));
    }
  });

  /** Errors about the request as a whole (its size, its work, an overflow) name no one field. */
  const ABOUT_THE_WHOLE = new Set<EngineErrorCode>([
    'index-outside',
    'model-not-object',
    'too-many-cells',
    'too-much-work',
    'not-finite-result',
    // A data file's errors name the file, the thing to fix.
    'data-not-json',
    'data-malformed',
    'data-not-unit',
  ]);

  it.each(ENGINE_ERROR_CODES.filter((code) => !ABOUT_THE_WHOLE.has(code)))(
    '%s: the message names the argument it is about',
    (code) => {
      for (const trigger of TRIGGERS[code]) {
        const e = thrown(trigger) as EngineError;
        // `layers[0].kernel` is named as `layers[0]`, the layer the message is about.
        const field = /^[^.[]+(\[\d+\])?/.exec(e.argument)![0];
        expect(e.message).toContain(field);
      }
    },
  );

  it('en.json holds no engine wording: the engine is its one source', () => {
    const file = JSON.parse(
      readFileSync(new URL(`${BASE_LANGUAGE}.json`, MESSAGES_DIR), 'utf8'),
    ) as Record<string, string>;
    expect(Object.keys(file).filter((key) => key.startsWith('engine.'))).toEqual([]);
  });

  it('the catalog has no engine entry without a code', () => {
    const known = new Set([
      ...ENGINE_ERROR_CODES.map((code) => `engine.error.${code}`),
      ...PHRASE_CODES.map((code) => `engine.value.${code}`),
    ]);
    const english = loadCatalogs().get(BASE_LANGUAGE)!;
    expect(
      Object.keys(english).filter((key) => key.startsWith('engine.') && !known.has(key)),
    ).toEqual([]);
  });
});

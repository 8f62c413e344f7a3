/**
 * calc's request runner on random requests, hostile sizes included (paddings of 100,000,
 * strides of 1e308, windows of 1e9, inputs of 25 million cells, sums past the largest
 * double, lists nested 40 deep): every request is an answer or a one-line error, and nothing
 * else is ever thrown. Time is bounded without timing anything: every accepted request is
 * within the work limit the runner counted before running it (a hang would trip the test's
 * own timeout), and its text report is a bounded number of lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/request/error-text.js';
import { RequestError, parseRequest } from '../../src/request/parse-request.js';
import { runRequest, toJson } from '../../src/request/run-request.js';
import { textReport } from '../../src/render/report/text-report.js';
import { EngineError, LIMITS } from '../../src/engine/index.js';
import { createTranslator } from '../../src/i18n/index.js';

const en = createTranslator('en');

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Sizes, strides, paddings: ordinary ones, and every kind the issue found harmful. */
const size = fc.oneof(
  fc.integer({ min: 1, max: 5 }),
  fc.constantFrom(0, -1, 1.5, 100, 3000, 100_000, 1e6, 1e6 + 1, 1e9, 2 ** 53, 1e308),
);
const pairOrSize = fc.oneof(size, fc.tuple(size, size));
const padding = fc.oneof(
  fc.constantFrom('valid', 'same', 'full'),
  size,
  fc.tuple(fc.tuple(size, size), fc.tuple(size, size)),
);

const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, 1e308, -1e308, 1e-308) },
);

/** A rows×cols grid whose rows are one shared array, so huge shapes cost the test nothing. */
const shared = (rows: number, cols: number, v = 1): number[][] =>
  new Array(rows).fill(new Array(cols).fill(v));

const smallGrid = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, cols]) =>
    fc.array(fc.array(value, { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

const inputGrid = fc.oneof(
  { weight: 4, arbitrary: smallGrid },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom([5000, 5000], [600, 600], [1, 20_000], [20_000, 1], [64, 64])
      .map(([r, c]) => shared(r, c)),
  },
);
const kernelGrid = fc.oneof(
  { weight: 4, arbitrary: smallGrid },
  {
    weight: 1,
    arbitrary: fc.constantFrom([1000, 1000], [300, 300], [1, 1]).map(([r, c]) => shared(r, c)),
  },
);
const volume = fc.oneof(
  inputGrid,
  fc.array(smallGrid, { minLength: 1, maxLength: 3 }),
  fc.integer({ min: 2, max: 40 }).map((n) => new Array(n).fill(shared(2, 2, -1))),
);
const list = fc.oneof(
  { weight: 6, arbitrary: fc.array(value, { minLength: 0, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(20_000, 200_000).map((n) => new Array(n).fill(1)) },
);

/** A list nested `depth` levels deep around a number. */
const nested = fc.integer({ min: 0, max: 40 }).map((depth) => {
  let v: unknown = 2;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
});

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const conv2d = fc.record(
  {
    op: fc.constant('conv2d'),
    input: volume,
    kernels: fc.oneof(fc.array(kernelGrid, { minLength: 1, maxLength: 3 }), fc.constant([])),
    bias: optional(fc.array(value, { maxLength: 3 })),
    stride: optional(pairOrSize),
    padding: optional(padding),
    dilation: optional(pairOrSize),
    scale: optional(value),
  },
  { requiredKeys: ['op', 'input', 'kernels'] },
);
const pool = fc.record(
  {
    op: fc.constantFrom('maxpool', 'avgpool'),
    input: volume,
    size: pairOrSize,
    stride: optional(pairOrSize),
    padding: optional(fc.constantFrom('valid', 'same')),
  },
  { requiredKeys: ['op', 'input', 'size'] },
);
const conv1d = fc.record({
  op: fc.constant('conv1d'),
  input: list,
  kernel: list,
  flip: fc.boolean(),
  mode: fc.constantFrom('valid', 'same', 'full'),
});
const relu = fc.record({ op: fc.constant('relu'), input: fc.oneof(volume, nested, list) });
const softmax = fc.record({ op: fc.constant('softmax'), input: list });
const dense = fc.record({
  op: fc.constant('dense'),
  input: list,
  weights: fc.array(list, { minLength: 1, maxLength: 3 }),
});
const outsize = fc.record(
  { op: fc.constant('outsize'), n: size, f: size, stride: size, pad: padding, dilation: size },
  { requiredKeys: ['op', 'n', 'f'] },
);
const params = fc.oneof(
  fc.record({
    op: fc.constant('params'),
    layer: fc.constant('conv2d'),
    kernel: pairOrSize,
    channels: size,
    filters: size,
  }),
  fc.record({ op: fc.constant('params'), layer: fc.constant('dense'), inputs: size, units: size }),
);
const layer = fc.oneof(
  fc.record({ type: fc.constant('conv2d'), filters: size, kernel: pairOrSize, padding }),
  fc.record({ type: fc.constantFrom('maxpool', 'avgpool'), size: pairOrSize }),
  fc.record({ type: fc.constant('flatten') }),
  fc.record({ type: fc.constant('dense'), units: size }),
);
const summary = fc.record({
  op: fc.constant('summary'),
  input: fc.tuple(size, size, size),
  layers: fc.array(layer, { maxLength: 4 }),
});
const stage = fc.oneof(
  fc.record(
    {
      op: fc.constant('conv2d'),
      kernels: fc.array(kernelGrid, { minLength: 1, maxLength: 2 }),
      padding: optional(padding),
      stride: optional(pairOrSize),
    },
    { requiredKeys: ['op', 'kernels'] },
  ),
  fc.record({ op: fc.constantFrom('maxpool', 'avgpool'), size: pairOrSize }),
  fc.record({ op: fc.constantFrom('relu', 'flatten', 'softmax') }),
  fc.record({ op: fc.constant('dense'), weights: fc.array(list, { minLength: 1, maxLength: 2 }) }),
);
const pipeline = fc.record({
  op: fc.constant('pipeline'),
  input: volume,
  stages: fc.array(stage, { maxLength: 4 }),
});

const request = fc.oneof(
  conv2d,
  pool,
  conv1d,
  relu,
  softmax,
  dense,
  outsize,
  params,
  summary,
  pipeline,
);

/** Every number in a `--json` answer is finite: JSON.stringify would write `null` otherwise. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

describe("calc's runner on random and hostile requests", () => {
  it('answers within the work limit, or refuses in one line; nothing else is thrown', () => {
    fc.assert(
      fc.property(request, (r) => {
        let result;
        try {
          result = runRequest(parseRequest(r));
        } catch (error) {
          expect(error instanceof RequestError || error instanceof EngineError, String(error)).toBe(
            true,
          );
          const text = errorText(error, en);
          expect(text).not.toMatch(CONTROL);
          expect(text.length).toBeGreaterThan(0);
          return;
        }
        expect(result.work).toBeLessThanOrEqual(LIMITS.work);
        expect(allFinite(toJson(result))).toBe(true);
        const report = textReport(result, { t: en, ascii: false, color: false, width: 80 });
        expect(report.length).toBeLessThan(5000);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

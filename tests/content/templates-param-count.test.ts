/**
 * The `param-count` and `conv-vs-dense` templates: the lectures' counts (76 per filter and 760
 * for ten 5×5 filters on 3 channels; Keras's 100 for Conv2D(10, 3) on 28×28×1; 3200 dense
 * weights against 288 conv weights), slips, stable variants, and field names in errors.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/content/random.js';
import { convVsDense } from '../../src/content/templates/conv-vs-dense.js';
import { getTemplate } from '../../src/content/templates/index.js';
import { paramCount as template } from '../../src/content/templates/param-count.js';
import type { Question, TemplateText } from '../../src/content/types.js';

const text = (prompt = 'How many?'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});
const ask = (given: unknown, prompt?: string): Question =>
  template.build(template.parseGiven(given), text(prompt));
const value = (q: Question) => (q.expected() as { value: number }).value;
const byId = (q: Question) =>
  Object.fromEntries(q.mistakes().map((m) => [m.id, (m.answer as { value: number }).value]));

describe('param-count: the lectures’ numbers', () => {
  it('ten 5×5 filters on 32×32×3 → 760 (76 per filter)', () => {
    const q = ask({
      layer: 'conv2d',
      input: [32, 32, 3],
      filters: 10,
      kernel: 5,
      stride: 1,
      padding: 2,
    });
    expect(value(q)).toBe((5 * 5 * 3 + 1) * 10);
    expect(value(q)).toBe(760);
    expect(q.solution().map((l) => l.text)).toEqual([
      'solution.params.conv-filter{"kh":5,"kw":5,"c":3,"weights":75}',
      'solution.params.plus-bias{"weights":75,"per":76}',
      'solution.params.times-filters{"per":76,"filters":10,"total":760}',
      'solution.params.conv-size-free',
    ]);
    expect(q.displays.map((d) => (d.type === 'text' ? d.text : ''))).toEqual([
      'Input(shape=(32, 32, 3))',
      'ZeroPadding2D(2)',
      'Conv2D(filters=10, kernel_size=5, strides=1, padding="valid")',
    ]);
  });

  it('Keras Conv2D(10, 3) on 28×28×1 → 100', () => {
    expect(value(ask({ layer: 'conv2d', input: [28, 28, 1], filters: 10, kernel: 3 }))).toBe(100);
  });

  it('a 10×10 image into 32 dense units → 3200 weights; 32 conv 3×3 filters → 288', () => {
    expect(value(ask({ layer: 'dense', input: [10, 10, 1], units: 32, count: 'weights' }))).toBe(
      3200,
    );
    expect(value(ask({ layer: 'dense', inputs: 100, units: 32 }))).toBe(3232);
    expect(
      value(ask({ layer: 'conv2d', input: [10, 10, 1], filters: 32, kernel: 3, count: 'weights' })),
    ).toBe(288);
  });

  it('the lectures’ MNIST network, layer by layer', () => {
    expect(value(ask({ layer: 'conv2d', input: [28, 28, 1], filters: 32, kernel: 3 }))).toBe(320);
    expect(value(ask({ layer: 'conv2d', input: [13, 13, 32], filters: 64, kernel: 3 }))).toBe(
      18496,
    );
    expect(value(ask({ layer: 'dense', inputs: 1600, units: 1024 }))).toBe(1639424);
    expect(value(ask({ layer: 'dense', inputs: 1024, units: 10 }))).toBe(10250);
  });
});

describe('param-count: mistakes', () => {
  it('names each slip with the count it gives', () => {
    expect(byId(ask({ layer: 'conv2d', input: [32, 32, 3], filters: 10, kernel: 5 }))).toEqual({
      'bias-ignored-in-count': 750,
      'bias-per-weight': 1500,
      'channels-not-counted': 260,
      'one-filter-counted': 76,
    });
    expect(byId(ask({ layer: 'dense', input: [10, 10, 1], units: 32, count: 'weights' }))).toEqual({
      'biases-counted': 3232,
      'one-filter-counted': 100,
    });
    expect(byId(ask({ layer: 'dense', input: [4, 4, 3], units: 2 }))).toMatchObject({
      'channels-not-counted': (16 + 1) * 2,
    });
  });

  it('leaves out slips that change nothing', () => {
    const ids = ask({ layer: 'conv2d', input: [8, 8, 1], filters: 1, kernel: 3 })
      .mistakes()
      .map((m) => m.id);
    expect(ids).toEqual(['bias-ignored-in-count', 'bias-per-weight']);
  });
});

describe('param-count: generated variants', () => {
  it('seeds 1–3 draw the same layers in every version', () => {
    const conv = template.parseSettings({
      layer: 'conv2d',
      rows: [8, 64],
      channels: [1, 16],
      filters: [2, 64],
      kernel: [1, 5],
      stride: [1, 2],
      padding: ['valid', 'same'],
    });
    expect([1, 2, 3].map((seed) => template.generate(conv, createRng(seed)))).toEqual([
      {
        layer: 'conv2d',
        input: [32, 32, 13],
        filters: 45,
        kernel: 3,
        stride: 2,
        padding: 'same',
        count: 'params',
      },
      {
        layer: 'conv2d',
        input: [52, 52, 10],
        filters: 5,
        kernel: 5,
        stride: 2,
        padding: 'valid',
        count: 'params',
      },
      {
        layer: 'conv2d',
        input: [31, 31, 10],
        filters: 37,
        kernel: 2,
        stride: 1,
        padding: 'same',
        count: 'params',
      },
    ]);
    const image = template.parseSettings({
      layer: 'dense',
      rows: [4, 16],
      channels: [1, 3],
      units: [8, 64],
    });
    expect([1, 2, 3].map((seed) => template.generate(image, createRng(seed)))).toEqual([
      { layer: 'dense', input: [9, 9, 3], units: 47, count: 'params' },
      { layer: 'dense', input: [14, 14, 2], units: 10, count: 'params' },
      { layer: 'dense', input: [9, 9, 2], units: 40, count: 'params' },
    ]);
    const flat = template.parseSettings({
      layer: 'dense',
      inputs: [10, 64],
      units: [8, 64],
      count: 'weights',
    });
    expect([1, 2, 3].map((seed) => template.generate(flat, createRng(seed)))).toEqual([
      { layer: 'dense', inputs: 33, units: 53, count: 'weights' },
      { layer: 'dense', inputs: 53, units: 40, count: 'weights' },
      { layer: 'dense', inputs: 32, units: 42, count: 'weights' },
    ]);
  });
});

describe('param-count: bad input names the field', () => {
  it.each([
    [{ layer: 'conv2d', input: [2, 2, 1], filters: 4, kernel: 3 }, 'given.kernel', /fit/],
    [{ layer: 'dense', units: 4 }, 'given.inputs', /exactly one of/],
    [{ layer: 'dense', inputs: 4, input: [2, 2, 1], units: 4 }, 'given.inputs', /exactly one of/],
    [{ layer: 'dense', inputs: 4, units: 4, count: 'all' }, 'given.count', /`params` or `weights`/],
    [{ layer: 'pool', inputs: 4 }, 'given.layer', /./],
  ])('%j → %s', (given, field, message) => {
    expect(() => template.parseGiven(given)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });

  it.each([
    [
      { layer: 'conv2d', rows: [2, 8], channels: 1, filters: 2, kernel: 3 },
      'generate.rows',
      /does not fit 2 rows/,
    ],
    [{ layer: 'dense', units: 4 }, 'generate.inputs', /exactly one of/],
    [{ layer: 'dense', inputs: 9, channels: 3, units: 4 }, 'generate.channels', /goes with `rows`/],
  ])('settings %j → %s', (settings, field, message) => {
    expect(() => template.parseSettings(settings)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });
});

describe('conv-vs-dense', () => {
  const compare = (given: unknown) => convVsDense.build(convVsDense.parseGiven(given), text());

  it('the lectures’ 10×10 image: 3200 against 288 weights', () => {
    const q = compare({ input: [10, 10, 1], units: 32, kernel: 3 });
    expect(value(q)).toBeCloseTo(3200 / 288, 12);
    expect(q.tolerance).toBe(0.01);
    expect(q.solution().map((l) => l.text)).toEqual([
      'solution.conv-vs-dense.dense{"inputs":100,"units":32,"weights":3200}',
      'solution.conv-vs-dense.conv{"kernel":3,"c":1,"filters":32,"weights":288}',
      '3200 / 288 = 11.11',
      'solution.conv-vs-dense.why{"pixels":100,"cells":9}',
    ]);
  });

  it('is (H·W)/k² whatever the units and channels', () => {
    for (const [units, c] of [
      [1, 1],
      [7, 3],
      [64, 2],
    ])
      expect(value(compare({ input: [12, 9, c], units, kernel: 3 }))).toBeCloseTo(108 / 9, 12);
  });

  it('names the slips', () => {
    expect(byId(compare({ input: [10, 10, 1], units: 32, kernel: 3 }))).toEqual({
      'biases-counted': 3232 / 320,
      'ratio-inverted': 288 / 3200,
    });
  });

  it('seeds 1–3 draw the same inputs in every version', () => {
    const s = convVsDense.parseSettings({
      rows: [6, 16],
      cols: [6, 16],
      channels: [1, 3],
      units: [8, 64],
      kernel: [3, 5],
    });
    expect([1, 2, 3].map((seed) => convVsDense.generate(s, createRng(seed)))).toEqual([
      { input: [10, 14, 3], units: 37, kernel: 5 },
      { input: [14, 12, 1], units: 62, kernel: 4 },
      { input: [10, 12, 2], units: 26, kernel: 4 },
    ]);
  });

  it('refuses a kernel larger than the image', () => {
    expect(() => convVsDense.parseGiven({ input: [4, 4, 1], units: 2, kernel: 5 })).toThrow(
      expect.objectContaining({ field: 'given.kernel' }),
    );
    expect(() => convVsDense.parseSettings({ rows: [3, 8], units: 2, kernel: 5 })).toThrow(
      expect.objectContaining({ field: 'generate.rows' }),
    );
  });
});

it('is registered as `param-count` and `conv-vs-dense`', () => {
  expect(getTemplate('param-count')).toBe(template);
  expect(getTemplate('conv-vs-dense')).toBe(convVsDense);
});

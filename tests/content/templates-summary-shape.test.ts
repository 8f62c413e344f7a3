/**
 * The `summary-shape` template on the lectures' Keras CNN (tests/fixtures/lectures.ts): every layer's
 * output shape, the working per layer, slips, stable variants, and field names in errors.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/content/random.js';
import { getTemplate } from '../../src/content/templates/index.js';
import { summaryShape as template } from '../../src/content/templates/summary-shape.js';
import type { Question, TemplateText } from '../../src/content/types.js';
import { LECTURE_KERAS_CNN } from '../fixtures/lectures.js';

const text = (prompt = 'Shape?'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});

const mnist = { input: LECTURE_KERAS_CNN.input, layers: LECTURE_KERAS_CNN.layers };
const ask = (layer: number, prompt?: string): Question =>
  template.build(template.parseGiven({ ...mnist, layer }), text(prompt));
const dims = (q: Question) => (q.expected() as { dims: number[] }).dims;
const byId = (q: Question) =>
  Object.fromEntries(q.mistakes().map((m) => [m.id, (m.answer as { dims: number[] }).dims]));

describe('summary-shape: the lectures’ MNIST network', () => {
  // Layer 3: 11 / 2 = 5.5, the incomplete last window is dropped.
  it.each(LECTURE_KERAS_CNN.shapes.map((shape, layer) => [layer, shape]))(
    'layer %i → %j',
    (layer, shape) => {
      expect(dims(ask(layer as number))).toEqual(shape);
    },
  );

  it('fills the prompt, marks the layer asked, and works down to it', () => {
    const q = ask(3, '{index} {name} {class} {input}');
    expect(q.prompt).toBe('4 max_pooling2d_1 MaxPooling2D (28, 28, 1)');
    expect(q.displays.map((d) => (d.type === 'text' ? d.text : ''))).toEqual([
      'Input(shape=(28, 28, 1))',
      'Conv2D(32, 3, activation="relu")',
      'MaxPooling2D(pool_size=2, strides=2)',
      'Conv2D(64, 3, activation="relu")',
      'MaxPooling2D(pool_size=2, strides=2)   ← max_pooling2d_1 ?',
      'Flatten()',
      'Dense(1024, activation="relu")',
      'Dense(10, activation="softmax")',
    ]);
    const lines = q.solution().map((l) => l.text);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('Input: (None, 28, 28, 1)');
    expect(lines[4]).toBe(
      'solution.summary.pool{"name":"max_pooling2d_1","h":"(11 − 2 + 2·0)/2 + 1 = 5.5: does not fit → 5","w":"(11 − 2 + 2·0)/2 + 1 = 5.5: does not fit → 5","shape":"(None, 5, 5, 64)"}',
    );
    expect(ask(4).solution().at(-1)!.text).toBe(
      'solution.summary.flatten{"name":"flatten","h":5,"w":5,"c":64,"size":1600,"shape":"(None, 1600)"}',
    );
  });

  it('names the slips', () => {
    expect(byId(ask(2))).toEqual({
      'channels-from-input': [11, 11, 32],
      'same-instead-of-valid': [14, 14, 64],
    });
    expect(byId(ask(3))).toEqual({
      'rounded-up': [6, 6, 64],
      'same-instead-of-valid': [7, 7, 64],
    });
    expect(byId(ask(4))).toMatchObject({ 'channels-not-counted': [25] });
  });
});

describe('summary-shape: variants and errors', () => {
  it('seeds 1–3 ask the same layers in every version', () => {
    const s = template.parseSettings({
      input: [28, 28, 1],
      layers: [
        { type: 'conv2d', filters: 32, kernel: 3 },
        { type: 'maxpool', size: 2 },
        { type: 'flatten' },
        { type: 'dense', units: 10 },
      ],
      layer: [0, 3],
    });
    expect([1, 2, 3].map((seed) => template.generate(s, createRng(seed)).layer)).toEqual([1, 3, 1]);
    expect(template.generate(s, createRng(1))).toEqual({
      input: s.input,
      layers: s.layers,
      layer: 1,
    });
  });

  it.each([
    [{ ...mnist, layer: 7 }, 'given.layer', /has 7 layers/],
    [
      { input: [28, 28, 1], layers: [{ type: 'dense', units: 10 }], layer: 0 },
      'given.layers[0]',
      /flat input/,
    ],
    [
      { input: [28, 28, 1], layers: [{ type: 'conv2d', filters: 0, kernel: 3 }], layer: 0 },
      'given.layers[0].filters',
      /≥ 1/,
    ],
    [{ input: [28, 28, 1], layers: [], layer: 0 }, 'given.layers', /at least one layer/],
  ])('%j → %s', (given, field, message) => {
    expect(() => template.parseGiven(given)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });

  it('refuses a range of layers outside the model', () => {
    expect(() => template.parseSettings({ ...mnist, layer: [0, 9] })).toThrow(
      expect.objectContaining({ field: 'generate.layer' }),
    );
  });

  it('is registered as `summary-shape`', () => {
    expect(getTemplate('summary-shape')).toBe(template);
  });
});

/**
 * `threshold-unit` and `threshold-network`: answers from the engine against sums worked by
 * hand, the XOR network of the first lesson, recognisable slips, and stable variants.
 */
import { describe, expect, it } from 'vitest';
import { checkQuestion } from '../../src/content/check-question.js';
import { createRng } from '../../src/content/random.js';
import { getTemplate } from '../../src/content/templates/index.js';
import {
  thresholdNetworkTemplate as network,
  thresholdUnitTemplate as unit,
} from '../../src/content/templates/threshold-unit.js';
import type { Question, TemplateText } from '../../src/content/types.js';

const text = (prompt = 'Fires?'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});

const askUnit = (given: unknown, prompt?: string): Question =>
  unit.build(unit.parseGiven(given), text(prompt));
const askNetwork = (given: unknown, prompt?: string): Question =>
  network.build(network.parseGiven(given), text(prompt));

/** By hand, not the engine: Σ w·x ≥ θ. */
const fires = (x: number[], w: number[], theta: number) =>
  x.reduce((s, v, i) => s + v * w[i], 0) >= theta;

describe('threshold-unit', () => {
  it.each([
    [[1, 1, 0], [2, -1, 3], 1],
    [[1, 0], [1, 1], 2],
    [[1, 1], [1, 1], 2],
    [[0, 0], [-1, -1], -1],
    [[1, 1], [-1, -1], -1],
  ])('x = %j, w = %j, θ = %d', (input, weights, threshold) => {
    const q = askUnit({ input, weights, threshold });
    expect(q.kind).toBe('yesno');
    expect(q.expected()).toEqual({ kind: 'yesno', value: fires(input, weights, threshold) });
  });

  it('fills the prompt and shows x, w and θ', () => {
    const q = askUnit(
      { input: [1, 0], weights: [1, 1], threshold: 1 },
      'w = {weights}, θ = {threshold}, x = {input}, {n} inputs',
    );
    expect(q.prompt).toBe('w = [1, 1], θ = 1, x = [1, 0], 2 inputs');
    expect(q.displays.map((d) => (d.type === 'text' ? d.text : ''))).toEqual([
      'x = [1, 0]',
      'w = [1, 1]',
      'θ = 1',
    ]);
  });

  it('writes the sum out and says why', () => {
    expect(
      askUnit({ input: [1, 1, 0], weights: [2, -1, 3], threshold: 1 })
        .solution()
        .map((l) => l.text),
    ).toEqual([
      'Σ w·x = 1*2 + 1*(-1) + 0*3 = 1',
      'solution.threshold.fires{"sum":1,"threshold":1}',
    ]);
  });

  it('names the slips: > instead of ≥, and comparing with 0', () => {
    const byId = (given: unknown) =>
      Object.fromEntries(
        askUnit(given)
          .mistakes()
          .map((m) => [m.id, m.answer]),
      );
    expect(byId({ input: [1, 1, 0], weights: [2, -1, 3], threshold: 1 })).toEqual({
      'threshold-strict': { kind: 'yesno', value: false },
    });
    expect(byId({ input: [1, 0], weights: [1, 1], threshold: 2 })).toEqual({
      'threshold-ignored': { kind: 'yesno', value: true },
    });
  });

  it('refuses a weight count that does not match the inputs', () => {
    expect(() => unit.parseGiven({ input: [1, 0], weights: [1], threshold: 0 })).toThrow(
      /given\.weights.*one weight per input/,
    );
  });

  describe('generated variants', () => {
    const settings = unit.parseSettings({
      inputs: [2, 4],
      weights: { range: [-2, 3] },
      threshold: { range: [-1, 3] },
    });
    const draw = (seed: number) => unit.generate(settings, createRng(seed));

    it('seeds 1–3 draw the same units in every version', () => {
      expect(draw(1)).toEqual({ input: [1, 1, 1], weights: [2, 2, 1], threshold: 3 });
      expect(draw(2)).toEqual({ input: [1, 1, 0, 0], weights: [1, -2, 3, 1], threshold: -1 });
      expect(draw(3)).toEqual({ input: [1, 1, 0], weights: [1, 1, -1], threshold: 0 });
    });

    it('every variant answers as the hand rule does and passes the content checks', () => {
      for (let seed = 1; seed <= 100; seed++) {
        const g = draw(seed);
        const q = unit.build(g, text());
        expect(q.expected()).toEqual({
          kind: 'yesno',
          value: fires(g.input, g.weights, g.threshold),
        });
        expect(checkQuestion(q)).toEqual([]);
      }
    });
  });
});

describe('threshold-network', () => {
  const xor = {
    layers: [
      [
        { weights: [1, 1], threshold: 1 },
        { weights: [-1, -1], threshold: -1 },
      ],
      [{ weights: [1, 1], threshold: 2 }],
    ],
  };

  it('OR and NAND into AND is XOR', () => {
    const q = askNetwork(xor, 'Inputs {inputs}');
    expect(q.prompt).toBe('Inputs (0, 0) (0, 1) (1, 0) (1, 1)');
    expect(q.gridSize).toEqual({ rows: 1, cols: 4 });
    expect(q.expected()).toEqual({ kind: 'grid', rows: [[0, 1, 1, 0]] });
    expect(q.solution().map((l) => l.text)).toEqual([
      'solution.network.header',
      '(0, 0) → (0, 1) → (0)',
      '(0, 1) → (1, 1) → (1)',
      '(1, 0) → (1, 1) → (1)',
      '(1, 1) → (1, 0) → (0)',
      '0 1 1 0',
    ]);
  });

  it('names the slips', () => {
    expect(
      Object.fromEntries(
        askNetwork(xor)
          .mistakes()
          .map((m) => [m.id, m.answer]),
      ),
    ).toEqual({
      'threshold-strict': { kind: 'grid', rows: [[0, 0, 0, 0]] },
      'threshold-ignored': { kind: 'grid', rows: [[1, 1, 1, 1]] },
    });
  });

  it('needs one output unit, and weights that match the layer before', () => {
    expect(() =>
      network.parseGiven({
        layers: [
          [
            { weights: [1, 1], threshold: 1 },
            { weights: [1, 1], threshold: 1 },
          ],
        ],
      }),
    ).toThrow(/given\.layers\[0\].*one output unit/);
    expect(() =>
      network.parseGiven({
        layers: [[{ weights: [1, 1], threshold: 1 }], [{ weights: [1, 1], threshold: 1 }]],
      }),
    ).toThrow(/given\.layers\[1\]\[0\]\.weights/);
  });

  describe('generated variants', () => {
    const settings = network.parseSettings({
      weights: { of: [-1, 1, 2] },
      threshold: { range: [-1, 2] },
    });
    const draw = (seed: number) => network.generate(settings, createRng(seed));

    it('seeds 1–3 draw the same networks in every version', () => {
      expect(draw(1)).toEqual({
        layers: [
          [
            { weights: [-1, -1], threshold: 0 },
            { weights: [1, -1], threshold: 1 },
          ],
          [{ weights: [2, 1], threshold: 2 }],
        ],
      });
      expect(draw(2)).toEqual({
        layers: [
          [
            { weights: [1, 1], threshold: 1 },
            { weights: [1, 2], threshold: 0 },
          ],
          [{ weights: [-1, -1], threshold: -1 }],
        ],
      });
      expect(draw(3)).toEqual({
        layers: [
          [
            { weights: [1, 1], threshold: 1 },
            { weights: [-1, 1], threshold: 1 },
          ],
          [{ weights: [2, -1], threshold: 1 }],
        ],
      });
    });

    it('never draws a network that always gives the same output', () => {
      for (let seed = 1; seed <= 100; seed++) {
        const q = network.build(draw(seed), text());
        const row = (q.expected() as { rows: number[][] }).rows[0];
        expect(new Set(row).size).toBe(2);
        expect(checkQuestion(q)).toEqual([]);
      }
    });
  });

  it('both are registered', () => {
    expect(getTemplate('threshold-unit')).toBe(unit);
    expect(getTemplate('threshold-network')).toBe(network);
  });
});

/**
 * The `pool-shape` template: (H, W, C) after a pooling layer, from the engine, against the
 * lectures' (−, 7, 7, 3) → (−, 4, 4, 3) and the rule worked by hand; stable variants and
 * named mistakes.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/content/random.js';
import { getTemplate } from '../../src/content/templates/index.js';
import { poolShape as template } from '../../src/content/templates/pool-shape.js';
import type { Question, TemplateText } from '../../src/content/types.js';

const text = (prompt = 'Output shape?'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});
const ask = (given: unknown, prompt?: string): Question =>
  template.build(template.parseGiven(given), text(prompt));
const dims = (q: Question) => (q.expected() as { dims: number[] }).dims;

/** ⌊(N − F)/S⌋ + 1 for "valid", ⌈N/S⌉ for "same". */
function byHand(n: number, f: number, s: number, pad: 'valid' | 'same'): number {
  return pad === 'same' ? Math.ceil(n / s) : Math.floor((n - f) / s) + 1;
}

describe('pool-shape', () => {
  it('the lectures: (7, 7, 3) with 2×2 "same" pooling → (4, 4, 3); "valid" → (3, 3, 3)', () => {
    const q = ask(
      { input: [7, 7, 3], size: 2, padding: 'same' },
      '{input}, {size}, {stride}, {padding}',
    );
    expect(dims(q)).toEqual([4, 4, 3]);
    expect(q.prompt).toBe('(7, 7, 3), 2×2, 2, same');
    expect(q.displays).toEqual([
      { type: 'text', text: 'input (H, W, C) = (7, 7, 3)' },
      { type: 'text', text: 'MaxPooling2D(pool_size=2, strides=2, padding="same")' },
    ]);
    expect(
      Object.fromEntries(q.mistakes().map((m) => [m.id, (m.answer as { dims: number[] }).dims])),
    ).toEqual({
      'valid-instead-of-same': [3, 3, 3],
      'truncated-instead-of-ceil': [3, 3, 3],
      'stride-ignored': [7, 7, 3],
    });
    expect(dims(ask({ input: [7, 7, 3], size: 2 }))).toEqual([3, 3, 3]);
  });

  it('the stride defaults to the window size; the Keras MNIST pools 26 → 13 and 11 → 5', () => {
    expect(dims(ask({ input: [26, 26, 32], size: 2 }))).toEqual([13, 13, 32]);
    expect(dims(ask({ input: [11, 11, 64], size: 2, stride: 2 }))).toEqual([5, 5, 64]);
    expect(dims(ask({ input: [4, 4, 1], size: 2, stride: 1 }))).toEqual([3, 3, 1]);
  });

  it('the solution works each axis and keeps the depth', () => {
    expect(
      ask({ input: [7, 5, 2], size: 2 })
        .solution()
        .map((l) => l.text),
    ).toEqual([
      'H: (7 − 2 + 2·0)/2 + 1 = 3.5: does not fit → 3',
      'W: (5 − 2 + 2·0)/2 + 1 = 2.5: does not fit → 2',
      'solution.pool-shape.channels{"channels":2}',
      '(3, 2, 2)',
    ]);
  });

  it('seeds 1–3 draw the same layers in every version, and variants follow the hand rule', () => {
    const s = template.parseSettings({
      rows: [5, 32],
      cols: [5, 32],
      channels: [1, 64],
      size: [2, 3],
      stride: [0, 0, 1, 2],
      padding: ['valid', 'same'],
    });
    const draw = (seed: number) => template.generate(s, createRng(seed));
    expect(draw(1)).toEqual({ input: [16, 27, 45], size: 3, stride: 2, padding: 'same' });
    expect(draw(2)).toEqual({ input: [27, 20, 4], size: 3, stride: 1, padding: 'valid' });
    expect(draw(3)).toEqual({ input: [16, 21, 37], size: 2, padding: 'same' });
    for (let seed = 1; seed <= 100; seed++) {
      const g = draw(seed);
      const f = g.size as number;
      const st = (g.stride as number | undefined) ?? f;
      const pad = g.padding ?? 'valid';
      const q = template.build(g, text());
      expect(dims(q)).toEqual([
        byHand(g.input[0], f, st, pad),
        byHand(g.input[1], f, st, pad),
        g.input[2],
      ]);
      for (const m of q.mistakes()) expect(m.answer).not.toEqual(q.expected());
    }
  });

  it.each([
    [{ input: [7, 7, 3], size: 2, padding: 'full' }, 'given.padding', /`valid` or `same`/],
    [{ input: [1, 7, 3], size: 2 }, 'given.size', /fit/],
    [{ input: [7, 7, 3], size: 2, filters: 4 }, 'given.filters', /unknown field `filters`/],
  ])('%j → %s', (given, field, message) => {
    expect(() => template.parseGiven(given)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });

  it('is registered as `pool-shape`', () => {
    expect(getTemplate('pool-shape')).toBe(template);
  });
});

/**
 * The `keep-padding` template: the lectures' (F − 1)/2 (F = 3 → 1, 5 → 2, 7 → 3), and for
 * dilated kernels the padding checked by running the engine's convolution on a padded picture;
 * slips, stable variants, and refusing kernels whose zeros cannot be shared equally.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/content/random.js';
import { getTemplate } from '../../src/content/templates/index.js';
import { keepPadding as template } from '../../src/content/templates/keep-padding.js';
import type { Question, TemplateText } from '../../src/content/types.js';
import { conv2d, tensor } from '../../src/engine/index.js';
import { LECTURE_KEEP_PADDING } from '../fixtures/lectures.js';

const text = (prompt = 'How many zeros?'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});
const ask = (given: unknown, prompt?: string): Question =>
  template.build(template.parseGiven(given), text(prompt));
const value = (q: Question) => (q.expected() as { value: number }).value;

describe('keep-padding', () => {
  it.each(LECTURE_KEEP_PADDING)('the lectures: F=$f → $each zeros each side', ({ f, each }) => {
    expect(value(ask({ n: 28, f }))).toBe(each);
  });

  it.each([
    [7, 3, 1],
    [28, 5, 1],
    [9, 7, 1],
    [12, 3, 2], // a 3×3 kernel at dilation 2 spans 5 cells
    [12, 5, 2],
    [15, 3, 3],
  ])(
    'N=%i F=%i D=%i: that many zeros each side is the fewest that keep an N×N map N×N',
    (n, f, dilation) => {
      const each = value(ask({ n, f, dilation }));
      // The engine's convolution itself, on a picture padded with that many zeros.
      const side = (pad: number) =>
        conv2d(tensor([1, n, n]), tensor([1, 1, f, f]), { padding: pad, dilation }).shape.slice(1);
      expect(side(each)).toEqual([n, n]);
      expect(side(each - 1)).not.toEqual([n, n]);
    },
  );

  it('checks the answer with the size rule and fills the prompt', () => {
    const q = ask({ n: 7, f: 3 }, '{n} {f} {dilation} {span}');
    expect(q.prompt).toBe('7 3 1 3');
    expect(q.solution().map((l) => l.text)).toEqual([
      'solution.keep-padding.total{"span":3,"total":2}',
      'solution.keep-padding.half{"each":1}',
      '(7 − 3 + 2·1)/1 + 1 = 7',
    ]);
  });

  it('names the slips', () => {
    const ids = (given: unknown) =>
      Object.fromEntries(
        ask(given)
          .mistakes()
          .map((m) => [m.id, (m.answer as { value: number }).value]),
      );
    expect(ids({ n: 28, f: 5 })).toEqual({ 'padding-total': 4 });
    expect(ids({ n: 28, f: 3, dilation: 2 })).toEqual({
      'padding-total': 4,
      'dilation-ignored': 1,
    });
  });

  it('refuses an even total, which cannot go equally on both sides', () => {
    expect(() => template.parseGiven({ n: 8, f: 2 })).toThrow(
      expect.objectContaining({ field: 'given.f', message: expect.stringMatching(/odd kernel/) }),
    );
    expect(() => template.parseSettings({ n: 8, f: [3, 4] })).toThrow(
      expect.objectContaining({ field: 'generate.f' }),
    );
    // An even kernel dilated by 2 spans an odd number of cells, which is fine.
    expect(() => template.parseGiven({ n: 8, f: 2, dilation: 2 })).not.toThrow();
  });

  it('seeds 1–3 draw the same inputs in every version', () => {
    const s = template.parseSettings({ n: [8, 32], f: [3, 5, 7, 9], dilation: [1, 2] });
    expect([1, 2, 3].map((seed) => template.generate(s, createRng(seed)))).toEqual([
      { n: 18, f: 9, dilation: 2 },
      { n: 27, f: 7, dilation: 1 },
      { n: 18, f: 7, dilation: 2 },
    ]);
  });

  it('is registered as `keep-padding`', () => {
    expect(getTemplate('keep-padding')).toBe(template);
  });
});

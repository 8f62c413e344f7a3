/**
 * The `output-size` and `fits` templates: the lectures' output sizes (tests/fixtures/lectures.ts) and
 * TensorFlow's "same" against a hand rule, slips named with the number they give, stable
 * variants, and messages that name the field to fix.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/content/random.js';
import { getTemplate } from '../../src/content/templates/index.js';
import { fitsTemplate, outputSizeTemplate } from '../../src/content/templates/output-size.js';
import type { Question, TemplateText } from '../../src/content/types.js';
import { LECTURE_OUTPUT_SIZES } from '../fixtures/lectures.js';

const text = (prompt = 'How many?'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});

const size = (given: unknown, prompt?: string): Question =>
  outputSizeTemplate.build(outputSizeTemplate.parseGiven(given), text(prompt));
const fits = (given: unknown): Question =>
  fitsTemplate.build(fitsTemplate.parseGiven(given), text());
const value = (q: Question) => (q.expected() as { value: number | boolean }).value;
const byId = (q: Question) =>
  Object.fromEntries(q.mistakes().map((m) => [m.id, (m.answer as { value: unknown }).value]));

/** The lectures' rule worked by hand: ⌊(N − span + 2P)/S⌋ + 1, or ⌈N/S⌉ for "same". */
function byHand(n: number, f: number, s: number, pad: number | 'same', d = 1): number {
  const span = (f - 1) * d + 1;
  return pad === 'same' ? Math.ceil(n / s) : Math.floor((n - span + 2 * pad) / s) + 1;
}

describe('output-size: the lectures’ numbers', () => {
  it.each(LECTURE_OUTPUT_SIZES)(
    'N=$n F=$f S=$stride P=$pad → $size',
    ({ n, f, stride, pad, size: expected }) => {
      expect(byHand(n, f, stride, pad)).toBe(expected);
      expect(value(size({ n, f, stride, pad }))).toBe(expected);
    },
  );

  it.each([
    // [N, F, S, P, size]
    [32, 5, 1, 2, 32],
    [5, 2, 2, 'same', 3], // input A under the 2×2 kernel: one zero, bottom and right
  ] as const)('N=%i F=%i S=%i P=%s → %i', (n, f, stride, pad, expected) => {
    expect(byHand(n, f, stride, pad)).toBe(expected);
    expect(value(size({ n, f, stride, pad }))).toBe(expected);
  });

  it('a 3×3 kernel with dilation 2 spans 5 cells', () => {
    expect(value(size({ n: 7, f: 3, dilation: 2 }))).toBe(3);
    expect(value(size({ n: 9, f: 3, dilation: 2, pad: 'same' }))).toBe(9);
  });

  it('agrees with the hand rule for any drawn layer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant('same' as const)),
        fc.integer({ min: 1, max: 3 }),
        (n, f, stride, pad, dilation) => {
          fc.pre(pad === 'same' || n + 2 * pad >= (f - 1) * dilation + 1);
          const q = size({ n, f, stride, pad, dilation });
          expect(value(q)).toBe(byHand(n, f, stride, pad, dilation));
          for (const m of q.mistakes()) expect(m.answer).not.toEqual(q.expected());
        },
      ),
    );
  });

  it('shows the working and fills the prompt', () => {
    const q = size({ n: 7, f: 3, stride: 3 }, '{n} {f} {stride} {padding} {dilation} {span}');
    expect(q.prompt).toBe('7 3 3 valid 1 3');
    expect(q.displays).toEqual([{ type: 'text', text: 'N = 7   F = 3   S = 3   P = valid' }]);
    expect(q.solution().map((l) => l.text)).toEqual([
      '(7 − 3 + 2·0)/3 + 1 = 2.33…: does not fit → 2',
      'solution.output-size.dropped{"size":2}',
    ]);
    expect(size({ n: 5, f: 2, stride: 2, pad: 'same' }).solution()[0].text).toBe(
      'solution.output-size.same{"n":5,"stride":2,"size":3,"before":0,"after":1}',
    );
  });
});

describe('output-size: mistakes', () => {
  it('names each slip with the number it gives', () => {
    expect(byId(size({ n: 7, f: 3, stride: 3 }))).toEqual({
      'stride-ignored': 5,
      'rounded-up': 3,
      'off-by-one': 1,
    });
    expect(byId(size({ n: 7, f: 3, pad: 1 }))).toEqual({
      'padding-counted-once': 6,
      'padding-ignored': 5,
    });
    // "same" with a stride: rounding N/S down is the slip the lesson warns about.
    expect(byId(size({ n: 7, f: 3, stride: 2, pad: 'same' }))).toMatchObject({
      'truncated-instead-of-ceil': 3,
      'stride-ignored': 7,
    });
    // Ignoring the stride also gives 5 here: one number, one name (the dilation comes first).
    expect(byId(size({ n: 11, f: 3, stride: 2, dilation: 3 }))).toEqual({
      'dilation-ignored': 5,
      'off-by-one': 2,
    });
  });

  it('reports one slip per wrong number, the most specific first', () => {
    // ⌊7/2⌋ = 3 is also the "valid" answer; the truncation is named.
    const ids = size({ n: 7, f: 3, stride: 2, pad: 'same' })
      .mistakes()
      .map((m) => m.id);
    expect(ids).toContain('truncated-instead-of-ceil');
    expect(ids).not.toContain('valid-instead-of-same');
  });
});

describe('fits', () => {
  it.each([
    [7, 3, 1, 0, true],
    [7, 3, 2, 0, true],
    [7, 3, 3, 0, false],
    [9, 3, 3, 0, true],
    [7, 3, 3, 1, true], // (7 − 3 + 2)/3 = 2
  ] as const)('N=%i F=%i S=%i P=%i → %s', (n, f, stride, pad, expected) => {
    expect(value(fits({ n, f, stride, pad }))).toBe(expected);
  });

  it('names the slips that flip the verdict', () => {
    expect(byId(fits({ n: 7, f: 3, stride: 3 }))).toEqual({ 'stride-ignored': true });
    expect(byId(fits({ n: 7, f: 3, stride: 3, pad: 1 }))).toEqual({
      'padding-counted-once': false,
      'padding-ignored': false,
    });
  });

  it('explains the remainder', () => {
    expect(fits({ n: 7, f: 3, stride: 3 }).solution().at(-1)!.text).toBe(
      'solution.fits.no{"numerator":4,"stride":3,"remainder":1,"size":2}',
    );
  });

  it('refuses "same", which fits by design', () => {
    expect(() => fitsTemplate.parseGiven({ n: 7, f: 3, pad: 'same' })).toThrow(
      expect.objectContaining({
        field: 'given.pad',
        message: expect.stringMatching(/fits by design/),
      }),
    );
  });
});

describe('generated variants', () => {
  it('output-size: seeds 1–3 draw the same inputs in every version', () => {
    const s = outputSizeTemplate.parseSettings({
      n: [9, 15],
      f: [2, 5],
      stride: [1, 2, 3],
      pad: [0, 1, 2, 'same'],
      dilation: [1, 2],
    });
    const drawn = [1, 2, 3].map((seed) => outputSizeTemplate.generate(s, createRng(seed)));
    expect(drawn).toEqual([
      { n: 11, f: 5, stride: 3, pad: 2, dilation: 2 },
      { n: 14, f: 4, stride: 1, pad: 'same', dilation: 2 },
      { n: 11, f: 4, stride: 2, pad: 1, dilation: 1 },
    ]);
  });

  it('fits: seeds 1–3 draw the same inputs in every version', () => {
    const s = fitsTemplate.parseSettings({ n: [5, 15], f: [2, 5], stride: [2, 3, 4], pad: [0, 1] });
    const drawn = [1, 2, 3].map((seed) => fitsTemplate.generate(s, createRng(seed)));
    expect(drawn).toEqual([
      { n: 9, f: 5, stride: 4, pad: 1, dilation: 1 },
      { n: 13, f: 4, stride: 2, pad: 1, dilation: 1 },
      { n: 9, f: 4, stride: 3, pad: 0, dilation: 1 },
    ]);
  });

  it('every variant builds, agrees with the hand rule, and has distinct slips', () => {
    const s = outputSizeTemplate.parseSettings({
      n: [9, 15],
      f: [2, 5],
      stride: [1, 2, 3],
      pad: [0, 1, 2, 'same'],
      dilation: [1, 2],
    });
    for (let seed = 1; seed <= 100; seed++) {
      const g = outputSizeTemplate.generate(s, createRng(seed));
      const q = outputSizeTemplate.build(outputSizeTemplate.parseGiven(g), text());
      expect(value(q)).toBe(byHand(g.n, g.f, g.stride!, g.pad as number | 'same', g.dilation));
      const answers = q.mistakes().map((m) => JSON.stringify(m.answer));
      expect(new Set(answers).size).toBe(answers.length);
    }
  });
});

describe('bad input names the field', () => {
  it.each([
    [{ n: 2, f: 3 }, 'given.f', /fit/],
    [{ n: 7, f: 3, stride: 0 }, 'given.stride', /expected a number ≥ 1 \(got 0\)/],
    [{ n: 7, f: 3, pad: 'full' }, 'given.pad', /`valid`, `same` or a whole number/],
    [{ n: 7, f: 3, kernel: 3 }, 'given.kernel', /unknown field `kernel`/],
  ])('%j → %s', (given, field, message) => {
    expect(() => outputSizeTemplate.parseGiven(given)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });

  it.each([
    [{ n: [3, 9], f: 5 }, 'generate.n', /does not fit 3 cells/],
    [{ n: 9, f: 3, dilation: [1, 5] }, 'generate.n', /spanning 11 cells/],
    [{ n: 9, f: 0 }, 'generate.f', /at least 1/],
  ])('settings %j → %s', (settings, field, message) => {
    expect(() => outputSizeTemplate.parseSettings(settings)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });

  it('"same" settings need no room check', () => {
    expect(() =>
      outputSizeTemplate.parseSettings({ n: [1, 4], f: 7, pad: ['same'] }),
    ).not.toThrow();
  });
});

it('is registered as `output-size` and `fits`', () => {
  expect(getTemplate('output-size')).toBe(outputSizeTemplate);
  expect(getTemplate('fits')).toBe(fitsTemplate);
});

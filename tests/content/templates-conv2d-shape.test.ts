/**
 * The `conv2d-shape` template: (H, W, C) answers from the engine against the lectures' shape
 * arithmetic worked by hand (tests/fixtures/lectures.ts), stable variants, recognisable mistakes, and
 * messages that name the field to fix.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/content/random.js';
import { conv2dShape as template } from '../../src/content/templates/conv2d-shape.js';
import { getTemplate } from '../../src/content/templates/index.js';
import type { Question, TemplateText } from '../../src/content/types.js';
import { LECTURE_OUTPUT_SIZES } from '../fixtures/lectures.js';

const text = (prompt = 'Output shape?'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});

const ask = (given: unknown, prompt?: string): Question =>
  template.build(template.parseGiven(given), text(prompt));
const dims = (q: Question) => (q.expected() as { dims: number[] }).dims;

/** The lectures' rule, worked independently of the engine: ⌊(N − F + 2P)/S⌋ + 1, or ⌈N/S⌉ for "same". */
function byHand(n: number, f: number, s: number, pad: number | 'same'): number {
  return pad === 'same' ? Math.ceil(n / s) : Math.floor((n - f + 2 * pad) / s) + 1;
}

describe('conv2d-shape: the lectures’ output sizes', () => {
  it.each(LECTURE_OUTPUT_SIZES)(
    '$n×$n input, $f×$f kernel, stride $stride, padding $pad → $size',
    ({ n, f, stride: s, pad, size }) => {
      expect(byHand(n, f, s, pad)).toBe(size);
      const padding = pad === 0 ? 'valid' : pad;
      expect(dims(ask({ input: [n, n, 1], filters: 4, kernel: f, stride: s, padding }))).toEqual([
        size,
        size,
        4,
      ]);
    },
  );

  it('strides (3, 1) on 9×9 → 3×7', () => {
    expect([byHand(9, 3, 3, 0), byHand(9, 3, 1, 0)]).toEqual([3, 7]);
    expect(dims(ask({ input: [9, 9, 1], filters: 1, kernel: 3, stride: [3, 1] }))).toEqual([
      3, 7, 1,
    ]);
  });

  it('(−, 7, 7, 2) through a (3, 3, 2, 2) kernel → (−, 5, 5, 2)', () => {
    expect(dims(ask({ input: [7, 7, 2], filters: 2, kernel: 3 }))).toEqual([5, 5, 2]);
  });

  it('the solution shows the working per axis, as the lectures write it', () => {
    expect(
      ask({ input: [7, 7, 1], filters: 2, kernel: 3, stride: 3 })
        .solution()
        .map((l) => l.text),
    ).toEqual([
      'H: (7 − 3 + 2·0)/3 + 1 = 2.33…: does not fit → 2',
      'W: (7 − 3 + 2·0)/3 + 1 = 2.33…: does not fit → 2',
      'solution.shape.channels{"filters":2}',
      '(2, 2, 2)',
    ]);
    expect(
      ask({ input: [9, 9, 3], filters: 8, kernel: 3, padding: 'same' }).solution()[0].text,
    ).toBe('solution.shape.same{"top":1,"bottom":1,"left":1,"right":1}');
  });

  it('fills the prompt and shows the layer as Keras code', () => {
    const q = ask(
      { input: [9, 9, 1], filters: 4, kernel: 3, stride: [3, 1], padding: 1 },
      'In {input}, {filters} of {kernel}, stride {stride}, padding {padding}.',
    );
    expect(q.prompt).toBe('In (9, 9, 1), 4 of 3×3, stride 3×1, padding 1.');
    expect(q.kind).toBe('shape');
    expect(q.displays).toEqual([
      { type: 'text', text: 'input (H, W, C) = (9, 9, 1)' },
      { type: 'text', text: 'ZeroPadding2D(1)' },
      { type: 'text', text: 'Conv2D(filters=4, kernel_size=3, strides=(3, 1), padding="valid")' },
    ]);
  });
});

describe('conv2d-shape: mistakes', () => {
  const cases = [
    { input: [7, 7, 1], filters: 2, kernel: 3, stride: 2 },
    { input: [7, 7, 3], filters: 8, kernel: 3, stride: 2, padding: 'same' },
    { input: [9, 9, 1], filters: 4, kernel: 3, stride: [3, 1] },
    { input: [7, 7, 2], filters: 2, kernel: 3 },
    { input: [7, 7, 2], filters: 2, kernel: 3, padding: 1 },
    { input: [28, 20, 3], filters: 16, kernel: 5 },
  ];

  it.each(cases.map((c) => [c]))('every mistake differs from the answer: %j', (given) => {
    const q = ask(given);
    const expected = q.expected();
    expect(q.mistakes().length).toBeGreaterThan(0);
    for (const m of q.mistakes()) expect(m.answer, m.id).not.toEqual(expected);
  });

  it('names each slip with the shape it gives', () => {
    const byId = (given: unknown) =>
      Object.fromEntries(
        ask(given)
          .mistakes()
          .map((m) => [m.id, (m.answer as { dims: number[] }).dims]),
      );
    expect(byId({ input: [7, 7, 3], filters: 2, kernel: 3, stride: 2 })).toEqual({
      'channels-from-input': [3, 3, 3],
      'stride-ignored': [5, 5, 2],
      'same-instead-of-valid': [4, 4, 2],
      'off-by-one': [2, 2, 2],
    });
    expect(byId({ input: [7, 7, 2], filters: 2, kernel: 3, padding: 1 })).toEqual({
      'padding-ignored': [5, 5, 2],
      'off-by-one': [6, 6, 2],
    });
    expect(byId({ input: [28, 20, 3], filters: 16, kernel: 5 })).toMatchObject({
      'rows-columns-swapped': [16, 24, 16],
      'channels-from-input': [24, 16, 3],
    });
    expect(
      byId({ input: [7, 7, 3], filters: 8, kernel: 3, stride: 2, padding: 'same' }),
    ).toMatchObject({
      'valid-instead-of-same': [3, 3, 8],
      'truncated-instead-of-ceil': [3, 3, 8],
    });
  });

  it('leaves out slips that change nothing (square output, channels already equal to filters)', () => {
    const ids = ask({ input: [7, 7, 2], filters: 2, kernel: 3 })
      .mistakes()
      .map((m) => m.id);
    expect(ids).not.toContain('rows-columns-swapped');
    expect(ids).not.toContain('channels-from-input');
  });
});

describe('conv2d-shape: generated variants', () => {
  const settings = template.parseSettings({
    rows: [5, 32],
    cols: [5, 32],
    channels: [1, 3],
    filters: [1, 64],
    kernel: [1, 5],
    stride: [1, 2],
    padding: ['valid', 'same'],
  });
  const draw = (seed: number) => template.generate(settings, createRng(seed));

  it('seeds 1–3 draw the same layers in every version', () => {
    expect(draw(1)).toEqual({
      input: [16, 27, 3],
      filters: 34,
      kernel: 5,
      stride: 2,
      padding: 'same',
    });
    expect(draw(2)).toEqual({
      input: [27, 20, 1],
      filters: 62,
      kernel: 3,
      stride: 1,
      padding: 'same',
    });
    expect(draw(3)).toEqual({
      input: [16, 21, 2],
      filters: 22,
      kernel: 2,
      stride: 2,
      padding: 'same',
    });
  });

  it('variants agree with the hand rule and their mistakes differ from the answer', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const g = draw(seed);
      const q = template.build(template.parseGiven(g), text());
      const [H, W] = g.input;
      const f = g.kernel as number;
      const s = g.stride as number;
      const pad = g.padding === 'same' ? 'same' : 0;
      expect(dims(q)).toEqual([byHand(H, f, s, pad), byHand(W, f, s, pad), g.filters]);
      for (const m of q.mistakes()) expect(m.answer).not.toEqual(q.expected());
    }
  });
});

describe('conv2d-shape: bad input names the field', () => {
  it.each([
    [{ input: [7, 7], filters: 2, kernel: 3 }, 'given.input', /expected at least 3 items/],
    [
      { input: [7, 7, 0], filters: 2, kernel: 3 },
      'given.input[2]',
      /expected a number ≥ 1 \(got 0\)/,
    ],
    [
      { input: [7, 7, 1], filters: 0, kernel: 3 },
      'given.filters',
      /expected a number ≥ 1 \(got 0\)/,
    ],
    [
      { input: [2, 2, 1], filters: 2, kernel: 3 },
      'given.kernel',
      /Expected the kernel \(`kernel` = 3\) to fit/,
    ],
    [
      { input: [7, 7, 1], filters: 2, kernel: 3, padding: 'full' },
      'given.padding',
      /`valid`, `same` or a whole number/,
    ],
    [{ input: [7, 7, 1], filters: 2, kernel: 3, stride: [1, 2, 3] }, 'given.stride', /./],
    [
      { input: [7, 7, 1], filters: 2, kernel: 3, dilation: 2 },
      'given.dilation',
      /unknown field `dilation`/,
    ],
  ])('%j → %s', (given, field, message) => {
    expect(() => template.parseGiven(given)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });

  it.each([
    [{ rows: [2, 9], filters: 4, kernel: 3 }, 'generate.rows', /does not fit 2 rows/],
    [{ rows: 9, cols: [3, 9], filters: 4, kernel: [3, 5] }, 'generate.cols', /does not fit 3 cols/],
    [{ rows: 9, filters: 0, kernel: 3 }, 'generate.filters', /at least 1/],
    [{ rows: 9, filters: 2, kernel: 3, stride: [] }, 'generate.stride', /expected at least 1 item/],
  ])('settings %j → %s', (settings, field, message) => {
    expect(() => template.parseSettings(settings)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });
});

it('is registered as `conv2d-shape`', () => {
  expect(getTemplate('conv2d-shape')).toBe(template);
});

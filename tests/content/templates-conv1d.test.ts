/**
 * The `conv1d` template: the engine's answer against the lecture's 1-D example worked by hand
 * (tests/fixtures/lectures.ts), stable variants, mistakes that can be told apart, and messages that
 * name the field a teacher has to fix.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/content/random.js';
import { conv1dTemplate as template } from '../../src/content/templates/conv1d.js';
import { getTemplate } from '../../src/content/templates/index.js';
import type { AnswerValue, Question, TemplateText } from '../../src/content/types.js';
import {
  STEP_CONVOLUTION,
  STEP_CORRELATION,
  STEP as step,
  STEP_KERNEL as edge,
} from '../fixtures/lectures.js';

/** Messages as `key{params}`, so tests see which message and which numbers were asked for. */
const text = (prompt = 'Compute it.'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});

const ask = (given: unknown, prompt?: string): Question =>
  template.build(template.parseGiven(given), text(prompt));

function expectAllMistakesDiffer(q: Question): void {
  const expected = q.expected();
  for (const m of q.mistakes()) expect(m.answer, m.id).not.toEqual(expected);
}

describe('conv1d: the lectures’ step and edge kernel', () => {
  it('cross-correlation (flip false) matches the hand computation out[n] = −x[n] + x[n+1]', () => {
    const byHand = step.slice(0, -1).map((x, n) => -1 * x + 1 * step[n + 1]);
    expect(byHand).toEqual(STEP_CORRELATION);
    expect(ask({ input: step, kernel: edge }).expected()).toEqual({ kind: 'grid', rows: [byHand] });
  });

  it('true convolution (flip true) reverses the kernel: out[n] = x[n] − x[n+1]', () => {
    const byHand = step.slice(0, -1).map((x, n) => 1 * x + -1 * step[n + 1]);
    expect(byHand).toEqual(STEP_CONVOLUTION);
    expect(ask({ input: step, kernel: edge, flip: true }).expected()).toEqual({
      kind: 'grid',
      rows: [byHand],
    });
  });

  it('the answer is one row as long as the output', () => {
    const q = ask({ input: step, kernel: edge });
    expect(q.kind).toBe('grid');
    expect(q.gridSize).toEqual({ rows: 1, cols: 6 });
    expect(ask({ input: step, kernel: edge, mode: 'full' }).gridSize).toEqual({ rows: 1, cols: 8 });
    expect(ask({ input: step, kernel: edge, mode: 'same' }).gridSize).toEqual({ rows: 1, cols: 7 });
  });

  it('each definition recognises the other as the mistake', () => {
    const library = ask({ input: step, kernel: edge });
    expect(library.mistakes().find((m) => m.id === 'kernel-flipped')?.answer).toEqual({
      kind: 'grid',
      rows: [[0, 0, 0, -1, 0, 0]],
    });
    const textbook = ask({ input: step, kernel: edge, flip: true });
    expect(textbook.mistakes().find((m) => m.id === 'flip-confused')?.answer).toEqual({
      kind: 'grid',
      rows: [[0, 0, 0, 1, 0, 0]],
    });
  });

  it('the solution writes out every position’s products', () => {
    expect(
      ask({ input: step, kernel: edge })
        .solution()
        .map((l) => l.text),
    ).toEqual([
      '[0]: 0*(-1) + 0*1 = 0',
      '[1]: 0*(-1) + 0*1 = 0',
      '[2]: 0*(-1) + 0*1 = 0',
      '[3]: 0*(-1) + 1*1 = 1',
      '[4]: 1*(-1) + 1*1 = 0',
      '[5]: 1*(-1) + 1*1 = 0',
    ]);
    const flipped = ask({ input: step, kernel: edge, flip: true })
      .solution()
      .map((l) => l.text);
    expect(flipped[0]).toBe('solution.conv1d.flipped{"kernel":"[1, -1]"}');
    expect(flipped[4]).toBe('[3]: 0*1 + 1*(-1) = -1');
  });

  it('fills the prompt with the definition and the mode', () => {
    const q = ask(
      { input: step, kernel: edge, flip: true, mode: 'same' },
      'Use {operation}, mode {mode}, {n} in, {length} out.',
    );
    expect(q.prompt).toBe('Use conv1d.operation.convolution, mode same, 7 in, 7 out.');
    expect(q.displays).toEqual([
      { type: 'list', title: 'display.input', values: step },
      { type: 'list', title: 'display.kernel', values: edge },
    ]);
  });
});

describe('conv1d: mistakes', () => {
  it.each([
    ['valid', { input: step, kernel: edge }],
    ['textbook', { input: step, kernel: edge, flip: true }],
    ['same, even kernel', { input: step, kernel: edge, mode: 'same' }],
    ['full', { input: step, kernel: edge, flip: true, mode: 'full' }],
    ['same, odd kernel', { input: [1, 2, 0, 3, 1], kernel: [1, 0, -1], mode: 'same' }],
  ])('every mistake differs from the answer (%s)', (_name, given) => {
    const q = ask(given);
    expect(q.mistakes().length).toBeGreaterThan(0);
    expectAllMistakesDiffer(q);
  });

  it('"same" gets valid-instead-of-same, and the padding on the wrong side when it is uneven', () => {
    const ids = ask({ input: step, kernel: edge, mode: 'same' })
      .mistakes()
      .map((m) => m.id);
    expect(ids).toEqual(['kernel-flipped', 'valid-instead-of-same', 'padding-wrong-side']);
    const odd = ask({ input: [1, 2, 0, 3, 1], kernel: [1, 0, -1], mode: 'same' })
      .mistakes()
      .map((m) => m.id);
    expect(odd).toEqual(['kernel-flipped', 'valid-instead-of-same']);
  });

  it('a flip that changes nothing (a symmetric kernel) is filtered out', () => {
    const ids = ask({ input: [1, 2, 3, 4], kernel: [1, 2, 1] })
      .mistakes()
      .map((m) => m.id);
    expect(ids).not.toContain('kernel-flipped');
  });
});

describe('conv1d: generated variants', () => {
  const settings = template.parseSettings({
    length: [5, 7],
    kernel: [2, 3],
    values: { range: [0, 3] },
    weights: { of: [-1, 0, 1, 2] },
    flip: [true, false],
    mode: ['valid', 'same'],
  });
  const draw = (seed: number) => template.generate(settings, createRng(seed));

  it('seeds 1–3 draw the same inputs in every version', () => {
    expect(draw(1)).toEqual({
      input: [3, 3, 3, 3, 1, 0],
      kernel: [-1, 0, 1],
      flip: false,
      mode: 'same',
    });
    expect(draw(2)).toEqual({
      input: [2, 0, 3, 2, 0, 1, 2],
      kernel: [0, -1, 1],
      flip: true,
      mode: 'same',
    });
    expect(draw(3)).toEqual({
      input: [1, 2, 3, 0, 2, 2],
      kernel: [1, 2, 0],
      flip: false,
      mode: 'valid',
    });
  });

  it('variants pass parseGiven and their mistakes differ from the answer', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const q = template.build(template.parseGiven(draw(seed)), text());
      const expected = q.expected() as Extract<AnswerValue, { kind: 'grid' }>;
      expect(expected.rows[0]).toHaveLength(q.gridSize!.cols);
      expectAllMistakesDiffer(q);
    }
  });
});

describe('conv1d: bad input names the field', () => {
  it.each([
    [{ input: [1, 2], kernel: [1, 2, 3] }, 'given.kernel', /does not fit/],
    [{ input: 'x', kernel: [1] }, 'given.input', /expected a list \(got "x"\)/],
    [{ input: [], kernel: [1] }, 'given.input', /expected at least 1 item/],
    [{ input: [1, 2], kernel: [1], mode: 'wide' }, 'given.mode', /`valid`, `same` or `full`/],
    [{ input: [1, 2], kernel: [1], flip: 'yes' }, 'given.flip', /expected true or false/],
    [{ input: [1, 2], kernel: [1], stride: 2 }, 'given.stride', /unknown field `stride`/],
  ])('%j → %s', (given, field, message) => {
    expect(() => template.parseGiven(given)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });

  it.each([
    [
      { length: [2, 4], kernel: 3, values: { range: [0, 1] }, weights: { of: [1] } },
      'generate.kernel',
      /does not fit/,
    ],
    [
      { length: 5, kernel: 2, values: { range: [0, 1] }, weights: { of: [] } },
      'generate.weights.of',
      /expected at least 1 item/,
    ],
    [
      { length: 5, kernel: 2, values: { range: [0, 1] }, weights: { of: [1] }, mode: [] },
      'generate.mode',
      /./,
    ],
  ])('settings %j → %s', (settings, field, message) => {
    expect(() => template.parseSettings(settings)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });

  it('"same" and "full" never need the kernel to fit', () => {
    expect(() =>
      template.parseSettings({
        length: 2,
        kernel: 3,
        values: { range: [0, 1] },
        weights: { of: [1] },
        mode: ['same', 'full'],
      }),
    ).not.toThrow();
  });
});

it('is registered as `conv1d`', () => {
  expect(getTemplate('conv1d')).toBe(template);
});

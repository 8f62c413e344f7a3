/**
 * The `kernel-match` template: the right option is found by the engine (never stored), it agrees
 * with a hand computation of the lectures' kernels, ambiguous questions are refused, and
 * generated pictures are stable and always tell the options apart.
 */
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../src/content/library.js';
import { createRng } from '../../src/content/random.js';
import { getTemplate } from '../../src/content/templates/index.js';
import { kernelMatch as template } from '../../src/content/templates/kernel-match.js';
import type { Question, TemplateText } from '../../src/content/types.js';
import { ROOT } from '../e2e/pty-session.js';

/** The course library's kernels, as the loader gives them to the template. */
const kernelLibrary = readLibrary(ROOT, []).kernels.filter(
  (k) => !k.id.startsWith('diagonal') && k.id !== 'cross',
);
const context = { kernels: readLibrary(ROOT, []).kernels };
const kernelIds = kernelLibrary.map((k) => k.id);
const getKernel = (id: string) => context.kernels.find((k) => k.id === id);

const text = (prompt = 'Which kernel?', lang = 'en'): TemplateText => ({
  prompt,
  lang,
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});

const ask = (given: unknown, lang?: string): Question =>
  template.build(template.parseGiven(given, context), text(undefined, lang), context);

// A bright 3×3 square on a dark 6×6 background.
const square = [
  [0, 0, 0, 0, 0, 0],
  [0, 9, 9, 9, 0, 0],
  [0, 9, 9, 9, 0, 0],
  [0, 9, 9, 9, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 0],
];

/** Straight from the definition, with zeros outside the picture: not the engine. */
function byHand(picture: number[][], k: readonly (readonly number[])[], scale: number): number[][] {
  return picture.map((row, y) =>
    row.map((_, x) => {
      let sum = 0;
      for (let i = -1; i <= 1; i++)
        for (let j = -1; j <= 1; j++) sum += (picture[y + i]?.[x + j] ?? 0) * k[i + 1][j + 1];
      return sum * scale;
    }),
  );
}

describe('kernel-match: the lectures’ kernels on a bright square', () => {
  it('holds the slides’ matrices', () => {
    expect(kernelIds).toEqual([
      'edge-detection',
      'strong-edge-detection',
      'sharpen',
      'box-blur',
      'gaussian-blur',
      'emboss',
    ]);
    expect(getKernel('sharpen')?.grid).toEqual([
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ]);
    expect(getKernel('gaussian-blur')?.scale).toBe(1 / 16);
    expect(getKernel('box-blur')?.scale).toBe(1 / 9);
  });

  it('shows the output the hand computation gives (sharpen: 27 on the corner, 9 inside)', () => {
    const q = ask({ input: square, kernel: 'sharpen', options: kernelIds, padding: 'same' });
    const shown = q.displays[1];
    expect(shown).toMatchObject({ type: 'grid', title: 'display.output' });
    const grid = (shown as { grid: number[][] }).grid;
    expect(grid[1][1]).toBe(5 * 9 - 9 - 9);
    expect(grid[2][2]).toBe(5 * 9 - 4 * 9);
    expect(grid).toEqual(byHand(square, getKernel('sharpen')!.grid, 1));
  });

  it.each(kernelIds.map((id) => [id]))(
    'the right option for %s is the one the engine matches',
    (id) => {
      const q = ask({ input: square, kernel: id, options: kernelIds, padding: 'same' });
      expect(q.expected()).toEqual({ kind: 'choice', index: kernelIds.indexOf(id) });
      const k = getKernel(id)!;
      const grid = (q.displays[1] as { grid: number[][] }).grid;
      byHand(square, k.grid, k.scale).forEach((row, y) =>
        row.forEach((v, x) => expect(grid[y][x]).toBeCloseTo(v, 12)),
      );
    },
  );

  it('offers the names in the learner’s language and shows every candidate kernel', () => {
    const q = ask(
      { input: square, kernel: 'emboss', options: ['box-blur', 'emboss'], padding: 'same' },
      'pt-BR',
    );
    expect(q.options).toEqual(['Desfoque de caixa', 'Relevo']);
    expect(q.displays.map((d) => (d.type === 'grid' ? d.title : d.type))).toEqual([
      'display.input',
      'display.output',
      'Desfoque de caixa × 1/9',
      'Relevo',
    ]);
    expect(q.mistakes()).toEqual([]);
  });

  it('the solution compares the options on a cell where they disagree', () => {
    const lines = ask({
      input: square,
      kernel: 'sharpen',
      options: ['edge-detection', 'sharpen'],
      padding: 'same',
    })
      .solution()
      .map((l) => l.text);
    expect(lines[0]).toBe('solution.kernel-match.cell{"row":0,"col":1,"value":"-9"}');
    expect(lines[1]).toBe(
      'Edge detection: 0*0 + 0*1 + 0*0 + 0*1 + 0*(-4) + 0*1 + 0*0 + 9*1 + 9*0 = 9',
    );
    expect(lines[2]).toBe(
      'Sharpen: 0*0 + 0*(-1) + 0*0 + 0*(-1) + 0*5 + 0*(-1) + 0*0 + 9*(-1) + 9*0 = -9',
    );
    expect(lines[3]).toBe('solution.kernel-match.answer{"name":"Sharpen"}');
  });
});

describe('kernel-match: ambiguous questions are refused', () => {
  // On a linear ramp every kernel whose weights sum to 1 gives the centre value back.
  const ramp = [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ];

  it('options that agree on the picture name the field and both kernels', () => {
    expect(() =>
      template.parseGiven(
        { input: ramp, kernel: 'sharpen', options: ['sharpen', 'box-blur'] },
        context,
      ),
    ).toThrow(
      expect.objectContaining({
        field: 'given.options',
        message: expect.stringMatching(/`sharpen` and `box-blur` give the same output/),
      }),
    );
    expect(() =>
      template.parseGiven(
        { input: ramp, kernel: 'sharpen', options: ['sharpen', 'emboss'] },
        context,
      ),
    ).not.toThrow();
  });

  it('a generator that can only draw ties says so', () => {
    const s = template.parseSettings(
      {
        rows: 3,
        values: { of: [0] },
        options: ['sharpen', 'emboss'],
      },
      context,
    );
    expect(() => template.generate(s, createRng(1))).toThrow(
      expect.objectContaining({ field: 'generate.values' }),
    );
  });
});

describe('kernel-match: generated variants', () => {
  const settings = template.parseSettings(
    {
      rows: 5,
      values: { of: [0, 9] },
      options: ['edge-detection', 'sharpen', 'box-blur', 'gaussian-blur', 'emboss'],
    },
    context,
  );
  const draw = (seed: number) => template.generate(settings, createRng(seed));
  const options = ['edge-detection', 'sharpen', 'box-blur', 'gaussian-blur', 'emboss'];

  it('seeds 1–3 draw the same pictures and kernels in every version', () => {
    expect(draw(1)).toEqual({
      input: [
        [9, 9, 9, 9, 9],
        [9, 9, 0, 0, 0],
        [0, 9, 0, 9, 9],
        [9, 9, 0, 9, 0],
        [0, 9, 0, 9, 9],
      ],
      kernel: 'box-blur',
      options,
      padding: 'valid',
    });
    expect(draw(2)).toEqual({
      input: [
        [9, 0, 9, 9, 0],
        [9, 9, 0, 0, 9],
        [0, 0, 9, 9, 9],
        [9, 9, 0, 9, 0],
        [9, 0, 0, 0, 9],
      ],
      kernel: 'gaussian-blur',
      options,
      padding: 'valid',
    });
    expect(draw(3)).toEqual({
      input: [
        [9, 9, 0, 0, 9],
        [9, 0, 9, 9, 9],
        [9, 0, 9, 9, 9],
        [0, 0, 0, 9, 0],
        [0, 9, 9, 0, 0],
      ],
      kernel: 'box-blur',
      options,
      padding: 'valid',
    });
  });

  it('redraws a picture that ties from the same stream, so a seed still gives one variant', () => {
    const s = template.parseSettings(
      {
        rows: 3,
        values: { of: [0, 1] },
        options: ['sharpen', 'box-blur', 'gaussian-blur'],
      },
      context,
    );
    for (let seed = 1; seed <= 30; seed++) {
      const a = template.generate(s, createRng(seed));
      expect(template.generate(s, createRng(seed))).toEqual(a);
      expect(() => template.parseGiven(a, context)).not.toThrow();
    }
  });

  it('every variant has exactly one right answer, the drawn kernel', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const given = draw(seed);
      const q = template.build(template.parseGiven(given, context), text(), context);
      expect(q.expected()).toEqual({ kind: 'choice', index: options.indexOf(given.kernel) });
    }
  });
});

describe('kernel-match: bad input names the field', () => {
  it.each([
    [
      { input: square, kernel: 'blur', options: ['sharpen', 'emboss'] },
      'given.kernel',
      /unknown kernel "blur"; expected one of edge-detection/,
    ],
    [
      { input: square, kernel: 'emboss', options: ['sharpen', 'box-blur'] },
      'given.kernel',
      /must be one of `options`/,
    ],
    [{ input: square, kernel: 'emboss', options: ['emboss'] }, 'given.options', /at least two/],
    [
      { input: square, kernel: 'emboss', options: ['emboss', 'emboss'] },
      'given.options',
      /listed twice/,
    ],
    [
      { input: square, kernel: 'emboss', options: ['emboss', 'sharpen'], padding: 'full' },
      'given.padding',
      /`valid`, `same` or a whole number/,
    ],
    [
      {
        input: [
          [1, 2],
          [3, 4],
        ],
        kernel: 'emboss',
        options: ['sharpen', 'emboss'],
      },
      'given.input',
      /does not fit/,
    ],
    [
      { input: [square, square], kernel: 'emboss', options: ['sharpen', 'emboss'] },
      'given.input',
      /single-channel/,
    ],
  ])('%#: → %s', (given, field, message) => {
    expect(() => template.parseGiven(given, context)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });

  it.each([
    [
      { rows: 2, values: { of: [0, 9] }, options: ['sharpen', 'emboss'] },
      'generate.rows',
      /at least 3/,
    ],
    [
      { rows: 5, values: { of: [0, 9] }, options: ['sharpen', 'unsharp'] },
      'generate.options[1]',
      /unknown kernel/,
    ],
  ])('settings %j → %s', (settings, field, message) => {
    expect(() => template.parseSettings(settings, context)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });
});

it('is registered as `kernel-match`, and every library kernel has an English name', () => {
  expect(getTemplate('kernel-match')).toBe(template);
  for (const k of kernelLibrary)
    expect(typeof k.name === 'string' ? k.name : k.name.en).toBeTruthy();
});

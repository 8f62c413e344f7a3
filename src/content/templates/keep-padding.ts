/**
 * "How many zeros on each side keep the size?" (`keep-padding`, a number). At stride 1 a
 * kernel spanning (F−1)·D + 1 cells needs (F−1)·D zeros in all, the lectures' (F−1)/2 on each
 * side for an odd F. The engine's `paddingToKeepSize` gives the split; a question is only
 * asked when both sides get the same number, so "each side" has one answer.
 */
import { z } from 'zod';
import { outputSize, paddingToKeepSize } from '../../engine/index.js';
import type { Rng } from '../random.js';
import type {
  Display,
  MistakeModel,
  Question,
  SolutionLine,
  Template,
  TemplateText,
} from '../types.js';
import { numberSlips } from './answers.js';
import { requireAtLeastOne, whole } from './schemas.js';
import { TemplateError, draw, engineError, fill, intOrRange, parseWith } from './shared.js';

const givenSchema = z.strictObject({
  /** Input length N: the size the output must keep. */
  n: whole,
  /** Kernel length F. */
  f: whole,
  /** Gap D between kernel taps. @default 1 */
  dilation: whole.optional(),
});
export type KeepPaddingGiven = z.infer<typeof givenSchema>;

const settingsSchema = z
  .strictObject({
    /** Input length N. */
    n: intOrRange,
    /** Kernel lengths to draw from; with dilation 1 they must be odd. */
    f: z.array(whole).min(1),
    /** Dilations to draw from. @default [1] */
    dilation: z.array(whole).min(1).optional(),
  })
  .superRefine((s, ctx) => {
    requireAtLeastOne(s, ['n'], ctx);
    for (const f of s.f)
      for (const d of s.dilation ?? [1])
        if (((f - 1) * d) % 2 !== 0)
          ctx.addIssue({
            code: 'custom',
            path: ['f'],
            message: `a kernel of ${f} with dilation ${d} needs an odd number of zeros, which cannot be shared equally by both sides; use odd kernels`,
          });
  });
export type KeepPaddingSettings = z.infer<typeof settingsSchema>;

function parseGiven(value: unknown): KeepPaddingGiven {
  const given = parseWith(givenSchema, value, 'given');
  const d = given.dilation ?? 1;
  try {
    const keep = paddingToKeepSize(given.f, d);
    if (!keep.symmetric)
      throw new TemplateError(
        'given.f',
        `\`given.f\`: a kernel of ${given.f} with dilation ${d} needs ${keep.total} zeros, which cannot be shared equally by both sides; use an odd kernel`,
      );
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw engineError(error, 'given');
  }
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generate(s: KeepPaddingSettings, rng: Rng): KeepPaddingGiven {
  const n = draw(rng, s.n);
  const f = rng.pick(s.f);
  const dilation = s.dilation ? rng.pick(s.dilation) : 1;
  return { n, f, dilation };
}

/** Slips, each `paddingToKeepSize` with one thing changed; only those that differ. */
function mistakes(f: number, d: number): MistakeModel[] {
  const keep = paddingToKeepSize(f, d);
  const { list, add } = numberSlips(keep.before);
  add('padding-total', keep.total);
  if (d !== 1) add('dilation-ignored', paddingToKeepSize(f, 1).before);
  return list;
}

function build(given: KeepPaddingGiven, text: TemplateText): Question {
  const { n, f } = given;
  const d = given.dilation ?? 1;
  const span = (f - 1) * d + 1;
  const parts = [`N = ${n}`, `F = ${f}`, 'S = 1'];
  if (d !== 1) parts.push(`D = ${d}`);
  const displays: Display[] = [{ type: 'text', text: parts.join('   ') }];
  return {
    kind: 'number',
    prompt: fill(text.prompt, { n, f, dilation: d, span }),
    displays,
    tolerance: 0,
    expected: () => ({ kind: 'number', value: paddingToKeepSize(f, d).before }),
    mistakes: () => mistakes(f, d),
    solution: () => {
      const keep = paddingToKeepSize(f, d);
      const lines: SolutionLine[] = [];
      if (d !== 1)
        lines.push({ text: text.t('solution.keep-padding.span', { f, dilation: d, span }) });
      lines.push({
        text: text.t('solution.keep-padding.total', { span, total: keep.total }),
      });
      lines.push({ text: text.t('solution.keep-padding.half', { each: keep.before }) });
      // The check, worked by the engine: with that padding the size comes back unchanged.
      lines.push({ text: outputSize({ n, f, stride: 1, pad: keep.before, dilation: d }).formula });
      return lines;
    },
  };
}

export const keepPadding: Template<KeepPaddingGiven, KeepPaddingSettings> = {
  name: 'keep-padding',
  kind: 'number',
  parseGiven,
  parseSettings: (value) => parseWith(settingsSchema, value, 'generate'),
  generate,
  build,
};

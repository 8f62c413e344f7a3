/**
 * `tensor-size` (number): how many numbers a tensor of a given shape holds.
 */
import { z } from 'zod';
import { layoutPattern } from './layout-shape.js';
import { sizeOf } from '../../engine/index.js';
import type { Rng } from '../random.js';
import type { AnswerValue, Question, Template, TemplateText } from '../types.js';
import { numberSlips } from './answers.js';
import { layoutText, tupleText } from './layer-text.js';
import { whole } from './schemas.js';
import { TemplateError, draw, fill, intOrRange, parseWith } from './shared.js';

// ——— tensor-size: how many numbers ———

const sizeGivenSchema = z
  .strictObject({
    /** The sizes of the axes. */
    shape: z.array(whole).min(1).max(5),
    /** Axis letters for the prompt, e.g. `HWC`; one per axis. */
    layout: z
      .string()
      .regex(layoutPattern, { error: 'expected distinct axis letters from N, C, H, W' })
      .optional(),
  })
  .refine((g) => g.layout === undefined || g.layout.length === g.shape.length, {
    path: ['layout'],
    error: 'give one axis letter per size in `shape`',
  });
export type TensorSizeGiven = z.infer<typeof sizeGivenSchema>;

const sizeSettingsSchema = z
  .strictObject({
    /** Axis letters, e.g. `HWC` or `NHWC`. */
    layout: z
      .string()
      .regex(layoutPattern, { error: 'expected distinct axis letters from N, C, H, W' }),
    /** A size (or range) per letter. */
    sizes: z.record(z.string(), intOrRange),
  })
  .superRefine((s, ctx) => {
    for (const a of s.layout)
      if (!(a in s.sizes))
        ctx.addIssue({ code: 'custom', path: ['sizes'], message: `give a size for axis ${a}` });
  });
export type TensorSizeSettings = z.infer<typeof sizeSettingsSchema>;

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generateSize(s: TensorSizeSettings, rng: Rng): TensorSizeGiven {
  const dims = [...s.layout].map((a) => draw(rng, s.sizes[a]));
  if (dims.some((d) => d < 1))
    throw new TemplateError('generate.sizes', '`generate.sizes`: every size must be at least 1.');
  return { shape: dims, layout: s.layout };
}

function buildSize(given: TensorSizeGiven, text: TemplateText): Question {
  const dims = given.shape;
  const number = (value: number): AnswerValue => ({ kind: 'number', value });
  const letters = given.layout ? [...given.layout] : [];
  const perAxis = Object.fromEntries(letters.map((a, i) => [a.toLowerCase(), dims[i]]));
  const without = (axis: string) => dims.filter((_, i) => letters[i] !== axis);
  return {
    kind: 'number',
    prompt: fill(text.prompt, {
      shape: tupleText(dims),
      dims: dims.join('×'),
      layout: given.layout ? layoutText(given.layout) : '',
      ...perAxis,
    }),
    displays: given.layout
      ? [{ type: 'text', text: `${layoutText(given.layout)} = ${tupleText(dims)}` }]
      : [],
    tolerance: 0,
    expected: () => number(sizeOf(dims)),
    mistakes: () => {
      const { list, add } = numberSlips(sizeOf(dims));
      add(
        'sum-instead-of-product',
        dims.reduce((a, b) => a + b, 0),
      );
      if (letters.includes('C')) add('channels-not-counted', sizeOf(without('C')));
      if (letters.includes('N')) add('batch-forgotten', sizeOf(without('N')));
      return list;
    },
    solution: () => [{ text: `${dims.join(' × ')} = ${sizeOf(dims)}` }],
  };
}

export const tensorSize: Template<TensorSizeGiven, TensorSizeSettings> = {
  name: 'tensor-size',
  kind: 'number',
  parseGiven: (value) => parseWith(sizeGivenSchema, value, 'given'),
  parseSettings: (value) => parseWith(sizeSettingsSchema, value, 'generate'),
  generate: generateSize,
  build: buildSize,
};

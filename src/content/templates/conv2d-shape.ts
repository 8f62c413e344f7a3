/**
 * "What shape comes out of this Conv2D layer?" (`conv2d-shape`). Shapes are written
 * (H, W, C), channels last, as Keras prints them; the prompt must say so. Height and width
 * come from the engine's one-axis output size (the same rule its conv2d uses), the depth is
 * the number of filters.
 */
import { z } from 'zod';
import type { Rng } from '../random.js';
import type { Display, MistakeModel, Question, Template, TemplateText } from '../types.js';
import { shapeAnswer } from './answers.js';
import { conv2dKerasLines, imageParams, inputLine } from './layer-text.js';
import {
  type Padding,
  imageShape,
  padding,
  pairOf,
  pairOrWhole,
  requireAtLeastOne,
  requireKernelFits,
  whole,
} from './schemas.js';
import { draw, drawImageSize, engineError, fill, intOrRange, parseWith } from './shared.js';
import { axisLines, windowAxes, windowShapeSlips } from './window.js';

const givenSchema = z.strictObject({
  /** The input as (H, W, C). */
  input: imageShape,
  /** Number of filters: the depth of the output. */
  filters: whole,
  /** Kernel size: a whole number (square) or [rows, columns]. */
  kernel: pairOrWhole,
  /** @default 1 */
  stride: pairOrWhole.optional(),
  /** `valid`, `same` (TensorFlow's rule) or zeros on every side. @default 'valid' */
  padding: padding.optional(),
});
export type Conv2dShapeGiven = z.infer<typeof givenSchema>;

const settingsSchema = z
  .strictObject({
    /** Input height H. */
    rows: intOrRange,
    /** Input width W. @default rows (a square input) */
    cols: intOrRange.optional(),
    /** Input channels C. @default 1 */
    channels: intOrRange.optional(),
    filters: intOrRange,
    /** Square kernel size. */
    kernel: intOrRange,
    /** Strides to draw from. @default [1] */
    stride: z.array(whole).min(1).optional(),
    /** Paddings to draw from. @default ['valid'] */
    padding: z.array(padding).min(1).optional(),
  })
  .superRefine((s, ctx) => {
    requireAtLeastOne(s, ['rows', 'cols', 'channels', 'filters', 'kernel'], ctx);
    // Padding only adds room, so the smallest input with no padding is the case to check.
    requireKernelFits(s, ['rows', 'cols'], ctx);
  });
export type Conv2dShapeSettings = z.infer<typeof settingsSchema>;

interface Parsed {
  H: number;
  W: number;
  C: number;
  filters: number;
  kH: number;
  kW: number;
  sH: number;
  sW: number;
  padding: Padding;
}

function resolve(g: Conv2dShapeGiven): Parsed {
  const [kH, kW] = pairOf(g.kernel);
  const [sH, sW] = pairOf(g.stride);
  const [H, W, C] = g.input;
  return { H, W, C, filters: g.filters, kH, kW, sH, sW, padding: g.padding ?? 'valid' };
}

function parseGiven(value: unknown): Conv2dShapeGiven {
  const given = parseWith(givenSchema, value, 'given');
  try {
    windowAxes(resolve(given));
  } catch (error) {
    // The engine names `f` (the kernel does not fit); say it in the file's words.
    throw engineError(error, 'given', 'kernel');
  }
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generate(s: Conv2dShapeSettings, rng: Rng): Conv2dShapeGiven {
  const [rows, cols, channels] = drawImageSize(rng, s);
  const filters = draw(rng, s.filters);
  const kernel = draw(rng, s.kernel);
  const stride = s.stride ? rng.pick(s.stride) : 1;
  const pad = s.padding ? rng.pick(s.padding) : 'valid';
  return { input: [rows, cols, channels], filters, kernel, stride, padding: pad };
}

function shape(h: number, w: number, c: number) {
  return shapeAnswer([h, w, c]);
}

/** The answers common mistakes give, each the engine's rule with one thing changed. */
function mistakeAnswers(p: Parsed): MistakeModel[] {
  const [h, w] = windowAxes(p);
  const { list, add } = windowShapeSlips(shape(h.size, w.size, p.filters));
  // Most specific first: when two slips give the same shape, the first one is reported.
  add('channels-from-input', () => shape(h.size, w.size, p.C));
  add('rows-columns-swapped', () => shape(w.size, h.size, p.filters));
  if (p.sH !== 1 || p.sW !== 1)
    add('stride-ignored', () => {
      const [h1, w1] = windowAxes(p, p.padding, 1, 1);
      return shape(h1.size, w1.size, p.filters);
    });
  if (p.padding === 'same') {
    add('valid-instead-of-same', () => {
      const [hv, wv] = windowAxes(p, 'valid');
      return shape(hv.size, wv.size, p.filters);
    });
    // SAME gives ⌈N/S⌉; rounding N/S down instead is the usual slip.
    if (p.H % p.sH !== 0 || p.W % p.sW !== 0)
      add('truncated-instead-of-ceil', () =>
        shape(Math.floor(p.H / p.sH), Math.floor(p.W / p.sW), p.filters),
      );
  } else if (p.padding === 'valid') {
    add('same-instead-of-valid', () => {
      const [hs, ws] = windowAxes(p, 'same');
      return shape(hs.size, ws.size, p.filters);
    });
  } else if (p.padding > 0) {
    add('padding-ignored', () => {
      const [hv, wv] = windowAxes(p, 'valid');
      return shape(hv.size, wv.size, p.filters);
    });
  }
  // Forgetting the "+ 1": (N − F + 2P)/S alone.
  add('off-by-one', () =>
    shape(
      Math.floor(h.numerator / h.denominator),
      Math.floor(w.numerator / w.denominator),
      p.filters,
    ),
  );
  return list;
}

function build(given: Conv2dShapeGiven, text: TemplateText): Question {
  const p = resolve(given);
  const pad = p.padding;
  // The layer as Keras code: words a learner may meet in a notebook, in no one language.
  const displays: Display[] = [
    { type: 'text', text: inputLine(p.H, p.W, p.C) },
    ...conv2dKerasLines(p).map((line): Display => ({ type: 'text', text: line })),
  ];
  return {
    kind: 'shape',
    prompt: fill(text.prompt, {
      ...imageParams(p.H, p.W, p.C),
      filters: p.filters,
      kernel: `${p.kH}×${p.kW}`,
      stride: p.sH === p.sW ? p.sH : `${p.sH}×${p.sW}`,
      padding: typeof pad === 'string' ? pad : String(pad),
    }),
    displays,
    tolerance: 0,
    expected: () => {
      const [h, w] = windowAxes(p);
      return shape(h.size, w.size, p.filters);
    },
    mistakes: () => mistakeAnswers(p),
    solution: () => {
      const [h, w] = windowAxes(p);
      const lines = axisLines(h, w, pad, text.t);
      lines.push({ text: text.t('solution.shape.channels', { filters: p.filters }) });
      lines.push({ text: `(${h.size}, ${w.size}, ${p.filters})` });
      return lines;
    },
  };
}

export const conv2dShape: Template<Conv2dShapeGiven, Conv2dShapeSettings> = {
  name: 'conv2d-shape',
  kind: 'shape',
  parseGiven,
  parseSettings: (value) => parseWith(settingsSchema, value, 'generate'),
  generate,
  build,
};

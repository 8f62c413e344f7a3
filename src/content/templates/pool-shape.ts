/**
 * "What shape comes out of this pooling layer?" (`pool-shape`). Shapes are written (H, W, C),
 * channels last, as Keras prints them; the prompt must say so. Height and width come from the
 * engine's one-axis output size with the window as the kernel (the rule its pooling uses); the
 * stride defaults to the window size, and the depth does not change, since every channel is
 * pooled on its own.
 */
import { z } from 'zod';
import type { Rng } from '../random.js';
import type { Display, MistakeModel, Question, Template, TemplateText } from '../types.js';
import { shapeAnswer } from './answers.js';
import { imageParams, inputLine, pairText } from './layer-text.js';
import { imageShape, pairOf, pairOrWhole } from './schemas.js';
import { draw, drawImageSize, engineError, fill, intOrRange, parseWith } from './shared.js';
import { axisLines, windowAxes, windowShapeSlips } from './window.js';

const padding = z.union([z.literal('valid'), z.literal('same')], {
  error: 'expected `valid` or `same`',
});
const op = z.union([z.literal('max'), z.literal('average')], {
  error: 'expected `max` or `average`',
});

const givenSchema = z.strictObject({
  /** The input as (H, W, C). */
  input: imageShape,
  /** Window size: a whole number (square) or [rows, columns]. */
  size: pairOrWhole,
  /** @default the window size */
  stride: pairOrWhole.optional(),
  /** @default 'valid' */
  padding: padding.optional(),
  /** Only names the Keras layer shown. @default 'max' */
  op: op.optional(),
});
export type PoolShapeGiven = z.infer<typeof givenSchema>;

const settingsSchema = z.strictObject({
  rows: intOrRange,
  /** @default rows (a square input) */
  cols: intOrRange.optional(),
  /** @default 1 */
  channels: intOrRange.optional(),
  /** Square window size. */
  size: intOrRange,
  /** Strides to draw from; `0` stands for "the window size" (the default). @default [0] */
  stride: z.array(z.number().int().min(0)).min(1).optional(),
  /** @default ['valid'] */
  padding: z.array(padding).min(1).optional(),
  op: op.optional(),
});
export type PoolShapeSettings = z.infer<typeof settingsSchema>;

interface Parsed {
  H: number;
  W: number;
  C: number;
  kH: number;
  kW: number;
  sH: number;
  sW: number;
  padding: 'valid' | 'same';
  op: 'max' | 'average';
}

function resolve(g: PoolShapeGiven): Parsed {
  const [kH, kW] = pairOf(g.size);
  const [sH, sW] = pairOf(g.stride, [kH, kW]);
  const [H, W, C] = g.input;
  return { H, W, C, kH, kW, sH, sW, padding: g.padding ?? 'valid', op: g.op ?? 'max' };
}

function parseGiven(value: unknown): PoolShapeGiven {
  const given = parseWith(givenSchema, value, 'given');
  try {
    windowAxes(resolve(given));
  } catch (error) {
    throw engineError(error, 'given', 'size');
  }
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generate(s: PoolShapeSettings, rng: Rng): PoolShapeGiven {
  const [rows, cols, channels] = drawImageSize(rng, s);
  const size = draw(rng, s.size);
  const stride = s.stride ? rng.pick(s.stride) : 0;
  const pad = s.padding ? rng.pick(s.padding) : 'valid';
  return {
    input: [rows, cols, channels],
    size,
    ...(stride === 0 ? {} : { stride }),
    padding: pad,
    ...(s.op ? { op: s.op } : {}),
  };
}

function shape(h: number, w: number, c: number) {
  return shapeAnswer([h, w, c]);
}

function mistakeAnswers(p: Parsed): MistakeModel[] {
  const [h, w] = windowAxes(p);
  const { list, add } = windowShapeSlips(shape(h.size, w.size, p.C));
  if (p.padding === 'same') {
    add('valid-instead-of-same', () => {
      const [a, b] = windowAxes(p, 'valid');
      return shape(a.size, b.size, p.C);
    });
    if (p.H % p.sH !== 0 || p.W % p.sW !== 0)
      add('truncated-instead-of-ceil', () =>
        shape(Math.floor(p.H / p.sH), Math.floor(p.W / p.sW), p.C),
      );
  } else {
    add('same-instead-of-valid', () => {
      const [a, b] = windowAxes(p, 'same');
      return shape(a.size, b.size, p.C);
    });
  }
  if (p.sH !== 1 || p.sW !== 1)
    add('stride-ignored', () => {
      const [a, b] = windowAxes(p, p.padding, 1, 1);
      return shape(a.size, b.size, p.C);
    });
  add('rows-columns-swapped', () => shape(w.size, h.size, p.C));
  return list;
}

function build(given: PoolShapeGiven, text: TemplateText): Question {
  const p = resolve(given);
  const layer = p.op === 'max' ? 'MaxPooling2D' : 'AveragePooling2D';
  const displays: Display[] = [
    { type: 'text', text: inputLine(p.H, p.W, p.C) },
    {
      type: 'text',
      text: `${layer}(pool_size=${pairText(p.kH, p.kW)}, strides=${pairText(p.sH, p.sW)}, padding="${p.padding}")`,
    },
  ];
  return {
    kind: 'shape',
    prompt: fill(text.prompt, {
      ...imageParams(p.H, p.W, p.C),
      size: `${p.kH}×${p.kW}`,
      stride: p.sH === p.sW ? p.sH : `${p.sH}×${p.sW}`,
      padding: p.padding,
    }),
    displays,
    tolerance: 0,
    expected: () => {
      const [h, w] = windowAxes(p);
      return shape(h.size, w.size, p.C);
    },
    mistakes: () => mistakeAnswers(p),
    solution: () => {
      const [h, w] = windowAxes(p);
      const lines = axisLines(h, w, p.padding, text.t);
      lines.push({ text: text.t('solution.pool-shape.channels', { channels: p.C }) });
      lines.push({ text: `(${h.size}, ${w.size}, ${p.C})` });
      return lines;
    },
  };
}

export const poolShape: Template<PoolShapeGiven, PoolShapeSettings> = {
  name: 'pool-shape',
  kind: 'shape',
  parseGiven,
  parseSettings: (value) => parseWith(settingsSchema, value, 'generate'),
  generate,
  build,
};

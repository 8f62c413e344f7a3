/**
 * "How many times as many weights does a dense layer need?" (`conv-vs-dense`, a number). The
 * same image goes into U dense units or into U conv filters of k×k; the engine counts both
 * (`denseParams`, `conv2dParams`, weights only) and the answer is their quotient, H·W/k²
 * whatever U and C are: a dense unit reads every pixel, a filter only its window.
 */
import { z } from 'zod';
import { conv2dParams, denseParams, plainNumber } from '../../engine/index.js';
import type { Rng } from '../random.js';
import type { Display, MistakeModel, Question, Template, TemplateText } from '../types.js';
import { imageParams } from './layer-text.js';
import { imageShape, requireAtLeastOne, requireKernelFits, whole } from './schemas.js';
import { TemplateError, draw, drawImageSize, fill, intOrRange, parseWith } from './shared.js';

const givenSchema = z.strictObject({
  /** The image as (H, W, C). */
  input: imageShape,
  /** Dense units, and as many conv filters. */
  units: whole,
  /** Square kernel side of the filters. */
  kernel: whole,
});
export type ConvVsDenseGiven = z.infer<typeof givenSchema>;

const settingsSchema = z
  .strictObject({
    rows: intOrRange,
    /** @default rows (a square image) */
    cols: intOrRange.optional(),
    /** @default 1 */
    channels: intOrRange.optional(),
    units: intOrRange,
    kernel: intOrRange,
  })
  .superRefine((s, ctx) => {
    requireAtLeastOne(s, ['rows', 'cols', 'channels', 'units', 'kernel'], ctx);
    requireKernelFits(s, ['rows', 'cols'], ctx);
  });
export type ConvVsDenseSettings = z.infer<typeof settingsSchema>;

function parseGiven(value: unknown): ConvVsDenseGiven {
  const given = parseWith(givenSchema, value, 'given');
  const [H, W] = given.input;
  if (given.kernel > Math.min(H, W))
    throw new TemplateError(
      'given.kernel',
      `\`given.kernel\`: a ${given.kernel}×${given.kernel} kernel does not fit a ${H}×${W} image`,
    );
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generate(s: ConvVsDenseSettings, rng: Rng): ConvVsDenseGiven {
  const [rows, cols, channels] = drawImageSize(rng, s);
  const units = draw(rng, s.units);
  const kernel = draw(rng, s.kernel);
  return { input: [rows, cols, channels], units, kernel };
}

function counts(g: ConvVsDenseGiven) {
  const [H, W, C] = g.input;
  const dense = denseParams({ inputs: H * W * C, units: g.units });
  const conv = conv2dParams({ kH: g.kernel, kW: g.kernel, cIn: C, filters: g.units });
  return { dense, conv };
}

function build(given: ConvVsDenseGiven, text: TemplateText): Question {
  const [H, W, C] = given.input;
  const k = given.kernel;
  const displays: Display[] = [
    { type: 'text', text: `Input(shape=(${H}, ${W}, ${C}))` },
    { type: 'text', text: `Flatten() → Dense(units=${given.units})` },
    { type: 'text', text: `Conv2D(filters=${given.units}, kernel_size=${k})` },
  ];
  return {
    kind: 'number',
    prompt: fill(text.prompt, {
      ...imageParams(H, W, C),
      units: given.units,
      filters: given.units,
      kernel: `${k}×${k}`,
    }),
    displays,
    tolerance: 0.01,
    expected: () => {
      const { dense, conv } = counts(given);
      return { kind: 'number', value: dense.weights / conv.weights };
    },
    mistakes: () => {
      const { dense, conv } = counts(given);
      const expected = dense.weights / conv.weights;
      const out: MistakeModel[] = [];
      const add = (id: MistakeModel['id'], value: number) => {
        if (Math.abs(value - expected) > 0.01) out.push({ id, answer: { kind: 'number', value } });
      };
      // Whole parameter counts (biases included) instead of weights.
      add('biases-counted', dense.total / conv.total);
      // The same two counts, divided the other way round.
      add('ratio-inverted', conv.weights / dense.weights);
      return out;
    },
    solution: () => {
      const { dense, conv } = counts(given);
      return [
        {
          text: text.t('solution.conv-vs-dense.dense', {
            inputs: H * W * C,
            units: given.units,
            weights: dense.weights,
          }),
        },
        {
          text: text.t('solution.conv-vs-dense.conv', {
            kernel: k,
            c: C,
            filters: given.units,
            weights: conv.weights,
          }),
        },
        {
          text: `${dense.weights} / ${conv.weights} = ${plainNumber(dense.weights / conv.weights, 2)}`,
        },
        { text: text.t('solution.conv-vs-dense.why', { pixels: H * W, cells: k * k }) },
      ];
    },
  };
}

export const convVsDense: Template<ConvVsDenseGiven, ConvVsDenseSettings> = {
  name: 'conv-vs-dense',
  kind: 'number',
  parseGiven,
  parseSettings: (value) => parseWith(settingsSchema, value, 'generate'),
  generate,
  build,
};

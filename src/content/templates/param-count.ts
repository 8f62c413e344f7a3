/**
 * "How many numbers does this layer learn?" (`param-count`, a number) for a Conv2D or a Dense
 * layer, as the engine's `conv2dParams` / `denseParams` count them. `count: weights` leaves the
 * biases out (the lectures' "3200 weights" against "288 weights"); the default counts
 * everything, as Keras's `Param #` does.
 */
import { z } from 'zod';
import {
  type Conv2dParams,
  type DenseParams,
  conv2dParams,
  denseParams,
} from '../../engine/index.js';
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
import { conv2dKerasLines, imageParams } from './layer-text.js';
import {
  imageShape,
  padding,
  pairOf,
  pairOrWhole,
  requireAtLeastOne,
  requireKernelFits,
  whole,
} from './schemas.js';
import { draw, engineError, fill, intOrRange, parseWith } from './shared.js';
import { windowAxes } from './window.js';

/** `params`: weights and biases (Keras's `Param #`); `weights`: the weights alone. */
const count = z.enum(['params', 'weights'], { error: 'expected `params` or `weights`' });

const convGiven = z.strictObject({
  layer: z.literal('conv2d'),
  /** The input as (H, W, C); only C changes the count. */
  input: imageShape,
  filters: whole,
  /** Kernel side, or [rows, columns]. */
  kernel: pairOrWhole,
  /** Shown with the layer; never changes the count. @default 1 */
  stride: pairOrWhole.optional(),
  /** Shown with the layer; never changes the count. @default 'valid' */
  padding: padding.optional(),
  /** @default 'params' */
  count: count.optional(),
});

const denseGiven = z
  .strictObject({
    layer: z.literal('dense'),
    /** An image (H, W, C) that is flattened first … */
    input: imageShape.optional(),
    /** … or the number of inputs directly. */
    inputs: whole.optional(),
    units: whole,
    /** @default 'params' */
    count: count.optional(),
  })
  .refine((g) => (g.input === undefined) !== (g.inputs === undefined), {
    error: 'give exactly one of `input` (an image [H, W, C]) and `inputs` (a number)',
    path: ['inputs'],
  });

const givenSchema = z.discriminatedUnion('layer', [convGiven, denseGiven]);
export type ParamCountGiven = z.infer<typeof givenSchema>;

const convSettings = z
  .strictObject({
    layer: z.literal('conv2d'),
    /** Side of the square input. */
    rows: intOrRange,
    channels: intOrRange,
    filters: intOrRange,
    /** Square kernel side. */
    kernel: intOrRange,
    /** Strides to draw from (shown, never counted). @default [1] */
    stride: z.array(whole).min(1).optional(),
    /** Paddings to draw from (shown, never counted). @default ['valid'] */
    padding: z.array(padding).min(1).optional(),
    count: count.optional(),
  })
  .superRefine((s, ctx) => {
    requireAtLeastOne(s, ['rows', 'channels', 'filters', 'kernel'], ctx);
    requireKernelFits(s, ['rows'], ctx);
  });

const denseSettings = z
  .strictObject({
    layer: z.literal('dense'),
    /** Side of a square image that is flattened first … */
    rows: intOrRange.optional(),
    /** … with this many channels. @default 1 */
    channels: intOrRange.optional(),
    /** … or the number of inputs directly. */
    inputs: intOrRange.optional(),
    units: intOrRange,
    count: count.optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.rows === undefined) === (s.inputs === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['inputs'],
        message: 'give exactly one of `rows` (an image) and `inputs` (a number)',
      });
    if (s.rows === undefined && s.channels !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['channels'],
        message: '`channels` goes with `rows` (an image); remove it or add `rows`',
      });
    requireAtLeastOne(s, ['rows', 'channels', 'inputs', 'units'], ctx);
  });

const settingsSchema = z.discriminatedUnion('layer', [convSettings, denseSettings]);
export type ParamCountSettings = z.infer<typeof settingsSchema>;

type ConvGiven = z.infer<typeof convGiven>;
type DenseGiven = z.infer<typeof denseGiven>;

function parseGiven(value: unknown): ParamCountGiven {
  const given = parseWith(givenSchema, value, 'given');
  if (given.layer === 'conv2d') {
    // The count never depends on the image, but the layer must be one that can run.
    const [H, W] = given.input;
    const [kH, kW] = pairOf(given.kernel);
    const [sH, sW] = pairOf(given.stride);
    try {
      windowAxes({ H, W, kH, kW, sH, sW, padding: given.padding ?? 'valid' });
    } catch (error) {
      throw engineError(error, 'given', 'kernel');
    }
  }
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generate(s: ParamCountSettings, rng: Rng): ParamCountGiven {
  if (s.layer === 'conv2d') {
    const rows = draw(rng, s.rows);
    const channels = draw(rng, s.channels);
    const filters = draw(rng, s.filters);
    const kernel = draw(rng, s.kernel);
    const stride = s.stride ? rng.pick(s.stride) : 1;
    const pad = s.padding ? rng.pick(s.padding) : 'valid';
    return {
      layer: 'conv2d',
      input: [rows, rows, channels],
      filters,
      kernel,
      stride,
      padding: pad,
      count: s.count ?? 'params',
    };
  }
  if (s.rows !== undefined) {
    const rows = draw(rng, s.rows);
    const channels = s.channels === undefined ? 1 : draw(rng, s.channels);
    const units = draw(rng, s.units);
    return { layer: 'dense', input: [rows, rows, channels], units, count: s.count ?? 'params' };
  }
  const inputs = draw(rng, s.inputs!);
  const units = draw(rng, s.units);
  return { layer: 'dense', inputs, units, count: s.count ?? 'params' };
}

/** What one count asks for: everything, or the weights alone. */
function pickCount(p: Conv2dParams | DenseParams, what: 'params' | 'weights'): number {
  return what === 'weights' ? p.weights : p.total;
}

/** Slips shared by both layers, each the engine's count with one thing changed. */
function countMistakes(
  expected: number,
  what: 'params' | 'weights',
  counted: (change: { channels?: 1; many?: 1 }) => Conv2dParams | DenseParams,
  hasChannels: boolean,
  many: number,
): MistakeModel[] {
  const { list, add } = numberSlips(expected);
  const full = counted({});
  if (what === 'params') {
    add('bias-ignored-in-count', full.weights);
    // One bias for every weight: the weights counted twice.
    add('bias-per-weight', full.weights * 2);
  } else {
    add('biases-counted', full.total);
  }
  if (hasChannels) add('channels-not-counted', pickCount(counted({ channels: 1 }), what));
  if (many > 1) add('one-filter-counted', pickCount(counted({ many: 1 }), what));
  return list;
}

function buildConv(g: ConvGiven, text: TemplateText): Question {
  const [H, W, C] = g.input;
  const [kH, kW] = pairOf(g.kernel);
  const [sH, sW] = pairOf(g.stride);
  const pad = g.padding ?? 'valid';
  const what = g.count ?? 'params';
  const params = (change: { channels?: 1; many?: 1 } = {}) =>
    conv2dParams({ kH, kW, cIn: change.channels ?? C, filters: change.many ?? g.filters });
  const displays: Display[] = [
    { type: 'text', text: `Input(shape=(${H}, ${W}, ${C}))` },
    ...conv2dKerasLines({ filters: g.filters, kH, kW, sH, sW, padding: pad }).map(
      (line): Display => ({ type: 'text', text: line }),
    ),
  ];
  return {
    kind: 'number',
    prompt: fill(text.prompt, {
      ...imageParams(H, W, C),
      filters: g.filters,
      kernel: `${kH}×${kW}`,
      stride: sH === sW ? sH : `${sH}×${sW}`,
      padding: typeof pad === 'string' ? pad : String(pad),
    }),
    displays,
    tolerance: 0,
    expected: () => ({ kind: 'number', value: pickCount(params(), what) }),
    mistakes: () => countMistakes(pickCount(params(), what), what, params, C > 1, g.filters),
    solution: () => {
      const p = params();
      const perWeights = kH * kW * C;
      const lines: SolutionLine[] = [
        {
          text: text.t('solution.params.conv-filter', {
            kh: kH,
            kw: kW,
            c: C,
            weights: perWeights,
          }),
        },
      ];
      const per = what === 'params' ? p.perFilter : perWeights;
      if (what === 'params')
        lines.push({ text: text.t('solution.params.plus-bias', { weights: perWeights, per }) });
      lines.push({
        text: text.t('solution.params.times-filters', {
          per,
          filters: g.filters,
          total: pickCount(p, what),
        }),
      });
      lines.push({ text: text.t('solution.params.conv-size-free') });
      return lines;
    },
  };
}

function buildDense(g: DenseGiven, text: TemplateText): Question {
  const what = g.count ?? 'params';
  const inputs = g.input ? g.input[0] * g.input[1] * g.input[2] : g.inputs!;
  const params = (change: { channels?: 1; many?: 1 } = {}) =>
    denseParams({
      inputs: change.channels && g.input ? g.input[0] * g.input[1] : inputs,
      units: change.many ?? g.units,
    });
  const displays: Display[] = g.input
    ? [
        { type: 'text', text: `Input(shape=(${g.input.join(', ')}))` },
        { type: 'text', text: 'Flatten()' },
      ]
    : [{ type: 'text', text: `Input(shape=(${inputs},))` }];
  displays.push({ type: 'text', text: `Dense(units=${g.units})` });
  const [h, w, c] = g.input ?? [inputs, 1, 1];
  return {
    kind: 'number',
    prompt: fill(text.prompt, {
      h,
      w,
      c,
      input: g.input ? `(${g.input.join(', ')})` : String(inputs),
      inputs,
      units: g.units,
    }),
    displays,
    tolerance: 0,
    expected: () => ({ kind: 'number', value: pickCount(params(), what) }),
    mistakes: () =>
      countMistakes(pickCount(params(), what), what, params, (g.input?.[2] ?? 1) > 1, g.units),
    solution: () => {
      const p = params();
      const lines: SolutionLine[] = [];
      if (g.input) lines.push({ text: text.t('solution.params.flatten', { h, w, c, inputs }) });
      lines.push({ text: text.t('solution.params.dense-unit', { inputs }) });
      const per = what === 'params' ? p.perUnit : inputs;
      if (what === 'params')
        lines.push({ text: text.t('solution.params.plus-bias', { weights: inputs, per }) });
      lines.push({
        text: text.t('solution.params.times-units', {
          per,
          units: g.units,
          total: pickCount(p, what),
        }),
      });
      return lines;
    },
  };
}

export const paramCount: Template<ParamCountGiven, ParamCountSettings> = {
  name: 'param-count',
  kind: 'number',
  parseGiven,
  parseSettings: (value) => parseWith(settingsSchema, value, 'generate'),
  generate,
  build: (given, text) =>
    given.layer === 'conv2d' ? buildConv(given, text) : buildDense(given, text),
};

/**
 * Tensors by their shapes, every answer from the engine:
 * - `tensor-order` (number): how many axes a written tensor has (0 for a single number).
 * - `nested-shape` (shape): the shape of a written tensor, outermost list first.
 * - `layout-shape` (shape): the shape of a described tensor in a named layout such as
 *   (N, H, W, C) or (C, H, W).
 * - `kernel-shape` (shape): a Conv2D layer's kernel tensor, (H_f, W_f, C_in, C_out) as Keras
 *   stores it (or PyTorch's (C_out, C_in, H_f, W_f)).
 * - `tensor-size` (number): how many numbers a tensor of a given shape holds.
 */
import { z } from 'zod';
import {
  type KernelLayout,
  conv2dParams,
  fromNested,
  kernelShape,
  layoutShape,
  sizeOf,
} from '../../engine/index.js';
import type { Rng } from '../random.js';
import type { AnswerValue, Question, SolutionLine, Template, TemplateText } from '../types.js';
import { numberSlips, sameDims, shapeAnswer, shapeSlips } from './answers.js';
import { imageParams, inputLine, pairText } from './layer-text.js';
import { imageShape, pairOf, pairOrWhole, whole } from './schemas.js';
import {
  TemplateError,
  draw,
  drawImageSize,
  drawValue,
  fill,
  intOrRange,
  parseWith,
  valueSpec,
} from './shared.js';

/** `(2, 2, 4)`; Python's `(7,)` for one axis. */
function tupleText(dims: readonly number[]): string {
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/** `(N, H, W, C)` from `NHWC`. */
function layoutText(layout: string): string {
  return `(${[...layout].join(', ')})`;
}

/** A tensor written as nested lists: `[[0, 1, 0], [5, 0, 2]]`. */
function literalText(value: unknown): string {
  return JSON.stringify(value).replace(/,/g, ', ');
}

function shapeOf(value: unknown): number[] {
  try {
    return fromNested('value', value).shape as number[];
  } catch (error) {
    throw new TemplateError('given.value', `\`given.value\`: ${(error as Error).message}`);
  }
}

// ——— tensor-order and nested-shape: a tensor written out ———

const literalGivenSchema = z.strictObject({
  /** A number, a list, a list of lists, …: every list at one level the same length. */
  value: z.unknown(),
});
export type LiteralGiven = z.infer<typeof literalGivenSchema>;

const literalSettingsSchema = z.strictObject({
  /** Number of axes (0 is a single number). */
  order: intOrRange,
  /** Length of each axis, drawn axis by axis. */
  size: intOrRange,
  values: valueSpec,
});
export type LiteralSettings = z.infer<typeof literalSettingsSchema>;

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generateLiteral(minOrder: number) {
  return (s: LiteralSettings, rng: Rng): LiteralGiven => {
    const order = draw(rng, s.order);
    if (order < minOrder || order > 4)
      throw new TemplateError(
        'generate.order',
        `\`generate.order\`: draw from ${minOrder} to 4 axes.`,
      );
    const dims = Array.from({ length: order }, () => draw(rng, s.size));
    if (dims.some((d) => d < 1))
      throw new TemplateError(
        'generate.size',
        '`generate.size`: every axis needs at least 1 item.',
      );
    const build = (depth: number): unknown =>
      depth === order
        ? drawValue(rng, s.values)
        : Array.from({ length: dims[depth] }, () => build(depth + 1));
    return { value: build(0) };
  };
}

function literalPrompt(text: TemplateText, value: unknown): string {
  return fill(text.prompt, { value: literalText(value) });
}

export const tensorOrder: Template<LiteralGiven, LiteralSettings> = {
  name: 'tensor-order',
  kind: 'number',
  parseGiven: (value) => {
    const given = parseWith(literalGivenSchema, value, 'given');
    shapeOf(given.value);
    return given;
  },
  parseSettings: (value) => parseWith(literalSettingsSchema, value, 'generate'),
  generate: generateLiteral(0),
  build: (given, text): Question => {
    const dims = () => shapeOf(given.value);
    const number = (value: number): AnswerValue => ({ kind: 'number', value });
    return {
      kind: 'number',
      prompt: literalPrompt(text, given.value),
      displays: [{ type: 'text', text: literalText(given.value) }],
      tolerance: 0,
      expected: () => number(dims().length),
      mistakes: () => {
        const d = dims();
        const { list, add } = numberSlips(d.length);
        if (d.length > 0) add('outer-length-for-order', d[0]);
        add('size-instead-of-order', sizeOf(d));
        return list;
      },
      solution: () => {
        const d = dims();
        if (d.length === 0) return [{ text: text.t('solution.order.scalar') }];
        return [
          { text: text.t('solution.order.levels', { order: d.length }) },
          { text: `shape ${tupleText(d)} → ${d.length}` },
        ];
      },
    };
  },
};

export const nestedShape: Template<LiteralGiven, LiteralSettings> = {
  name: 'nested-shape',
  kind: 'shape',
  parseGiven: (value) => {
    const given = parseWith(literalGivenSchema, value, 'given');
    if (shapeOf(given.value).length === 0)
      throw new TemplateError(
        'given.value',
        '`given.value`: a single number has no shape to ask for; write a list.',
      );
    return given;
  },
  parseSettings: (value) => parseWith(literalSettingsSchema, value, 'generate'),
  generate: generateLiteral(1),
  build: (given, text): Question => {
    const dims = () => shapeOf(given.value);
    return {
      kind: 'shape',
      prompt: literalPrompt(text, given.value),
      displays: [{ type: 'text', text: literalText(given.value) }],
      tolerance: 0,
      expected: () => shapeAnswer(dims()),
      mistakes: () => {
        const d = dims();
        const reversed = [...d].reverse();
        return sameDims(reversed, d)
          ? []
          : [{ id: 'axes-reversed', answer: shapeAnswer(reversed) }];
      },
      solution: () => {
        const d = dims();
        return [
          ...d.map((count, i) => ({
            text: text.t('solution.shape.level', { level: i + 1, count }),
          })),
          { text: tupleText(d) },
        ];
      },
    };
  },
};

// ——— layout-shape: a described tensor in a named layout ———

const layoutPattern = /^(?!.*(.).*\1)[NCHW]+$/;
const layout = z
  .string()
  .regex(layoutPattern, {
    error: 'expected distinct axis letters from N, C, H, W, such as `NHWC` or `CHW`',
  })
  .refine((l) => l.includes('H') && l.includes('W'), {
    error: 'a picture layout needs both H and W',
  });

const layoutGivenSchema = z
  .strictObject({
    /** Axis letters in order: N (batch), C (channels), H (rows), W (columns). */
    layout,
    batch: whole.optional(),
    rows: whole,
    cols: whole,
    channels: whole.optional(),
  })
  .superRefine((g, ctx) => {
    if (g.layout.includes('N') && g.batch === undefined)
      ctx.addIssue({ code: 'custom', path: ['batch'], message: 'the layout has N: give `batch`' });
    if (g.layout.includes('C') && g.channels === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['channels'],
        message: 'the layout has C: give `channels`',
      });
  });
export type LayoutShapeGiven = z.infer<typeof layoutGivenSchema>;

const layoutSettingsSchema = z.strictObject({
  /** Layouts to draw from, e.g. [NHWC, NCHW]. */
  layouts: z.array(layout).min(1),
  batch: intOrRange.optional(),
  rows: intOrRange,
  /** @default rows */
  cols: intOrRange.optional(),
  channels: intOrRange.optional(),
});
export type LayoutShapeSettings = z.infer<typeof layoutSettingsSchema>;

function sizesOf(g: LayoutShapeGiven): Record<string, number> {
  return {
    H: g.rows,
    W: g.cols,
    ...(g.batch === undefined ? {} : { N: g.batch }),
    ...(g.channels === undefined ? {} : { C: g.channels }),
  };
}

/** The same axes with the channels moved to the other end: NHWC ↔ NCHW, HWC ↔ CHW. */
function otherLayout(l: string): string | undefined {
  if (!l.includes('C')) return undefined;
  const rest = [...l].filter((a) => a !== 'C' && a !== 'N').join('');
  const n = l.includes('N') ? 'N' : '';
  return l.endsWith('C') ? `${n}C${rest}` : `${n}${rest}C`;
}

function parseLayout(value: unknown): LayoutShapeGiven {
  const given = parseWith(layoutGivenSchema, value, 'given');
  layoutShape(given.layout, sizesOf(given));
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generateLayout(s: LayoutShapeSettings, rng: Rng): LayoutShapeGiven {
  const l = rng.pick(s.layouts);
  const batch = s.batch === undefined ? undefined : draw(rng, s.batch);
  const rows = draw(rng, s.rows);
  const cols = s.cols === undefined ? rows : draw(rng, s.cols);
  const channels = s.channels === undefined ? undefined : draw(rng, s.channels);
  if (l.includes('N') && batch === undefined)
    throw new TemplateError('generate.batch', '`generate.batch`: a layout has N, so give `batch`.');
  if (l.includes('C') && channels === undefined)
    throw new TemplateError(
      'generate.channels',
      '`generate.channels`: a layout has C, so give `channels`.',
    );
  return {
    layout: l,
    rows,
    cols,
    ...(batch === undefined ? {} : { batch }),
    ...(channels === undefined ? {} : { channels }),
  };
}

function buildLayout(given: LayoutShapeGiven, text: TemplateText): Question {
  const sizes = sizesOf(given);
  const dims = () => layoutShape(given.layout, sizes);
  return {
    kind: 'shape',
    prompt: fill(text.prompt, {
      layout: layoutText(given.layout),
      batch: given.batch ?? '',
      rows: given.rows,
      cols: given.cols,
      channels: given.channels ?? '',
    }),
    displays: [],
    tolerance: 0,
    expected: () => shapeAnswer(dims()),
    mistakes: () => {
      const { list, add } = shapeSlips(dims());
      const other = otherLayout(given.layout);
      if (other) add('layout-confused', layoutShape(other, sizes));
      add(
        'rows-columns-swapped',
        layoutShape(given.layout, { ...sizes, H: given.cols, W: given.rows }),
      );
      if (given.layout.includes('N'))
        add('batch-forgotten', layoutShape(given.layout.replace('N', ''), sizes));
      return list;
    },
    solution: () => {
      const d = dims();
      return [
        { text: text.t('solution.layout.order', { layout: layoutText(given.layout) }) },
        { text: [...given.layout].map((a, i) => `${a} = ${d[i]}`).join(', ') },
        { text: tupleText(d) },
      ];
    },
  };
}

export const layoutShapeTemplate: Template<LayoutShapeGiven, LayoutShapeSettings> = {
  name: 'layout-shape',
  kind: 'shape',
  parseGiven: parseLayout,
  parseSettings: (value) => parseWith(layoutSettingsSchema, value, 'generate'),
  generate: generateLayout,
  build: buildLayout,
};

// ——— kernel-shape: the weights of a Conv2D layer ———

const kernelLayout = z.enum(['keras', 'pytorch'], { error: 'expected `keras` or `pytorch`' });

const kernelGivenSchema = z.strictObject({
  /** The layer's input as (H, W, C). */
  input: imageShape,
  filters: whole,
  /** Kernel size: a whole number (square) or [rows, columns]. */
  kernel: pairOrWhole,
  /** @default 'keras': (H_f, W_f, C_in, C_out) */
  layout: kernelLayout.optional(),
});
export type KernelShapeGiven = z.infer<typeof kernelGivenSchema>;

const kernelSettingsSchema = z.strictObject({
  rows: intOrRange,
  /** @default rows */
  cols: intOrRange.optional(),
  channels: intOrRange,
  filters: intOrRange,
  /** Square kernel side. */
  kernel: intOrRange,
  /** Layouts to draw from. @default ['keras'] */
  layouts: z.array(kernelLayout).min(1).optional(),
});
export type KernelShapeSettings = z.infer<typeof kernelSettingsSchema>;

function kernelOf(
  g: KernelShapeGiven,
  changes: Partial<{
    kH: number;
    kW: number;
    cIn: number;
    filters: number;
    layout: KernelLayout;
  }> = {},
): number[] {
  const [kH, kW] = pairOf(g.kernel);
  return kernelShape({
    kH,
    kW,
    cIn: g.input[2],
    filters: g.filters,
    layout: g.layout ?? 'keras',
    ...changes,
  });
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generateKernel(s: KernelShapeSettings, rng: Rng): KernelShapeGiven {
  const [rows, cols, channels] = drawImageSize(rng, s);
  const filters = draw(rng, s.filters);
  const kernel = draw(rng, s.kernel);
  const l = s.layouts === undefined ? 'keras' : rng.pick(s.layouts);
  if ([rows, cols, channels, filters, kernel].some((v) => v < 1))
    throw new TemplateError('generate', '`generate`: every size must be at least 1.');
  return { input: [rows, cols, channels], filters, kernel, layout: l };
}

function buildKernel(given: KernelShapeGiven, text: TemplateText): Question {
  const [H, W, C] = given.input;
  const [kH, kW] = pairOf(given.kernel);
  const l = given.layout ?? 'keras';
  return {
    kind: 'shape',
    prompt: fill(text.prompt, {
      ...imageParams(H, W, C),
      filters: given.filters,
      kernel: `${kH}×${kW}`,
      layout: l === 'keras' ? '(H_f, W_f, C_in, C_out)' : '(C_out, C_in, H_f, W_f)',
    }),
    displays: [
      { type: 'text', text: inputLine(H, W, C) },
      { type: 'text', text: `Conv2D(filters=${given.filters}, kernel_size=${pairText(kH, kW)})` },
    ],
    tolerance: 0,
    expected: () => shapeAnswer(kernelOf(given)),
    mistakes: () => {
      const { list, add } = shapeSlips(kernelOf(given));
      add('image-size-for-kernel', kernelOf(given, { kH: H, kW: W }));
      add(
        'kernel-layout-confused',
        kernelOf(given, { layout: l === 'keras' ? 'pytorch' : 'keras' }),
      );
      add('channels-from-input', kernelOf(given, { filters: C }));
      add('channels-not-counted', kernelOf(given, { cIn: 1 }));
      return list;
    },
    solution: (): SolutionLine[] => {
      const d = kernelOf(given);
      const weights = conv2dParams({ kH, kW, cIn: C, filters: given.filters }).weights;
      return [
        {
          text: text.t('solution.kernel.slices', {
            kh: kH,
            kw: kW,
            cin: C,
            filters: given.filters,
          }),
        },
        {
          text:
            l === 'keras'
              ? `(H_f, W_f, C_in, C_out) = ${tupleText(d)}`
              : `(C_out, C_in, H_f, W_f) = ${tupleText(d)}`,
        },
        { text: text.t('solution.kernel.weights', { product: d.join(' × '), weights }) },
      ];
    },
  };
}

export const kernelShapeTemplate: Template<KernelShapeGiven, KernelShapeSettings> = {
  name: 'kernel-shape',
  kind: 'shape',
  parseGiven: (value) => parseWith(kernelGivenSchema, value, 'given'),
  parseSettings: (value) => parseWith(kernelSettingsSchema, value, 'generate'),
  generate: generateKernel,
  build: buildKernel,
};

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

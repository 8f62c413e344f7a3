/**
 * `kernel-shape` (shape): a Conv2D layer's kernel tensor, (H_f, W_f, C_in, C_out) as Keras
 * stores it (or PyTorch's (C_out, C_in, H_f, W_f)), from the engine's `kernelShape`.
 */
import { z } from 'zod';
import { type KernelLayout, conv2dParams, kernelShape } from '../../engine/index.js';
import type { Rng } from '../random.js';
import type { Question, SolutionLine, Template, TemplateText } from '../types.js';
import { shapeAnswer, shapeSlips } from './answers.js';
import { imageParams, inputLine, pairText, tupleText } from './layer-text.js';
import { imageShape, pairOf, pairOrWhole, whole } from './schemas.js';
import { TemplateError, draw, drawImageSize, fill, intOrRange, parseWith } from './shared.js';

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

/** The `given` and `generate` blocks of the network templates, as schemas. */
import { z } from 'zod';
import { type PipelineStageRequest, pipelineStage } from '../../../request/schema.js';
import { intOrRange, valueSpec } from '../shared.js';

/** Draws before giving up on an input whose classes cannot be told apart. */
export const MAX_DRAWS = 50;

const stageNumber = z.number().int().min(0);
export const show = z.union([stageNumber, z.array(stageNumber).min(1)]);
export const position = z.array(z.number().int().min(0)).min(1).max(3);
export const classes = z.array(z.string().trim().min(1)).min(1);

const baseGiven = {
  /** A grid, a list of grids (channels), or a list of numbers. */
  input: z.unknown(),
  /** Calc pipeline stages, run in order. */
  stages: z.array(pipelineStage).min(1),
  /** Stage numbers whose outputs are shown (0 = the input). @default 0 */
  show: show.optional(),
};

export const valueGiven = z.strictObject({
  ...baseGiven,
  /** Position in the last stage's output: [map, row, column] or [index]. */
  at: position,
  /** Names of the last output's entries (or of the vote stage's), for `{class}` and labels. */
  classes: classes.optional(),
});
export const mapGiven = z.strictObject({
  ...baseGiven,
  /** Which map of the last output is asked. @default 0 */
  channel: z.number().int().min(0).optional(),
});
export const classGiven = z.strictObject({
  ...baseGiven,
  /** One name per entry of the last output, in order: the options offered. */
  classes: classes.min(2),
});
export type NetworkValueGiven = z.infer<typeof valueGiven>;
export type NetworkMapGiven = z.infer<typeof mapGiven>;
export type NetworkClassGiven = z.infer<typeof classGiven>;
export type AnyGiven = NetworkValueGiven | NetworkMapGiven | NetworkClassGiven;

/** A random picture: `{ rows, cols, channels, values }`. */
const imageRecipe = z.strictObject({
  rows: intOrRange,
  cols: intOrRange.optional(),
  channels: intOrRange.optional(),
  values: valueSpec,
});
/** One of these pictures with `flip` of its cells drawn and their signs changed. */
const noisyRecipe = z.strictObject({
  from: z.array(z.array(z.array(z.number()).min(1)).min(1)).min(1),
  flip: intOrRange,
});
/** A convolution whose filters (and biases) are drawn. */
const convRecipe = z.strictObject({
  op: z.literal('conv2d'),
  kernels: z.strictObject({
    count: intOrRange.optional(),
    size: intOrRange,
    weights: valueSpec,
  }),
  bias: valueSpec.optional(),
  stride: z
    .union([z.number().int().min(1), z.tuple([z.number().int().min(1), z.number().int().min(1)])])
    .optional(),
  padding: z.union([z.literal('valid'), z.literal('same'), z.number().int().min(0)]).optional(),
  scale: z.number().optional(),
});
export type ConvRecipe = z.infer<typeof convRecipe>;
const recipeStage = z.unknown().transform((value, ctx): PipelineStageRequest | ConvRecipe => {
  const v = value as { op?: unknown; kernels?: unknown } | null;
  const isRecipe =
    v?.op === 'conv2d' &&
    v.kernels !== null &&
    typeof v.kernels === 'object' &&
    !Array.isArray(v.kernels);
  const parsed = (isRecipe ? convRecipe : pipelineStage).safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  }
  return parsed.data;
});

const baseSettings = {
  /** A fixed input, a random picture, or a noisy copy of one of several pictures. */
  input: z.union([imageRecipe, noisyRecipe, z.array(z.unknown()).min(1)]),
  stages: z.array(recipeStage).min(1),
  show: show.optional(),
};
export const valueSettings = z.strictObject({
  ...baseSettings,
  /** `edge`: only the last row or column of the output (where "same" padding plays a part). @default 'any' */
  at: z.union([z.literal('any'), z.literal('edge')]).optional(),
  classes: classes.optional(),
});
export const mapSettings = z.strictObject(baseSettings);
export const classSettings = z.strictObject({
  ...baseSettings,
  classes: classes.min(2),
  /** Draw the input again while the two largest outputs are closer than this. @default 0 */
  margin: z.number().min(0).optional(),
});
export type NetworkValueSettings = z.infer<typeof valueSettings>;
export type NetworkMapSettings = z.infer<typeof mapSettings>;
export type NetworkClassSettings = z.infer<typeof classSettings>;
export type AnySettings = NetworkValueSettings | NetworkMapSettings | NetworkClassSettings;

/**
 * The shape of a calc request, one schema per op. Tensor fields are taken as they come
 * (`z.unknown()`) and checked by the engine, whose messages name the exact cell that is wrong.
 */
import { z } from 'zod';
import { LIMITS } from '../engine/index.js';

/**
 * A size, stride, padding, dilation or count: a whole number from `min` to LIMITS.size, the
 * engine's own range. One check, so the message gives the whole range (issue.problem.whole-range).
 */
function wholeFrom(min: 0 | 1) {
  return z.number().refine((v) => Number.isInteger(v) && v >= min && v <= LIMITS.size, {
    params: { problem: 'whole-range', min, max: LIMITS.size },
  });
}

const whole = wholeFrom(1);
const zeroOrMore = wholeFrom(0);
const pairOrWhole = z.union([whole, z.tuple([whole, whole])]);
const padding = z.union([
  z.literal('valid'),
  z.literal('same'),
  zeroOrMore,
  z.tuple([z.tuple([zeroOrMore, zeroOrMore]), z.tuple([zeroOrMore, zeroOrMore])]),
]);
const numbers = z.array(z.number());

export const conv2dRequest = z.strictObject({
  op: z.literal('conv2d'),
  input: z.unknown(),
  kernels: z.unknown(),
  bias: numbers.optional(),
  stride: pairOrWhole.optional(),
  padding: padding.optional(),
  dilation: pairOrWhole.optional(),
  scale: z.number().optional(),
});

export const poolRequest = z.strictObject({
  op: z.union([z.literal('maxpool'), z.literal('avgpool')]),
  input: z.unknown(),
  size: pairOrWhole,
  stride: pairOrWhole.optional(),
  padding: z.union([z.literal('valid'), z.literal('same')]).optional(),
});

export const conv1dRequest = z.strictObject({
  op: z.literal('conv1d'),
  input: numbers,
  kernel: numbers,
  flip: z.boolean().optional(),
  mode: z.union([z.literal('valid'), z.literal('same'), z.literal('full')]).optional(),
});

export const reluRequest = z.strictObject({ op: z.literal('relu'), input: z.unknown() });
export const softmaxRequest = z.strictObject({ op: z.literal('softmax'), input: numbers });
export const denseRequest = z.strictObject({
  op: z.literal('dense'),
  input: numbers,
  weights: z.array(numbers),
  bias: numbers.optional(),
});

export const outsizeRequest = z.strictObject({
  op: z.literal('outsize'),
  n: whole,
  f: whole,
  stride: whole.optional(),
  pad: z
    .union([zeroOrMore, z.tuple([zeroOrMore, zeroOrMore]), z.literal('valid'), z.literal('same')])
    .optional(),
  dilation: whole.optional(),
});

export const paramsRequest = z.union([
  z.strictObject({
    op: z.literal('params'),
    layer: z.literal('conv2d'),
    kernel: pairOrWhole,
    channels: whole,
    filters: whole,
    bias: z.boolean().optional(),
  }),
  z.strictObject({
    op: z.literal('params'),
    layer: z.literal('dense'),
    inputs: whole,
    units: whole,
    bias: z.boolean().optional(),
  }),
]);

export const summaryRequest = z.strictObject({
  op: z.literal('summary'),
  input: z.tuple([whole, whole, whole]),
  // Each layer is validated by the engine's model validator, which names `layers[i].field`.
  layers: z.array(z.unknown()),
});

/** A pipeline stage: a calc request of that op without its `input` (the previous stage's output). */
const stageSchemas: Readonly<Record<string, z.ZodType>> = {
  conv2d: conv2dRequest.omit({ input: true }),
  relu: z.strictObject({ op: z.literal('relu') }),
  maxpool: poolRequest.omit({ input: true }),
  avgpool: poolRequest.omit({ input: true }),
  flatten: z.strictObject({
    op: z.literal('flatten'),
    order: z.union([z.literal('chw'), z.literal('hwc')]).optional(),
  }),
  dense: denseRequest.omit({ input: true }),
  softmax: z.strictObject({ op: z.literal('softmax') }),
};
export const STAGE_OPS = Object.keys(stageSchemas);
export type PipelineStageRequest =
  | Omit<Conv2dRequest, 'input'>
  | { op: 'relu' }
  | Omit<PoolRequest, 'input'>
  | { op: 'flatten'; order?: 'chw' | 'hwc' }
  | Omit<z.infer<typeof denseRequest>, 'input'>
  | { op: 'softmax' };

// Picked by `op` first, so a mistake inside a stage is reported for that stage's own fields.
export const pipelineStage = z.unknown().transform((value, ctx): PipelineStageRequest => {
  const op = (value as { op?: unknown } | null)?.op;
  const schema =
    typeof op === 'string' && Object.hasOwn(stageSchemas, op) ? stageSchemas[op] : undefined;
  if (!schema) {
    ctx.addIssue({
      code: 'custom',
      path: ['op'],
      input: op,
      message: `expected a stage op: one of ${STAGE_OPS.join(', ')}`,
      // What the request errors word from the catalog (issue.problem.stage-op).
      params: { problem: 'stage-op', ops: STAGE_OPS.join(', ') },
    });
    return z.NEVER;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  }
  return parsed.data as PipelineStageRequest;
});

/** An input run through stages in order; `show` lists the stages printed in full (0 = the input, 1 = the first stage). */
export const pipelineRequest = z.strictObject({
  op: z.literal('pipeline'),
  input: z.unknown(),
  stages: z.array(pipelineStage),
  show: z.array(z.number().int().min(0)).optional(),
});

export const schemas = {
  conv2d: conv2dRequest,
  maxpool: poolRequest,
  avgpool: poolRequest,
  conv1d: conv1dRequest,
  relu: reluRequest,
  softmax: softmaxRequest,
  dense: denseRequest,
  outsize: outsizeRequest,
  params: paramsRequest,
  summary: summaryRequest,
  pipeline: pipelineRequest,
} as const;

export type Op = keyof typeof schemas;
export const OPS = Object.keys(schemas) as Op[];

export type Conv2dRequest = z.infer<typeof conv2dRequest>;
export type PoolRequest = z.infer<typeof poolRequest>;
export type Conv1dRequest = z.infer<typeof conv1dRequest>;
export type OutsizeRequest = z.infer<typeof outsizeRequest>;
export type ParamsRequest = z.infer<typeof paramsRequest>;
export type SummaryRequest = z.infer<typeof summaryRequest>;
export type PipelineRequest = z.infer<typeof pipelineRequest>;
export type CalcRequest =
  | Conv2dRequest
  | PoolRequest
  | Conv1dRequest
  | z.infer<typeof reluRequest>
  | z.infer<typeof softmaxRequest>
  | z.infer<typeof denseRequest>
  | OutsizeRequest
  | ParamsRequest
  | SummaryRequest
  | PipelineRequest;

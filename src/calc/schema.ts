/**
 * The shape of a calc request, one schema per op. Tensor fields are taken as they come
 * (`z.unknown()`) and checked by the engine, whose messages name the exact cell that is wrong.
 */
import { z } from 'zod';

const whole = z.number().int().min(1);
const pairOrWhole = z.union([whole, z.tuple([whole, whole])]);
const padding = z.union([
  z.literal('valid'),
  z.literal('same'),
  z.number().int().min(0),
  z.tuple([z.tuple([z.number().int().min(0), z.number().int().min(0)]), z.tuple([z.number().int().min(0), z.number().int().min(0)])]),
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
  pad: z.union([z.number().int().min(0), z.tuple([z.number().int().min(0), z.number().int().min(0)]), z.literal('valid'), z.literal('same')]).optional(),
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
} as const;

export type Op = keyof typeof schemas;
export const OPS = Object.keys(schemas) as Op[];

export type Conv2dRequest = z.infer<typeof conv2dRequest>;
export type PoolRequest = z.infer<typeof poolRequest>;
export type Conv1dRequest = z.infer<typeof conv1dRequest>;
export type OutsizeRequest = z.infer<typeof outsizeRequest>;
export type ParamsRequest = z.infer<typeof paramsRequest>;
export type SummaryRequest = z.infer<typeof summaryRequest>;
export type CalcRequest =
  | Conv2dRequest
  | PoolRequest
  | Conv1dRequest
  | z.infer<typeof reluRequest>
  | z.infer<typeof softmaxRequest>
  | z.infer<typeof denseRequest>
  | OutsizeRequest
  | ParamsRequest
  | SummaryRequest;

/**
 * Compute a calc request with the engine. The result keeps the tensors and settings so the
 * text report can explain it, and `toJson` turns it into the `--json` answer.
 */
import {
  type Conv2dOptions,
  type Geometry2d,
  type PoolOptions,
  type Tensor,
  avgPool2d,
  checkWork,
  conv1d,
  conv1dWork,
  conv1dPadding,
  conv2d,
  conv2dGeometry,
  conv2dParams,
  conv2dWork,
  dense,
  denseParams,
  filtersFrom,
  fromNested,
  maxPool2d,
  type ModelSummary,
  type OutputSize,
  outputSize,
  type PipelineStage,
  poolGeometry,
  poolWork,
  relu,
  runPipelineCounted,
  softmax,
  summarize,
  toNested,
  validateModel,
  volumeFrom,
} from '../engine/index.js';
import { safeText } from '../untrusted/safe-text.js';
import type {
  CalcRequest,
  Conv1dRequest,
  Conv2dRequest,
  ParamsRequest,
  PipelineStageRequest,
  PoolRequest,
} from './schema.js';

/** A computed request; `work` is the steps it took, counted before they were taken. */
export type CalcResult = CalcOutput & { readonly work: number };

type CalcOutput =
  | {
      op: 'conv2d';
      input: Tensor;
      filters: Tensor;
      options: Conv2dOptions;
      geometry: Geometry2d;
      output: Tensor;
    }
  | {
      op: 'maxpool' | 'avgpool';
      input: Tensor;
      options: PoolOptions;
      geometry: Geometry2d;
      output: Tensor;
    }
  | { op: 'conv1d'; request: Conv1dRequest; padding: [number, number]; output: number[] }
  | { op: 'relu'; input: Tensor; output: Tensor }
  | { op: 'softmax'; input: number[]; output: number[] }
  | { op: 'dense'; input: number[]; weights: number[][]; bias?: number[]; output: number[] }
  | { op: 'outsize'; output: OutputSize }
  | {
      op: 'params';
      request: ParamsRequest;
      output: { weights: number; biases: number; total: number; perUnit: number };
    }
  | { op: 'summary'; output: ModelSummary }
  | { op: 'pipeline'; input: Tensor; stages: PipelineStage[]; outputs: Tensor[]; show?: number[] };

/** A conv1d request's output length (the engine refuses a kernel longer than a valid input). */
function conv1dLength(r: Conv1dRequest): number {
  const [before, after] = conv1dPadding(r.input.length, r.kernel.length, r.mode ?? 'valid');
  return Math.max(0, r.input.length + before + after - r.kernel.length + 1);
}

export function conv2dFromRequest(r: Conv2dRequest): {
  input: Tensor;
  filters: Tensor;
  options: Conv2dOptions;
} {
  const input = volumeFrom('input', r.input);
  const filters = filtersFrom('kernels', r.kernels, input.shape[0]);
  const options: Conv2dOptions = {
    bias: r.bias,
    stride: r.stride,
    padding: r.padding,
    dilation: r.dilation,
    scale: r.scale,
  };
  return { input, filters, options };
}

export function poolFromRequest(r: PoolRequest): { input: Tensor; options: PoolOptions } {
  return {
    input: volumeFrom('input', r.input),
    options: { size: r.size, stride: r.stride, padding: r.padding },
  };
}

/** How many channels a list of filters spans: 1 when each filter is one grid. */
function kernelChannels(value: unknown): number {
  const first = Array.isArray(value) ? value[0] : undefined;
  return Array.isArray(first) && Array.isArray(first[0]) && Array.isArray(first[0][0])
    ? first.length
    : 1;
}

/** A pipeline's input (a grid, channels, or a list of numbers) and its stages as engine stages. */
export function pipelineFromRequest(r: {
  input: unknown;
  stages: readonly PipelineStageRequest[];
}): { input: Tensor; stages: PipelineStage[] } {
  const input =
    Array.isArray(r.input) && !Array.isArray(r.input[0])
      ? fromNested('input', r.input, 1)
      : volumeFrom('input', r.input);
  const stages = r.stages.map((s, k): PipelineStage => {
    if (s.op !== 'conv2d') return s;
    const { kernels, ...options } = s;
    return {
      ...options,
      op: 'conv2d',
      kernels: filtersFrom(`stages[${k}].kernels`, kernels, kernelChannels(kernels)),
    };
  });
  return { input, stages };
}

/**
 * Compute a request. The engine refuses anything over LIMITS (engine/limits.ts) before it
 * allocates or loops, and `work` counts the steps from the shapes before they run: for a
 * convolution or pooling the geometry's count, for a pipeline each stage's count before it
 * runs (the pipeline stops before passing the limit), for the rest one step per number read.
 */
export function runRequest(request: CalcRequest): CalcResult {
  switch (request.op) {
    case 'conv2d': {
      const { input, filters, options } = conv2dFromRequest(request);
      const geometry = conv2dGeometry(input, filters, options);
      const work = conv2dWork(input.shape[0], filters.shape[0], geometry);
      checkWork('conv2d', work);
      return {
        op: 'conv2d',
        input,
        filters,
        options,
        geometry,
        output: conv2d(input, filters, options),
        work,
      };
    }
    case 'maxpool':
    case 'avgpool': {
      const { input, options } = poolFromRequest(request);
      const geometry = poolGeometry(input, options);
      const work = poolWork(input.shape[0], geometry);
      checkWork(request.op, work);
      const output =
        request.op === 'maxpool' ? maxPool2d(input, options) : avgPool2d(input, options);
      return { op: request.op, input, options, geometry, output, work };
    }
    case 'conv1d': {
      const work = conv1dWork(conv1dLength(request), request.kernel.length);
      checkWork('conv1d', work);
      const output = conv1d(request.input, request.kernel, {
        flip: request.flip,
        mode: request.mode,
      });
      return {
        op: 'conv1d',
        request,
        padding: conv1dPadding(
          request.input.length,
          request.kernel.length,
          request.mode ?? 'valid',
        ),
        output,
        work,
      };
    }
    case 'relu': {
      const input = fromNested('input', request.input);
      return { op: 'relu', input, output: relu(input), work: input.data.length };
    }
    case 'softmax':
      return {
        op: 'softmax',
        input: request.input,
        output: softmax(request.input),
        work: request.input.length,
      };
    case 'dense':
      return {
        op: 'dense',
        input: request.input,
        weights: request.weights,
        bias: request.bias,
        output: dense(request.input, request.weights, request.bias),
        work: request.weights.length * (request.input.length + 1),
      };
    case 'outsize':
      return {
        op: 'outsize',
        output: outputSize({
          n: request.n,
          f: request.f,
          stride: request.stride,
          pad: request.pad,
          dilation: request.dilation,
        }),
        work: 1,
      };
    case 'params': {
      if (request.layer === 'dense') {
        const d = denseParams({ inputs: request.inputs, units: request.units, bias: request.bias });
        return {
          op: 'params',
          request,
          output: { weights: d.weights, biases: d.biases, total: d.total, perUnit: d.perUnit },
          work: 1,
        };
      }
      const [kH, kW] =
        typeof request.kernel === 'number' ? [request.kernel, request.kernel] : request.kernel;
      const c = conv2dParams({
        kH,
        kW,
        cIn: request.channels,
        filters: request.filters,
        bias: request.bias,
      });
      return {
        op: 'params',
        request,
        output: { weights: c.weights, biases: c.biases, total: c.total, perUnit: c.perFilter },
        work: 1,
      };
    }
    case 'summary': {
      const spec = { input: request.input, layers: request.layers };
      validateModel(spec);
      const output = summarize(spec);
      // A layer's name is the request's own text, echoed in the table and the answer.
      const rows = output.rows.map((row) => ({ ...row, name: safeText(row.name, 60) }));
      return { op: 'summary', output: { ...output, rows }, work: request.layers.length };
    }
    case 'pipeline': {
      const { input, stages } = pipelineFromRequest(request);
      const { outputs, work } = runPipelineCounted(input, stages);
      return { op: 'pipeline', input, stages, outputs, show: request.show, work };
    }
    default:
      throw new Error(`op ${(request as { op: string }).op} has no runner`);
  }
}

/** The `--json` answer: `{"result": …}` plus what else the op has. */
export function toJson(r: CalcResult): Record<string, unknown> {
  switch (r.op) {
    case 'conv2d':
    case 'maxpool':
    case 'avgpool':
      return {
        result: toNested(r.output),
        output_shape: [...r.output.shape],
        padding: r.geometry.pad,
        stride: [r.geometry.sH, r.geometry.sW],
      };
    case 'conv1d':
      return {
        result: r.output,
        padding: r.padding,
        flip: r.request.flip ?? false,
        mode: r.request.mode ?? 'valid',
      };
    case 'relu':
      return { result: toNested(r.output), output_shape: [...r.output.shape] };
    case 'softmax':
    case 'dense':
      return { result: r.output };
    case 'outsize':
      return {
        result: r.output.size,
        exact: r.output.exact,
        fits: r.output.fits,
        pad: r.output.pad,
        formula: r.output.formula,
      };
    case 'params':
      return {
        result: r.output.total,
        weights: r.output.weights,
        biases: r.output.biases,
        per_unit: r.output.perUnit,
      };
    case 'summary':
      return {
        result: r.output.rows.map((row) => ({
          name: row.name,
          output_shape: row.outputShape,
          params: row.params,
        })),
        total_params: r.output.totalParams,
        trainable_params: r.output.trainableParams,
      };
    case 'pipeline':
      return {
        result:
          r.outputs.length > 0 ? toNested(r.outputs[r.outputs.length - 1]) : toNested(r.input),
        stages: r.outputs.map((o, k) => ({
          op: r.stages[k].op,
          output: toNested(o),
          output_shape: [...o.shape],
        })),
      };
  }
}

/**
 * A small network run forward on one input, stage by stage, keeping every intermediate
 * result: the lectures' X/O ConvNet (conv2d → relu → maxpool → maxpool → flatten → dense →
 * softmax) written as data, with each stage's weights inline. A pipeline is a way of writing
 * the engine's sequential model: each stage becomes a model layer and its parameters
 * (`stageLayer`), run by the model's own `runLayer`; this file adds what a request needs
 * around it (the shape each stage takes, the work limit, errors that name the stage).
 *
 *   out₁ = stage₁(input), outₖ = stageₖ(outₖ₋₁); runPipeline returns [out₁, …, outₙ].
 *
 * Volumes are (C,H,W) tensors and vectors are tensors of shape (n). conv2d and pooling take a
 * volume, dense and softmax a vector, relu either; flatten turns a volume into a vector
 * channel by channel ('chw', the lectures' order: map 0's rows, then map 1's, …) or pixel by
 * pixel ('hwc', Keras's Flatten).
 *
 * Example: the 9×9 X with the three 3×3 filters, scale 1/9 → three 7×7 maps; relu; maxpool 2,
 * 'same' → (3,4,4); maxpool 2, 'same' → (3,2,2); flatten → the twelve features
 * [1, 5/9, 5/9, 1,  1, 5/9, 5/9, 5/9,  5/9, 1, 1, 5/9].
 */
import { type Conv2dOptions, conv2dGeometry, conv2dWork } from './conv2d.js';
import { denseWeightsFrom } from './dense.js';
import {
  EngineError,
  ShapeError,
  describeValue,
  expectFinite,
  phrase,
  shapeError,
  valueError,
} from './errors.js';
import { checkWork } from './limits.js';
import type { LayerSpec } from './model.js';
import { type LayerParameters, type Model, runLayer } from './model-forward.js';
import { type PoolOptions, poolGeometry, poolWork } from './pool.js';
import { type Tensor, expectFiniteResult } from './tensor.js';

export type PipelineStage =
  | ({ readonly op: 'conv2d'; readonly kernels: Tensor } & Conv2dOptions)
  | { readonly op: 'relu' }
  | ({ readonly op: 'maxpool' | 'avgpool' } & PoolOptions)
  | { readonly op: 'flatten'; readonly order?: 'chw' | 'hwc' }
  | {
      readonly op: 'dense';
      /** One row per output unit: [out][in]. */
      readonly weights: readonly (readonly number[])[];
      readonly bias?: readonly number[];
    }
  | { readonly op: 'softmax' };

export type PipelineOp = PipelineStage['op'];

const VOLUME_OPS: readonly PipelineOp[] = ['conv2d', 'maxpool', 'avgpool', 'flatten'];
const VECTOR_OPS: readonly PipelineOp[] = ['dense', 'softmax'];

/**
 * A stage as a model layer and its parameters (null for a layer that learns nothing).
 * `value` is what the stage gets: a dense stage's weights are checked against its length.
 * Throws, naming the field, when a dense stage's weights or bias do not fit.
 */
export function stageLayer(
  stage: PipelineStage,
  value: Tensor,
): { layer: LayerSpec; params: LayerParameters | null } {
  switch (stage.op) {
    case 'conv2d': {
      const { kernels, bias, stride, padding, dilation, scale } = stage;
      const [filters, , kH, kW] = kernels.shape;
      const layer: LayerSpec = {
        type: 'conv2d',
        filters,
        kernel: [kH, kW],
        stride,
        padding,
        dilation,
        scale,
        useBias: bias !== undefined,
      };
      const biasTensor =
        bias === undefined
          ? null
          : {
              shape: [bias.length],
              data: bias instanceof Float64Array ? bias : Float64Array.from(bias),
            };
      return { layer, params: { weights: kernels, bias: biasTensor } };
    }
    case 'maxpool':
    case 'avgpool':
      return {
        layer: { type: stage.op, size: stage.size, stride: stage.stride, padding: stage.padding },
        params: null,
      };
    case 'flatten':
      return { layer: { type: 'flatten', order: stage.order }, params: null };
    case 'dense': {
      const packed = denseWeightsFrom(value.data.length, stage.weights, stage.bias);
      const units = packed.weights.shape[0];
      const bias = packed.bias === undefined ? null : { shape: [units], data: packed.bias };
      return {
        layer: { type: 'dense', units, useBias: bias !== null },
        params: { weights: packed.weights, bias },
      };
    }
    case 'relu':
    case 'softmax':
      return { layer: { type: stage.op }, params: null };
    default:
      throw valueError('op', 'stage-op', {
        got: describeValue((stage as { op?: unknown } | null)?.op),
      });
  }
}

/** One stage on its own; `value` must have the rank the op takes. */
export function runStage(value: Tensor, stage: PipelineStage): Tensor {
  return runBuilt(value, stage, stageLayer(stage, value));
}

/** The stage's layer on `value`, with the checks the stage's own op makes on what it gets and gives. */
function runBuilt(
  value: Tensor,
  stage: PipelineStage,
  { layer, params }: { layer: LayerSpec; params: LayerParameters | null },
): Tensor {
  if (stage.op === 'softmax') value.data.forEach((v, i) => expectFinite(`input[${i}]`, v));
  const { output } = runLayer(layer, params, value);
  // A sum of finite numbers can still pass the largest double.
  if (stage.op === 'dense') expectFiniteResult('dense', output);
  return output;
}

function shapeText(t: Tensor): string {
  return `(${t.shape.join(',')})`;
}

/**
 * The steps `stage` takes on `value` (multiply-adds, window cells, or one per number), from
 * the shapes alone; throws what the stage would throw for a geometry or limit problem.
 */
export function stageWork(value: Tensor, stage: PipelineStage): number {
  switch (stage.op) {
    case 'conv2d':
      return conv2dWork(
        value.shape[0],
        stage.kernels.shape[0],
        conv2dGeometry(value, stage.kernels, stage),
      );
    case 'maxpool':
    case 'avgpool':
      return poolWork(value.shape[0], poolGeometry(value, stage));
    case 'dense':
      return Array.isArray(stage.weights) ? stage.weights.length * (value.data.length + 1) : 0;
    default:
      return value.data.length;
  }
}

/**
 * Every stage's output, in order. An error inside stage k is rethrown with its argument
 * prefixed by `stages[k]`, so a request can point at the stage (and field) to fix.
 */
export function runPipeline(input: Tensor, stages: readonly PipelineStage[]): Tensor[] {
  return runPipelineCounted(input, stages).outputs;
}

/**
 * `runPipeline`, also giving the steps all stages took and the model the stages make. Each
 * stage's steps are counted before it runs, and the pipeline stops before the total would
 * pass LIMITS.work.
 */
export function runPipelineCounted(
  input: Tensor,
  stages: readonly PipelineStage[],
): { outputs: Tensor[]; work: number; model: Model } {
  if (!Array.isArray(stages)) {
    throw shapeError('stages', 'stages-not-array', { got: describeValue(stages) });
  }
  const outputs: Tensor[] = [];
  const layers: LayerSpec[] = [];
  const parameters: (LayerParameters | null)[] = [];
  let value = input;
  let work = 0;
  stages.forEach((stage, k) => {
    const op = stage?.op;
    const where = `stages[${k}]`;
    const before =
      k === 0
        ? phrase('pipeline-input', {})
        : phrase('pipeline-stage', { stage: k - 1, op: stages[k - 1].op });
    const params = { stage: where, op, before, shape: shapeText(value) };
    if (VOLUME_OPS.includes(op) && value.shape.length !== 3) {
      throw shapeError(where, 'stage-needs-volume', params);
    }
    if (VECTOR_OPS.includes(op) && value.shape.length !== 1) {
      throw shapeError(where, 'stage-needs-vector', params);
    }
    try {
      work += stageWork(value, stage);
      checkWork('pipeline', work);
      const built = stageLayer(stage, value);
      value = runBuilt(value, stage, built);
      layers.push(built.layer);
      parameters.push(built.params);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      const argument = error.argument === 'input' ? where : `${where}.${error.argument}`;
      const wrap = error instanceof ShapeError ? shapeError : valueError;
      throw wrap(argument, 'in-stage', { stage: where, op, error });
    }
    outputs.push(value);
  });
  return { outputs, work, model: { layers, params: parameters } };
}

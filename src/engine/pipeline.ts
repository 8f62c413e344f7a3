/**
 * A small network run forward on one input, stage by stage, keeping every intermediate
 * result: the lectures' X/O ConvNet (conv2d → relu → maxpool → maxpool → flatten → dense →
 * softmax) written as data. Each stage is the engine op of the same name; nothing is computed
 * here that the op does not compute on its own.
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
import { type Conv2dOptions, conv2d, conv2dGeometry, conv2dWork } from './conv2d.js';
import { dense } from './dense.js';
import {
  EngineError,
  ShapeError,
  ValueError,
  describe,
  phrase,
  shapeError,
  valueError,
} from './errors.js';
import { relu, softmax } from './activations.js';
import { checkWork } from './limits.js';
import { type PoolOptions, avgPool2d, maxPool2d, poolGeometry, poolWork } from './pool.js';
import { type Tensor, flatten } from './tensor.js';

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

function vector(values: readonly number[]): Tensor {
  return { shape: [values.length], data: Float64Array.from(values) };
}

/** One stage on its own; `value` must have the rank the op takes. */
export function runStage(value: Tensor, stage: PipelineStage): Tensor {
  switch (stage.op) {
    case 'conv2d':
      return conv2d(value, stage.kernels, stage);
    case 'relu':
      return relu(value);
    case 'maxpool':
      return maxPool2d(value, stage);
    case 'avgpool':
      return avgPool2d(value, stage);
    case 'flatten':
      return vector(flatten(value, stage.order ?? 'chw'));
    case 'dense':
      return vector(dense(Array.from(value.data), stage.weights, stage.bias));
    case 'softmax':
      return vector(softmax(Array.from(value.data)));
    default:
      throw new ValueError(
        'op',
        `Expected a stage \`op\` of conv2d, relu, maxpool, avgpool, flatten, dense or softmax, got ${describe((stage as { op?: unknown }).op)}.`,
      );
  }
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
 * `runPipeline`, also giving the steps all stages took. Each stage's steps are counted before
 * it runs, and the pipeline stops before the total would pass LIMITS.work.
 */
export function runPipelineCounted(
  input: Tensor,
  stages: readonly PipelineStage[],
): { outputs: Tensor[]; work: number } {
  if (!Array.isArray(stages)) {
    throw new ShapeError(
      'stages',
      `Expected \`stages\` to be a list of stages, got ${describe(stages)}.`,
    );
  }
  const outputs: Tensor[] = [];
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
      value = runStage(value, stage);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      const argument = error.argument === 'input' ? where : `${where}.${error.argument}`;
      const wrap = error instanceof ShapeError ? shapeError : valueError;
      throw wrap(argument, 'in-stage', { stage: where, op, error });
    }
    outputs.push(value);
  });
  return { outputs, work };
}

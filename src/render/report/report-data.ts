/**
 * What a report is drawn from: the engine's results and the settings that made them. The
 * request layer's `CalcResult` has this shape, but the type is declared here so that render
 * depends on the engine alone; a change on either side that breaks the match fails to compile
 * where a result is handed to `textReport`.
 */
import type {
  Conv1dMode,
  Conv2dOptions,
  Geometry2d,
  ModelSummary,
  OutputSize,
  PipelineStage,
  PoolOptions,
  Tensor,
} from '../../engine/index.js';

export type ReportData =
  | {
      readonly op: 'conv2d';
      readonly input: Tensor;
      readonly filters: Tensor;
      readonly options: Conv2dOptions;
      readonly geometry: Geometry2d;
      readonly output: Tensor;
    }
  | {
      readonly op: 'maxpool' | 'avgpool';
      readonly input: Tensor;
      readonly options: PoolOptions;
      readonly geometry: Geometry2d;
      readonly output: Tensor;
    }
  | {
      readonly op: 'conv1d';
      /** The numbers and settings as given. */
      readonly request: {
        readonly input: readonly number[];
        readonly kernel: readonly number[];
        readonly flip?: boolean;
        readonly mode?: Conv1dMode;
      };
      readonly padding: readonly [number, number];
      readonly output: readonly number[];
    }
  | { readonly op: 'relu'; readonly input: Tensor; readonly output: Tensor }
  | {
      readonly op: 'softmax';
      readonly input: readonly number[];
      readonly output: readonly number[];
    }
  | {
      readonly op: 'dense';
      readonly input: readonly number[];
      readonly weights: readonly (readonly number[])[];
      readonly bias?: readonly number[];
      readonly output: readonly number[];
    }
  | { readonly op: 'outsize'; readonly output: OutputSize }
  | {
      readonly op: 'params';
      readonly request: { readonly layer: 'conv2d' | 'dense' };
      readonly output: {
        readonly weights: number;
        readonly biases: number;
        readonly total: number;
        readonly perUnit: number;
      };
    }
  | { readonly op: 'summary'; readonly output: ModelSummary }
  | {
      readonly op: 'pipeline';
      readonly input: Tensor;
      readonly stages: readonly PipelineStage[];
      readonly outputs: readonly Tensor[];
      readonly show?: readonly number[];
    };

/** The data of one kind of report. */
export type ReportOf<Op extends ReportData['op']> = Extract<ReportData, { op: Op }>;

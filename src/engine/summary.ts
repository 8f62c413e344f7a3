/**
 * Keras-style model summaries: a table of layers with output shapes and parameter counts,
 * as data (`summarize`) and as text lines (`formatSummary`) shaped like `model.summary()`.
 */
import { formatCount } from './format-count.js';
import { expectExactCount } from './limits.js';
import { KERAS_NAMES, type LayerType, type ModelSpec, resolveModel } from './model.js';

export interface SummaryRow {
  readonly index: number;
  /** Keras-style name: conv2d, max_pooling2d, flatten, dense, numbered conv2d_1 when repeated. */
  readonly name: string;
  readonly type: LayerType;
  /** Keras class, shown in brackets: Conv2D, MaxPooling2D, Dense, … */
  readonly className: string;
  /** (H, W, C) or (units), without the batch axis. */
  readonly outputShape: number[];
  readonly params: number;
}

export interface ModelSummary {
  /** (H, W, C) of the input. */
  readonly inputShape: number[];
  readonly rows: SummaryRow[];
  readonly totalParams: number;
  /** Every parameter here is learned, so this equals totalParams. */
  readonly trainableParams: number;
  readonly nonTrainableParams: number;
}

/**
 * One row per layer with its output shape and parameter count, and the totals.
 * Validates the spec first (errors name the field, e.g. `layers[2].kernel`).
 *
 * Example: the lectures' MNIST CNN (input [28, 28, 1]; conv 32 3×3 relu, maxpool 2, conv 64 3×3,
 * maxpool 2, flatten, dense 1024 relu, dense 10 softmax) → rows conv2d (26, 26, 32) 320,
 * max_pooling2d (13, 13, 32) 0, conv2d_1 (11, 11, 64) 18,496, max_pooling2d_1 (5, 5, 64) 0,
 * flatten (1600) 0, dense (1024) 1,639,424, dense_1 (10) 10,250; totalParams 1,668,490.
 */
export function summarize(spec: ModelSpec): ModelSummary {
  const layers = resolveModel(spec);
  const rows = layers.map((layer) => ({
    index: layer.index,
    name: layer.name,
    type: layer.spec.type,
    className: KERAS_NAMES[layer.spec.type].className,
    outputShape: layer.outputShape,
    params: layer.params,
  }));
  const totalParams = expectExactCount(
    'total_params',
    rows.reduce((sum, row) => sum + row.params, 0),
  );
  return {
    inputShape: [...spec.input],
    rows,
    totalParams,
    trainableParams: totalParams,
    nonTrainableParams: 0,
  };
}

/**
 * A shape as Keras prints it, with `None` for the batch axis.
 * Example: `formatShape([26, 26, 32])` → `"(None, 26, 26, 32)"`; `formatShape([10])` → `"(None, 10)"`.
 */
export function formatShape(shape: readonly number[]): string {
  return `(${['None', ...shape.map(String)].join(', ')})`;
}

export { formatCount } from './format-count.js';

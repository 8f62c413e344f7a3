/**
 * A model summary (the engine's `summarize`) as the lines Keras's `model.summary()` prints:
 * the one place that turns a summary into text, with shapes in Keras's channels-last order.
 */
import { type ModelSummary, formatCount, formatShape } from '../engine/summary.js';

export interface FormatSummaryOptions {
  /** Shown as `Model: "…"`. @default 'sequential' */
  readonly modelName?: string;
}

/**
 * The summary as lines shaped like Keras's `model.summary()` (one line per layer, no blank
 * separators, trailing spaces trimmed). Columns are at least 29, 26 and 10 characters like
 * Keras's 65-wide table, and widen instead of wrapping when a name or shape is longer.
 *
 * Example (first lines for the MNIST CNN):
 * ```
 * Model: "sequential"
 * _________________________________________________________________
 *  Layer (type)                Output Shape              Param #
 * =================================================================
 *  conv2d (Conv2D)             (None, 26, 26, 32)        320
 * ```
 * and it ends with `Total params: 1,668,490`, `Trainable params: 1,668,490`, `Non-trainable params: 0`.
 */
export function formatSummary(summary: ModelSummary, options: FormatSummaryOptions = {}): string[] {
  const { modelName = 'sequential' } = options;
  const cells = summary.rows.map((row) => [
    ` ${row.name} (${row.className})`,
    formatShape(row.outputShape),
    formatCount(row.params),
  ]);
  const header = [' Layer (type)', 'Output Shape', 'Param #'];
  // One space at least between columns, so a long name never runs into its shape. A loop,
  // not Math.max(...cells): a model may have more layers than a call has room for arguments.
  let [nameWidth, shapeWidth, paramWidth] = [29, 26, 10];
  for (const [name, shape, params] of cells) {
    nameWidth = Math.max(nameWidth, name.length + 1);
    shapeWidth = Math.max(shapeWidth, shape.length + 1);
    paramWidth = Math.max(paramWidth, params.length);
  }
  const width = nameWidth + shapeWidth + paramWidth;
  const line = ([name, shape, params]: string[]) =>
    (name.padEnd(nameWidth) + shape.padEnd(shapeWidth) + params).trimEnd();
  return [
    `Model: "${modelName}"`,
    '_'.repeat(width),
    line(header),
    '='.repeat(width),
    ...cells.map(line),
    '='.repeat(width),
    `Total params: ${formatCount(summary.totalParams)}`,
    `Trainable params: ${formatCount(summary.trainableParams)}`,
    `Non-trainable params: ${formatCount(summary.nonTrainableParams)}`,
    '_'.repeat(width),
  ];
}

/**
 * The sliding-window demo's numbers, from the engine: where the window is for each output
 * cell, what every cell is, how big the output is, and which cells the learner predicts.
 * One model per demo, stride and padding, computed once and shared by the tutor's demo step
 * and `lesson --print`.
 */
import type { Demo, DemoPadding } from '../content/course.js';
import {
  type ConvCellExplanation,
  type Geometry2d,
  type OutputSize,
  type Tensor,
  conv2d,
  conv2dGeometry,
  explainConv2dCell,
  outputSize,
  tensor,
  toNested,
} from '../engine/index.js';

/** The demo with the learner's current stride and padding. */
export interface DemoModel {
  readonly input: Tensor;
  readonly kernel: Tensor;
  readonly stride: number;
  readonly padding: DemoPadding;
  readonly bias: number;
  readonly geometry: Geometry2d;
  /** Output cells: outH · outW. */
  readonly total: number;
  readonly rows: OutputSize;
  readonly cols: OutputSize;
  /** Every output cell, row by row. */
  readonly output: readonly (readonly number[])[];
}

/** What `p` steps through, in order. */
export const PADDING_CYCLE: readonly DemoPadding[] = ['valid', 'same', 1, 2];

/** The stride never goes above this: larger strides only skip the whole input. */
const MAX_STRIDE = 4;

function grid2d(rows: readonly (readonly number[])[]): Tensor {
  return tensor([1, 1, rows.length, rows[0].length], rows.flat());
}

const models = new WeakMap<Demo, Map<string, DemoModel>>();

export function demoModel(demo: Demo, stride: number, padding: DemoPadding): DemoModel {
  const key = `${stride}|${padding}`;
  const byDemo = models.get(demo) ?? new Map<string, DemoModel>();
  models.set(demo, byDemo);
  let model = byDemo.get(key);
  if (model === undefined) {
    model = computeModel(demo, stride, padding);
    byDemo.set(key, model);
  }
  return model;
}

function computeModel(demo: Demo, stride: number, padding: DemoPadding): DemoModel {
  const input = tensor([1, demo.input.length, demo.input[0].length], demo.input.flat());
  const kernel = grid2d(demo.kernel);
  const geometry = conv2dGeometry(input, kernel, { stride, padding, bias: [demo.bias] });
  const [, H, W] = input.shape;
  const [, , kH, kW] = kernel.shape;
  return {
    input,
    kernel,
    stride,
    padding,
    bias: demo.bias,
    geometry,
    total: geometry.outH * geometry.outW,
    rows: outputSize({ n: H, f: kH, stride, pad: padding }),
    cols: outputSize({ n: W, f: kW, stride, pad: padding }),
    output: (
      toNested(conv2d(input, kernel, { stride, padding, bias: [demo.bias] })) as number[][][]
    )[0],
  };
}

/** Output cell `index` (reading order) as [row, col]. */
export function cellPosition(model: DemoModel, index: number): [number, number] {
  return [Math.floor(index / model.geometry.outW), index % model.geometry.outW];
}

/** Why cell `index` has its value: window, products, sum, bias. */
export function explainCell(model: DemoModel, index: number): ConvCellExplanation {
  const [row, col] = cellPosition(model, index);
  return explainConv2dCell(
    model.input,
    model.kernel,
    { stride: model.stride, padding: model.padding, bias: [model.bias] },
    0,
    row,
    col,
  );
}

/**
 * The `count` cells to predict, spread evenly and never the first, so the learner watches one
 * cell worked out before being asked: ⌊(i + 1) · total / (count + 1)⌋ for i = 0 … count − 1.
 * Example: `predictionCells(9, 2)` → [3, 6].
 */
export function predictionCells(total: number, count: number): number[] {
  const n = Math.max(0, Math.min(count, total - 1));
  const cells = Array.from({ length: n }, (_, i) => Math.floor(((i + 1) * total) / (n + 1)));
  return [...new Set(cells)].filter((c) => c > 0 && c < total);
}

/** The padding after `current` in the cycle; a padding outside the cycle goes back to `valid`. */
export function nextPadding(current: DemoPadding): DemoPadding {
  const i = PADDING_CYCLE.indexOf(current);
  return PADDING_CYCLE[(i + 1) % PADDING_CYCLE.length];
}

/** The largest useful stride for this padding: past it the output stays one cell. */
export function maxStride(demo: Demo, padding: DemoPadding): number {
  const model = demoModel(demo, 1, padding);
  const room = Math.min(model.rows.numerator, model.cols.numerator) + 1;
  return Math.max(1, Math.min(MAX_STRIDE, room));
}

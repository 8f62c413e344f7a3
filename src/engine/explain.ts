/**
 * Why an output cell has its value: which window, which input values (padding marked
 * as padding), which products, which sum. Step-by-step views, hints and worked solutions
 * all read these; nothing else recomputes a cell by hand.
 */
import { shapeError } from './errors.js';
import { type Conv2dOptions, conv2dGeometry } from './conv2d.js';
import { type PoolOptions, poolGeometry } from './pool.js';
import type { Tensor } from './tensor.js';

/** One kernel tap: input value × weight. Input row/column are in unpadded coordinates. */
export interface ConvTerm {
  channel: number;
  kRow: number;
  kCol: number;
  inRow: number;
  inCol: number;
  /** True when (inRow, inCol) lies in the zero padding outside the image. */
  padded: boolean;
  input: number;
  weight: number;
  product: number;
}

export interface ConvCellExplanation {
  filter: number;
  row: number;
  col: number;
  /** Top-left of the window in unpadded input coordinates (negative inside top/left padding). */
  origin: { row: number; col: number };
  terms: ConvTerm[];
  /** Σ products. */
  sum: number;
  scale: number;
  bias: number;
  /** scale · sum + bias: the output cell. */
  value: number;
}

function checkCell(op: 'conv' | 'pool', shape: readonly number[], index: number[]): void {
  index.forEach((k, a) => {
    if (!Number.isInteger(k) || k < 0 || k >= shape[a]) {
      throw shapeError('cell', `${op}-cell-outside`, {
        shape: shape.join(','),
        cell: index.join(','),
      });
    }
  });
}

export function explainConv2dCell(
  input: Tensor,
  filters: Tensor,
  options: Conv2dOptions,
  filter: number,
  row: number,
  col: number,
): ConvCellExplanation {
  const g = conv2dGeometry(input, filters, options);
  checkCell('conv', [filters.shape[0], g.outH, g.outW], [filter, row, col]);
  const C = input.shape[0];
  const originRow = row * g.sH - g.pad.top;
  const originCol = col * g.sW - g.pad.left;
  const terms: ConvTerm[] = [];
  let sum = 0;
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < g.kH; i++) {
      for (let j = 0; j < g.kW; j++) {
        const inRow = originRow + i * g.dH;
        const inCol = originCol + j * g.dW;
        const padded = inRow < 0 || inRow >= g.inH || inCol < 0 || inCol >= g.inW;
        const value = padded ? 0 : input.data[(c * g.inH + inRow) * g.inW + inCol];
        const weight = filters.data[((filter * C + c) * g.kH + i) * g.kW + j];
        const product = value * weight;
        sum += product;
        terms.push({
          channel: c,
          kRow: i,
          kCol: j,
          inRow,
          inCol,
          padded,
          input: value,
          weight,
          product,
        });
      }
    }
  }
  const scale = options.scale ?? 1;
  const bias = options.bias ? options.bias[filter] : 0;
  return {
    filter,
    row,
    col,
    origin: { row: originRow, col: originCol },
    terms,
    sum,
    scale,
    bias,
    value: sum * scale + bias,
  };
}

export interface PoolTerm {
  kRow: number;
  kCol: number;
  inRow: number;
  inCol: number;
  padded: boolean;
  /** The input value; padded cells have none. */
  input: number | null;
}

export interface PoolCellExplanation {
  op: 'max' | 'avg';
  channel: number;
  row: number;
  col: number;
  origin: { row: number; col: number };
  terms: PoolTerm[];
  /** Cells that count (padding never does). */
  counted: number;
  /** Index into `terms` of the winning cell for max; -1 for avg. */
  winner: number;
  value: number;
}

export function explainPoolCell(
  op: 'max' | 'avg',
  input: Tensor,
  options: PoolOptions,
  channel: number,
  row: number,
  col: number,
): PoolCellExplanation {
  const g = poolGeometry(input, options);
  checkCell('pool', [input.shape[0], g.outH, g.outW], [channel, row, col]);
  const originRow = row * g.sH - g.pad.top;
  const originCol = col * g.sW - g.pad.left;
  const terms: PoolTerm[] = [];
  let best = -Infinity;
  let winner = -1;
  let total = 0;
  let counted = 0;
  for (let i = 0; i < g.kH; i++) {
    for (let j = 0; j < g.kW; j++) {
      const inRow = originRow + i;
      const inCol = originCol + j;
      const padded = inRow < 0 || inRow >= g.inH || inCol < 0 || inCol >= g.inW;
      const value = padded ? null : input.data[(channel * g.inH + inRow) * g.inW + inCol];
      if (value !== null) {
        counted++;
        total += value;
        if (value > best) {
          best = value;
          winner = terms.length;
        }
      }
      terms.push({ kRow: i, kCol: j, inRow, inCol, padded, input: value });
    }
  }
  return {
    op,
    channel,
    row,
    col,
    origin: { row: originRow, col: originCol },
    terms,
    counted,
    winner: op === 'max' ? winner : -1,
    value: op === 'max' ? best : total / counted,
  };
}

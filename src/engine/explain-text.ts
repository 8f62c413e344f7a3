/**
 * Explanations written out the way the lecture slides do: `1*1 + 1*0 + 1*1 + … = 4`.
 * Plain notation only; layout and colour belong to the render layer.
 */
import type { ConvCellExplanation, PoolCellExplanation } from './explain.js';

/** Integers as integers, other numbers with up to `decimals` places (trailing zeros dropped). */
export function plainNumber(value: number, decimals = 4): string {
  if (Object.is(value, -0)) return '0';
  if (Number.isInteger(value)) return String(value);
  const s = value.toFixed(decimals).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** A factor in a written-out product: negative numbers in brackets, as in `(-1)*2`. */
export function factor(value: number): string {
  const s = plainNumber(value);
  return value < 0 ? `(${s})` : s;
}

/** `a*b + c*d + …` for a conv cell, channel by channel, padding written as 0. */
export function productsText(e: ConvCellExplanation, options: { channel?: number } = {}): string {
  const terms =
    options.channel === undefined ? e.terms : e.terms.filter((t) => t.channel === options.channel);
  return terms.map((t) => `${factor(t.input)}*${factor(t.weight)}`).join(' + ');
}

/** The whole cell: products = sum, then scale and bias when they play a part. */
export function convCellText(e: ConvCellExplanation): string {
  let text = `${productsText(e)} = ${plainNumber(e.sum)}`;
  if (e.scale !== 1) text += `; × ${plainNumber(e.scale)} = ${plainNumber(e.sum * e.scale)}`;
  if (e.bias !== 0) text += `; + bias ${plainNumber(e.bias)} = ${plainNumber(e.value)}`;
  return text;
}

/** `max(1, 0, 3, 2) = 3` or `(1 + 0 + 3 + 2) / 4 = 1.5`; padding is left out, as it takes no part. */
export function poolCellText(e: PoolCellExplanation): string {
  const values = e.terms.filter((t) => !t.padded).map((t) => plainNumber(t.input as number));
  if (e.op === 'max') return `max(${values.join(', ')}) = ${plainNumber(e.value)}`;
  return `(${values.join(' + ')}) / ${e.counted} = ${plainNumber(e.value)}`;
}

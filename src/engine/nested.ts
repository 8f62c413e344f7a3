/**
 * The lectures' layout as nested lists, checked and turned into tensors:
 * an image is one grid or a list of grids (one per channel, channels first);
 * filters are a list whose items are each one grid (single-channel input) or a list of grids.
 */
import { ShapeError, describe } from './errors.js';
import { type Tensor, fromNested, reshape } from './tensor.js';

function depth(value: unknown): number {
  let d = 0;
  while (Array.isArray(value)) {
    d++;
    value = value[0];
  }
  return d;
}

/** A grid G or channels [G, …] → (C,H,W). */
export function volumeFrom(name: string, value: unknown): Tensor {
  const d = depth(value);
  if (d === 2) {
    const t = fromNested(name, value, 2);
    return reshape(t, [1, t.shape[0], t.shape[1]]);
  }
  if (d === 3) return fromNested(name, value, 3);
  const got =
    d === 0
      ? describe(value)
      : d === 1
        ? (value as unknown[]).length === 0
          ? 'an empty list'
          : 'a list of numbers'
        : `${d} levels of nested lists`;
  throw new ShapeError(
    name,
    `Expected \`${name}\` to be a grid (a list of rows) or a list of grids (one per channel), got ${got}.`,
  );
}

/** [K | [K, …], …] → (O,C,kH,kW); every filter must have `channels` channels. */
export function filtersFrom(name: string, value: unknown, channels: number): Tensor {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ShapeError(
      name,
      `Expected \`${name}\` to be a non-empty list of filters, got ${describe(value)}.`,
    );
  }
  const items = value.map((k, o) => volumeFrom(`${name}[${o}]`, k));
  const [C, kH, kW] = items[0].shape;
  items.forEach((t, o) => {
    if (t.shape[0] !== channels) {
      throw new ShapeError(
        `${name}[${o}]`,
        `Each filter must span all ${channels} input channel${channels === 1 ? '' : 's'}, but \`${name}[${o}]\` has ${t.shape[0]}.`,
      );
    }
    if (t.shape[1] !== kH || t.shape[2] !== kW) {
      throw new ShapeError(
        `${name}[${o}]`,
        `All filters must have the same size: \`${name}[0]\` is ${kH}×${kW}, \`${name}[${o}]\` is ${t.shape[1]}×${t.shape[2]}.`,
      );
    }
  });
  const data = new Float64Array(items.length * C * kH * kW);
  items.forEach((t, o) => data.set(t.data, o * t.data.length));
  return { shape: [items.length, C, kH, kW], data };
}

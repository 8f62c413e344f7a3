/**
 * The lectures' layout as nested lists, checked and turned into tensors:
 * an image is one grid or a list of grids (one per channel, channels first);
 * filters are a list whose items are each one grid (single-channel input) or a list of grids.
 */
import { describeValue, phrase, shapeError } from './errors.js';
import { LIMITS, checkCells } from './limits.js';
import { type Tensor, fromNested, reshape } from './tensor.js';

function depth(value: unknown): number {
  let d = 0;
  // Deeper than a tensor may be is deep enough to refuse: no need to walk further down.
  while (Array.isArray(value) && d <= LIMITS.rank) {
    d++;
    value = value[0];
  }
  return d;
}

/** The shape the first items of nested lists claim, at most LIMITS.rank levels down. */
function firstShape(value: unknown): number[] {
  const shape: number[] = [];
  while (Array.isArray(value) && value.length > 0 && shape.length < LIMITS.rank) {
    shape.push(value.length);
    value = value[0];
  }
  return shape;
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
      ? describeValue(value)
      : d === 1
        ? (value as unknown[]).length === 0
          ? phrase('empty-list', {})
          : phrase('rank', { rank: 1 })
        : phrase('levels', { depth: d });
  throw shapeError(name, 'not-a-volume', { name, got });
}

/** [K | [K, …], …] → (O,C,kH,kW); every filter must have `channels` channels. */
export function filtersFrom(name: string, value: unknown, channels: number): Tensor {
  if (!Array.isArray(value) || value.length === 0) {
    throw shapeError(name, 'no-filters', { name, got: describeValue(value) });
  }
  // Every filter is as big as the first (checked below): refuse too many before building any.
  checkCells(name, () => phrase('named', { name }), [value.length, ...firstShape(value[0])]);
  const items = value.map((k, o) => volumeFrom(`${name}[${o}]`, k));
  const [C, kH, kW] = items[0].shape;
  items.forEach((t, o) => {
    if (t.shape[0] !== channels) {
      const filter = `${name}[${o}]`;
      throw shapeError(filter, 'filter-channels', { channels, filter, got: t.shape[0] });
    }
    if (t.shape[1] !== kH || t.shape[2] !== kW) {
      const filter = `${name}[${o}]`;
      throw shapeError(filter, 'filter-sizes', {
        first: `${name}[0]`,
        firstRows: kH,
        firstColumns: kW,
        filter,
        rows: t.shape[1],
        columns: t.shape[2],
      });
    }
  });
  const data = new Float64Array(items.length * C * kH * kW);
  items.forEach((t, o) => data.set(t.data, o * t.data.length));
  return { shape: [items.length, C, kH, kW], data };
}

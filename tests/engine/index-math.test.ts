/**
 * The flat-index helpers: every cell of a grid or a (C,H,W) volume has its own position inside
 * the data, coordinates come back from it, and they agree with `offset` (the checked form that
 * owns the layout) and with `toNested` (what a learner sees).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gridCoords,
  gridIndex,
  offset,
  planeOf,
  planeRows,
  planeSpan,
  rowSpan,
  sizeOf,
  toNested,
  volumeCoords,
  volumeIndex,
} from '../../src/engine/index.js';

const side = fc.integer({ min: 1, max: 7 });
const volumeShape = fc.tuple(side, side, side);

/** A shape and one cell inside it. */
const volumeCell = volumeShape.chain(([C, H, W]) =>
  fc.record({
    shape: fc.constant([C, H, W] as [number, number, number]),
    c: fc.integer({ min: 0, max: C - 1 }),
    y: fc.integer({ min: 0, max: H - 1 }),
    x: fc.integer({ min: 0, max: W - 1 }),
  }),
);

describe('gridIndex / gridCoords', () => {
  it('round-trips every cell and stays inside the grid', () => {
    fc.assert(
      fc.property(side, side, (rows, columns) => {
        const seen = new Set<number>();
        for (let y = 0; y < rows; y++)
          for (let x = 0; x < columns; x++) {
            const i = gridIndex(columns, y, x);
            expect(i).toBe(offset([rows, columns], [y, x]));
            expect(i).toBeGreaterThanOrEqual(0);
            expect(i).toBeLessThan(rows * columns);
            expect(gridCoords(columns, i)).toEqual([y, x]);
            seen.add(i);
          }
        expect(seen.size).toBe(rows * columns);
      }),
    );
  });

  it('reads cell (1, 2) of a 3-wide grid at position 5', () => {
    expect(gridIndex(3, 1, 2)).toBe(5);
    expect(gridCoords(3, 5)).toEqual([1, 2]);
  });
});

describe('volumeIndex / volumeCoords', () => {
  it('agrees with offset and comes back to the same cell', () => {
    fc.assert(
      fc.property(volumeCell, ({ shape, c, y, x }) => {
        const i = volumeIndex(shape, c, y, x);
        expect(i).toBe(offset(shape, [c, y, x]));
        expect(i).toBeLessThan(sizeOf(shape));
        expect(volumeCoords(shape, i)).toEqual([c, y, x]);
      }),
    );
  });

  it('names the value toNested shows at [c][y][x]', () => {
    fc.assert(
      fc.property(volumeCell, ({ shape, c, y, x }) => {
        const data = Float64Array.from({ length: sizeOf(shape) }, (_, k) => k * 3 + 1);
        const nested = toNested({ shape, data }) as number[][][];
        expect(data[volumeIndex(shape, c, y, x)]).toBe(nested[c][y][x]);
      }),
    );
  });

  it('addresses a filter bank plane by plane: filter o, channel c is plane o·C + c', () => {
    const shape = [2, 3, 2, 2];
    const data = Float64Array.from({ length: sizeOf(shape) }, (_, k) => k);
    const nested = toNested({ shape, data }) as number[][][][];
    expect(data[volumeIndex(shape, gridIndex(3, 1, 2), 1, 0)]).toBe(nested[1][2][1][0]);
  });
});

describe('planes and rows', () => {
  it('a plane is channel c as toNested shows it, and rows tile it in order', () => {
    fc.assert(
      fc.property(volumeShape, ([C, H, W]) => {
        const shape = [C, H, W];
        const data = Float64Array.from({ length: C * H * W }, (_, k) => k - 5);
        const nested = toNested({ shape, data }) as number[][][];
        for (let c = 0; c < C; c++) {
          expect(planeRows({ shape, data }, c)).toEqual(nested[c]);
          expect(toNested(planeOf({ shape, data }, c))).toEqual(nested[c]);
          const [start, end] = planeSpan(shape, c);
          expect([start, end]).toEqual([c * H * W, (c + 1) * H * W]);
          expect(rowSpan(shape, c, 0)[0]).toBe(start);
          expect(rowSpan(shape, c, H - 1)[1]).toBe(end);
        }
      }),
    );
  });

  it('takes a list of numbers as one row', () => {
    expect(planeRows({ shape: [3], data: [1, 2, 3] }, 0)).toEqual([[1, 2, 3]]);
  });
});

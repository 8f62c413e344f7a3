/** The zero padding written around a grid before it is drawn (calc's report, the sliding-window demo). */
import { describe, expect, it } from 'vitest';
import { paddedGrid } from '../../src/render/padded-grid.js';
import { renderGrid } from '../../src/render/index.js';

const NONE = { top: 0, bottom: 0, left: 0, right: 0 };

describe('paddedGrid', () => {
  it('writes each band of zeros on its own side', () => {
    expect(
      paddedGrid(
        [
          [1, 2],
          [3, 4],
        ],
        { top: 1, bottom: 2, left: 0, right: 1 },
      ),
    ).toEqual([
      [0, 0, 0],
      [1, 2, 0],
      [3, 4, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('without padding is a copy of the grid, not the grid itself', () => {
    const grid = [[5, -1, 0.5]];
    const out = paddedGrid(grid, NONE);
    expect(out).toEqual(grid);
    out[0][0] = 9;
    expect(grid[0][0]).toBe(5);
  });

  it('is drawn with its bands as padding', () => {
    const pad = { top: 1, bottom: 1, left: 1, right: 1 };
    expect(renderGrid(paddedGrid([[7]], pad), { border: 'ascii', padded: pad })).toEqual([
      '+---+---+---+',
      '| . | . | . |',
      '+---+---+---+',
      '| . | 7 | . |',
      '+---+---+---+',
      '| . | . | . |',
      '+---+---+---+',
    ]);
  });

  it('takes a row longer than a call can spread', () => {
    const row = Array.from({ length: 300_000 }, (_, i) => i);
    const [out] = paddedGrid([row], { ...NONE, left: 1, right: 1 });
    expect(out.length).toBe(300_002);
    expect([out[0], out[1], out[300_000], out[300_001]]).toEqual([0, 0, 299_999, 0]);
  });
});

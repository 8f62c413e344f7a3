/**
 * A grid with its zero padding written around it, so an input can be drawn as a convolution
 * reads it; `renderGrid`'s `padded` option, given the same bands, draws those zeros as dots.
 */
import type { Pads } from '../engine/index.js';

export function paddedGrid(grid: readonly (readonly number[])[], pad: Pads): number[][] {
  const cols = (grid.length > 0 ? grid[0].length : 0) + pad.left + pad.right;
  const zeros = (): number[] => new Array<number>(cols).fill(0);
  const out: number[][] = [];
  for (let y = 0; y < pad.top; y++) out.push(zeros());
  // Cell by cell rather than spread: a row may be longer than a call's argument list.
  for (const row of grid) {
    const padded = zeros();
    for (let x = 0; x < row.length; x++) padded[pad.left + x] = row[x];
    out.push(padded);
  }
  for (let y = 0; y < pad.bottom; y++) out.push(zeros());
  return out;
}

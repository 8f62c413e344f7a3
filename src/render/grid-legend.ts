/**
 * The line under a grid that explains its cell markers, built from the glyph table the grid
 * is drawn with so the two never disagree. It sits apart from grid-glyphs.ts because it reads
 * the grid's options, and grid.ts reads the glyphs: one file holding both would be a loop.
 */
import type { GridOptions } from './grid.js';
import { GRID_GLYPHS } from './grid-glyphs.js';

/**
 * One line naming the markers `options` makes a grid use, e.g.
 * "[4] highlighted  ✗ wrong  ✓ right  · zero padding  ? not worked out yet".
 * Empty when the grid uses none of them.
 */
export function gridLegend(options: GridOptions): string {
  const g = GRID_GLYPHS[options.border ?? 'unicode'];
  const padded = Object.values(options.padded ?? {}).some((n) => (n ?? 0) > 0);
  const entries: Array<[boolean, string]> = [
    [options.highlight !== undefined, `${g.highlightOpen}4${g.highlightClose} highlighted`],
    [options.marks !== undefined, `${g.wrong} wrong  ${g.right} right`],
    [padded, `${g.padding} zero padding`],
    [options.blank !== undefined, `${g.blank} not worked out yet`],
  ];
  return entries
    .filter(([used]) => used)
    .map(([, text]) => text)
    .join('  ');
}

/**
 * The grid editor's cells as lines: what the learner has typed in each cell, the current cell
 * in brackets like a highlighted grid cell (`[ 4]`), so it reads the same without colour.
 */
import { GRID_GLYPHS, padStartTo, displayWidth } from '../../render/index.js';
import type { GridDraft } from '../state/types.js';
import { type ViewOptions, fit } from '../../view/text.js';

export function gridEditorLines(grid: GridDraft, o: ViewOptions): string[] {
  const glyphs = GRID_GLYPHS[o.ascii ? 'ascii' : 'unicode'];
  const textWidth = Math.max(2, ...grid.cells.flat().map((cell) => displayWidth(cell)));
  const slot = textWidth + 2;
  const rule = ([left, line, join, right]: readonly [string, string, string, string]): string =>
    o.style.dim(left + Array(grid.cells[0].length).fill(line.repeat(slot)).join(join) + right);
  const wall = o.style.dim(glyphs.wall);
  const rows = grid.cells.map(
    (row, r) =>
      wall +
      row
        .map((cell, c) => {
          const text = padStartTo(cell, textWidth);
          return r === grid.row && c === grid.col
            ? o.style.highlight(glyphs.highlightOpen + text + glyphs.highlightClose)
            : ` ${text} `;
        })
        .join(wall) +
      wall,
  );
  const title = o.style.bold(
    o.t('tui.grid.title', {
      rows: grid.cells.length,
      cols: grid.cells[0].length,
      row: grid.row,
      col: grid.col,
    }),
  );
  return fit([title, rule(glyphs.top), ...rows, rule(glyphs.bottom)], o.width);
}

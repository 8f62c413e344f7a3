/**
 * The grid editor's text cells, kept in step with the answer field's text (`1 2; 3 4`), so
 * the learner can switch between typing a line and filling cells without losing anything.
 */
import { gridCoords, gridIndex } from '../../engine/index-math.js';
import type { GridDraft } from './types.js';

/** Characters a number can be typed with; a comma is taken as a decimal point. */
const NUMBER_CHAR = /^[0-9.+\-/eE\u2212]$/;

/** Cells read from the answer text, row by row; what does not fit is dropped, gaps stay empty. */
export function gridFromText(text: string, rows: number, cols: number): GridDraft {
  // `[[1, 2], [3, 4]]`: one row per innermost bracket pair; otherwise rows split at `;`.
  const bracketed = [...text.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]);
  const rowTexts =
    bracketed.length > 1 || text.includes('[[')
      ? bracketed
      : text.replace(/[[\]()]/g, ' ').split(/;|\n/);
  const cells = Array.from({ length: rows }, (_, r) => {
    const tokens = (rowTexts[r] ?? '').split(/[\s,]+/).filter((s) => s !== '');
    return Array.from({ length: cols }, (_, c) => tokens[c] ?? '');
  });
  return { cells, row: 0, col: 0, fresh: true };
}

/** The answer text of the cells: `1 2; 3 4`, empty cells as `?`, nothing typed → ''. */
export function textFromGrid(grid: GridDraft): string {
  if (grid.cells.every((row) => row.every((cell) => cell === ''))) return '';
  return grid.cells
    .map((row) => row.map((cell) => (cell === '' ? '?' : cell)).join(' '))
    .join('; ');
}

function clamp(n: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, n));
}

export function moveCursor(grid: GridDraft, rows: number, cols: number): GridDraft {
  return {
    ...grid,
    row: clamp(grid.row + rows, 0, grid.cells.length - 1),
    col: clamp(grid.col + cols, 0, grid.cells[0].length - 1),
    fresh: true,
  };
}

/** The next cell in reading order, back to the first after the last. */
export function nextCell(grid: GridDraft): GridDraft {
  const cols = grid.cells[0].length;
  const index = (gridIndex(cols, grid.row, grid.col) + 1) % (grid.cells.length * cols);
  const [row, col] = gridCoords(cols, index);
  return { ...grid, row, col, fresh: true };
}

function setCell(grid: GridDraft, text: string): GridDraft {
  const cells = grid.cells.map((row, r) =>
    r === grid.row ? row.map((cell, c) => (c === grid.col ? text : cell)) : row,
  );
  return { ...grid, cells, fresh: false };
}

/**
 * Typed characters added to the current cell, or in place of what it holds when the cursor has
 * just arrived there. A space or `;` moves on to the next cell, as it would separate numbers in
 * the answer line, and so do a tab or a line break inside pasted text (cells copied from a
 * spreadsheet); characters no number has are ignored.
 */
export function typeIntoGrid(grid: GridDraft, text: string): GridDraft {
  let next = grid;
  for (const char of text.replace(/\r\n/g, '\n')) {
    if (char === ' ' || char === ';' || char === '\t' || char === '\n' || char === '\r')
      next = nextCell(next);
    else if (NUMBER_CHAR.test(char) || char === ',')
      next = setCell(
        next,
        (next.fresh ? '' : next.cells[next.row][next.col]) + (char === ',' ? '.' : char),
      );
  }
  return next;
}

export function eraseInGrid(grid: GridDraft): GridDraft {
  return setCell(grid, grid.cells[grid.row][grid.col].slice(0, -1));
}

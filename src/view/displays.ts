/** A question's displays (grids, channels, lists, text) as lines, grids side by side when they fit, and how to type its answer. */
import type { Display, Question } from '../content/types.js';
import { type GridOptions, blockWidth, renderChannels, renderGrid } from '../render/index.js';
import { type ViewOptions, besideOrStacked, wrap } from './text.js';

export function gridOptions(o: ViewOptions): GridOptions {
  return { border: o.ascii ? 'ascii' : 'unicode', style: o.style, maxWidth: o.width };
}

/** Question grids with more rows or columns than this are drawn with their indices. */
const INDEXED_ABOVE = 3;
/** Indexed grids with more rows than this drop the rules between rows, to fit a 24-line screen. */
const RULED_UP_TO = 6;

/**
 * Row indices down the left and column indices along the top, when a question grid is big
 * enough that counting cells by eye is error-prone (more than 3 rows or columns) and every
 * grid still fits the width with them; otherwise no indices, so no grid column is ever
 * dropped for their sake. With the indices there to count by, grids of more than 6 rows
 * also drop the rules between rows, so that a 10×10 picture takes 14 lines instead of 22.
 * Grids with zero padding drawn in are left alone: their indices would count the padding.
 * Example: a 10×10 picture → `{ rowLabels: true, colLabels: true, rowRules: false }`;
 * a 5×5 input → `{ rowLabels: true, colLabels: true }`; a 3×3 kernel → `{}`.
 */
function indices(
  grids: readonly (readonly (readonly number[])[])[],
  options: GridOptions,
  width: number,
): Pick<GridOptions, 'rowLabels' | 'colLabels' | 'rowRules'> {
  const big = grids.some((g) => g.length > INDEXED_ABOVE || (g[0]?.length ?? 0) > INDEXED_ABOVE);
  if (!big || options.padded) return {};
  const labelled = { ...options, maxWidth: undefined, rowLabels: true, colLabels: true };
  if (!grids.every((g) => blockWidth(renderGrid(g, labelled)) <= width)) return {};
  const tall = grids.some((g) => g.length > RULED_UP_TO);
  return { rowLabels: true, colLabels: true, ...(tall ? { rowRules: false } : {}) };
}

/** Cells to mark in one display: a window, in every channel of a multi-channel display. */
export type DisplayHighlight = NonNullable<Question['asked']>;

function block(
  display: Exclude<Display, { type: 'text' }>,
  o: ViewOptions,
  highlight?: DisplayHighlight,
): string[] {
  const mark = highlight
    ? {
        highlight: {
          row: highlight.row,
          col: highlight.col,
          rows: highlight.rows,
          cols: highlight.cols,
        },
      }
    : {};
  switch (display.type) {
    case 'grid': {
      const options: GridOptions = {
        ...gridOptions(o),
        ...mark,
        title: display.title,
        ...(display.padded ? { padded: display.padded } : {}),
      };
      return renderGrid(display.grid, { ...options, ...indices([display.grid], options, o.width) });
    }
    case 'channels': {
      const options = { ...gridOptions(o), ...mark };
      return renderChannels(display.channels, {
        ...options,
        ...indices(display.channels, options, o.width),
        label: (c) => o.t('tui.exercise.channel', { title: display.title, channel: c }),
      });
    }
    case 'list':
      return wrap(`${display.title}: ${display.values.join(', ')}`, o.width);
  }
}

export function displayLines(
  displays: readonly Display[],
  o: ViewOptions,
  highlight?: DisplayHighlight,
): string[] {
  const lines: string[] = [];
  let row: string[][] = [];
  const flush = (): void => {
    if (row.length > 0) lines.push(...besideOrStacked(row, o.width, [], { gap: 3, align: 'top' }));
    row = [];
  };
  displays.forEach((display, i) => {
    if (display.type === 'text') {
      flush();
      lines.push(...wrap(display.text, o.width));
    } else {
      row.push(block(display, o, highlight?.display === i ? highlight : undefined));
    }
  });
  flush();
  return lines;
}

/**
 * How to type the answer (options of a choice, tolerance). `onPaper` drops what only the
 * tutor has (the grid editor): the printed lesson draws an empty grid instead.
 */
export function answerFormatLines(question: Question, o: ViewOptions, onPaper = false): string[] {
  const lines: string[] = [];
  const size = question.gridSize;
  if (question.kind === 'grid' && size) {
    const params = { rows: size.rows, cols: size.cols };
    const text = onPaper
      ? o.t('print.exercise.grid-size', params)
      : o.t('tui.exercise.format.grid-size', params);
    lines.push(...wrap(text, o.width));
  } else lines.push(...wrap(o.t(`tui.exercise.format.${question.kind}`), o.width));
  if (question.kind === 'choice') {
    (question.options ?? []).forEach((option, i) =>
      lines.push(...wrap(`  ${String.fromCharCode(97 + i)}) ${option}`, o.width)),
    );
  }
  if (question.tolerance > 0)
    lines.push(...wrap(o.t('tui.exercise.tolerance', { tolerance: question.tolerance }), o.width));
  return lines.map((line) => o.style.dim(line));
}

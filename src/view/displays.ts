/** A question's displays (grids, channels, lists, text) as lines, grids side by side when they fit, and how to type its answer. */
import type { Display, Question } from '../content/types.js';
import { type GridOptions, renderChannels, renderGrid } from '../render/index.js';
import { type ViewOptions, besideOrStacked, wrap } from './text.js';

export function gridOptions(o: ViewOptions): GridOptions {
  return { border: o.ascii ? 'ascii' : 'unicode', style: o.style, maxWidth: o.width };
}

function block(display: Exclude<Display, { type: 'text' }>, o: ViewOptions): string[] {
  switch (display.type) {
    case 'grid':
      return renderGrid(display.grid, {
        ...gridOptions(o),
        title: display.title,
        ...(display.padded ? { padded: display.padded } : {}),
      });
    case 'channels':
      return renderChannels(display.channels, {
        ...gridOptions(o),
        label: (c) => o.t('tui.exercise.channel', { title: display.title, channel: c }),
      });
    case 'list':
      return wrap(`${display.title}: ${display.values.join(', ')}`, o.width);
  }
}

export function displayLines(displays: readonly Display[], o: ViewOptions): string[] {
  const lines: string[] = [];
  let row: string[][] = [];
  const flush = (): void => {
    if (row.length > 0) lines.push(...besideOrStacked(row, o.width, [], { gap: 3, align: 'top' }));
    row = [];
  };
  for (const display of displays) {
    if (display.type === 'text') {
      flush();
      lines.push(...wrap(display.text, o.width));
    } else {
      row.push(block(display, o));
    }
  }
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

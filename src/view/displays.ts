/** A question's displays (grids, channels, lists, text) as lines, grids side by side when they fit. */
import type { Display } from '../content/types.js';
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

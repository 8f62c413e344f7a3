/**
 * What every full screen (the tutor's, the lab's) is framed by: the smallest terminal it
 * draws in and the notice shown below that, the help overlay's list of keys, and the lines
 * at the bottom. Each line fits the width.
 */
import { displayWidth, padEndTo, truncateToWidth } from '../../render/index.js';
import { type ViewOptions, fit, wrap } from '../../view/text.js';

/** Below this a screen asks for a bigger terminal instead of drawing a garbled one. */
export const MIN_WIDTH = 60;
export const MIN_HEIGHT = 18;

/** The last lines: the footer, or the quit question with its own keys. */
export interface Bottom {
  readonly question?: string;
  readonly footer: string[];
}

export function bottomRows(bottom: Bottom): number {
  return bottom.footer.length + (bottom.question === undefined ? 0 : 1);
}

/** "The terminal is W×H; … needs at least …", then `last` (how to quit), in `o.height − 1` rows. */
export function tooSmallLines(last: string, o: ViewOptions): string[] {
  const text = `${o.t('tui.too-small', { width: o.width, height: o.height, minWidth: MIN_WIDTH, minHeight: MIN_HEIGHT })}\n${last}`;
  const width = Math.max(1, o.width);
  return fit(wrap(text, width), width).slice(0, Math.max(1, o.height - 1));
}

/** The help title and one row per key (keys in a column), cut with `…` to `room` rows. */
export function helpLines(
  items: readonly { readonly keys: string; readonly label: string }[],
  room: number,
  o: ViewOptions,
): string[] {
  const keyWidth = Math.min(
    Math.floor(o.width / 3),
    Math.max(...items.map((i) => displayWidth(i.keys))),
  );
  const rows = items.map((i) =>
    truncateToWidth(
      `  ${padEndTo(truncateToWidth(o.style.bold(i.keys), keyWidth), keyWidth)}  ${i.label}`,
      o.width,
    ),
  );
  const shown = rows.length > room ? [...rows.slice(0, room - 1), '  …'] : rows;
  return [o.style.bold(truncateToWidth(o.t('tui.help.title'), o.width)), '', ...shown];
}

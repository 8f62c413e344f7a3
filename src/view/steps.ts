/** Prose, picture and figure steps as lines. */
import { errorText } from '../request/error-text.js';
import { runRequest } from '../request/run-request.js';
import { FIGURE_MAX_PRODUCTS, textReport } from '../render/report/text-report.js';
import type { Step } from '../content/course.js';
import { fitWidth } from '../render/index.js';
import { renderShaded } from '../render/shaded.js';
import { type ViewOptions, prose, wrap } from './text.js';

export function textStepLines(step: Extract<Step, { type: 'text' }>, o: ViewOptions): string[] {
  return prose(step.text, o.width, o.style);
}

/** Figure reports by step and look: the screen is rebuilt on every key, the report is not. */
const figureCache = new WeakMap<object, Map<string, string[]>>();

/** The figure is computed by the engine when it is shown, at the terminal's width. */
export function figureStepLines(step: Extract<Step, { type: 'figure' }>, o: ViewOptions): string[] {
  const key = `${o.width}|${o.ascii}|${o.style.color}`;
  const byLook = figureCache.get(step) ?? new Map<string, string[]>();
  figureCache.set(step, byLook);
  const cached = byLook.get(key);
  if (cached) return cached;
  const lines = computeFigure(step, o);
  byLook.set(key, lines);
  return lines;
}

function computeFigure(step: Extract<Step, { type: 'figure' }>, o: ViewOptions): string[] {
  const lines = [...prose(step.text, o.width, o.style), ''];
  try {
    lines.push(
      ...textReport(runRequest(step.request), {
        t: o.t,
        ascii: o.ascii,
        color: o.style.color,
        width: o.width,
        maxProducts: FIGURE_MAX_PRODUCTS,
      }),
    );
  } catch (error) {
    lines.push(
      ...wrap(o.t('tui.figure.failed', { error: errorText(error, o.t) }), o.width).map(
        o.style.error,
      ),
    );
  }
  if (step.caption) lines.push('', ...wrap(step.caption, o.width).map(o.style.dim));
  return lines;
}

/** A picture step: its text, the picture in shades (two columns per pixel), the caption. */
export function pictureStepLines(
  step: Extract<Step, { type: 'picture' }>,
  o: ViewOptions,
): string[] {
  const { grid, min, max } = step.picture;
  const lines = [...prose(step.text, o.width, o.style), ''];
  lines.push(...fitWidth(renderShaded(grid, { min, max, ascii: o.ascii }), o.width));
  if (step.caption) lines.push('', ...wrap(step.caption, o.width).map(o.style.dim));
  return lines;
}

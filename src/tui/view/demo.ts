/**
 * The sliding-window demo as lines: the (padded) input with the window highlighted, the
 * kernel beside it, the output filling in cell by cell, and the output-size formula, which
 * scroll; the stride and padding in use, the current cell's products and sum, and the
 * prediction asked for, pinned above the footer so a change is always seen.
 */
import type { Demo, DemoPadding } from '../../content/course.js';
import { convCellText } from '../../engine/index.js';
import { GRID_GLYPHS, renderGrid } from '../../render/index.js';
import { paddedGrid } from '../../render/padded-grid.js';
import { cellPosition, demoModel, explainCell, type DemoModel } from '../../view/demo-model.js';
import type { DemoSession } from '../state/types.js';
import { type ViewOptions, besideOrStacked, glyphs, say, prose, wrap } from '../../view/text.js';

function paddingText(padding: DemoPadding, model: DemoModel, o: ViewOptions): string {
  const { top, bottom, left, right } = model.geometry.pad;
  if (padding === 'valid') return o.t('tui.demo.padding-valid');
  if (padding === 'same' && top === bottom && top === left && top === right)
    return o.t('tui.demo.padding-same-even', { n: top });
  if (padding === 'same') return o.t('tui.demo.padding-same', { top, bottom, left, right });
  return o.t('tui.demo.padding-n', { n: padding });
}

function sizeLines(model: DemoModel, o: ViewOptions): string[] {
  const { rows, cols } = model;
  const square = rows.formula === cols.formula;
  const text = square
    ? o.t('tui.demo.size', { formula: rows.formula, rows: rows.size, cols: cols.size })
    : `${o.t('tui.demo.size-rows', { formula: rows.formula, rows: rows.size })}\n${o.t('tui.demo.size-cols', { formula: cols.formula, cols: cols.size })}`;
  return wrap(text, o.width);
}

function gridsBlock(
  demo: Demo,
  session: DemoSession,
  model: DemoModel,
  rowRules: boolean,
  o: ViewOptions,
): string[] {
  const g = glyphs(o.ascii);
  const border = o.ascii ? 'ascii' : 'unicode';
  const common = { border, style: o.style, rowRules } as const;
  const focus = session.asking ? session.revealed : Math.max(0, session.revealed - 1);
  const e = explainCell(model, focus);
  const pad = model.geometry.pad;
  const padded = pad.top + pad.bottom + pad.left + pad.right > 0;
  const input = renderGrid(paddedGrid(demo.input, pad), {
    ...common,
    padded: pad,
    highlight: {
      row: e.origin.row + pad.top,
      col: e.origin.col + pad.left,
      rows: model.geometry.kH,
      cols: model.geometry.kW,
    },
    title: padded
      ? o.t('tui.demo.input-padded', { dot: GRID_GLYPHS[border].padding })
      : o.t('tui.demo.input'),
  });
  const kernel = renderGrid(demo.kernel, { ...common, title: o.t('tui.demo.kernel') });
  const outW = model.geometry.outW;
  const output = renderGrid(model.output, {
    ...common,
    blank: (r, c) => r * outW + c >= session.revealed,
    highlight: [cellPosition(model, focus)],
    title: o.t('tui.demo.output'),
  });
  return besideOrStacked([input, kernel, output], o.width, [g.conv, '=']);
}

/** What happened at the last cell, what is asked now, or how the current cell was made. */
function cellLines(session: DemoSession, model: DemoModel, o: ViewOptions) {
  const below: string[] = [];
  const pinned: string[] = [];
  if (session.last) {
    const [row, col] = cellPosition(model, session.last.cell);
    const key = session.last.correct ? 'tui.demo.right' : 'tui.demo.wrong';
    const text = o.t(key, { row, col, value: session.last.value, guess: session.last.guess });
    pinned.push(...wrap(text, o.width).map(session.last.correct ? o.style.ok : o.style.error));
  }
  if (session.asking) {
    const [row, col] = cellPosition(model, session.revealed);
    pinned.push(...wrap(o.t('tui.demo.predict', { row, col }), o.width).map(o.style.bold));
    if (session.error) below.push(...wrap(say(o.t, session.error), o.width).map(o.style.warn));
  } else if (session.revealed === 0) {
    pinned.push(...wrap(o.t('tui.demo.start'), o.width));
  } else {
    const e = explainCell(model, session.revealed - 1);
    pinned.push(
      ...wrap(o.t('tui.demo.cell', { row: e.row, col: e.col, working: convCellText(e) }), o.width),
    );
  }
  return { pinned, below };
}

export interface DemoStepView {
  readonly title: string;
  readonly text: string;
  readonly demo: Demo;
}

export interface DemoParts {
  /** The text, the grids and the size formula, for a body of `rows` rows. */
  readonly body: (rows: number) => string[];
  /** The stride and padding in use and the current cell, above the prediction field. */
  readonly pinned: string[];
  /** Why a prediction could not be read. */
  readonly below: string[];
}

/**
 * The demo step. Grids lose the rules between their rows when that makes the body fit its
 * rows, so a 5×5 demo with padding still fits an 80×24 terminal.
 */
export function demoParts(step: DemoStepView, session: DemoSession, o: ViewOptions): DemoParts {
  const model = demoModel(step.demo, session.stride, session.padding);
  const g = glyphs(o.ascii);
  const settings = [
    o.t('tui.demo.settings', {
      stride: session.stride,
      padding: paddingText(session.padding, model, o),
      bias: step.demo.bias,
    }),
    o.t('tui.demo.progress', { revealed: session.revealed, total: model.total }) +
      (session.playing ? `  ${g.dot} ${o.t('tui.demo.playing')}` : ''),
  ];
  // Only the grids depend on the rules between rows: the rest is wrapped once.
  const above = [...prose(step.text, o.width, o.style), ''];
  const after = ['', ...sizeLines(model, o).map(o.style.dim)];
  const grids = new Map<boolean, string[]>();
  const build = (rowRules: boolean): string[] => {
    let lines = grids.get(rowRules);
    if (lines === undefined) {
      lines = [...above, ...gridsBlock(step.demo, session, model, rowRules, o), ...after];
      grids.set(rowRules, lines);
    }
    return lines;
  };
  const cell = cellLines(session, model, o);
  return {
    body: (rows) => {
      const ruled = build(true);
      return ruled.length <= rows ? ruled : build(false);
    },
    pinned: [
      '',
      ...settings.flatMap((line) => wrap(line, o.width)).map(o.style.dim),
      ...cell.pinned,
    ],
    below: cell.below,
  };
}

/**
 * The human explanation `cnn-tutor calc` prints: grids side by side (input ⊛ kernel = output),
 * and for small inputs every window's products written out as the lecture slides do.
 *
 * Every word comes from the message catalog (`calc.report.*` keys) through `o.t`; only
 * notation (numbers, ×, ⊛, `out[0][1][2] = …`, arrows) is written here.
 */
import {
  type Tensor,
  convCellText,
  explainConv2dCell,
  explainPoolCell,
  formatSummary,
  gridIndex,
  plainNumber,
  poolCellText,
} from '../engine/index.js';
import {
  type BorderStyle,
  createStyle,
  displayWidth,
  padEndTo,
  stackWhenTooWide,
  wrapText,
} from '../render/index.js';
import type { MessageParams } from '../i18n/format-message.js';
import {
  MAX_DRAWN_GRIDS,
  MAX_LISTED,
  listText,
  moreGrids,
  planeBlock,
  planeCount,
} from './report-blocks.js';
import type { CalcResult } from './run-request.js';

/** The translator the report's words come from (the app's `t`; a view's `o.t`). */
export type ReportTranslate = (key: string, params?: MessageParams) => string;

export interface ReportOptions {
  t: ReportTranslate;
  ascii: boolean;
  color: boolean;
  width: number;
  /**
   * Above this many products in all, the per-window sums are left out (the grids still show).
   * `calc` writes out up to 600; a lesson figure, read on one screen, up to 90 (a 3×3 map of a
   * 3×3 kernel, like the lectures' first example). @default 600
   */
  maxProducts?: number;
}

/** How many products `calc` writes out by default. */
const MAX_WRITTEN_PRODUCTS = 600;
/** The largest pooling window whose cells are written out (a 10×10 window is a long line). */
const MAX_WRITTEN_WINDOW = 100;
/** How many a lesson figure writes out: the lectures' 5×5 ⊛ 3×3 example (81) and no bigger. */
export const FIGURE_MAX_PRODUCTS = 90;

/** `lines.push(...more)` without spreading `more` into arguments, which a long block would overflow. */
function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}

/** The convolution sign: ⊛, or (*) when only ASCII may be drawn (a bare * is a product). */
function conv(o: ReportOptions): string {
  return o.ascii ? '(*)' : '⊛';
}

function gridOptions(o: ReportOptions) {
  return {
    border: (o.ascii ? 'ascii' : 'unicode') as BorderStyle,
    decimals: 4,
    style: createStyle({ color: o.color }),
  };
}

/** `3×3`: a size as the lectures write it. */
function size(a: number, b: number): string {
  return `${a}×${b}`;
}

function settingsLine(
  r: Extract<CalcResult, { op: 'conv2d' | 'maxpool' | 'avgpool' }>,
  t: ReportTranslate,
): string {
  const g = r.geometry;
  const pad = g.pad;
  const padding =
    pad.top + pad.bottom + pad.left + pad.right === 0
      ? t('calc.report.padding-none')
      : t('calc.report.padding-sides', { ...pad });
  const [C, H, W] = r.input.shape;
  const [O, oH, oW] = r.output.shape;
  const window =
    r.op !== 'conv2d'
      ? t('calc.report.window', { size: size(g.kH, g.kW) })
      : g.dH > 1 || g.dW > 1
        ? t('calc.report.kernel-dilated', {
            size: size(g.kH, g.kW),
            dilation: size(g.dH, g.dW),
          })
        : t('calc.report.kernel-size', { size: size(g.kH, g.kW) });
  return t('calc.report.layout', {
    input: `${C}×${H}×${W}`,
    window,
    stride: size(g.sH, g.sW),
    padding,
    output: `${O}×${oH}×${oW}`,
  });
}

function conv2dReport(r: Extract<CalcResult, { op: 'conv2d' }>, o: ReportOptions): string[] {
  const { t } = o;
  const lines = [...wrapText(settingsLine(r, t), o.width), ''];
  const [C] = r.input.shape;
  const [O, oH, oW] = r.output.shape;
  const pad = r.geometry.pad;
  const hasPad = pad.top + pad.bottom + pad.left + pad.right > 0;
  const bias = r.options.bias;
  const scale = r.options.scale ?? 1;
  const go = gridOptions(o);
  const inputTitle = (c: number) => {
    const title = C > 1 ? t('calc.report.input-channel', { channel: c }) : t('calc.report.input');
    return hasPad ? t('calc.report.zero-padding', { title }) : title;
  };
  const inputBlock = (c: number) =>
    planeBlock(r.input, c, inputTitle(c), go, t, hasPad ? pad : undefined);
  const extra = (f: number) =>
    [
      scale !== 1 ? `× ${plainNumber(scale)}` : '',
      bias && bias[f] !== 0 ? t('calc.report.plus-bias', { bias: plainNumber(bias[f]) }) : '',
    ]
      .filter(Boolean)
      .join(' ');
  if (O === 1 && C === 1) {
    // The slides' picture: input ⊛ kernel = output.
    const more = extra(0);
    const blocks = [
      inputBlock(0),
      planeBlock(r.filters, 0, t('calc.report.kernel'), go, t),
      planeBlock(r.output, 0, t('calc.report.output'), go, t),
    ];
    append(lines, stackWhenTooWide(blocks, o.width, [conv(o), more ? `${more} =` : '=']));
    lines.push('');
  } else {
    // The input once, then each filter: its kernel (every channel) = its map.
    const channels = Math.min(C, MAX_DRAWN_GRIDS);
    const inputs = Array.from({ length: channels }, (_, c) => inputBlock(c));
    append(lines, stackWhenTooWide(inputs, o.width, [], { align: 'top' }));
    lines.push(...moreGrids(channels, C, t), '');
    for (let f = 0; f < Math.min(O, MAX_DRAWN_GRIDS); f++) {
      const more = extra(f);
      const params = { conv: conv(o), filter: f, extra: more ? ` ${more}` : '' };
      const heading =
        C > 1
          ? t('calc.report.filter-heading-channels', params)
          : t('calc.report.filter-heading', params);
      append(lines, wrapText(heading, o.width));
      const blocks = Array.from({ length: channels }, (_, c) =>
        planeBlock(
          r.filters,
          gridIndex(C, f, c),
          C > 1
            ? t('calc.report.kernel-channel', { filter: f, channel: c })
            : t('calc.report.kernel-n', { filter: f }),
          go,
          t,
        ),
      );
      blocks.push(planeBlock(r.output, f, t('calc.report.map', { map: f }), go, t));
      const separators = [...blocks.slice(2).map(() => ''), '='];
      append(lines, stackWhenTooWide(blocks, o.width, separators));
      lines.push(...moreGrids(channels, C, t), '');
    }
    lines.push(...moreGrids(MAX_DRAWN_GRIDS, O, t));
  }
  const products = (r.output.data.length * r.filters.data.length) / r.filters.shape[0];
  if (products <= (o.maxProducts ?? MAX_WRITTEN_PRODUCTS)) {
    lines.push(t('calc.report.every-window'));
    for (let f = 0; f < O; f++)
      for (let y = 0; y < oH; y++)
        for (let x = 0; x < oW; x++) {
          const e = explainConv2dCell(r.input, r.filters, r.options, f, y, x);
          append(lines, wrapText(`out[${f}][${y}][${x}] = ${convCellText(e)}`, o.width));
        }
  } else {
    append(lines, wrapText(t('calc.report.too-many-products', { products }), o.width));
  }
  return lines;
}

function poolReport(
  r: Extract<CalcResult, { op: 'maxpool' | 'avgpool' }>,
  o: ReportOptions,
): string[] {
  const { t } = o;
  const lines = [...wrapText(settingsLine(r, t), o.width)];
  if (r.op === 'avgpool') lines.push(t('calc.report.avg-padding'));
  else if (r.geometry.pad.bottom + r.geometry.pad.right > 0)
    lines.push(t('calc.report.max-padding'));
  lines.push('');
  const go = gridOptions(o);
  const [C, oH, oW] = r.output.shape;
  const name = r.op === 'maxpool' ? t('calc.report.max-pool') : t('calc.report.average-pool');
  for (let c = 0; c < Math.min(C, MAX_DRAWN_GRIDS); c++) {
    const title = C > 1 ? t('calc.report.channel', { channel: c }) : t('calc.report.input');
    const blocks = [planeBlock(r.input, c, title, go, t), planeBlock(r.output, c, name, go, t)];
    append(lines, stackWhenTooWide(blocks, o.width, ['→']));
    lines.push('');
  }
  lines.push(...moreGrids(MAX_DRAWN_GRIDS, C, t));
  // Every window written out, when there are few windows and each is small enough to read.
  const windowCells = r.geometry.kH * r.geometry.kW;
  if (
    r.output.data.length <= Math.min(100, o.maxProducts ?? 100) &&
    windowCells <= MAX_WRITTEN_WINDOW
  ) {
    for (let c = 0; c < C; c++)
      for (let y = 0; y < oH; y++)
        for (let x = 0; x < oW; x++) {
          const e = explainPoolCell(
            r.op === 'maxpool' ? 'max' : 'avg',
            r.input,
            r.options,
            c,
            y,
            x,
          );
          append(lines, wrapText(`out[${c}][${y}][${x}] = ${poolCellText(e)}`, o.width));
        }
  }
  return lines;
}

/** What a pipeline stage does, in one line: `max pool 2×2, stride 2×2, padding same`. */
function stageText(
  r: Extract<CalcResult, { op: 'pipeline' }>,
  k: number,
  t: ReportTranslate,
): string {
  const stage = r.stages[k];
  const pair = (v: number | readonly [number, number] | undefined, fallback: number) => {
    const [a, b] = v === undefined ? [fallback, fallback] : typeof v === 'number' ? [v, v] : v;
    return size(a, b);
  };
  switch (stage.op) {
    case 'conv2d': {
      const [O, , kH, kW] = stage.kernels.shape;
      const scale =
        stage.scale !== undefined && stage.scale !== 1 ? `, × ${plainNumber(stage.scale)}` : '';
      const bias = stage.bias
        ? t('calc.report.stage.bias', {
            bias:
              stage.bias.length > MAX_LISTED
                ? listText(stage.bias, t)
                : Array.from(stage.bias, (b) => plainNumber(b)).join(', '),
          })
        : '';
      const padding =
        typeof stage.padding === 'object'
          ? JSON.stringify(stage.padding)
          : String(stage.padding ?? 'valid');
      return t('calc.report.stage.conv2d', {
        filters: O,
        size: size(kH, kW),
        extra: `${scale}${bias}`,
        stride: pair(stage.stride, 1),
        padding,
      });
    }
    case 'maxpool':
    case 'avgpool': {
      const fallback = typeof stage.size === 'number' ? stage.size : stage.size[0];
      const params = {
        size: pair(stage.size, fallback),
        stride: pair(stage.stride ?? stage.size, fallback),
        padding: stage.padding ?? 'valid',
      };
      return stage.op === 'maxpool'
        ? t('calc.report.stage.maxpool', params)
        : t('calc.report.stage.avgpool', params);
    }
    case 'relu':
      return t('calc.report.stage.relu');
    case 'flatten':
      return stage.order === 'hwc'
        ? t('calc.report.stage.flatten-hwc')
        : t('calc.report.stage.flatten-chw');
    case 'dense':
      return t('calc.report.stage.dense', { units: stage.weights.length });
    case 'softmax':
      return t('calc.report.stage.softmax');
  }
}

function pipelineReport(r: Extract<CalcResult, { op: 'pipeline' }>, o: ReportOptions): string[] {
  const { t } = o;
  const shape = (tensor: Tensor) => tensor.shape.join('×');
  const ops = r.stages.map((s) => s.op).join(' → ');
  const lines = wrapText(
    ops
      ? t('calc.report.pipeline.layout', { input: shape(r.input), stages: ops })
      : t('calc.report.pipeline.layout-input', { input: shape(r.input) }),
    o.width,
  );
  const go = gridOptions(o);
  // A set: `show` and the stages may both be long, and a list lookup per stage is quadratic.
  const show = r.show === undefined ? undefined : new Set(r.show);
  const shown = (k: number) => show === undefined || show.has(k);
  for (let k = 0; k <= r.stages.length; k++) {
    const value = k === 0 ? r.input : r.outputs[k - 1];
    const stage = k === 0 ? undefined : r.stages[k - 1];
    lines.push('');
    append(
      lines,
      wrapText(
        k === 0
          ? t('calc.report.pipeline.input', { shape: shape(value) })
          : `${k}. ${stageText(r, k - 1, t)} → ${shape(value)}`,
        o.width,
      ),
    );
    if (!shown(k)) continue;
    if (value.shape.length === 3) {
      const C = value.shape[0];
      const blocks = Array.from({ length: Math.min(C, MAX_DRAWN_GRIDS) }, (_, c) =>
        planeBlock(value, c, C > 1 ? t('calc.report.map', { map: c }) : '', go, t),
      );
      append(lines, stackWhenTooWide(blocks, o.width, [], { gap: 3, align: 'top' }));
      lines.push(...moreGrids(MAX_DRAWN_GRIDS, C, t));
    } else if (
      stage?.op === 'dense' &&
      value.data.length * stage.weights[0].length <= MAX_WRITTEN_PRODUCTS
    ) {
      const x = (k === 1 ? r.input : r.outputs[k - 2]).data;
      stage.weights.forEach((row, i) => {
        const sum = `${row.map((w, j) => `${plainNumber(w)}*${plainNumber(x[j])}`).join(' + ')}${stage.bias ? ` + ${plainNumber(stage.bias[i])}` : ''}`;
        append(lines, wrapText(`out[${i}] = ${sum} = ${plainNumber(value.data[i])}`, o.width));
      });
    } else {
      append(lines, wrapText(listText(value.data, t), o.width));
    }
  }
  return lines;
}

/** A factor in a written-out product: negative numbers in brackets, as in `(-1)*2`. */
function factor(value: number): string {
  return value < 0 ? `(${plainNumber(value)})` : plainNumber(value);
}

function conv1dReport(r: Extract<CalcResult, { op: 'conv1d' }>, o: ReportOptions): string[] {
  const { t } = o;
  const { flip, mode = 'valid' } = r.request;
  const about = { mode, before: r.padding[0], after: r.padding[1] };
  const lines = wrapText(
    flip ? t('calc.report.conv1d.flipped', about) : t('calc.report.conv1d.correlation', about),
    o.width,
  );
  // The three rows' labels, padded to one width so the lists line up.
  const labels = [t('calc.report.input'), t('calc.report.kernel'), t('calc.report.output')];
  const width = Math.max(...labels.map(displayWidth));
  const [input, kernel, output] = labels.map((label) => `${padEndTo(label, width)} `);
  const reversed = r.request.kernel.slice().reverse();
  const flipped = flip
    ? `  ${t('calc.report.conv1d.flipped-kernel', { kernel: listText(reversed, t) })}`
    : '';
  lines.push(
    `${input}${listText(r.request.input, t)}`,
    `${kernel}${listText(r.request.kernel, t)}${flipped}`,
    `${output}${listText(r.output, t)}`,
  );
  return lines;
}

function reluReport(r: Extract<CalcResult, { op: 'relu' }>, o: ReportOptions): string[] {
  const { t } = o;
  const out = r.output;
  if (out.shape.length !== 2 && out.shape.length !== 3)
    return [`relu ${listText(r.input.data, t)} = ${listText(out.data, t)}`];
  const go = gridOptions(o);
  const planes = planeCount(out);
  const lines = [t('calc.report.relu.about'), ''];
  for (let c = 0; c < Math.min(planes, MAX_DRAWN_GRIDS); c++) {
    const blocks = [
      planeBlock(r.input, c, t('calc.report.input'), go, t),
      planeBlock(out, c, t('calc.report.relu.title'), go, t),
    ];
    append(lines, stackWhenTooWide(blocks, o.width, ['→']));
    lines.push('');
  }
  lines.push(...moreGrids(MAX_DRAWN_GRIDS, planes, t));
  return lines;
}

export function textReport(r: CalcResult, o: ReportOptions): string[] {
  const { t } = o;
  switch (r.op) {
    case 'conv2d':
      return conv2dReport(r, o);
    case 'maxpool':
    case 'avgpool':
      return poolReport(r, o);
    case 'conv1d':
      return conv1dReport(r, o);
    case 'relu':
      return reluReport(r, o);
    case 'softmax':
      return [
        `softmax ${listText(r.input, t)} = ${listText(r.output, t)}`,
        t('calc.report.softmax.about'),
      ];
    case 'dense':
      if (r.weights.length * r.input.length > MAX_WRITTEN_PRODUCTS)
        return [`dense = ${listText(r.output, t)}`];
      return r.output.map((v, i) => {
        const products = r.weights[i]
          .map((w, j) => `${factor(w)}*${factor(r.input[j])}`)
          .join(' + ');
        const bias = r.bias
          ? r.bias[i] < 0
            ? ` − ${plainNumber(-r.bias[i])}`
            : ` + ${plainNumber(r.bias[i])}`
          : '';
        return `out[${i}] = ${products}${bias} = ${plainNumber(v)}`;
      });
    case 'outsize':
      return [
        r.output.formula,
        r.output.fits
          ? t('calc.report.outsize', { size: r.output.size })
          : t('calc.report.outsize-drops', { size: r.output.size }),
      ];
    case 'params': {
      const p = r.output;
      const params = { weights: p.weights, biases: p.biases, total: p.total, per: p.perUnit };
      return [
        r.request.layer === 'conv2d'
          ? t('calc.report.params.conv2d', params)
          : t('calc.report.params.dense', params),
      ];
    }
    case 'summary':
      return formatSummary(r.output);
    case 'pipeline':
      return pipelineReport(r, o);
  }
}

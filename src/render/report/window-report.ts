/**
 * The convolution and pooling reports: grids side by side (input ⊛ kernel = output), and for
 * small inputs every window's products written out as the lecture slides do.
 */
import {
  convCellText,
  explainConv2dCell,
  explainPoolCell,
  gridIndex,
  plainNumber,
  poolCellText,
} from '../../engine/index.js';
import { stackWhenTooWide, wrapText } from '../index.js';
import { MAX_DRAWN_GRIDS, moreGrids, planeBlock } from './report-blocks.js';
import type { ReportOf } from './report-data.js';
import {
  MAX_WRITTEN_PRODUCTS,
  type ReportOptions,
  type ReportTranslate,
  append,
  conv,
  gridOptions,
  size,
} from './report-options.js';

/** The largest pooling window whose cells are written out (a 10×10 window is a long line). */
const MAX_WRITTEN_WINDOW = 100;

function settingsLine(r: ReportOf<'conv2d' | 'maxpool' | 'avgpool'>, t: ReportTranslate): string {
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

export function conv2dReport(r: ReportOf<'conv2d'>, o: ReportOptions): string[] {
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

export function poolReport(r: ReportOf<'maxpool' | 'avgpool'>, o: ReportOptions): string[] {
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

/**
 * The human explanation `cnn-tutor calc` prints, one report per op. Grids, windows and
 * pipelines have files of their own; the short reports are here.
 *
 * Every word comes from the message catalog (`calc.report.*` keys) through `o.t`; only
 * notation (numbers, ×, ⊛, `out[0][1][2] = …`, arrows) is written here.
 */
import { factor, plainNumber } from '../../engine/index.js';
import { formatSummary } from '../model-summary.js';
import { displayWidth, padEndTo, stackWhenTooWide, wrapText } from '../index.js';
import { pipelineReport } from './pipeline-report.js';
import { MAX_DRAWN_GRIDS, listText, moreGrids, planeBlock, planeCount } from './report-blocks.js';
import type { ReportData, ReportOf } from './report-data.js';
import { MAX_WRITTEN_PRODUCTS, type ReportOptions, append, gridOptions } from './report-options.js';
import { conv2dReport, poolReport } from './window-report.js';

export { FIGURE_MAX_PRODUCTS, type ReportOptions, type ReportTranslate } from './report-options.js';

function conv1dReport(r: ReportOf<'conv1d'>, o: ReportOptions): string[] {
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

function reluReport(r: ReportOf<'relu'>, o: ReportOptions): string[] {
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

export function textReport(r: ReportData, o: ReportOptions): string[] {
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

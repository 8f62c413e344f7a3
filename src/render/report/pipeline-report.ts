/** The pipeline report: each stage in one line with the shape it gives, then its output. */
import { type Tensor, plainNumber } from '../../engine/index.js';
import { stackWhenTooWide, wrapText } from '../index.js';
import { describeStage } from './describe-stage.js';
import { MAX_DRAWN_GRIDS, listText, moreGrids, planeBlock } from './report-blocks.js';
import type { ReportOf } from './report-data.js';
import { MAX_WRITTEN_PRODUCTS, type ReportOptions, append, gridOptions } from './report-options.js';

export function pipelineReport(r: ReportOf<'pipeline'>, o: ReportOptions): string[] {
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
          : `${k}. ${describeStage(r.stages[k - 1], t)} → ${shape(value)}`,
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

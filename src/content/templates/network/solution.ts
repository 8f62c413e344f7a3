/** Worked solutions, traced back from the answer through the stages still to compute. */
import {
  conv2dGeometry,
  convCellText,
  explainConv2dCell,
  convertFlatIndex,
  explainPoolCell,
  poolCellText,
  relu,
  volumeCoords,
} from '../../../engine/index.js';
import type { TemplateText } from '../../types.js';
import { num } from './display.js';
import { type Network, valueAt } from './run.js';

export function trace(
  n: Network,
  j: number,
  at: number[],
  t: TemplateText['t'],
  names?: readonly string[],
): string[] {
  const stage = n.stages[j];
  const input = n.outputs[j];
  const value = valueAt(n.outputs[j + 1], at)!;
  const deeper = (pos: number[]): string[] =>
    j - 1 >= n.start ? trace(n, j - 1, pos, t, names) : [];
  const label =
    at.length === 3
      ? t('network.cell', { stage: j + 1, map: at[0], row: at[1], col: at[2] })
      : t('network.entry', { stage: j + 1, index: at[0] });
  switch (stage.op) {
    case 'conv2d': {
      const e = explainConv2dCell(input, stage.kernels, stage, at[0], at[1], at[2]);
      const g = conv2dGeometry(input, stage.kernels, stage);
      const lines = [
        t('solution.conv.window', {
          row: at[1],
          col: at[2],
          top: e.origin.row,
          left: e.origin.col,
          bottom: e.origin.row + (g.kH - 1) * g.dH,
          right: e.origin.col + (g.kW - 1) * g.dW,
        }),
      ];
      if (e.terms.some((term) => term.padded)) lines.push(t('solution.conv.padding'));
      lines.push(`${label}: ${convCellText(e)}`);
      return lines;
    }
    case 'relu':
      return [...deeper(at), `${label}: max(0, ${num(valueAt(input, at)!)}) = ${num(value)}`];
    case 'maxpool':
    case 'avgpool': {
      const e = explainPoolCell(
        stage.op === 'maxpool' ? 'max' : 'avg',
        input,
        stage,
        at[0],
        at[1],
        at[2],
      );
      const cells = e.terms.filter((term) => !term.padded);
      const lines = cells.flatMap((term) => deeper([at[0], term.inRow, term.inCol]));
      lines.push(
        t('solution.network.pool-window', {
          row: at[1],
          col: at[2],
          top: cells[0].inRow,
          bottom: cells[cells.length - 1].inRow,
          left: cells[0].inCol,
          right: cells[cells.length - 1].inCol,
        }),
      );
      if (cells.length < e.terms.length) lines.push(t('solution.network.pool-padding'));
      lines.push(`${label}: ${poolCellText(e)}`);
      return lines;
    }
    case 'flatten': {
      const [C, H, W] = input.shape;
      const i = at[0];
      const pos = volumeCoords(
        input.shape,
        convertFlatIndex(i, stage.order === 'hwc' ? 'HWC' : 'CHW', 'CHW', { C, H, W }),
      );
      return [
        ...deeper(pos),
        t('solution.network.flatten', { index: i, channel: pos[0], row: pos[1], col: pos[2] }),
      ];
    }
    case 'dense': {
      const x = Array.from(input.data);
      const row = stage.weights[at[0]];
      const bias = stage.bias ? ` + ${num(stage.bias[at[0]])}` : '';
      const name = names?.[at[0]] ?? `out[${at[0]}]`;
      return [
        `${name}: ${row.map((w, i) => `${num(w)}*${num(x[i])}`).join(' + ')}${bias} = ${num(value)}`,
      ];
    }
    case 'softmax': {
      const z = Array.from(input.data);
      const name = names?.[at[0]] ?? `p[${at[0]}]`;
      return [
        t('solution.network.softmax'),
        `${name}: e^${num(z[at[0]])} / (${z.map((v) => `e^${num(v)}`).join(' + ')}) = ${num(value)}`,
      ];
    }
  }
}

/** The softmax or vote stage whose outputs name the classes, and the lines explaining all of them. */
export function classLines(n: Network, names: readonly string[], t: TemplateText['t']): string[] {
  const j = n.stages.length - 1;
  const lines: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const stage = n.stages[j];
    if (stage.op === 'softmax' && j - 1 >= n.start) lines.push(...trace(n, j - 1, [i], t, names));
    else if (stage.op !== 'softmax') lines.push(...trace(n, j, [i], t, names));
  }
  return lines;
}

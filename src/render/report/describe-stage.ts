/**
 * One line saying what a pipeline stage does, in the words of the `calc.report.stage.*` keys:
 * calc's pipeline report numbers these lines, and a network exercise lists its stages with them.
 */
import { type PipelineStage, plainNumber } from '../../engine/index.js';
import { MAX_LISTED, listText } from './report-blocks.js';
import { type ReportTranslate, size } from './report-options.js';

/** What a pipeline stage does, in one line: `max pool 2×2, stride 2×2, padding same`. */
export function describeStage(stage: PipelineStage, t: ReportTranslate): string {
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

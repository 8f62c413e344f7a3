/**
 * Every exercise template by the name exercise files use (`template: conv2d-cell`).
 * A template's name is part of the course's data: never rename one, add a new one instead.
 */
import type { Template } from '../types.js';
import { networkClass, networkMap, networkValue } from './network.js';
import { poolShape } from './pool-shape.js';
import { conv1dTemplate } from './conv1d.js';
import { conv2dShape } from './conv2d-shape.js';
import { conv2dCell, conv2dMap } from './conv2d.js';
import { kernelMatch } from './kernel-match.js';
import { convVsDense } from './conv-vs-dense.js';
import { keepPadding } from './keep-padding.js';
import { fitsTemplate, outputSizeTemplate } from './output-size.js';
import { paramCount } from './param-count.js';
import { receptiveFieldTemplate } from './receptive-field.js';
import { summaryShape } from './summary-shape.js';
import { flatIndexTemplate, layoutConvert } from './flat-index.js';
import { thresholdGate, thresholdGateChoice } from './logic-gates.js';
import { pixelValue, thresholdGrid } from './pixels.js';
import { kernelShapeTemplate } from './kernel-shape.js';
import { layoutShapeTemplate } from './layout-shape.js';
import { nestedShape, tensorOrder } from './tensor-shape.js';
import { tensorSize } from './tensor-size.js';
import { thresholdNetworkTemplate, thresholdUnitTemplate } from './threshold-unit.js';

export const templates: Readonly<Record<string, Template>> = {
  [networkValue.name]: networkValue,
  [networkMap.name]: networkMap,
  [networkClass.name]: networkClass,
  [poolShape.name]: poolShape,
  [conv2dCell.name]: conv2dCell,
  [conv2dMap.name]: conv2dMap,
  [conv1dTemplate.name]: conv1dTemplate,
  [kernelMatch.name]: kernelMatch,
  [conv2dShape.name]: conv2dShape,
  [outputSizeTemplate.name]: outputSizeTemplate,
  [fitsTemplate.name]: fitsTemplate,
  [keepPadding.name]: keepPadding,
  [paramCount.name]: paramCount,
  [convVsDense.name]: convVsDense,
  [receptiveFieldTemplate.name]: receptiveFieldTemplate,
  [summaryShape.name]: summaryShape,
  [thresholdUnitTemplate.name]: thresholdUnitTemplate,
  [thresholdNetworkTemplate.name]: thresholdNetworkTemplate,
  [thresholdGate.name]: thresholdGate,
  [thresholdGateChoice.name]: thresholdGateChoice,
  [pixelValue.name]: pixelValue,
  [thresholdGrid.name]: thresholdGrid,
  [flatIndexTemplate.name]: flatIndexTemplate,
  [layoutConvert.name]: layoutConvert,
  [tensorOrder.name]: tensorOrder,
  [nestedShape.name]: nestedShape,
  [layoutShapeTemplate.name]: layoutShapeTemplate,
  [kernelShapeTemplate.name]: kernelShapeTemplate,
  [tensorSize.name]: tensorSize,
};

/** The template called `name`, or `undefined` when there is none. */
export function getTemplate(name: string): Template | undefined {
  return Object.hasOwn(templates, name) ? templates[name] : undefined;
}

/** Template names, sorted, for "expected one of …" messages. */
export function templateNames(): string[] {
  return Object.keys(templates).sort();
}

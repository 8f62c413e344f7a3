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
  [networkValue.name]: networkValue as Template,
  [networkMap.name]: networkMap as Template,
  [networkClass.name]: networkClass as Template,
  [poolShape.name]: poolShape as Template,
  [conv2dCell.name]: conv2dCell as Template,
  [conv2dMap.name]: conv2dMap as Template,
  [conv1dTemplate.name]: conv1dTemplate as Template,
  [kernelMatch.name]: kernelMatch as Template,
  [conv2dShape.name]: conv2dShape as Template,
  [outputSizeTemplate.name]: outputSizeTemplate as Template,
  [fitsTemplate.name]: fitsTemplate as Template,
  [keepPadding.name]: keepPadding as Template,
  [paramCount.name]: paramCount as Template,
  [convVsDense.name]: convVsDense as Template,
  [receptiveFieldTemplate.name]: receptiveFieldTemplate as Template,
  [summaryShape.name]: summaryShape as Template,
  [thresholdUnitTemplate.name]: thresholdUnitTemplate as Template,
  [thresholdNetworkTemplate.name]: thresholdNetworkTemplate as Template,
  [thresholdGate.name]: thresholdGate as Template,
  [thresholdGateChoice.name]: thresholdGateChoice as Template,
  [pixelValue.name]: pixelValue as Template,
  [thresholdGrid.name]: thresholdGrid as Template,
  [flatIndexTemplate.name]: flatIndexTemplate as Template,
  [layoutConvert.name]: layoutConvert as Template,
  [tensorOrder.name]: tensorOrder as Template,
  [nestedShape.name]: nestedShape as Template,
  [layoutShapeTemplate.name]: layoutShapeTemplate as Template,
  [kernelShapeTemplate.name]: kernelShapeTemplate as Template,
  [tensorSize.name]: tensorSize as Template,
};

/** The template called `name`, or `undefined` when there is none. */
export function getTemplate(name: string): Template | undefined {
  return Object.hasOwn(templates, name) ? templates[name] : undefined;
}

/** Template names, sorted, for "expected one of …" messages. */
export function templateNames(): string[] {
  return Object.keys(templates).sort();
}

/**
 * One sliding window (a Conv2D kernel or a pooling window) over an H×W image, as conv2d-shape,
 * pool-shape and param-count ask about it: the output's height and width by the engine's
 * one-axis rule, the slips of that shape and its worked lines.
 */
import { type AxisPadding, type OutputSize, outputSize } from '../../engine/index.js';
import type { AnswerValue, MistakeId, MistakeModel, SolutionLine, TemplateText } from '../types.js';
import { sameShape } from './answers.js';

export interface Window {
  readonly H: number;
  readonly W: number;
  readonly kH: number;
  readonly kW: number;
  readonly sH: number;
  readonly sW: number;
  readonly padding: AxisPadding;
}

/** Output height and width; a slip passes the padding or steps it changes. */
export function windowAxes(
  p: Window,
  padding: AxisPadding = p.padding,
  sH = p.sH,
  sW = p.sW,
): [OutputSize, OutputSize] {
  return [
    outputSize({ n: p.H, f: p.kH, stride: sH, pad: padding }),
    outputSize({ n: p.W, f: p.kW, stride: sW, pad: padding }),
  ];
}

/**
 * Slips of the output shape, in the order tried: each kept when its changed rule gives a shape
 * with every side ≥ 1 other than the expected one. Two slips may give the same shape; both stay.
 */
export function windowShapeSlips(expected: AnswerValue) {
  const list: MistakeModel[] = [];
  const add = (id: MistakeId, compute: () => AnswerValue): void => {
    let answer: AnswerValue;
    try {
      answer = compute();
    } catch {
      // The changed rule has no answer here (the window would not fit): nothing to recognise.
      return;
    }
    if (answer.kind === 'shape' && answer.dims.every((d) => d >= 1) && !sameShape(answer, expected))
      list.push({ id, answer });
  };
  return { list, add };
}

/** The zeros `same` adds (when it is the padding), then each side's formula, rounded down. */
export function axisLines(
  h: OutputSize,
  w: OutputSize,
  padding: AxisPadding,
  t: TemplateText['t'],
): SolutionLine[] {
  const lines: SolutionLine[] = [];
  if (padding === 'same')
    lines.push({
      text: t('solution.shape.same', {
        top: h.pad[0],
        bottom: h.pad[1],
        left: w.pad[0],
        right: w.pad[1],
      }),
    });
  for (const [axis, a] of [
    ['H', h],
    ['W', w],
  ] as const)
    lines.push({ text: `${axis}: ${a.formula}${a.fits ? '' : ` → ${a.size}`}` });
  return lines;
}

/**
 * Every exercise template by the name exercise files use (`template: conv2d-cell`).
 * A template's name is part of the course's data: never rename one, add a new one instead.
 */
import type { Template } from '../types.js';
import { conv1dTemplate } from './conv1d.js';
import { conv2dShape } from './conv2d-shape.js';
import { conv2dCell, conv2dMap } from './conv2d.js';
import { kernelMatch } from './kernel-match.js';

export const templates: Readonly<Record<string, Template>> = {
  [conv2dCell.name]: conv2dCell as Template,
  [conv2dMap.name]: conv2dMap as Template,
  [conv1dTemplate.name]: conv1dTemplate as Template,
  [kernelMatch.name]: kernelMatch as Template,
  [conv2dShape.name]: conv2dShape as Template,
};

/** The template called `name`, or `undefined` when there is none. */
export function getTemplate(name: string): Template | undefined {
  return Object.hasOwn(templates, name) ? templates[name] : undefined;
}

/** Template names, sorted, for "expected one of …" messages. */
export function templateNames(): string[] {
  return Object.keys(templates).sort();
}

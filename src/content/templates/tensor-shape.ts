/**
 * Tensors written out, every answer from the engine:
 * - `tensor-order` (number): how many axes a written tensor has (0 for a single number).
 * - `nested-shape` (shape): the shape of a written tensor, outermost list first.
 */
import { z } from 'zod';
import { fromNested, sizeOf } from '../../engine/index.js';
import type { Rng } from '../random.js';
import type { AnswerValue, Question, Template, TemplateText } from '../types.js';
import { numberSlips, shapeAnswer, shapeSlips } from './answers.js';
import { tupleText } from './layer-text.js';
import {
  TemplateError,
  draw,
  drawValue,
  fill,
  intOrRange,
  parseWith,
  valueSpec,
} from './shared.js';

/** A tensor written as nested lists: `[[0, 1, 0], [5, 0, 2]]`. */
function literalText(value: unknown): string {
  return JSON.stringify(value).replace(/,/g, ', ');
}

function shapeOf(value: unknown): number[] {
  try {
    return fromNested('value', value).shape as number[];
  } catch (error) {
    throw new TemplateError('given.value', `\`given.value\`: ${(error as Error).message}`);
  }
}

// ——— tensor-order and nested-shape: a tensor written out ———

const literalGivenSchema = z.strictObject({
  /** A number, a list, a list of lists, …: every list at one level the same length. */
  value: z.unknown(),
});
export type LiteralGiven = z.infer<typeof literalGivenSchema>;

const literalSettingsSchema = z.strictObject({
  /** Number of axes (0 is a single number). */
  order: intOrRange,
  /** Length of each axis, drawn axis by axis. */
  size: intOrRange,
  values: valueSpec,
});
export type LiteralSettings = z.infer<typeof literalSettingsSchema>;

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generateLiteral(minOrder: number) {
  return (s: LiteralSettings, rng: Rng): LiteralGiven => {
    const order = draw(rng, s.order);
    if (order < minOrder || order > 4)
      throw new TemplateError(
        'generate.order',
        `\`generate.order\`: draw from ${minOrder} to 4 axes.`,
      );
    const dims = Array.from({ length: order }, () => draw(rng, s.size));
    if (dims.some((d) => d < 1))
      throw new TemplateError(
        'generate.size',
        '`generate.size`: every axis needs at least 1 item.',
      );
    const build = (depth: number): unknown =>
      depth === order
        ? drawValue(rng, s.values)
        : Array.from({ length: dims[depth] }, () => build(depth + 1));
    return { value: build(0) };
  };
}

function literalPrompt(text: TemplateText, value: unknown): string {
  return fill(text.prompt, { value: literalText(value) });
}

export const tensorOrder: Template<LiteralGiven, LiteralSettings> = {
  name: 'tensor-order',
  kind: 'number',
  parseGiven: (value) => {
    const given = parseWith(literalGivenSchema, value, 'given');
    shapeOf(given.value);
    return given;
  },
  parseSettings: (value) => parseWith(literalSettingsSchema, value, 'generate'),
  generate: generateLiteral(0),
  build: (given, text): Question => {
    const dims = () => shapeOf(given.value);
    const number = (value: number): AnswerValue => ({ kind: 'number', value });
    return {
      kind: 'number',
      prompt: literalPrompt(text, given.value),
      displays: [{ type: 'text', text: literalText(given.value) }],
      tolerance: 0,
      expected: () => number(dims().length),
      mistakes: () => {
        const d = dims();
        const { list, add } = numberSlips(d.length);
        if (d.length > 0) add('outer-length-for-order', d[0]);
        add('size-instead-of-order', sizeOf(d));
        return list;
      },
      solution: () => {
        const d = dims();
        if (d.length === 0) return [{ text: text.t('solution.order.scalar') }];
        return [
          { text: text.t('solution.order.levels', { order: d.length }) },
          { text: `shape ${tupleText(d)} → ${d.length}` },
        ];
      },
    };
  },
};

export const nestedShape: Template<LiteralGiven, LiteralSettings> = {
  name: 'nested-shape',
  kind: 'shape',
  parseGiven: (value) => {
    const given = parseWith(literalGivenSchema, value, 'given');
    if (shapeOf(given.value).length === 0)
      throw new TemplateError(
        'given.value',
        '`given.value`: a single number has no shape to ask for; write a list.',
      );
    return given;
  },
  parseSettings: (value) => parseWith(literalSettingsSchema, value, 'generate'),
  generate: generateLiteral(1),
  build: (given, text): Question => {
    const dims = () => shapeOf(given.value);
    return {
      kind: 'shape',
      prompt: literalPrompt(text, given.value),
      displays: [{ type: 'text', text: literalText(given.value) }],
      tolerance: 0,
      expected: () => shapeAnswer(dims()),
      mistakes: () => {
        const d = dims();
        const { list, add } = shapeSlips(d);
        add('axes-reversed', [...d].reverse());
        return list;
      },
      solution: () => {
        const d = dims();
        return [
          ...d.map((count, i) => ({
            text: text.t('solution.shape.level', { level: i + 1, count }),
          })),
          { text: tupleText(d) },
        ];
      },
    };
  },
};

/**
 * 1-D convolution questions (`conv1d`): the whole output list, answered as a one-row grid.
 * `flip` says which definition is asked: false (the default) is what deep-learning libraries
 * compute (cross-correlation), true is the textbook convolution that reverses the kernel.
 */
import { z } from 'zod';
import { type Conv1dMode, conv1d, conv1dPadding, factor, plainNumber } from '../../engine/index.js';
import type { Rng } from '../random.js';
import type {
  AnswerValue,
  MistakeModel,
  Question,
  SolutionLine,
  Template,
  TemplateText,
} from '../types.js';
import {
  draw,
  drawValue,
  engineError,
  fill,
  highest,
  intOrRange,
  lowest,
  parseWith,
  valueSpec,
} from './shared.js';

const mode = z.enum(['valid', 'same', 'full'], { error: 'expected `valid`, `same` or `full`' });
const numbers = z.array(z.number()).min(1);

const givenSchema = z.strictObject({
  input: numbers,
  kernel: numbers,
  /** True: the textbook definition (kernel reversed). @default false */
  flip: z.boolean().optional(),
  /** @default 'valid' */
  mode: mode.optional(),
});
export type Conv1dGiven = z.infer<typeof givenSchema>;

const settingsSchema = z
  .strictObject({
    /** Input length. */
    length: intOrRange,
    /** Kernel length. */
    kernel: intOrRange,
    values: valueSpec,
    weights: valueSpec,
    /** Definitions to draw from, e.g. `[true, false]`. @default [false] */
    flip: z.array(z.boolean()).min(1).optional(),
    /** Modes to draw from. @default ['valid'] */
    mode: z.array(mode).min(1).optional(),
  })
  .superRefine((s, ctx) => {
    if (lowest(s.length) < 1)
      ctx.addIssue({
        code: 'custom',
        path: ['length'],
        message: 'the input needs at least 1 number',
      });
    if (lowest(s.kernel) < 1)
      ctx.addIssue({
        code: 'custom',
        path: ['kernel'],
        message: 'the kernel needs at least 1 number',
      });
    const valid = s.mode === undefined || s.mode.includes('valid');
    if (valid && highest(s.kernel) > lowest(s.length)) {
      ctx.addIssue({
        code: 'custom',
        path: ['kernel'],
        message: `a kernel of ${highest(s.kernel)} does not fit an input of ${lowest(s.length)} in mode "valid"; make \`length\` at least the largest \`kernel\``,
      });
    }
  });
export type Conv1dSettings = z.infer<typeof settingsSchema>;

interface Parsed {
  input: number[];
  kernel: number[];
  flip: boolean;
  mode: Conv1dMode;
}

function resolve(given: Conv1dGiven): Parsed {
  return {
    input: given.input,
    kernel: given.kernel,
    flip: given.flip ?? false,
    mode: given.mode ?? 'valid',
  };
}

function parseGiven(value: unknown): Conv1dGiven {
  const given = parseWith(givenSchema, value, 'given');
  const p = resolve(given);
  try {
    conv1d(p.input, p.kernel, { flip: p.flip, mode: p.mode });
  } catch (error) {
    throw engineError(error, 'given');
  }
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generate(s: Conv1dSettings, rng: Rng): Conv1dGiven {
  const length = draw(rng, s.length);
  const k = draw(rng, s.kernel);
  const flip = s.flip ? rng.pick(s.flip) : false;
  const m = s.mode ? rng.pick(s.mode) : 'valid';
  const input = Array.from({ length }, () => drawValue(rng, s.values));
  const kernel = Array.from({ length: k }, () => drawValue(rng, s.weights));
  return { input, kernel, flip, mode: m };
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= 1e-9);
}

/** The engine calls that common mistakes amount to, each with one thing changed. */
function mistakeVariants(
  p: Parsed,
): Array<{ id: MistakeModel['id']; flip: boolean; mode: Conv1dMode; padding?: [number, number] }> {
  const v: Array<{
    id: MistakeModel['id'];
    flip: boolean;
    mode: Conv1dMode;
    padding?: [number, number];
  }> = [
    // Reversing the kernel is the whole difference between the two definitions: a learner
    // who flips for a library question "flipped the kernel"; one who does not flip for a
    // textbook question "confused the definitions".
    { id: p.flip ? 'flip-confused' : 'kernel-flipped', flip: !p.flip, mode: p.mode },
  ];
  if (p.mode === 'same') {
    v.push({ id: 'valid-instead-of-same', flip: p.flip, mode: 'valid' });
    const [before, after] = conv1dPadding(p.input.length, p.kernel.length, 'same');
    if (before !== after)
      v.push({ id: 'padding-wrong-side', flip: p.flip, mode: 'same', padding: [after, before] });
  } else if (p.mode === 'full') {
    v.push({ id: 'padding-ignored', flip: p.flip, mode: 'valid' });
  } else {
    v.push({ id: 'same-instead-of-valid', flip: p.flip, mode: 'same' });
  }
  return v;
}

/** conv1d with explicit zeros before and after (for "padding on the wrong side"). */
function conv1dPadded(
  input: number[],
  kernel: number[],
  flip: boolean,
  [before, after]: [number, number],
): number[] {
  const padded = [
    ...new Array<number>(before).fill(0),
    ...input,
    ...new Array<number>(after).fill(0),
  ];
  return conv1d(padded, kernel, { flip, mode: 'valid' });
}

function solution(p: Parsed, t: TemplateText['t']): SolutionLine[] {
  const lines: SolutionLine[] = [];
  const k = p.flip ? [...p.kernel].reverse() : p.kernel;
  if (p.flip)
    lines.push({
      text: t('solution.conv1d.flipped', { kernel: `[${k.map(plainNumber).join(', ')}]` }),
    });
  const [before, after] = conv1dPadding(p.input.length, p.kernel.length, p.mode);
  if (before + after > 0) lines.push({ text: t('solution.conv1d.padding', { before, after }) });
  const out = conv1d(p.input, p.kernel, { flip: p.flip, mode: p.mode });
  out.forEach((value, n) => {
    const terms = k.map((w, m) => {
      const i = n + m - before;
      const x = i >= 0 && i < p.input.length ? p.input[i] : 0;
      return `${factor(x)}*${factor(w)}`;
    });
    lines.push({ text: `[${n}]: ${terms.join(' + ')} = ${plainNumber(value)}` });
  });
  return lines;
}

function build(given: Conv1dGiven, text: TemplateText): Question {
  const p = resolve(given);
  const expectedList = (): number[] => conv1d(p.input, p.kernel, { flip: p.flip, mode: p.mode });
  const length = expectedList().length;
  const asGrid = (values: number[]): AnswerValue => ({ kind: 'grid', rows: [values] });
  return {
    kind: 'grid',
    prompt: fill(text.prompt, {
      mode: p.mode,
      operation: text.t(
        p.flip ? 'conv1d.operation.convolution' : 'conv1d.operation.cross-correlation',
      ),
      n: p.input.length,
      k: p.kernel.length,
      length,
    }),
    displays: [
      { type: 'list', title: text.t('display.input'), values: p.input },
      { type: 'list', title: text.t('display.kernel'), values: p.kernel },
    ],
    gridSize: { rows: 1, cols: length },
    tolerance: 0,
    expected: () => asGrid(expectedList()),
    mistakes: () => {
      const expected = expectedList();
      return mistakeVariants(p).flatMap((m) => {
        let answer: number[];
        try {
          answer = m.padding
            ? conv1dPadded(p.input, p.kernel, m.flip, m.padding)
            : conv1d(p.input, p.kernel, { flip: m.flip, mode: m.mode });
        } catch {
          return []; // "valid" when the kernel is longer than the input: no such answer exists.
        }
        // A mistake that lands on the right answer (a symmetric kernel flipped) tells nothing.
        return sameList(answer, expected) ? [] : [{ id: m.id, answer: asGrid(answer) }];
      });
    },
    solution: () => solution(p, text.t),
  };
}

export const conv1dTemplate: Template<Conv1dGiven, Conv1dSettings> = {
  name: 'conv1d',
  kind: 'grid',
  parseGiven,
  parseSettings: (value) => parseWith(settingsSchema, value, 'generate'),
  generate,
  build,
};

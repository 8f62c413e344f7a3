/**
 * Output-size arithmetic along one axis: "how many cells come out?" (`output-size`, a number)
 * and "does the window land exactly on the last cell?" (`fits`, yes or no). Both ask the
 * engine's `outputSize`, which applies (N − F + 2P)/S + 1 (with the dilated span for F), rounds
 * down, and says whether the division came out whole.
 */
import { z } from 'zod';
import { type AxisPadding, type OutputSize, outputSize } from '../../engine/index.js';
import type { Rng } from '../random.js';
import type {
  AnswerValue,
  Display,
  MistakeModel,
  Question,
  SolutionLine,
  Template,
  TemplateText,
} from '../types.js';
import { numberSlips } from './answers.js';
import { padding, requireAtLeastOne, whole } from './schemas.js';
import { draw, engineError, fill, highest, intOrRange, lowest, parseWith } from './shared.js';

/** `fits` asks about an explicit padding: "same" always lands on the last cell by design. */
const fixedPadding = z.union([z.literal('valid'), z.number().int().min(0)], {
  error: 'expected `valid` or a whole number ≥ 0 (with `same` every window fits by design)',
});

function givenSchemaFor<P extends z.ZodType<AxisPadding>>(pad: P) {
  return z.strictObject({
    /** Input length N (the side of a square input). */
    n: whole,
    /** Kernel length F. */
    f: whole,
    /** Step S. @default 1 */
    stride: whole.optional(),
    /** Zeros on each side, `valid` (none) or `same` (TensorFlow's rule). @default 'valid' */
    pad: pad.optional(),
    /** Gap D between kernel taps. @default 1 */
    dilation: whole.optional(),
  });
}

const givenSchema = givenSchemaFor(padding);
export type OutputSizeGiven = z.infer<typeof givenSchema>;
const fitsGivenSchema = givenSchemaFor(fixedPadding);
export type FitsGiven = z.infer<typeof fitsGivenSchema>;

function settingsSchemaFor<P extends z.ZodType<AxisPadding>>(pad: P) {
  return z
    .strictObject({
      /** Input length N. */
      n: intOrRange,
      /** Kernel length F. */
      f: intOrRange,
      /** Strides to draw from. @default [1] */
      stride: z.array(whole).min(1).optional(),
      /** Paddings to draw from. @default ['valid'] */
      pad: z.array(pad).min(1).optional(),
      /** Dilations to draw from. @default [1] */
      dilation: z.array(whole).min(1).optional(),
    })
    .superRefine((s, ctx) => {
      requireAtLeastOne(s, ['n', 'f'], ctx);
      // "same" always makes room; otherwise the smallest input with the least padding must
      // still hold the widest (dilated) kernel.
      const explicit = (s.pad ?? ['valid']).filter((p) => p !== 'same');
      if (explicit.length === 0) return;
      const least = Math.min(...explicit.map((p) => (p === 'valid' ? 0 : (p as number))));
      const span = (highest(s.f) - 1) * Math.max(...(s.dilation ?? [1])) + 1;
      if (lowest(s.n) + 2 * least < span)
        ctx.addIssue({
          code: 'custom',
          path: ['n'],
          message: `a kernel spanning ${span} cells does not fit ${lowest(s.n)} cells with ${least} zero(s) each side; make the smallest \`n\` larger or the largest \`f\` smaller`,
        });
    });
}

const settingsSchema = settingsSchemaFor(padding);
export type OutputSizeSettings = z.infer<typeof settingsSchema>;
const fitsSettingsSchema = settingsSchemaFor(fixedPadding);
export type FitsSettings = z.infer<typeof fitsSettingsSchema>;

interface Parsed {
  n: number;
  f: number;
  stride: number;
  pad: AxisPadding;
  dilation: number;
}

function resolve(g: OutputSizeGiven): Parsed {
  return {
    n: g.n,
    f: g.f,
    stride: g.stride ?? 1,
    pad: g.pad ?? 'valid',
    dilation: g.dilation ?? 1,
  };
}

function size(p: Parsed, change: Partial<Parsed> = {}): OutputSize {
  const q = { ...p, ...change };
  return outputSize({ n: q.n, f: q.f, stride: q.stride, pad: q.pad, dilation: q.dilation });
}

function checked<G extends OutputSizeGiven>(schema: z.ZodType<G>, value: unknown): G {
  const given = parseWith(schema, value, 'given');
  try {
    size(resolve(given));
  } catch (error) {
    throw engineError(error, 'given');
  }
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generate(s: OutputSizeSettings, rng: Rng): OutputSizeGiven {
  const n = draw(rng, s.n);
  const f = draw(rng, s.f);
  const stride = s.stride ? rng.pick(s.stride) : 1;
  const pad = s.pad ? rng.pick(s.pad) : 'valid';
  const dilation = s.dilation ? rng.pick(s.dilation) : 1;
  return { n, f, stride, pad, dilation };
}

function padText(pad: AxisPadding): string {
  return typeof pad === 'string' ? pad : String(pad);
}

function promptParams(p: Parsed): Record<string, string | number> {
  return {
    n: p.n,
    f: p.f,
    stride: p.stride,
    padding: padText(p.pad),
    dilation: p.dilation,
    span: (p.f - 1) * p.dilation + 1,
  };
}

/** The inputs in the lectures' letters, the same in every language. */
function displays(p: Parsed): Display[] {
  const parts = [`N = ${p.n}`, `F = ${p.f}`, `S = ${p.stride}`, `P = ${padText(p.pad)}`];
  if (p.dilation !== 1) parts.push(`D = ${p.dilation}`);
  return [{ type: 'text', text: parts.join('   ') }];
}

/** The working, from the engine's own formula text. */
function workingLines(p: Parsed, o: OutputSize, t: TemplateText['t']): SolutionLine[] {
  // The engine's formula already names the dilated span, so it needs no line of its own.
  const lines: SolutionLine[] = [];
  if (p.pad === 'same')
    lines.push({
      text: t('solution.output-size.same', {
        n: p.n,
        stride: p.stride,
        size: o.size,
        before: o.pad[0],
        after: o.pad[1],
      }),
    });
  lines.push({ text: o.fits ? o.formula : `${o.formula} → ${o.size}` });
  return lines;
}

/**
 * The numbers common slips give, each the engine's computation with one thing changed.
 * Most specific first: when two slips give the same number, the first one is reported.
 */
function sizeMistakes(p: Parsed): MistakeModel[] {
  const o = size(p);
  const { list, tryAdd } = numberSlips(o.size);
  // A changed rule with no answer here (the kernel would not fit, or a negative size) names nothing.
  const add = (id: MistakeModel['id'], compute: () => number) =>
    tryAdd(id, () => {
      const value = compute();
      if (!(value >= 0)) throw new RangeError(`no output size: ${value}`);
      return value;
    });
  if (p.pad === 'same') {
    // SAME gives ⌈N/S⌉; rounding N/S down instead is the usual slip.
    add('truncated-instead-of-ceil', () => Math.floor(p.n / p.stride));
    add('valid-instead-of-same', () => size(p, { pad: 'valid' }).size);
  }
  if (typeof p.pad === 'number' && p.pad > 0) {
    add('padding-counted-once', () => size(p, { pad: [p.pad as number, 0] }).size);
    add('padding-ignored', () => size(p, { pad: 0 }).size);
  }
  if (p.dilation !== 1) add('dilation-ignored', () => size(p, { dilation: 1 }).size);
  if (p.stride !== 1) add('stride-ignored', () => size(p, { stride: 1 }).size);
  // An incomplete last window counted as a whole one: ⌈exact⌉ instead of ⌊exact⌋.
  if (!o.fits) add('rounded-up', () => Math.ceil(o.exact));
  // The formula without its "+ 1": ⌊(N − F + 2P)/S⌋, which forgets the window's first position.
  add('off-by-one', () => Math.floor(o.numerator / o.denominator));
  return list;
}

function buildSize(given: OutputSizeGiven, text: TemplateText): Question {
  const p = resolve(given);
  return {
    kind: 'number',
    prompt: fill(text.prompt, promptParams(p)),
    displays: displays(p),
    tolerance: 0,
    expected: () => ({ kind: 'number', value: size(p).size }),
    mistakes: () => sizeMistakes(p),
    solution: () => {
      const o = size(p);
      const lines = workingLines(p, o, text.t);
      if (!o.fits) lines.push({ text: text.t('solution.output-size.dropped', { size: o.size }) });
      return lines;
    },
  };
}

/** Yes/no slips: the verdict the changed computation gives, kept only where it differs. */
function fitsMistakes(p: Parsed): MistakeModel[] {
  const fits = size(p).fits;
  const out: MistakeModel[] = [];
  const add = (id: MistakeModel['id'], compute: () => boolean) => {
    try {
      const value = compute();
      if (value !== fits) out.push({ id, answer: { kind: 'yesno', value } });
    } catch {
      // No verdict under the changed rule.
    }
  };
  if (p.stride !== 1) add('stride-ignored', () => size(p, { stride: 1 }).fits);
  if (typeof p.pad === 'number' && p.pad > 0) {
    add('padding-counted-once', () => size(p, { pad: [p.pad as number, 0] }).fits);
    add('padding-ignored', () => size(p, { pad: 0 }).fits);
  }
  if (p.dilation !== 1) add('dilation-ignored', () => size(p, { dilation: 1 }).fits);
  return out;
}

function buildFits(given: FitsGiven, text: TemplateText): Question {
  const p = resolve(given);
  return {
    kind: 'yesno',
    prompt: fill(text.prompt, promptParams(p)),
    displays: displays(p),
    tolerance: 0,
    expected: (): AnswerValue => ({ kind: 'yesno', value: size(p).fits }),
    mistakes: () => fitsMistakes(p),
    solution: () => {
      const o = size(p);
      const lines = workingLines(p, o, text.t);
      const params = {
        numerator: o.numerator,
        stride: o.denominator,
        remainder: o.numerator % o.denominator,
        size: o.size,
      };
      lines.push({
        text: o.fits ? text.t('solution.fits.yes', params) : text.t('solution.fits.no', params),
      });
      return lines;
    },
  };
}

export const outputSizeTemplate: Template<OutputSizeGiven, OutputSizeSettings> = {
  name: 'output-size',
  kind: 'number',
  parseGiven: (value) => checked(givenSchema, value),
  parseSettings: (value) => parseWith(settingsSchema, value, 'generate'),
  generate,
  build: buildSize,
};

export const fitsTemplate: Template<FitsGiven, FitsSettings> = {
  name: 'fits',
  kind: 'yesno',
  parseGiven: (value) => checked(fitsGivenSchema, value),
  parseSettings: (value) => parseWith(fitsSettingsSchema, value, 'generate'),
  // The same draws as `output-size`; a `fits` setting can never hold "same".
  generate: (s, rng) => generate(s, rng) as FitsGiven,
  build: buildFits,
};

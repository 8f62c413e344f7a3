/**
 * "What shape comes out of this Conv2D layer?" (`conv2d-shape`). Shapes are written
 * (H, W, C), channels last, as Keras prints them; the prompt must say so. Height and width
 * come from the engine's one-axis output size (the same rule its conv2d uses), the depth is
 * the number of filters.
 */
import { z } from 'zod';
import { type AxisPadding, type OutputSize, EngineError, outputSize } from '../../engine/index.js';
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
import { TemplateError, draw, fill, intOrRange, parseWith } from './shared.js';

const whole = z.number().int().min(1);
const pairOrWhole = z.union([whole, z.tuple([whole, whole])]);
const padding = z.union([z.literal('valid'), z.literal('same'), z.number().int().min(0)], {
  error: 'expected `valid`, `same` or a whole number ≥ 0',
});
type ShapePadding = z.infer<typeof padding>;

const givenSchema = z.strictObject({
  /** The input as (H, W, C). */
  input: z.tuple([whole, whole, whole]),
  /** Number of filters: the depth of the output. */
  filters: whole,
  /** Kernel size: a whole number (square) or [rows, columns]. */
  kernel: pairOrWhole,
  /** @default 1 */
  stride: pairOrWhole.optional(),
  /** `valid`, `same` (TensorFlow's rule) or zeros on every side. @default 'valid' */
  padding: padding.optional(),
});
export type Conv2dShapeGiven = z.infer<typeof givenSchema>;

const settingsSchema = z
  .strictObject({
    /** Input height H. */
    rows: intOrRange,
    /** Input width W. @default rows (a square input) */
    cols: intOrRange.optional(),
    /** Input channels C. @default 1 */
    channels: intOrRange.optional(),
    filters: intOrRange,
    /** Square kernel size. */
    kernel: intOrRange,
    /** Strides to draw from. @default [1] */
    stride: z.array(whole).min(1).optional(),
    /** Paddings to draw from. @default ['valid'] */
    padding: z.array(padding).min(1).optional(),
  })
  .superRefine((s, ctx) => {
    const low = (spec: z.infer<typeof intOrRange>) =>
      typeof spec === 'number' ? spec : Math.min(...spec);
    const high = (spec: z.infer<typeof intOrRange>) =>
      typeof spec === 'number' ? spec : Math.max(...spec);
    for (const key of ['rows', 'cols', 'channels', 'filters', 'kernel'] as const) {
      const spec = s[key];
      if (spec !== undefined && low(spec) < 1)
        ctx.addIssue({ code: 'custom', path: [key], message: `\`${key}\` must be at least 1` });
    }
    // Padding only adds room, so the smallest input with no padding is the case to check.
    for (const key of ['rows', 'cols'] as const) {
      const spec = s[key];
      if (spec !== undefined && low(spec) < high(s.kernel))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `a ${high(s.kernel)}×${high(s.kernel)} kernel does not fit ${low(spec)} ${key}; make the smallest \`${key}\` at least the largest \`kernel\``,
        });
    }
  });
export type Conv2dShapeSettings = z.infer<typeof settingsSchema>;

interface Parsed {
  H: number;
  W: number;
  C: number;
  filters: number;
  kH: number;
  kW: number;
  sH: number;
  sW: number;
  padding: ShapePadding;
}

function resolve(g: Conv2dShapeGiven): Parsed {
  const [kH, kW] = typeof g.kernel === 'number' ? [g.kernel, g.kernel] : g.kernel;
  const [sH, sW] =
    g.stride === undefined
      ? [1, 1]
      : typeof g.stride === 'number'
        ? [g.stride, g.stride]
        : g.stride;
  const [H, W, C] = g.input;
  return { H, W, C, filters: g.filters, kH, kW, sH, sW, padding: g.padding ?? 'valid' };
}

function axes(
  p: Parsed,
  padding: AxisPadding = p.padding,
  sH = p.sH,
  sW = p.sW,
): [OutputSize, OutputSize] {
  return [
    outputSize({ n: p.H, f: p.kH, stride: sH, pad: padding }),
    outputSize({ n: p.W, f: p.kW, stride: sW, pad: padding }),
  ];
}

function parseGiven(value: unknown): Conv2dShapeGiven {
  const given = parseWith(givenSchema, value, 'given');
  try {
    axes(resolve(given));
  } catch (error) {
    // The engine names `f` (the kernel does not fit); say it in the file's words.
    const field =
      error instanceof EngineError && error.argument !== 'f'
        ? `given.${error.argument}`
        : 'given.kernel';
    throw new TemplateError(
      field,
      `\`${field}\`: ${(error as Error).message.replaceAll('`f`', '`kernel`')}`,
    );
  }
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generate(s: Conv2dShapeSettings, rng: Rng): Conv2dShapeGiven {
  const rows = draw(rng, s.rows);
  const cols = s.cols === undefined ? rows : draw(rng, s.cols);
  const channels = s.channels === undefined ? 1 : draw(rng, s.channels);
  const filters = draw(rng, s.filters);
  const kernel = draw(rng, s.kernel);
  const stride = s.stride ? rng.pick(s.stride) : 1;
  const pad = s.padding ? rng.pick(s.padding) : 'valid';
  return { input: [rows, cols, channels], filters, kernel, stride, padding: pad };
}

function shape(h: number, w: number, c: number): AnswerValue {
  return { kind: 'shape', dims: [h, w, c] };
}

function sameDims(a: AnswerValue, b: AnswerValue): boolean {
  return (
    a.kind === 'shape' &&
    b.kind === 'shape' &&
    a.dims.length === b.dims.length &&
    a.dims.every((d, i) => d === b.dims[i])
  );
}

/** The answers common mistakes give, each the engine's rule with one thing changed. */
function mistakeAnswers(p: Parsed): MistakeModel[] {
  const [h, w] = axes(p);
  const out: MistakeModel[] = [];
  const add = (id: MistakeModel['id'], compute: () => AnswerValue) => {
    try {
      const answer = compute();
      if (answer.kind === 'shape' && answer.dims.every((d) => d >= 1)) out.push({ id, answer });
    } catch {
      // The changed rule has no answer here (the kernel would not fit): nothing to recognise.
    }
  };
  // Most specific first: when two slips give the same shape, the first one is reported.
  add('channels-from-input', () => shape(h.size, w.size, p.C));
  add('rows-columns-swapped', () => shape(w.size, h.size, p.filters));
  if (p.sH !== 1 || p.sW !== 1)
    add('stride-ignored', () => {
      const [h1, w1] = axes(p, p.padding, 1, 1);
      return shape(h1.size, w1.size, p.filters);
    });
  if (p.padding === 'same') {
    add('valid-instead-of-same', () => {
      const [hv, wv] = axes(p, 'valid');
      return shape(hv.size, wv.size, p.filters);
    });
    // SAME gives ⌈N/S⌉; rounding N/S down instead is the usual slip.
    if (p.H % p.sH !== 0 || p.W % p.sW !== 0)
      add('truncated-instead-of-ceil', () =>
        shape(Math.floor(p.H / p.sH), Math.floor(p.W / p.sW), p.filters),
      );
  } else if (p.padding === 'valid') {
    add('same-instead-of-valid', () => {
      const [hs, ws] = axes(p, 'same');
      return shape(hs.size, ws.size, p.filters);
    });
  } else if (p.padding > 0) {
    add('padding-ignored', () => {
      const [hv, wv] = axes(p, 'valid');
      return shape(hv.size, wv.size, p.filters);
    });
  }
  // Forgetting the "+ 1": (N − F + 2P)/S alone.
  add('off-by-one', () =>
    shape(
      Math.floor(h.numerator / h.denominator),
      Math.floor(w.numerator / w.denominator),
      p.filters,
    ),
  );
  const expected = shape(h.size, w.size, p.filters);
  return out.filter((m) => !sameDims(m.answer, expected));
}

function pairText(a: number, b: number): string {
  return a === b ? String(a) : `(${a}, ${b})`;
}

/** The layer as Keras code: words a learner may meet in a notebook, in no one language. */
function kerasText(p: Parsed): string[] {
  const pad = p.padding;
  const lines: string[] = [];
  if (typeof pad === 'number' && pad > 0) lines.push(`ZeroPadding2D(${pad})`);
  const kerasPadding = pad === 'same' ? 'same' : 'valid';
  lines.push(
    `Conv2D(filters=${p.filters}, kernel_size=${pairText(p.kH, p.kW)}, strides=${pairText(p.sH, p.sW)}, padding="${kerasPadding}")`,
  );
  return lines;
}

function build(given: Conv2dShapeGiven, text: TemplateText): Question {
  const p = resolve(given);
  const pad = p.padding;
  const displays: Display[] = [
    { type: 'text', text: `input (H, W, C) = (${p.H}, ${p.W}, ${p.C})` },
    ...kerasText(p).map((line): Display => ({ type: 'text', text: line })),
  ];
  return {
    kind: 'shape',
    prompt: fill(text.prompt, {
      h: p.H,
      w: p.W,
      c: p.C,
      input: `(${p.H}, ${p.W}, ${p.C})`,
      filters: p.filters,
      kernel: `${p.kH}×${p.kW}`,
      stride: p.sH === p.sW ? p.sH : `${p.sH}×${p.sW}`,
      padding: typeof pad === 'string' ? pad : String(pad),
    }),
    displays,
    tolerance: 0,
    expected: () => {
      const [h, w] = axes(p);
      return shape(h.size, w.size, p.filters);
    },
    mistakes: () => mistakeAnswers(p),
    solution: () => {
      const [h, w] = axes(p);
      const lines: SolutionLine[] = [];
      if (pad === 'same')
        lines.push({
          text: text.t('solution.shape.same', {
            top: h.pad[0],
            bottom: h.pad[1],
            left: w.pad[0],
            right: w.pad[1],
          }),
        });
      for (const [axis, a] of [
        ['H', h],
        ['W', w],
      ] as const) {
        const floor = a.fits ? '' : ` → ${a.size}`;
        lines.push({ text: `${axis}: ${a.formula}${floor}` });
      }
      lines.push({ text: text.t('solution.shape.channels', { filters: p.filters }) });
      lines.push({ text: `(${h.size}, ${w.size}, ${p.filters})` });
      return lines;
    },
  };
}

export const conv2dShape: Template<Conv2dShapeGiven, Conv2dShapeSettings> = {
  name: 'conv2d-shape',
  kind: 'shape',
  parseGiven,
  parseSettings: (value) => parseWith(settingsSchema, value, 'generate'),
  generate,
  build,
};

/**
 * "Which kernel made this picture?" (`kernel-match`, a choice). The learner sees a picture,
 * the picture after one of the library's kernels, and the candidate kernels. The right option
 * is found by running every candidate through the engine and keeping the one whose output is
 * the one shown; nothing is stored. The candidates must give pairwise different outputs on
 * the picture, or the question would have two right answers.
 */
import { z } from 'zod';
import {
  type Conv2dOptions,
  type Tensor,
  conv2d,
  conv2dGeometry,
  convCellText,
  explainConv2dCell,
  gridIndex,
  plainNumber,
  toNested,
  volumeFrom,
} from '../../engine/index.js';
import { pickText } from '../../i18n/index.js';
import type { LibraryKernel } from '../course.js';
import type { Rng } from '../random.js';
import type {
  Display,
  Question,
  SolutionLine,
  Template,
  TemplateContext,
  TemplateText,
} from '../types.js';
import { type Padding, padding } from './schemas.js';
import {
  TemplateError,
  draw,
  drawGrid,
  fill,
  intOrRange,
  lowest,
  parseWith,
  valueSpec,
} from './shared.js';

/** Draws before giving up on a picture that tells the options apart. */
const MAX_DRAWS = 50;

const kernelId = (kernels: readonly LibraryKernel[]) =>
  z.string().refine((id) => kernels.some((k) => k.id === id), {
    error: (issue) =>
      kernels.length === 0
        ? `unknown kernel ${JSON.stringify(issue.input)}; lessons/library.yaml names no kernels`
        : `unknown kernel ${JSON.stringify(issue.input)}; expected one of ${kernels.map((k) => k.id).join(', ')}`,
  });

const optionsOf_ = (kernels: readonly LibraryKernel[]) =>
  z
    .array(kernelId(kernels))
    .min(2, { error: 'list at least two kernels to choose from' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'a kernel is listed twice' });

const givenSchemaFor = (kernels: readonly LibraryKernel[]) =>
  z
    .strictObject({
      /** One grid (a single-channel picture). */
      input: z.unknown(),
      /** The library kernel that made the output shown. */
      kernel: kernelId(kernels),
      /** The candidates, in the order they are offered. */
      options: optionsOf_(kernels),
      /** @default 'valid' */
      padding: padding.optional(),
    })
    .refine((g) => g.options.includes(g.kernel), {
      path: ['kernel'],
      error: 'the kernel that made the picture must be one of `options`',
    });
export type KernelMatchGiven = z.infer<ReturnType<typeof givenSchemaFor>>;

const settingsSchemaFor = (kernels: readonly LibraryKernel[]) =>
  z
    .strictObject({
      rows: intOrRange,
      /** @default rows (a square picture) */
      cols: intOrRange.optional(),
      values: valueSpec,
      /** The candidates; the kernel that makes the picture is drawn from them. */
      options: optionsOf_(kernels),
      /** Paddings to draw from. @default ['valid'] */
      padding: z.array(padding).min(1).optional(),
    })
    .superRefine((s, ctx) => {
      const valid = s.padding === undefined || s.padding.some((p) => p === 'valid' || p === 0);
      const need = valid ? 3 : 1;
      for (const key of ['rows', 'cols'] as const) {
        const spec = s[key];
        if (spec !== undefined && lowest(spec) < need)
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `the library's kernels are 3×3, so \`${key}\` must be at least ${need}`,
          });
      }
    });
export type KernelMatchSettings = z.infer<ReturnType<typeof settingsSchemaFor>>;

/** The schemas for one library's kernels, made once per library. */
const schemaCache = new WeakMap<
  readonly LibraryKernel[],
  { given: ReturnType<typeof givenSchemaFor>; settings: ReturnType<typeof settingsSchemaFor> }
>();
const NO_KERNELS: readonly LibraryKernel[] = [];

function schemasFor(context: TemplateContext | undefined) {
  const kernels = context?.kernels ?? NO_KERNELS;
  let schemas = schemaCache.get(kernels);
  if (!schemas) {
    schemas = { given: givenSchemaFor(kernels), settings: settingsSchemaFor(kernels) };
    schemaCache.set(kernels, schemas);
  }
  return schemas;
}

/** The library kernel `id` (the schemas have checked that it exists). */
function kernelNamed(context: TemplateContext | undefined, id: string): LibraryKernel {
  return (context?.kernels ?? NO_KERNELS).find((k) => k.id === id)!;
}

function filtersOf(k: LibraryKernel): Tensor {
  return { shape: [1, 1, 3, 3], data: Float64Array.from(k.grid.flat()) };
}

function optionsOf(k: LibraryKernel, pad: Padding | undefined): Conv2dOptions {
  return { padding: pad ?? 'valid', scale: k.scale === 1 ? undefined : k.scale };
}

function outputOf(input: Tensor, k: LibraryKernel, pad: Padding | undefined): Tensor {
  return conv2d(input, filtersOf(k), optionsOf(k, pad));
}

function sameTensor(a: Tensor, b: Tensor): boolean {
  return a.data.length === b.data.length && a.data.every((v, i) => Math.abs(v - b.data[i]) <= 1e-9);
}

function pictureOf(value: unknown): Tensor {
  const input = volumeFrom('input', value);
  if (input.shape[0] !== 1)
    throw new TemplateError(
      'given.input',
      `\`given.input\`: expected one grid (a single-channel picture), got ${input.shape[0]} channels.`,
    );
  return input;
}

/** The first pair of options that give the same output on `input`, or undefined. */
function firstTie(
  input: Tensor,
  ids: readonly string[],
  pad: Padding | undefined,
  context: TemplateContext | undefined,
): [string, string] | undefined {
  const outs = ids.map((id) => outputOf(input, kernelNamed(context, id), pad));
  for (let a = 0; a < outs.length; a++)
    for (let b = a + 1; b < outs.length; b++)
      if (sameTensor(outs[a], outs[b])) return [ids[a], ids[b]];
  return undefined;
}

function parseGiven(value: unknown, context?: TemplateContext): KernelMatchGiven {
  const given = parseWith(schemasFor(context).given, value, 'given');
  let input: Tensor;
  try {
    input = pictureOf(given.input);
    conv2dGeometry(input, filtersOf(kernelNamed(context, given.kernel)), {
      padding: given.padding,
    });
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw new TemplateError('given.input', `\`given.input\`: ${(error as Error).message}`);
  }
  const tie = firstTie(input, given.options, given.padding, context);
  if (tie)
    throw new TemplateError(
      'given.options',
      `\`given.options\`: \`${tie[0]}\` and \`${tie[1]}\` give the same output on this input, so the question would have two right answers; change the input or drop one of them.`,
    );
  return given;
}

/** The settings, with the library kernels they name (`generate` has no context of its own). */
type Settings = KernelMatchSettings & { readonly context: TemplateContext | undefined };

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generate(s: Settings, rng: Rng): KernelMatchGiven {
  const rows = draw(rng, s.rows);
  const cols = s.cols === undefined ? rows : draw(rng, s.cols);
  const kernel = rng.pick(s.options);
  const pad = s.padding ? rng.pick(s.padding) : 'valid';
  // A picture on which two options agree (all zeros, say) is drawn again from the same stream,
  // so the redraws are part of the variant too.
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    const input = drawGrid(rng, rows, cols, s.values);
    if (!firstTie(pictureOf(input), s.options, pad, s.context))
      return { input, kernel, options: [...s.options], padding: pad };
  }
  throw new TemplateError(
    'generate.values',
    `\`generate.values\`: ${MAX_DRAWS} pictures in a row could not tell the options apart; draw from more values.`,
  );
}

function kernelTitle(k: LibraryKernel, lang: string): string {
  const name = pickText(k.name, lang);
  return k.scaleText ? `${name} × ${k.scaleText}` : name;
}

/** The output cell where the options disagree most (the first such cell, row by row). */
function tellingCell(outs: Tensor[], rows: number, cols: number): [number, number] {
  let best: [number, number] = [0, 0];
  let bestCount = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const values = outs.map((o) => o.data[gridIndex(cols, r, c)]);
      const distinct = values.filter(
        (v, i) => values.findIndex((w) => Math.abs(w - v) <= 1e-9) === i,
      ).length;
      if (distinct > bestCount) {
        best = [r, c];
        bestCount = distinct;
      }
    }
  return best;
}

function build(given: KernelMatchGiven, text: TemplateText, context?: TemplateContext): Question {
  const input = pictureOf(given.input);
  const candidates = given.options.map((id) => kernelNamed(context, id));
  const shown = outputOf(input, kernelNamed(context, given.kernel), given.padding);
  const [, outH, outW] = shown.shape;
  const names = candidates.map((k) => pickText(k.name, text.lang));
  const pad = given.padding ?? 'valid';
  const displays: Display[] = [
    { type: 'grid', title: text.t('display.input'), grid: (toNested(input) as number[][][])[0] },
    { type: 'grid', title: text.t('display.output'), grid: (toNested(shown) as number[][][])[0] },
    ...candidates.map((k): Display => ({
      type: 'grid',
      title: kernelTitle(k, text.lang),
      grid: k.grid.map((row) => [...row]),
    })),
  ];
  const outputs = (): Tensor[] => candidates.map((k) => outputOf(input, k, given.padding));
  return {
    kind: 'choice',
    prompt: fill(text.prompt, {
      padding: typeof pad === 'string' ? pad : String(pad),
      rows: outH,
      cols: outW,
    }),
    displays,
    options: names,
    tolerance: 0,
    expected: () => ({ kind: 'choice', index: outputs().findIndex((o) => sameTensor(o, shown)) }),
    mistakes: () => [],
    solution: () => {
      const outs = outputs();
      const [r, c] = tellingCell(outs, outH, outW);
      const lines: SolutionLine[] = [
        {
          text: text.t('solution.kernel-match.cell', {
            row: r,
            col: c,
            value: plainNumber(shown.data[gridIndex(outW, r, c)]),
          }),
        },
      ];
      candidates.forEach((k, i) => {
        const e = explainConv2dCell(input, filtersOf(k), optionsOf(k, given.padding), 0, r, c);
        lines.push({ text: `${names[i]}: ${convCellText(e)}` });
      });
      const index = outs.findIndex((o) => sameTensor(o, shown));
      lines.push({ text: text.t('solution.kernel-match.answer', { name: names[index] }) });
      return lines;
    },
  };
}

export const kernelMatch: Template<KernelMatchGiven, Settings> = {
  name: 'kernel-match',
  kind: 'choice',
  usesLibrary: true,
  parseGiven,
  parseSettings: (value, context) => ({
    ...parseWith(schemasFor(context).settings, value, 'generate'),
    context,
  }),
  generate,
  build,
};

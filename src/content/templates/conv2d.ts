/**
 * Convolution questions: one output cell (`conv2d-cell`, a number) or a whole output map
 * (`conv2d-map`, a grid). Inputs are written like a calc request; the engine does the sums.
 */
import { z } from 'zod';
import {
  type Conv2dOptions,
  type Tensor,
  conv2d,
  conv2dGeometry,
  convCellText,
  explainConv2dCell,
  filtersFrom,
  plainNumber,
  toNested,
  volumeFrom,
  volumeIndex,
} from '../../engine/index.js';
import type { Rng } from '../random.js';
import type {
  AnswerValue,
  Display,
  Question,
  SolutionLine,
  Template,
  TemplateText,
} from '../types.js';
import { type ConvMistakeId, convMistakeInputs } from './mistakes.js';
import { index, pairOrWhole, whole } from './schemas.js';
import {
  TemplateError,
  draw,
  drawGrid,
  drawImageSize,
  fill,
  intOrRange,
  parseWith,
  valueSpec,
} from './shared.js';

const padding = z.union([
  z.literal('valid'),
  z.literal('same'),
  z.number().int().min(0),
  z.tuple([
    z.tuple([z.number().int().min(0), z.number().int().min(0)]),
    z.tuple([z.number().int().min(0), z.number().int().min(0)]),
  ]),
]);

const givenSchema = z.strictObject({
  input: z.unknown(),
  kernels: z.unknown(),
  bias: z.array(z.number()).optional(),
  stride: pairOrWhole.optional(),
  padding: padding.optional(),
  dilation: pairOrWhole.optional(),
  scale: z.number().optional(),
  /** Which cell is asked: [filter, row, column]. Cell questions only. */
  cell: z.tuple([index, index, index]).optional(),
  /** Which filter's map is asked. Map questions only; default 0. */
  filter: index.optional(),
});
export type Conv2dGiven = z.infer<typeof givenSchema>;

const settingsSchema = z.strictObject({
  rows: intOrRange,
  cols: intOrRange.optional(),
  channels: intOrRange.optional(),
  filters: intOrRange.optional(),
  kernel: intOrRange,
  values: valueSpec,
  weights: valueSpec,
  bias: valueSpec.optional(),
  stride: z.array(whole).min(1).optional(),
  padding: z
    .array(z.union([z.literal('valid'), z.literal('same'), z.number().int().min(0)]))
    .min(1)
    .optional(),
});
export type Conv2dSettings = z.infer<typeof settingsSchema>;

interface Parsed {
  input: Tensor;
  filters: Tensor;
  options: Conv2dOptions;
}

function parseTensors(given: Conv2dGiven): Parsed {
  try {
    const input = volumeFrom('input', given.input);
    const filters = filtersFrom('kernels', given.kernels, input.shape[0]);
    const options: Conv2dOptions = {
      bias: given.bias,
      stride: given.stride,
      padding: given.padding,
      dilation: given.dilation,
      scale: given.scale,
    };
    conv2dGeometry(input, filters, options);
    return { input, filters, options };
  } catch (error) {
    throw new TemplateError('given', `\`given\`: ${(error as Error).message}`);
  }
}

function parseGiven(value: unknown): Conv2dGiven {
  const given = parseWith(givenSchema, value, 'given');
  const { input, filters, options } = parseTensors(given);
  const g = conv2dGeometry(input, filters, options);
  // Each template reads the other's selector too (a map question shows `cell`'s map, a cell
  // question without `cell` asks for `filter`'s top-left cell), so both are checked for both.
  if (given.cell) {
    const [f, r, c] = given.cell;
    if (f >= filters.shape[0] || r >= g.outH || c >= g.outW) {
      throw new TemplateError(
        'given.cell',
        `\`given.cell\`: the output is ${filters.shape[0]} map(s) of ${g.outH}×${g.outW}; cell [${f}, ${r}, ${c}] is outside it.`,
      );
    }
  }
  if (given.filter !== undefined && given.filter >= filters.shape[0]) {
    throw new TemplateError(
      'given.filter',
      `\`given.filter\`: there are ${filters.shape[0]} filters; ${given.filter} is not one of them.`,
    );
  }
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generate(s: Conv2dSettings, rng: Rng, withCell: boolean): Conv2dGiven {
  const [rows, cols, channels] = drawImageSize(rng, s);
  const nFilters = s.filters === undefined ? 1 : draw(rng, s.filters);
  const k = draw(rng, s.kernel);
  const stride = s.stride ? rng.pick(s.stride) : 1;
  const pad = s.padding ? rng.pick(s.padding) : 'valid';
  const input = Array.from({ length: channels }, () => drawGrid(rng, rows, cols, s.values));
  const kernels = Array.from({ length: nFilters }, () =>
    Array.from({ length: channels }, () => drawGrid(rng, k, k, s.weights)),
  );
  const bias = s.bias
    ? Array.from({ length: nFilters }, () => drawValueOf(rng, s.bias!))
    : undefined;
  const given: Conv2dGiven = {
    input: channels === 1 ? input[0] : input,
    kernels: kernels.map((kk) => (channels === 1 ? kk[0] : kk)),
    stride,
    padding: pad,
    bias,
  };
  const { input: t, filters, options } = parseTensors(given);
  const g = conv2dGeometry(t, filters, options);
  if (withCell)
    given.cell = [rng.int(0, nFilters - 1), rng.int(0, g.outH - 1), rng.int(0, g.outW - 1)];
  else given.filter = rng.int(0, nFilters - 1);
  return given;
}

function drawValueOf(rng: Rng, spec: Conv2dSettings['values']): number {
  return drawGrid(rng, 1, 1, spec)[0][0];
}

/** The conv2d questions' mistakes, in the order they are matched (the first match is named). */
const MISTAKES: readonly ConvMistakeId[] = [
  'kernel-flipped',
  'bias-forgotten',
  'scale-forgotten',
  'one-channel',
  'stride-ignored',
  'valid-instead-of-same',
  'padding-wrong-side',
  'padding-symmetric',
  'padding-ignored',
];

function displays(p: Parsed, t: TemplateText['t']): Display[] {
  const input = toNested(p.input) as number[][][];
  const kernels = toNested(p.filters) as number[][][][];
  const out: Display[] = [
    input.length === 1
      ? { type: 'grid', title: t('display.input'), grid: input[0] }
      : { type: 'channels', title: t('display.input'), channels: input },
  ];
  kernels.forEach((k, o) => {
    const title = kernels.length === 1 ? t('display.kernel') : t('display.kernel-n', { n: o });
    out.push(
      k.length === 1
        ? { type: 'grid', title, grid: k[0] }
        : { type: 'channels', title, channels: k },
    );
  });
  return out;
}

function settingsText(
  p: Parsed,
  g: ReturnType<typeof conv2dGeometry>,
): Record<string, string | number> {
  const pad = p.options.padding ?? 'valid';
  return {
    stride: g.sH === g.sW ? g.sH : `${g.sH}×${g.sW}`,
    padding: typeof pad === 'string' ? pad : JSON.stringify(pad),
    bias: Array.from(p.options.bias ?? [], (b) => plainNumber(b)).join(', ') || '0',
    scale: plainNumber(p.options.scale ?? 1),
    outRows: g.outH,
    outCols: g.outW,
    filters: p.filters.shape[0],
    channels: p.input.shape[0],
  };
}

function cellSolution(
  p: Parsed,
  f: number,
  r: number,
  c: number,
  t: TemplateText['t'],
): SolutionLine[] {
  const e = explainConv2dCell(p.input, p.filters, p.options, f, r, c);
  const g = conv2dGeometry(p.input, p.filters, p.options);
  const lines: SolutionLine[] = [
    {
      text: t('solution.conv.window', {
        row: r,
        col: c,
        top: e.origin.row,
        left: e.origin.col,
        bottom: e.origin.row + (g.kH - 1) * g.dH,
        right: e.origin.col + (g.kW - 1) * g.dW,
      }),
    },
  ];
  if (e.terms.some((term) => term.padded)) lines.push({ text: t('solution.conv.padding') });
  lines.push({ text: convCellText(e) });
  return lines;
}

/** The input window of output cell (r, c), within the input (padding cells are not drawn). */
function askedWindow(
  p: Parsed,
  g: ReturnType<typeof conv2dGeometry>,
  f: number,
  r: number,
  c: number,
): Question['asked'] {
  const [, H, W] = p.input.shape;
  const { origin } = explainConv2dCell(p.input, p.filters, p.options, f, r, c);
  const top = Math.max(0, origin.row);
  const left = Math.max(0, origin.col);
  const bottom = Math.min(H - 1, origin.row + (g.kH - 1) * g.dH);
  const right = Math.min(W - 1, origin.col + (g.kW - 1) * g.dW);
  return { display: 0, row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

function build(given: Conv2dGiven, text: TemplateText, asCell: boolean): Question {
  const p = parseTensors(given);
  const g = conv2dGeometry(p.input, p.filters, p.options);
  const [f, r, c] = given.cell ?? [given.filter ?? 0, 0, 0];
  const pick = (output: Tensor, filter = f): AnswerValue | undefined => {
    const [, H, W] = output.shape;
    if (asCell)
      return r < H && c < W
        ? { kind: 'number', value: output.data[volumeIndex(output.shape, filter, r, c)] }
        : undefined;
    return { kind: 'grid', rows: (toNested(output) as number[][][])[filter] };
  };
  return {
    kind: asCell ? 'number' : 'grid',
    prompt: fill(text.prompt, { ...settingsText(p, g), row: r, col: c, filter: f }),
    displays: displays(p, text.t),
    gridSize: asCell ? undefined : { rows: g.outH, cols: g.outW },
    tolerance: 0,
    ...(asCell ? { asked: askedWindow(p, g, f, r, c) } : {}),
    expected: () => pick(conv2d(p.input, p.filters, p.options))!,
    mistakes: () =>
      convMistakeInputs(
        { input: p.input, kernels: p.filters, options: p.options },
        MISTAKES,
      ).flatMap(({ id, inputs: v }) => {
        const answer = pick(
          conv2d(v.input, v.kernels, v.options),
          Math.min(f, v.kernels.shape[0] - 1),
        );
        return answer ? [{ id, answer }] : [];
      }),
    solution: () => {
      if (asCell) return cellSolution(p, f, r, c, text.t);
      const lines: SolutionLine[] = [];
      for (let y = 0; y < g.outH; y++)
        for (let x = 0; x < g.outW; x++) {
          const e = explainConv2dCell(p.input, p.filters, p.options, f, y, x);
          lines.push({ text: `[${y}][${x}]: ${convCellText(e)}` });
        }
      return lines;
    },
  };
}

export const conv2dCell: Template<Conv2dGiven, Conv2dSettings> = {
  name: 'conv2d-cell',
  kind: 'number',
  parseGiven,
  parseSettings: (value) => parseWith(settingsSchema, value, 'generate'),
  generate: (s, rng) => generate(s, rng, true),
  build: (given, text) => build(given, text, true),
};

export const conv2dMap: Template<Conv2dGiven, Conv2dSettings> = {
  name: 'conv2d-map',
  kind: 'grid',
  parseGiven,
  parseSettings: (value) => parseWith(settingsSchema, value, 'generate'),
  generate: (s, rng) => generate(s, rng, false),
  build: (given, text) => build(given, text, false),
};

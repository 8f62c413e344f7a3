/**
 * Questions about a small network written as a calc pipeline (`input` + `stages`, the
 * `pipeline` op's fields): one number of the last stage's output (`network-value`), a whole
 * map of it (`network-map`), or which class it picks (`network-class`, a choice whose right
 * option is the largest output the engine computes). The same three cover a ReLU map, a
 * pooled map, one cell of conv → ReLU → pool, and the X/O network's matches, features, votes
 * and probabilities.
 *
 * `show` lists the stage numbers whose outputs the learner is given (0 = the input, 1 = the
 * first stage's output): the question starts after the last of them, and common mistakes are
 * the engine run again with one thing changed in one of the stages still to do.
 */
import { z } from 'zod';
import { pipelineFromRequest } from '../../request/run-request.js';
import { type PipelineStageRequest, pipelineStage } from '../../request/schema.js';
import {
  type PipelineStage,
  type Tensor,
  conv2dGeometry,
  convCellText,
  explainConv2dCell,
  convertFlatIndex,
  explainPoolCell,
  gridCoords,
  gridIndex,
  plainNumber,
  planeRows,
  planeSpan,
  poolCellText,
  poolGeometry,
  relu,
  runPipeline,
  runStage,
  toNested,
  volumeCoords,
  volumeIndex,
} from '../../engine/index.js';
import { describeStage } from '../../render/report/describe-stage.js';
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
import {
  TemplateError,
  draw,
  drawGrid,
  drawValue,
  fill,
  intOrRange,
  parseWith,
  valueSpec,
} from './shared.js';

/** Draws before giving up on an input whose classes cannot be told apart. */
const MAX_DRAWS = 50;

const stageNumber = z.number().int().min(0);
const show = z.union([stageNumber, z.array(stageNumber).min(1)]);
const position = z.array(z.number().int().min(0)).min(1).max(3);
const classes = z.array(z.string().trim().min(1)).min(1);

const baseGiven = {
  /** A grid, a list of grids (channels), or a list of numbers. */
  input: z.unknown(),
  /** Calc pipeline stages, run in order. */
  stages: z.array(pipelineStage).min(1),
  /** Stage numbers whose outputs are shown (0 = the input). @default 0 */
  show: show.optional(),
};

const valueGiven = z.strictObject({
  ...baseGiven,
  /** Position in the last stage's output: [map, row, column] or [index]. */
  at: position,
  /** Names of the last output's entries (or of the vote stage's), for `{class}` and labels. */
  classes: classes.optional(),
});
const mapGiven = z.strictObject({
  ...baseGiven,
  /** Which map of the last output is asked. @default 0 */
  channel: z.number().int().min(0).optional(),
});
const classGiven = z.strictObject({
  ...baseGiven,
  /** One name per entry of the last output, in order: the options offered. */
  classes: classes.min(2),
});
export type NetworkValueGiven = z.infer<typeof valueGiven>;
export type NetworkMapGiven = z.infer<typeof mapGiven>;
export type NetworkClassGiven = z.infer<typeof classGiven>;
type AnyGiven = NetworkValueGiven | NetworkMapGiven | NetworkClassGiven;

/** A random picture: `{ rows, cols, channels, values }`. */
const imageRecipe = z.strictObject({
  rows: intOrRange,
  cols: intOrRange.optional(),
  channels: intOrRange.optional(),
  values: valueSpec,
});
/** One of these pictures with `flip` of its cells drawn and their signs changed. */
const noisyRecipe = z.strictObject({
  from: z.array(z.array(z.array(z.number()).min(1)).min(1)).min(1),
  flip: intOrRange,
});
/** A convolution whose filters (and biases) are drawn. */
const convRecipe = z.strictObject({
  op: z.literal('conv2d'),
  kernels: z.strictObject({
    count: intOrRange.optional(),
    size: intOrRange,
    weights: valueSpec,
  }),
  bias: valueSpec.optional(),
  stride: z
    .union([z.number().int().min(1), z.tuple([z.number().int().min(1), z.number().int().min(1)])])
    .optional(),
  padding: z.union([z.literal('valid'), z.literal('same'), z.number().int().min(0)]).optional(),
  scale: z.number().optional(),
});
type ConvRecipe = z.infer<typeof convRecipe>;
const recipeStage = z.unknown().transform((value, ctx): PipelineStageRequest | ConvRecipe => {
  const v = value as { op?: unknown; kernels?: unknown } | null;
  const isRecipe =
    v?.op === 'conv2d' &&
    v.kernels !== null &&
    typeof v.kernels === 'object' &&
    !Array.isArray(v.kernels);
  const parsed = (isRecipe ? convRecipe : pipelineStage).safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  }
  return parsed.data;
});

const baseSettings = {
  /** A fixed input, a random picture, or a noisy copy of one of several pictures. */
  input: z.union([imageRecipe, noisyRecipe, z.array(z.unknown()).min(1)]),
  stages: z.array(recipeStage).min(1),
  show: show.optional(),
};
const valueSettings = z.strictObject({
  ...baseSettings,
  /** `edge`: only the last row or column of the output (where "same" padding plays a part). @default 'any' */
  at: z.union([z.literal('any'), z.literal('edge')]).optional(),
  classes: classes.optional(),
});
const mapSettings = z.strictObject(baseSettings);
const classSettings = z.strictObject({
  ...baseSettings,
  classes: classes.min(2),
  /** Draw the input again while the two largest outputs are closer than this. @default 0 */
  margin: z.number().min(0).optional(),
});
export type NetworkValueSettings = z.infer<typeof valueSettings>;
export type NetworkMapSettings = z.infer<typeof mapSettings>;
export type NetworkClassSettings = z.infer<typeof classSettings>;
type AnySettings = NetworkValueSettings | NetworkMapSettings | NetworkClassSettings;

// ---------------------------------------------------------------------------------------------
// Inputs → engine

interface Network {
  input: Tensor;
  stages: PipelineStage[];
  /** Stage numbers shown; the question starts after the last. */
  shown: number[];
  start: number;
  /** outputs[k] is what stage number k gives (outputs[0] = the input). */
  outputs: Tensor[];
}

function shownOf(s: AnyGiven['show']): number[] {
  return s === undefined
    ? [0]
    : typeof s === 'number'
      ? [s]
      : [...new Set(s)].sort((a, b) => a - b);
}

function networkOf(given: AnyGiven): Network {
  let built: { input: Tensor; stages: PipelineStage[] };
  let outs: Tensor[];
  try {
    built = pipelineFromRequest(given);
    outs = runPipeline(built.input, built.stages);
  } catch (error) {
    const arg = (error as { argument?: string }).argument;
    const field =
      arg && /^(input|stages)/.test(arg)
        ? `given.${arg.replace(/\.pooling window$|\.kernel$/, '')}`
        : 'given';
    throw new TemplateError(field, `\`${field}\`: ${(error as Error).message}`);
  }
  const shown = shownOf(given.show);
  const start = shown[shown.length - 1];
  if (start >= built.stages.length)
    throw new TemplateError(
      'given.show',
      `\`given.show\`: there are ${built.stages.length} stages, so the last shown stage must be below ${built.stages.length} (something must be left to compute); got ${start}.`,
    );
  return { ...built, shown, start, outputs: [built.input, ...outs] };
}

function last(n: Network): Tensor {
  return n.outputs[n.outputs.length - 1];
}

/** The cell at `at` of `t`, or undefined when `t` has another rank or is too small. */
function valueAt(t: Tensor, at: readonly number[]): number | undefined {
  if (t.shape.length !== at.length || at.some((k, a) => k >= t.shape[a])) return undefined;
  let offset = 0;
  at.forEach((k, a) => {
    offset = offset * t.shape[a] + k;
  });
  return t.data[offset];
}

function checkClasses(n: Network, names: readonly string[]): void {
  const out = last(n);
  const count = out.shape.length === 1 ? out.shape[0] : undefined;
  if (count !== names.length)
    throw new TemplateError(
      'given.classes',
      `\`given.classes\`: the last stage gives ${count === undefined ? `shape (${out.shape.join(',')}), not a list` : `${count} numbers`}; give one class name per number${count === undefined ? ' (end with dense or softmax)' : ''}.`,
    );
}

function parseValueGiven(value: unknown): NetworkValueGiven {
  const given = parseWith(valueGiven, value, 'given');
  const n = networkOf(given);
  const out = last(n);
  if (valueAt(out, given.at) === undefined)
    throw new TemplateError(
      'given.at',
      `\`given.at\`: the last stage gives shape (${out.shape.join(',')}); [${given.at.join(', ')}] is not a position in it (give ${out.shape.length} number${out.shape.length === 1 ? '' : 's'}, each below its axis).`,
    );
  return given;
}

function parseMapGiven(value: unknown): NetworkMapGiven {
  const given = parseWith(mapGiven, value, 'given');
  const out = last(networkOf(given));
  const maps = out.shape.length === 3 ? out.shape[0] : 1;
  if ((given.channel ?? 0) >= maps)
    throw new TemplateError(
      'given.channel',
      `\`given.channel\`: the last stage gives ${maps} map(s); ${given.channel} is not one of them.`,
    );
  return given;
}

function parseClassGiven(value: unknown): NetworkClassGiven {
  const given = parseWith(classGiven, value, 'given');
  const n = networkOf(given);
  checkClasses(n, given.classes);
  if (tie(last(n), 0))
    throw new TemplateError(
      'given.input',
      '`given.input`: two classes get the same largest output, so the question would have two right answers.',
    );
  return given;
}

// ---------------------------------------------------------------------------------------------
// Drawing variants

function drawInput(rng: Rng, spec: AnySettings['input']): unknown {
  if (Array.isArray(spec)) return spec;
  if ('from' in spec) {
    const base = rng.pick(spec.from);
    const rows = base.length;
    const cols = base[0].length;
    const cells = Array.from({ length: rows * cols }, (_, i) => i);
    const flips = Math.min(draw(rng, spec.flip), cells.length);
    const out = base.map((row) => [...row]);
    // Partial Fisher–Yates: the first `flips` cells of a shuffled list, each drawn once.
    for (let i = 0; i < flips; i++) {
      const j = rng.int(i, cells.length - 1);
      [cells[i], cells[j]] = [cells[j], cells[i]];
      const [r, c] = gridCoords(cols, cells[i]);
      out[r][c] = out[r][c] === 0 ? 0 : -out[r][c];
    }
    return out;
  }
  const rows = draw(rng, spec.rows);
  const cols = spec.cols === undefined ? rows : draw(rng, spec.cols);
  const channels = spec.channels === undefined ? 1 : draw(rng, spec.channels);
  const grids = Array.from({ length: channels }, () => drawGrid(rng, rows, cols, spec.values));
  return channels === 1 ? grids[0] : grids;
}

function channelsOf(input: unknown): number {
  return Array.isArray(input) && Array.isArray(input[0]) && Array.isArray(input[0][0])
    ? input.length
    : 1;
}

function drawStages(
  rng: Rng,
  stages: AnySettings['stages'],
  input: unknown,
): PipelineStageRequest[] {
  // A drawn convolution must come before any other convolution, so its depth is the input's.
  const channels = channelsOf(input);
  return stages.map((stage, k) => {
    if (!(stage.op === 'conv2d' && !Array.isArray(stage.kernels)))
      return stage as PipelineStageRequest;
    if (stages.slice(0, k).some((s) => s.op === 'conv2d'))
      throw new TemplateError(
        'generate.stages',
        `\`generate.stages[${k}]\`: only a convolution with no other before it may draw its kernels.`,
      );
    const recipe = stage as ConvRecipe;
    const count = recipe.kernels.count === undefined ? 1 : draw(rng, recipe.kernels.count);
    const size = draw(rng, recipe.kernels.size);
    const kernels = Array.from({ length: count }, () => {
      const slices = Array.from({ length: channels }, () =>
        drawGrid(rng, size, size, recipe.kernels.weights),
      );
      return channels === 1 ? slices[0] : slices;
    });
    const bias = recipe.bias
      ? Array.from({ length: count }, () => drawValue(rng, recipe.bias!))
      : undefined;
    const { kernels: _recipe, bias: _bias, ...rest } = recipe;
    return { ...rest, kernels, ...(bias ? { bias } : {}) };
  });
}

function drawNetwork(s: AnySettings, rng: Rng): { input: unknown; stages: PipelineStageRequest[] } {
  const input = drawInput(rng, s.input);
  return { input, stages: drawStages(rng, s.stages, input) };
}

function drawPosition(rng: Rng, out: Tensor, where: 'any' | 'edge'): number[] {
  if (out.shape.length !== 3) return out.shape.map((d) => rng.int(0, d - 1));
  const [C, H, W] = out.shape;
  if (where === 'any') return [rng.int(0, C - 1), rng.int(0, H - 1), rng.int(0, W - 1)];
  const edge: number[][] = [];
  for (let c = 0; c < C; c++)
    for (let r = 0; r < H; r++)
      for (let q = 0; q < W; q++) if (r === H - 1 || q === W - 1) edge.push([c, r, q]);
  return edge[rng.int(0, edge.length - 1)];
}

function generateValue(s: NetworkValueSettings, rng: Rng): NetworkValueGiven {
  const drawn = drawNetwork(s, rng);
  const given: NetworkValueGiven = {
    ...drawn,
    at: [0],
    ...(s.show === undefined ? {} : { show: s.show }),
    ...(s.classes ? { classes: s.classes } : {}),
  };
  given.at = drawPosition(rng, last(networkOf(given)), s.at ?? 'any');
  return given;
}

function generateMap(s: NetworkMapSettings, rng: Rng): NetworkMapGiven {
  const drawn = drawNetwork(s, rng);
  const given: NetworkMapGiven = { ...drawn, ...(s.show === undefined ? {} : { show: s.show }) };
  const out = last(networkOf(given));
  given.channel = rng.int(0, (out.shape.length === 3 ? out.shape[0] : 1) - 1);
  return given;
}

/** True when the two largest outputs are within `margin` of each other (or equal). */
function tie(out: Tensor, margin: number): boolean {
  const sorted = Array.from(out.data).sort((a, b) => b - a);
  return sorted.length > 1 && sorted[0] - sorted[1] <= Math.max(margin, 1e-9);
}

function generateClass(s: NetworkClassSettings, rng: Rng): NetworkClassGiven {
  // An input the network cannot decide on (or only by less than `margin`) is drawn again from
  // the same stream, so the redraws are part of the variant too.
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    const given: NetworkClassGiven = {
      ...drawNetwork(s, rng),
      classes: s.classes,
      ...(s.show === undefined ? {} : { show: s.show }),
    };
    const n = networkOf(given);
    checkClasses(n, s.classes);
    if (!tie(last(n), s.margin ?? 0)) return given;
  }
  throw new TemplateError(
    'generate.input',
    `\`generate.input\`: ${MAX_DRAWS} inputs in a row gave two classes nearly the same output; lower \`margin\` or change the inputs.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Mistakes: the engine again, one thing changed in one stage still to compute

type Variant = { id: MistakeModel['id']; run: () => Tensor };

function rotated(kernels: Tensor): Tensor {
  const [O, C, kH, kW] = kernels.shape;
  const out = new Float64Array(kernels.data.length);
  for (let p = 0; p < O * C; p++)
    for (let i = 0; i < kH; i++)
      for (let j = 0; j < kW; j++)
        out[volumeIndex(kernels.shape, p, i, j)] =
          kernels.data[volumeIndex(kernels.shape, p, kH - 1 - i, kW - 1 - j)];
  return { shape: kernels.shape, data: out };
}

function negated(t: Tensor): Tensor {
  return { shape: t.shape, data: t.data.map((v) => -v) };
}

function strideIsOne(
  stride: number | readonly [number, number] | undefined,
  fallback: number,
): boolean {
  const [a, b] =
    stride === undefined
      ? [fallback, fallback]
      : typeof stride === 'number'
        ? [stride, stride]
        : stride;
  return a === 1 && b === 1;
}

function mistakeVariants(n: Network): Variant[] {
  const variants: Variant[] = [];
  const from =
    (j: number, replaced: PipelineStage[], after = j + 1): (() => Tensor) =>
    () => {
      const outs = runPipeline(n.outputs[j], [...replaced, ...n.stages.slice(after)]);
      return outs.length ? outs[outs.length - 1] : n.outputs[j];
    };
  for (let j = n.start; j < n.stages.length; j++) {
    const stage = n.stages[j];
    const input = n.outputs[j];
    switch (stage.op) {
      case 'conv2d':
        if (stage.scale !== undefined && stage.scale !== 1)
          variants.push({ id: 'scale-forgotten', run: from(j, [{ ...stage, scale: undefined }]) });
        variants.push({
          id: 'kernel-flipped',
          run: from(j, [{ ...stage, kernels: rotated(stage.kernels) }]),
        });
        if (Array.from(stage.bias ?? []).some((b) => b !== 0))
          variants.push({ id: 'bias-forgotten', run: from(j, [{ ...stage, bias: undefined }]) });
        if (stage.padding === 'same')
          variants.push({
            id: 'valid-instead-of-same',
            run: from(j, [{ ...stage, padding: 'valid' }]),
          });
        if (!strideIsOne(stage.stride, 1))
          variants.push({ id: 'stride-ignored', run: from(j, [{ ...stage, stride: 1 }]) });
        break;
      case 'relu':
        variants.push({ id: 'relu-forgotten', run: from(j, []) });
        // |x| = relu(x) + relu(−x): the sign dropped instead of the negatives.
        variants.push({
          id: 'absolute-instead-of-relu',
          run: () => {
            const a = relu(input);
            const b = relu(negated(input));
            const abs: Tensor = { shape: a.shape, data: a.data.map((v, i) => v + b.data[i]) };
            const outs = runPipeline(abs, n.stages.slice(j + 1));
            return outs.length ? outs[outs.length - 1] : abs;
          },
        });
        break;
      case 'maxpool':
      case 'avgpool': {
        const other = stage.op === 'maxpool' ? 'avgpool' : 'maxpool';
        variants.push({
          id: stage.op === 'maxpool' ? 'average-instead-of-max' : 'max-instead-of-average',
          run: from(j, [{ ...stage, op: other }]),
        });
        if (stage.padding === 'same')
          variants.push({
            id: 'valid-instead-of-same',
            run: from(j, [{ ...stage, padding: 'valid' }]),
          });
        const size = typeof stage.size === 'number' ? stage.size : stage.size[0];
        if (!strideIsOne(stage.stride, size))
          variants.push({ id: 'stride-ignored', run: from(j, [{ ...stage, stride: 1 }]) });
        if (stage.op === 'avgpool' && stage.padding === 'same' && input.shape.length === 3) {
          const g = poolGeometry(input, stage);
          if (g.pad.top + g.pad.bottom + g.pad.left + g.pad.right > 0) {
            // The padding zeros counted: a convolution with a window of ones, divided by its size.
            const C = input.shape[0];
            const shape = [C, C, g.kH, g.kW];
            const ones = new Float64Array(C * C * g.kH * g.kW);
            for (let c = 0; c < C; c++) ones.fill(1, ...planeSpan(shape, gridIndex(C, c, c)));
            variants.push({
              id: 'padding-counted-in-average',
              run: from(j, [
                {
                  op: 'conv2d',
                  kernels: { shape, data: ones },
                  stride: [g.sH, g.sW],
                  padding: 'same',
                  scale: 1 / (g.kH * g.kW),
                },
              ]),
            });
          }
        }
        break;
      }
      case 'dense':
        if (Array.from(stage.bias ?? []).some((b) => b !== 0))
          variants.push({ id: 'bias-forgotten', run: from(j, [{ ...stage, bias: undefined }]) });
        break;
      case 'softmax':
        // Each vote over the sum of votes: softmax of ln(vote), defined when every vote is positive.
        if (input.data.every((v) => v > 0))
          variants.push({
            id: 'exp-forgotten',
            run: () => {
              const p = runStage({ shape: input.shape, data: input.data.map(Math.log) }, stage);
              const outs = runPipeline(p, n.stages.slice(j + 1));
              return outs.length ? outs[outs.length - 1] : p;
            },
          });
        break;
      default:
        break;
    }
  }
  return variants;
}

function sameAnswer(a: AnswerValue, b: AnswerValue): boolean {
  if (a.kind === 'number' && b.kind === 'number') return Math.abs(a.value - b.value) <= 1e-9;
  if (a.kind === 'choice' && b.kind === 'choice') return a.index === b.index;
  if (a.kind === 'grid' && b.kind === 'grid')
    return (
      a.rows.length === b.rows.length &&
      a.rows.every(
        (row, r) =>
          row.length === b.rows[r].length &&
          row.every((v, c) => Math.abs(v - b.rows[r][c]) <= 1e-9),
      )
    );
  return false;
}

/** The answers the variants give, leaving out those that equal the right answer (nothing to name). */
function mistakesOf(n: Network, pick: (t: Tensor) => AnswerValue | undefined): MistakeModel[] {
  const expected = pick(last(n));
  return mistakeVariants(n).flatMap((v) => {
    let answer: AnswerValue | undefined;
    try {
      answer = pick(v.run());
    } catch {
      // The changed network does not run here (a window no longer fits): nothing to recognise.
      answer = undefined;
    }
    return answer && !(expected && sameAnswer(answer, expected)) ? [{ id: v.id, answer }] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// What the learner sees

function num(v: number): string {
  return plainNumber(v, 4);
}

function labelled(values: ArrayLike<number>, names: readonly string[] | undefined): string {
  return Array.from(values, (v, i) =>
    names && names.length === values.length ? `${names[i]} ${num(v)}` : num(v),
  ).join(', ');
}

/** A value as a display: one grid, a stack of maps, or a line of numbers. */
function valueDisplay(value: Tensor, title: string, names?: readonly string[]): Display {
  if (value.shape.length === 3) {
    const maps = toNested(value) as number[][][];
    return maps.length === 1
      ? { type: 'grid', title, grid: maps[0] }
      : { type: 'channels', title, channels: maps };
  }
  return { type: 'text', text: `${title}: ${labelled(value.data, names)}` };
}

function displaysOf(n: Network, t: TemplateText['t'], names?: readonly string[]): Display[] {
  const out: Display[] = n.shown.map((k) =>
    valueDisplay(
      n.outputs[k],
      k === 0 ? t('display.input') : t('display.after-stage', { n: k }),
      names,
    ),
  );
  for (let j = n.start; j < n.stages.length; j++) {
    const stage = n.stages[j];
    if (stage.op === 'conv2d') {
      const kernels = toNested(stage.kernels) as number[][][][];
      kernels.forEach((k, o) => {
        const title = kernels.length === 1 ? t('display.kernel') : t('display.kernel-n', { n: o });
        out.push(
          k.length === 1
            ? { type: 'grid', title, grid: k[0] }
            : { type: 'channels', title, channels: k },
        );
      });
    }
    if (stage.op === 'dense') {
      // Weights laid out like the maps they multiply, when a flatten (map by map) came just before.
      const before = j > 0 ? n.stages[j - 1] : undefined;
      const volume = n.outputs[j - 1];
      if (before?.op === 'flatten' && before.order !== 'hwc' && volume?.shape.length === 3) {
        const [C] = volume.shape;
        stage.weights.forEach((row, i) => {
          const maps = Array.from({ length: C }, (_, c) =>
            planeRows({ shape: volume.shape, data: row }, c),
          );
          const title = t('display.weights-for', { name: names?.[i] ?? String(i) });
          out.push(
            C === 1
              ? { type: 'grid', title, grid: maps[0] }
              : { type: 'channels', title, channels: maps },
          );
        });
      } else {
        out.push({
          type: 'grid',
          title: t('display.weights'),
          grid: stage.weights.map((r) => [...r]),
        });
      }
    }
  }
  // The whole network, so that "after stage k" above can be read against it.
  const list = n.stages
    .map(
      (stage, i) =>
        `${i + 1}. ${describeStage(stage, t)}${n.shown.includes(i + 1) ? t('network.shown') : ''}`,
    )
    .join('; ');
  out.push({ type: 'text', text: t('network.stages', { list }) });
  return out;
}

function promptParams(
  n: Network,
  at: readonly number[] | undefined,
  names?: readonly string[],
): Record<string, string | number> {
  const out = last(n);
  const params: Record<string, string | number> = {};
  if (out.shape.length === 3) {
    params.outRows = out.shape[1];
    params.outCols = out.shape[2];
    params.maps = out.shape[0];
  } else params.length = out.shape[0];
  if (at && at.length === 3) {
    params.channel = params.map = params.filter = at[0];
    params.row = at[1];
    params.col = at[2];
  } else if (at && at.length === 1) {
    params.index = at[0];
    if (names?.[at[0]] !== undefined) params.class = names[at[0]];
  }
  const pool = n.stages
    .slice(n.start)
    .filter((s) => s.op === 'maxpool' || s.op === 'avgpool')
    .pop();
  if (pool && (pool.op === 'maxpool' || pool.op === 'avgpool')) {
    const size = typeof pool.size === 'number' ? pool.size : pool.size[0];
    const stride = pool.stride ?? pool.size;
    params.size = `${size}×${typeof pool.size === 'number' ? size : pool.size[1]}`;
    params.stride =
      typeof stride === 'number'
        ? stride
        : stride[0] === stride[1]
          ? stride[0]
          : `${stride[0]}×${stride[1]}`;
    params.padding = pool.padding ?? 'valid';
  }
  return params;
}

// ---------------------------------------------------------------------------------------------
// Worked solutions, traced back from the answer through the stages still to compute

function trace(
  n: Network,
  j: number,
  at: number[],
  t: TemplateText['t'],
  names?: readonly string[],
): string[] {
  const stage = n.stages[j];
  const input = n.outputs[j];
  const value = valueAt(n.outputs[j + 1], at)!;
  const deeper = (pos: number[]): string[] =>
    j - 1 >= n.start ? trace(n, j - 1, pos, t, names) : [];
  const label =
    at.length === 3
      ? t('network.cell', { stage: j + 1, map: at[0], row: at[1], col: at[2] })
      : t('network.entry', { stage: j + 1, index: at[0] });
  switch (stage.op) {
    case 'conv2d': {
      const e = explainConv2dCell(input, stage.kernels, stage, at[0], at[1], at[2]);
      const g = conv2dGeometry(input, stage.kernels, stage);
      const lines = [
        t('solution.conv.window', {
          row: at[1],
          col: at[2],
          top: e.origin.row,
          left: e.origin.col,
          bottom: e.origin.row + (g.kH - 1) * g.dH,
          right: e.origin.col + (g.kW - 1) * g.dW,
        }),
      ];
      if (e.terms.some((term) => term.padded)) lines.push(t('solution.conv.padding'));
      lines.push(`${label}: ${convCellText(e)}`);
      return lines;
    }
    case 'relu':
      return [...deeper(at), `${label}: max(0, ${num(valueAt(input, at)!)}) = ${num(value)}`];
    case 'maxpool':
    case 'avgpool': {
      const e = explainPoolCell(
        stage.op === 'maxpool' ? 'max' : 'avg',
        input,
        stage,
        at[0],
        at[1],
        at[2],
      );
      const cells = e.terms.filter((term) => !term.padded);
      const lines = cells.flatMap((term) => deeper([at[0], term.inRow, term.inCol]));
      lines.push(
        t('solution.network.pool-window', {
          row: at[1],
          col: at[2],
          top: cells[0].inRow,
          bottom: cells[cells.length - 1].inRow,
          left: cells[0].inCol,
          right: cells[cells.length - 1].inCol,
        }),
      );
      if (cells.length < e.terms.length) lines.push(t('solution.network.pool-padding'));
      lines.push(`${label}: ${poolCellText(e)}`);
      return lines;
    }
    case 'flatten': {
      const [C, H, W] = input.shape;
      const i = at[0];
      const pos = volumeCoords(
        input.shape,
        convertFlatIndex(i, stage.order === 'hwc' ? 'HWC' : 'CHW', 'CHW', { C, H, W }),
      );
      return [
        ...deeper(pos),
        t('solution.network.flatten', { index: i, channel: pos[0], row: pos[1], col: pos[2] }),
      ];
    }
    case 'dense': {
      const x = Array.from(input.data);
      const row = stage.weights[at[0]];
      const bias = stage.bias ? ` + ${num(stage.bias[at[0]])}` : '';
      const name = names?.[at[0]] ?? `out[${at[0]}]`;
      return [
        `${name}: ${row.map((w, i) => `${num(w)}*${num(x[i])}`).join(' + ')}${bias} = ${num(value)}`,
      ];
    }
    case 'softmax': {
      const z = Array.from(input.data);
      const name = names?.[at[0]] ?? `p[${at[0]}]`;
      return [
        t('solution.network.softmax'),
        `${name}: e^${num(z[at[0]])} / (${z.map((v) => `e^${num(v)}`).join(' + ')}) = ${num(value)}`,
      ];
    }
  }
}

/** The softmax or vote stage whose outputs name the classes, and the lines explaining all of them. */
function classLines(n: Network, names: readonly string[], t: TemplateText['t']): string[] {
  const j = n.stages.length - 1;
  const lines: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const stage = n.stages[j];
    if (stage.op === 'softmax' && j - 1 >= n.start) lines.push(...trace(n, j - 1, [i], t, names));
    else if (stage.op !== 'softmax') lines.push(...trace(n, j, [i], t, names));
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Building the questions

function buildValue(given: NetworkValueGiven, text: TemplateText): Question {
  const n = networkOf(given);
  const names = given.classes;
  const pick = (t: Tensor): AnswerValue | undefined => {
    const v = valueAt(t, given.at);
    return v === undefined ? undefined : { kind: 'number', value: v };
  };
  return {
    kind: 'number',
    prompt: fill(text.prompt, promptParams(n, given.at, names)),
    displays: displaysOf(n, text.t, names),
    tolerance: 0,
    expected: () => pick(last(n))!,
    mistakes: () => mistakesOf(n, pick),
    solution: () =>
      trace(n, n.stages.length - 1, given.at, text.t, names).map((line) => ({ text: line })),
  };
}

function buildMap(given: NetworkMapGiven, text: TemplateText): Question {
  const n = networkOf(given);
  const channel = given.channel ?? 0;
  const gridOf = (t: Tensor): number[][] | undefined => {
    if (t.shape.length === 3)
      return channel < t.shape[0] ? (toNested(t) as number[][][])[channel] : undefined;
    return [Array.from(t.data)];
  };
  const expected = gridOf(last(n))!;
  return {
    kind: 'grid',
    prompt: fill(text.prompt, promptParams(n, undefined)),
    displays: displaysOf(n, text.t),
    gridSize: { rows: expected.length, cols: expected[0].length },
    tolerance: 0,
    expected: () => ({ kind: 'grid', rows: gridOf(last(n))! }),
    mistakes: () =>
      mistakesOf(n, (t) => {
        const rows = gridOf(t);
        return rows ? { kind: 'grid', rows } : undefined;
      }),
    solution: () => {
      const lines: SolutionLine[] = [];
      const out = last(n);
      const j = n.stages.length - 1;
      if (n.stages[j].op === 'relu' && out.shape.length === 3) {
        // One line per row: the numbers in, the numbers out.
        const before = (toNested(n.outputs[j]) as number[][][])[channel];
        before.forEach((row, r) =>
          lines.push({
            text: `${r}: ${row.map(num).join(' ')} → ${expected[r].map(num).join(' ')}`,
          }),
        );
        return lines;
      }
      expected.forEach((row, r) =>
        row.forEach((_, c) => {
          const at = out.shape.length === 3 ? [channel, r, c] : [c];
          for (const line of trace(n, j, at, text.t)) lines.push({ text: line });
        }),
      );
      return lines;
    },
  };
}

function argmax(t: Tensor): number {
  let best = 0;
  for (let i = 1; i < t.data.length; i++) if (t.data[i] > t.data[best]) best = i;
  return best;
}

function buildClass(given: NetworkClassGiven, text: TemplateText): Question {
  const n = networkOf(given);
  const names = given.classes;
  return {
    kind: 'choice',
    prompt: fill(text.prompt, promptParams(n, undefined, names)),
    displays: displaysOf(n, text.t, names),
    options: [...names],
    tolerance: 0,
    expected: () => ({ kind: 'choice', index: argmax(last(n)) }),
    mistakes: () =>
      mistakesOf(n, (t) =>
        t.shape.length === 1 && t.shape[0] === names.length && !tie(t, 0)
          ? { kind: 'choice', index: argmax(t) }
          : undefined,
      ),
    solution: () => {
      const out = last(n);
      const winner = argmax(out);
      return [
        ...classLines(n, names, text.t),
        `${names.map((name, i) => `${name} ${num(out.data[i])}`).join(', ')}`,
        text.t('solution.network.winner', { name: names[winner] }),
      ].map((line) => ({ text: line }));
    },
  };
}

export const networkValue: Template<NetworkValueGiven, NetworkValueSettings> = {
  name: 'network-value',
  kind: 'number',
  parseGiven: parseValueGiven,
  parseSettings: (value) => parseWith(valueSettings, value, 'generate'),
  generate: generateValue,
  build: buildValue,
};

export const networkMap: Template<NetworkMapGiven, NetworkMapSettings> = {
  name: 'network-map',
  kind: 'grid',
  parseGiven: parseMapGiven,
  parseSettings: (value) => parseWith(mapSettings, value, 'generate'),
  generate: generateMap,
  build: buildMap,
};

export const networkClass: Template<NetworkClassGiven, NetworkClassSettings> = {
  name: 'network-class',
  kind: 'choice',
  parseGiven: parseClassGiven,
  parseSettings: (value) => parseWith(classSettings, value, 'generate'),
  generate: generateClass,
  build: buildClass,
};

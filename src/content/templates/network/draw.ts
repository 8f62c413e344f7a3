/** Drawing a network exercise's variant from a seed: the picture, drawn filters, the cell asked. */
import { type PipelineStageRequest } from '../../../request/schema.js';
import { type Tensor, gridCoords } from '../../../engine/index.js';
import type { Rng } from '../../random.js';
import { TemplateError, draw, drawGrid, drawValue } from '../shared.js';
import { checkClasses, last, networkOf, tie } from './run.js';
import {
  type AnySettings,
  type ConvRecipe,
  MAX_DRAWS,
  type NetworkClassGiven,
  type NetworkClassSettings,
  type NetworkMapGiven,
  type NetworkMapSettings,
  type NetworkValueGiven,
  type NetworkValueSettings,
  classes,
  show,
} from './schemas.js';

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

export function generateValue(s: NetworkValueSettings, rng: Rng): NetworkValueGiven {
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

export function generateMap(s: NetworkMapSettings, rng: Rng): NetworkMapGiven {
  const drawn = drawNetwork(s, rng);
  const given: NetworkMapGiven = { ...drawn, ...(s.show === undefined ? {} : { show: s.show }) };
  const out = last(networkOf(given));
  given.channel = rng.int(0, (out.shape.length === 3 ? out.shape[0] : 1) - 1);
  return given;
}

export function generateClass(s: NetworkClassSettings, rng: Rng): NetworkClassGiven {
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

/**
 * "What shape does this layer print in `model.summary()`?" (`summary-shape`, a shape as
 * (H, W, C) or (units)). The model is written as the engine's model spec; the engine's
 * `summarize` gives every layer's output shape, and the solution walks the layers up to the
 * one asked with the engine's one-axis working for each window.
 */
import { z } from 'zod';
import {
  type LayerSpec,
  type ModelSpec,
  type ResolvedLayer,
  formatShape,
  outputSize,
  resolveModel,
  summarize,
} from '../../engine/index.js';
import type { Rng } from '../random.js';
import type {
  Display,
  MistakeModel,
  Question,
  SolutionLine,
  Template,
  TemplateText,
} from '../types.js';
import { shapeAnswer, shapeSlips } from './answers.js';
import { imageShape } from './schemas.js';
import {
  TemplateError,
  draw,
  engineError,
  fill,
  highest,
  intOrRange,
  lowest,
  parseWith,
} from './shared.js';

const modelFields = {
  /** Input (H, W, C), channels last. */
  input: imageShape,
  /** Layers as in a calc `summary` request; the engine's model validator checks each. */
  layers: z.array(z.unknown()).min(1, { error: 'list at least one layer' }),
};

const givenSchema = z.strictObject({
  ...modelFields,
  /** Which layer's output is asked, counted from 0. */
  layer: z.number().int().min(0),
});
export type SummaryShapeGiven = z.infer<typeof givenSchema>;

const settingsSchema = z.strictObject({
  ...modelFields,
  /** Which layers may be asked, counted from 0: one index or a range [first, last]. */
  layer: intOrRange,
});
export type SummaryShapeSettings = z.infer<typeof settingsSchema>;

function specOf(g: { input: [number, number, number]; layers: unknown[] }): ModelSpec {
  return { input: g.input, layers: g.layers as LayerSpec[] };
}

function checkModel(
  g: { input: [number, number, number]; layers: unknown[] },
  where: 'given' | 'generate',
): void {
  try {
    resolveModel(specOf(g));
  } catch (error) {
    throw engineError(error, where);
  }
}

function parseGiven(value: unknown): SummaryShapeGiven {
  const given = parseWith(givenSchema, value, 'given');
  checkModel(given, 'given');
  if (given.layer >= given.layers.length)
    throw new TemplateError(
      'given.layer',
      `\`given.layer\`: the model has ${given.layers.length} layers (0 to ${given.layers.length - 1}); ${given.layer} is not one of them`,
    );
  return given;
}

function parseSettings(value: unknown): SummaryShapeSettings {
  const s = parseWith(settingsSchema, value, 'generate');
  checkModel(s, 'generate');
  const [first, last] = [lowest(s.layer), highest(s.layer)];
  if (first < 0 || last >= s.layers.length)
    throw new TemplateError(
      'generate.layer',
      `\`generate.layer\`: the model has ${s.layers.length} layers (0 to ${s.layers.length - 1}); ${first} to ${last} goes outside them`,
    );
  return s;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generate(s: SummaryShapeSettings, rng: Rng): SummaryShapeGiven {
  const layer = draw(rng, s.layer);
  return { input: s.input, layers: s.layers, layer };
}

function pairText(v: number | readonly [number, number]): string {
  return typeof v === 'number' ? String(v) : `(${v[0]}, ${v[1]})`;
}

/** One layer as Keras code: words a learner meets in a notebook, in no one language. */
function kerasText(l: LayerSpec): string {
  const activation = (a: string | undefined) => (a && a !== 'linear' ? `, activation="${a}"` : '');
  switch (l.type) {
    case 'conv2d': {
      const args = [String(l.filters), pairText(l.kernel)];
      if (l.stride !== undefined) args.push(`strides=${pairText(l.stride)}`);
      if (l.padding === 'same') args.push('padding="same"');
      if (l.dilation !== undefined) args.push(`dilation_rate=${pairText(l.dilation)}`);
      const conv = `Conv2D(${args.join(', ')}${activation(l.activation)})`;
      return typeof l.padding === 'number' && l.padding > 0
        ? `ZeroPadding2D(${l.padding}) + ${conv}`
        : conv;
    }
    case 'maxpool':
    case 'avgpool': {
      const name = l.type === 'maxpool' ? 'MaxPooling2D' : 'AveragePooling2D';
      const args = [`pool_size=${pairText(l.size)}`];
      if (l.stride !== undefined) args.push(`strides=${pairText(l.stride)}`);
      if (l.padding === 'same') args.push('padding="same"');
      return `${name}(${args.join(', ')})`;
    }
    case 'flatten':
      return 'Flatten()';
    case 'dense':
      return `Dense(${l.units}${activation(l.activation)})`;
    case 'relu':
      return 'ReLU()';
    case 'softmax':
      return 'Softmax()';
  }
}

/** The model with every window layer's padding changed (one thing, everywhere it applies). */
function withPadding(spec: ModelSpec, types: readonly string[], padding: 'same'): ModelSpec {
  return {
    input: spec.input,
    layers: spec.layers.map((l) =>
      types.includes(l.type) && ((l as { padding?: unknown }).padding ?? 'valid') === 'valid'
        ? ({ ...l, padding } as LayerSpec)
        : l,
    ),
  };
}

/** The shapes common slips give, each the engine's model with one thing changed. */
function mistakes(spec: ModelSpec, index: number): MistakeModel[] {
  const layers = resolveModel(spec);
  const asked = layers[index];
  // A changed model that does not build (a window no longer fits) has nothing to recognise.
  const { list, tryAdd } = shapeSlips(asked.outputShape);
  if (asked.spec.type === 'conv2d')
    tryAdd('channels-from-input', () => [...asked.outputShape.slice(0, 2), asked.inputShape[2]]);
  if (asked.spec.type === 'flatten')
    tryAdd('channels-not-counted', () => [asked.inputShape[0] * asked.inputShape[1]]);
  // Pools that round an odd size up (the last, incomplete window kept).
  tryAdd(
    'rounded-up',
    () => resolveModel(withPadding(spec, ['maxpool', 'avgpool'], 'same'))[index].outputShape,
  );
  // Convolutions treated as if they kept the size.
  tryAdd(
    'same-instead-of-valid',
    () => resolveModel(withPadding(spec, ['conv2d'], 'same'))[index].outputShape,
  );
  return list;
}

/** One side's working from the engine, e.g. `(28 − 3 + 2·0)/1 + 1 = 26`, with the floor shown. */
function sideFormula(n: number, k: number, s: number, pad: [number, number], d: number): string {
  const o = outputSize({ n, f: k, stride: s, pad, dilation: d });
  return o.fits ? o.formula : `${o.formula} → ${o.size}`;
}

function stepLine(layer: ResolvedLayer, t: TemplateText['t']): string {
  const out = formatShape(layer.outputShape);
  const name = layer.name;
  const g = layer.geometry;
  switch (layer.spec.type) {
    case 'conv2d':
    case 'maxpool':
    case 'avgpool': {
      const h = sideFormula(g!.inH, g!.kH, g!.sH, [g!.pad.top, g!.pad.bottom], g!.dH);
      const w = sideFormula(g!.inW, g!.kW, g!.sW, [g!.pad.left, g!.pad.right], g!.dW);
      return layer.spec.type === 'conv2d'
        ? t('solution.summary.conv', { name, h, w, filters: layer.outputShape[2], shape: out })
        : t('solution.summary.pool', { name, h, w, shape: out });
    }
    case 'flatten': {
      const [h, w, c] = layer.inputShape;
      return t('solution.summary.flatten', {
        name,
        h,
        w,
        c,
        size: layer.outputShape[0],
        shape: out,
      });
    }
    case 'dense':
      return t('solution.summary.dense', { name, shape: out });
    case 'relu':
    case 'softmax':
      return t('solution.summary.kept', { name, shape: out });
  }
}

function build(given: SummaryShapeGiven, text: TemplateText): Question {
  const spec = specOf(given);
  const summary = summarize(spec);
  const row = summary.rows[given.layer];
  const displays: Display[] = [
    { type: 'text', text: `Input(shape=(${spec.input.join(', ')}))` },
    ...spec.layers.map((l, i): Display => ({
      type: 'text',
      text: `${kerasText(l)}${i === given.layer ? `   ← ${row.name} ?` : ''}`,
    })),
  ];
  return {
    kind: 'shape',
    prompt: fill(text.prompt, {
      name: row.name,
      class: row.className,
      index: given.layer + 1,
      input: `(${spec.input.join(', ')})`,
    }),
    displays,
    tolerance: 0,
    expected: () => shapeAnswer(summarize(spec).rows[given.layer].outputShape),
    mistakes: () => mistakes(spec, given.layer),
    solution: () => {
      const layers = resolveModel(spec);
      const lines: SolutionLine[] = [{ text: `Input: ${formatShape([...spec.input])}` }];
      for (const layer of layers.slice(0, given.layer + 1))
        lines.push({ text: stepLine(layer, text.t) });
      return lines;
    },
  };
}

export const summaryShape: Template<SummaryShapeGiven, SummaryShapeSettings> = {
  name: 'summary-shape',
  kind: 'shape',
  parseGiven,
  parseSettings,
  generate,
  build,
};

/**
 * Threshold units, the neurons of McCulloch–Pitts and the perceptron:
 * - `threshold-unit` (yes/no): does this unit fire on this input? Σ w·x ≥ θ, from the engine.
 * - `threshold-network` (grid, one row): a network of units on every binary input, in counting
 *   order (0,0), (0,1), (1,0), (1,1); the answer is the network's truth table.
 */
import { z } from 'zod';
import {
  EngineError,
  type ThresholdLayer,
  type ThresholdUnitSpec,
  binaryInputs,
  thresholdNetwork,
  thresholdNetworkTable,
  thresholdSumText,
  thresholdUnit,
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
import {
  TemplateError,
  type ValueSpec,
  draw,
  drawValue,
  fill,
  intOrRange,
  parseWith,
  valueSpec,
} from './shared.js';

/** Draws before giving up on a network whose table is all 0s or all 1s. */
const MAX_DRAWS = 50;

const numbers = z.array(z.number()).min(1).max(6);

const unitGivenSchema = z
  .strictObject({
    /** The inputs x. */
    input: numbers,
    /** One weight per input. */
    weights: numbers,
    /** θ: the unit fires when Σ w·x ≥ θ. */
    threshold: z.number(),
  })
  .refine((g) => g.weights.length === g.input.length, {
    path: ['weights'],
    error: 'give one weight per input',
  });
export type ThresholdUnitGiven = z.infer<typeof unitGivenSchema>;

const unitSettingsSchema = z.strictObject({
  /** How many inputs. @default 2 */
  inputs: intOrRange.optional(),
  weights: valueSpec,
  threshold: valueSpec,
  /** Input values. @default { of: [0, 1] } */
  values: valueSpec.optional(),
});
export type ThresholdUnitSettings = z.infer<typeof unitSettingsSchema>;

const BINARY: ValueSpec = { of: [0, 1] };

function listText(values: readonly number[]): string {
  return `[${values.join(', ')}]`;
}

function unitOf(g: ThresholdUnitGiven): ThresholdUnitSpec {
  return { weights: g.weights, threshold: g.threshold };
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generateUnit(s: ThresholdUnitSettings, rng: Rng): ThresholdUnitGiven {
  const n = s.inputs === undefined ? 2 : draw(rng, s.inputs);
  if (n < 1 || n > 6)
    throw new TemplateError('generate.inputs', '`generate.inputs`: draw from 1 to 6 inputs.');
  const weights = Array.from({ length: n }, () => drawValue(rng, s.weights));
  const threshold = drawValue(rng, s.threshold);
  const input = Array.from({ length: n }, () => drawValue(rng, s.values ?? BINARY));
  return { input, weights, threshold };
}

function buildUnit(given: ThresholdUnitGiven, text: TemplateText): Question {
  const unit = unitOf(given);
  const fires = () => thresholdUnit(given.input, unit).output === 1;
  const displays: Display[] = [
    { type: 'text', text: `x = ${listText(given.input)}` },
    { type: 'text', text: `w = ${listText(given.weights)}` },
    { type: 'text', text: `θ = ${given.threshold}` },
  ];
  return {
    kind: 'yesno',
    prompt: fill(text.prompt, {
      input: listText(given.input),
      weights: listText(given.weights),
      threshold: given.threshold,
      n: given.input.length,
    }),
    displays,
    tolerance: 0,
    expected: () => ({ kind: 'yesno', value: fires() }),
    mistakes: () => {
      const expected = fires();
      const out: MistakeModel[] = [];
      const strict = thresholdUnit(given.input, unit, { strict: true }).output === 1;
      if (strict !== expected)
        out.push({ id: 'threshold-strict', answer: { kind: 'yesno', value: strict } });
      const zero = thresholdUnit(given.input, { ...unit, threshold: 0 }).output === 1;
      if (zero !== expected)
        out.push({ id: 'threshold-ignored', answer: { kind: 'yesno', value: zero } });
      return out;
    },
    solution: () => {
      const { sum, output } = thresholdUnit(given.input, unit);
      const params = { sum, threshold: given.threshold };
      return [
        { text: `Σ w·x = ${thresholdSumText(given.input, unit)}` },
        {
          text:
            output === 1
              ? text.t('solution.threshold.fires', params)
              : text.t('solution.threshold.silent', params),
        },
      ];
    },
  };
}

export const thresholdUnitTemplate: Template<ThresholdUnitGiven, ThresholdUnitSettings> = {
  name: 'threshold-unit',
  kind: 'yesno',
  parseGiven: (value) => parseWith(unitGivenSchema, value, 'given'),
  parseSettings: (value) => parseWith(unitSettingsSchema, value, 'generate'),
  generate: generateUnit,
  build: buildUnit,
};

const unitSchema = z.strictObject({ weights: numbers, threshold: z.number() });

const networkGivenSchema = z.strictObject({
  /** Layers, first to last; each unit reads every output of the layer before (or every input). */
  layers: z.array(z.array(unitSchema).min(1)).min(1),
});
export type ThresholdNetworkGiven = z.infer<typeof networkGivenSchema>;

const networkSettingsSchema = z.strictObject({
  /** Binary inputs of the network. @default 2 */
  inputs: intOrRange.optional(),
  /** Units in the one hidden layer; one output unit follows. @default 2 */
  hidden: intOrRange.optional(),
  weights: valueSpec,
  threshold: valueSpec,
});
export type ThresholdNetworkSettings = z.infer<typeof networkSettingsSchema>;

function inputsOf(g: ThresholdNetworkGiven): number {
  return g.layers[0][0].weights.length;
}

function parseNetwork(value: unknown): ThresholdNetworkGiven {
  const given = parseWith(networkGivenSchema, value, 'given');
  const last = given.layers[given.layers.length - 1];
  if (last.length !== 1)
    throw new TemplateError(
      `given.layers[${given.layers.length - 1}]`,
      `\`given.layers[${given.layers.length - 1}]\`: the last layer must be one output unit, got ${last.length}.`,
    );
  try {
    thresholdNetworkTable(inputsOf(given), given.layers);
  } catch (error) {
    const field = error instanceof EngineError ? `given.${error.argument}` : 'given.layers';
    throw new TemplateError(field, `\`${field}\`: ${(error as Error).message}`);
  }
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generateNetwork(s: ThresholdNetworkSettings, rng: Rng): ThresholdNetworkGiven {
  const n = s.inputs === undefined ? 2 : draw(rng, s.inputs);
  const hidden = s.hidden === undefined ? 2 : draw(rng, s.hidden);
  if (n < 1 || n > 3 || hidden < 1 || hidden > 4)
    throw new TemplateError(
      'generate',
      '`generate`: draw 1 to 3 `inputs` and 1 to 4 `hidden` units.',
    );
  const unit = (width: number) => ({
    weights: Array.from({ length: width }, () => drawValue(rng, s.weights)),
    threshold: drawValue(rng, s.threshold),
  });
  // A network that always gives 0 (or always 1) teaches nothing: draw again from the same stream.
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    const layers = [Array.from({ length: hidden }, () => unit(n)), [unit(hidden)]];
    if (new Set(thresholdNetworkTable(n, layers)).size === 2) return { layers };
  }
  throw new TemplateError(
    'generate.weights',
    `\`generate.weights\`: ${MAX_DRAWS} networks in a row gave the same output on every input; draw from more weights or thresholds.`,
  );
}

function pairText(values: readonly number[]): string {
  return `(${values.join(', ')})`;
}

function buildNetwork(given: ThresholdNetworkGiven, text: TemplateText): Question {
  const n = inputsOf(given);
  const layers: ThresholdLayer[] = given.layers;
  const inputs = binaryInputs(n);
  const table = (options = {}) => thresholdNetworkTable(n, layers, options);
  const displays: Display[] = given.layers.flatMap((layer, l) =>
    layer.map((u, k): Display => ({
      type: 'text',
      text: text.t('display.network.unit', {
        layer: l + 1,
        unit: k + 1,
        weights: listText(u.weights),
        threshold: u.threshold,
      }),
    })),
  );
  const order = inputs.map(pairText).join(' ');
  displays.push({ type: 'text', text: text.t('display.network.order', { inputs: order }) });
  const row = (values: number[]) => ({ kind: 'grid' as const, rows: [values] });
  const differs = (a: number[], b: number[]) => a.some((v, i) => v !== b[i]);
  return {
    kind: 'grid',
    prompt: fill(text.prompt, { inputs: order, n, count: inputs.length }),
    displays,
    gridSize: { rows: 1, cols: inputs.length },
    tolerance: 0,
    expected: () => row(table()),
    mistakes: () => {
      const expected = table();
      const out: MistakeModel[] = [];
      const strict = table({ strict: true });
      if (differs(strict, expected)) out.push({ id: 'threshold-strict', answer: row(strict) });
      const zero = thresholdNetworkTable(
        n,
        layers.map((layer) => layer.map((u) => ({ ...u, threshold: 0 }))),
      );
      if (differs(zero, expected)) out.push({ id: 'threshold-ignored', answer: row(zero) });
      return out;
    },
    solution: () => {
      const lines: SolutionLine[] = [{ text: text.t('solution.network.header') }];
      for (const x of inputs) {
        const r = thresholdNetwork(x, layers);
        lines.push({ text: [pairText(x), ...r.layers.map(pairText)].join(' → ') });
      }
      lines.push({ text: table().join(' ') });
      return lines;
    },
  };
}

export const thresholdNetworkTemplate: Template<ThresholdNetworkGiven, ThresholdNetworkSettings> = {
  name: 'threshold-network',
  kind: 'grid',
  parseGiven: parseNetwork,
  parseSettings: (value) => parseWith(networkSettingsSchema, value, 'generate'),
  generate: generateNetwork,
  build: buildNetwork,
};

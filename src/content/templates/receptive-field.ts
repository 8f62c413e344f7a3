/**
 * "How many input cells does one output cell see?" (`receptive-field`, a number) for a stack
 * of sliding-window layers (convolutions or pools), along one side. The engine's
 * `receptiveField` walks up the stack (r ← r + (k−1)·d·jump, jump ← jump·s); for a stack of
 * equal stride-1 layers the solution also sets it against one big kernel (`stackVersusSingle`).
 */
import { z } from 'zod';
import {
  type WindowLayer,
  effectiveSize,
  receptiveField,
  stackVersusSingle,
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
import { numberSlips } from './answers.js';
import { requireAtLeastOne, whole } from './schemas.js';
import { draw, fill, intOrRange, parseWith } from './shared.js';

const layer = z.strictObject({
  /** Kernel (window) side k. */
  kernel: whole,
  /** @default 1 */
  stride: whole.optional(),
  /** @default 1 */
  dilation: whole.optional(),
});

const givenSchema = z.strictObject({
  /** From the input upwards. */
  layers: z.array(layer).min(1, { error: 'list at least one layer' }),
});
export type ReceptiveFieldGiven = z.infer<typeof givenSchema>;

const settingsSchema = z
  .strictObject({
    /** Number of layers. */
    depth: intOrRange,
    /** Kernel sides to draw from, one draw per layer. */
    kernel: z.array(whole).min(1),
    /** Strides to draw from, one draw per layer. @default [1] */
    stride: z.array(whole).min(1).optional(),
    /** Dilations to draw from, one draw per layer. @default [1] */
    dilation: z.array(whole).min(1).optional(),
  })
  .superRefine((s, ctx) => requireAtLeastOne(s, ['depth'], ctx));
export type ReceptiveFieldSettings = z.infer<typeof settingsSchema>;

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generate(s: ReceptiveFieldSettings, rng: Rng): ReceptiveFieldGiven {
  const depth = draw(rng, s.depth);
  const layers = Array.from({ length: depth }, () => {
    const kernel = rng.pick(s.kernel);
    const stride = s.stride ? rng.pick(s.stride) : 1;
    const dilation = s.dilation ? rng.pick(s.dilation) : 1;
    return { kernel, stride, dilation };
  });
  return { layers };
}

function layersOf(g: ReceptiveFieldGiven): WindowLayer[] {
  return g.layers.map((l) => ({
    kernel: l.kernel,
    stride: l.stride ?? 1,
    dilation: l.dilation ?? 1,
  }));
}

/** Each layer as Keras code, the same in every language. */
function layerText(l: WindowLayer): string {
  const args = [`kernel_size=${l.kernel}`, `strides=${l.stride ?? 1}`];
  if ((l.dilation ?? 1) !== 1) args.push(`dilation_rate=${l.dilation}`);
  return `Conv2D(${args.join(', ')})`;
}

function mistakes(layers: WindowLayer[]): MistakeModel[] {
  const rf = receptiveField(layers);
  const { list, add } = numberSlips(rf.size);
  // The engine's walk with one change: each layer adds its whole span instead of span − 1,
  // as if neighbouring windows did not share their edge cells (three 3×3 → 9, not 7).
  let spans = 0;
  layers.forEach((l, i) => {
    const jumpBefore = i === 0 ? 1 : rf.steps[i - 1].jump;
    spans += effectiveSize(l.kernel, l.dilation ?? 1) * jumpBefore;
  });
  add('spans-added', spans);
  if (layers.some((l) => (l.stride ?? 1) !== 1))
    add('stride-ignored', receptiveField(layers.map((l) => ({ ...l, stride: 1 }))).size);
  if (layers.some((l) => (l.dilation ?? 1) !== 1))
    add('dilation-ignored', receptiveField(layers.map((l) => ({ ...l, dilation: 1 }))).size);
  return list;
}

function solution(layers: WindowLayer[], t: TemplateText['t']): SolutionLine[] {
  const rf = receptiveField(layers);
  const lines: SolutionLine[] = [{ text: t('solution.rf.start') }];
  rf.steps.forEach((step, i) => {
    const l = layers[i];
    const before = i === 0 ? 1 : rf.steps[i - 1].size;
    const jump = i === 0 ? 1 : rf.steps[i - 1].jump;
    lines.push({
      text: t('solution.rf.layer', {
        layer: i + 1,
        before,
        kernel: l.kernel,
        dilation: l.dilation ?? 1,
        jump,
        size: step.size,
        next: step.jump,
      }),
    });
  });
  // Equal stride-1 layers: set the stack against the one kernel that sees as much.
  const k = layers[0].kernel;
  const plain = layers.every(
    (l) => l.kernel === k && (l.stride ?? 1) === 1 && (l.dilation ?? 1) === 1,
  );
  if (plain && layers.length > 1) {
    const vs = stackVersusSingle({ kernel: k, depth: layers.length });
    lines.push({
      text: t('solution.rf.stack', {
        depth: layers.length,
        kernel: k,
        size: vs.receptiveField,
        stack: vs.stackFactor,
        single: vs.singleFactor,
      }),
    });
  }
  return lines;
}

function build(given: ReceptiveFieldGiven, text: TemplateText): Question {
  const layers = layersOf(given);
  const displays: Display[] = layers.map((l) => ({ type: 'text', text: layerText(l) }));
  return {
    kind: 'number',
    prompt: fill(text.prompt, {
      depth: layers.length,
      kernel: `${layers[0].kernel}×${layers[0].kernel}`,
    }),
    displays,
    tolerance: 0,
    expected: () => ({ kind: 'number', value: receptiveField(layers).size }),
    mistakes: () => mistakes(layers),
    solution: () => solution(layers, text.t),
  };
}

export const receptiveFieldTemplate: Template<ReceptiveFieldGiven, ReceptiveFieldSettings> = {
  name: 'receptive-field',
  kind: 'number',
  parseGiven: (value) => parseWith(givenSchema, value, 'given'),
  parseSettings: (value) => parseWith(settingsSchema, value, 'generate'),
  generate,
  build,
};

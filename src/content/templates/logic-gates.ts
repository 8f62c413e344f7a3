/**
 * Which logic gates one threshold unit can compute. A gate is only its definition, a truth
 * table; whether one unit computes it is found by the engine's search over whole-number
 * weights and thresholds (`findThresholdUnit`), never stored.
 * - `threshold-gate` (yes/no): can one unit compute this gate?
 * - `threshold-gate-choice` (choice): which of these gates can (or cannot) one unit compute?
 *   Exactly one option may satisfy the question, or the file is refused.
 */
import { z } from 'zod';
import {
  binaryInputs,
  findThresholdUnit,
  thresholdSumText,
  thresholdUnit,
} from '../../engine/index.js';
import type { Rng } from '../random.js';
import type { Display, Question, SolutionLine, Template, TemplateText } from '../types.js';
import { TemplateError, draw, fill, intOrRange, parseWith } from './shared.js';

/** Two-input gates by their truth tables, for inputs (0,0), (0,1), (1,0), (1,1). Definitions, not answers. */
export const GATES = {
  and: [0, 0, 0, 1],
  or: [0, 1, 1, 1],
  nand: [1, 1, 1, 0],
  nor: [1, 0, 0, 0],
  xor: [0, 1, 1, 0],
  xnor: [1, 0, 0, 1],
} as const satisfies Record<string, readonly number[]>;
export type GateId = keyof typeof GATES;
const gateIds = Object.keys(GATES) as GateId[];

/** Draws before giving up on options with exactly one right answer. */
const MAX_DRAWS = 50;

const gate = z.enum(gateIds as [GateId, ...GateId[]], {
  error: `expected a gate: ${gateIds.join(', ')}`,
});
/** Search range for weights and θ. @default 2 */
const range = z.number().int().min(1).max(4).optional();

function gateName(id: GateId): string {
  return id.toUpperCase();
}

/** The gate's truth table as lines: `x₁ x₂ → XOR`, then one line per input. */
function tableDisplays(id: GateId): Display[] {
  const table = GATES[id];
  return [
    { type: 'text', text: `x₁ x₂ → ${gateName(id)}` },
    ...binaryInputs(2).map((x, k): Display => ({
      type: 'text',
      text: ` ${x[0]}  ${x[1]} → ${table[k]}`,
    })),
  ];
}

/** The search's verdict, with the working: the unit found checked row by row, or why there is none. */
function searchSolution(id: GateId, r: number | undefined, text: TemplateText): SolutionLine[] {
  const result = findThresholdUnit(GATES[id], r ?? 2);
  const name = gateName(id);
  if (!result.unit)
    return [
      {
        text: text.t('solution.gate.none', {
          gate: name,
          tried: result.tried,
          range: result.range,
          rows: GATES[id].length,
        }),
      },
      { text: text.t('solution.gate.line', { gate: name }) },
    ];
  const unit = result.unit;
  return [
    {
      text: text.t('solution.gate.found', {
        gate: name,
        weights: `[${unit.weights.join(', ')}]`,
        threshold: unit.threshold,
      }),
    },
    ...binaryInputs(2).map((x) => {
      const out = thresholdUnit(x, unit).output;
      return {
        text: `(${x.join(', ')}): ${thresholdSumText(x, unit)} ${out === 1 ? '≥' : '<'} ${unit.threshold} → ${out}`,
      };
    }),
  ];
}

function computable(id: GateId, r: number | undefined): boolean {
  return findThresholdUnit(GATES[id], r ?? 2).unit !== undefined;
}

const gateGivenSchema = z.strictObject({ gate, range });
export type ThresholdGateGiven = z.infer<typeof gateGivenSchema>;

const gateSettingsSchema = z.strictObject({
  /** Gates to draw from. */
  gates: z.array(gate).min(1),
  range,
});
export type ThresholdGateSettings = z.infer<typeof gateSettingsSchema>;

export const thresholdGate: Template<ThresholdGateGiven, ThresholdGateSettings> = {
  name: 'threshold-gate',
  kind: 'yesno',
  parseGiven: (value) => parseWith(gateGivenSchema, value, 'given'),
  parseSettings: (value) => parseWith(gateSettingsSchema, value, 'generate'),
  /** Draw inputs; the draw order is part of the variant's identity and must not change. */
  generate: (s, rng: Rng) => ({
    gate: rng.pick(s.gates),
    ...(s.range === undefined ? {} : { range: s.range }),
  }),
  build: (given, text): Question => ({
    kind: 'yesno',
    prompt: fill(text.prompt, { gate: gateName(given.gate), range: given.range ?? 2 }),
    displays: tableDisplays(given.gate),
    tolerance: 0,
    expected: () => ({ kind: 'yesno', value: computable(given.gate, given.range) }),
    mistakes: () => [],
    solution: () => searchSolution(given.gate, given.range, text),
  }),
};

const ask = z.enum(['can', 'cannot'], { error: 'expected `can` or `cannot`' });

const choiceGivenSchema = z
  .strictObject({
    /** The gates offered, in order. */
    options: z.array(gate).min(2),
    /** Ask for the one gate a unit can compute, or the one it cannot. @default 'cannot' */
    ask: ask.optional(),
    range,
  })
  .refine((g) => new Set(g.options).size === g.options.length, {
    path: ['options'],
    error: 'a gate is listed twice',
  });
export type ThresholdGateChoiceGiven = z.infer<typeof choiceGivenSchema>;

const choiceSettingsSchema = z.strictObject({
  /** Gates to draw the options from (distinct). */
  gates: z.array(gate).min(2),
  /** How many options. */
  options: intOrRange,
  ask: ask.optional(),
  range,
});
export type ThresholdGateChoiceSettings = z.infer<typeof choiceSettingsSchema>;

/** The options that answer the question (the right one, when there is exactly one). */
function matching(g: ThresholdGateChoiceGiven): number[] {
  const want = (g.ask ?? 'cannot') === 'can';
  return g.options.flatMap((id, i) => (computable(id, g.range) === want ? [i] : []));
}

function parseChoice(value: unknown): ThresholdGateChoiceGiven {
  const given = parseWith(choiceGivenSchema, value, 'given');
  const right = matching(given);
  if (right.length !== 1)
    throw new TemplateError(
      'given.options',
      `\`given.options\`: exactly one option must be a gate one unit ${given.ask ?? 'cannot'} compute, got ${right.length} (${right.map((i) => given.options[i]).join(', ') || 'none'}).`,
    );
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generateChoice(s: ThresholdGateChoiceSettings, rng: Rng): ThresholdGateChoiceGiven {
  const count = draw(rng, s.options);
  const pool = [...new Set(s.gates)];
  if (count < 2 || count > pool.length)
    throw new TemplateError(
      'generate.options',
      `\`generate.options\`: draw from 2 to ${pool.length} options (the distinct gates listed).`,
    );
  for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
    const left = [...pool];
    const options = Array.from(
      { length: count },
      () => left.splice(rng.int(0, left.length - 1), 1)[0],
    );
    const given = {
      options,
      ...(s.ask === undefined ? {} : { ask: s.ask }),
      ...(s.range === undefined ? {} : { range: s.range }),
    };
    if (matching(given).length === 1) return given;
  }
  throw new TemplateError(
    'generate.gates',
    `\`generate.gates\`: ${MAX_DRAWS} draws in a row had no single right answer; list more gates of the other kind.`,
  );
}

/** The options' truth tables side by side: a header of inputs, then one line per gate. */
function choiceTable(ids: readonly GateId[]): Display[] {
  const width = Math.max(5, ...ids.map((id) => gateName(id).length)) + 2;
  const inputs = binaryInputs(2).map((x) => x.join(''));
  return [
    { type: 'text', text: `${'x₁x₂'.padEnd(width)}${inputs.join('  ')}` },
    ...ids.map((id): Display => ({
      type: 'text',
      text: `${gateName(id).padEnd(width)}${GATES[id].map((v) => ` ${v}`).join('  ')}`,
    })),
  ];
}

function buildChoice(given: ThresholdGateChoiceGiven, text: TemplateText): Question {
  const names = given.options.map(gateName);
  return {
    kind: 'choice',
    prompt: fill(text.prompt, { options: names.join(', '), range: given.range ?? 2 }),
    displays: choiceTable(given.options),
    options: names,
    tolerance: 0,
    expected: () => ({ kind: 'choice', index: matching(given)[0] }),
    mistakes: () => [],
    solution: () => [
      ...given.options.flatMap((id) => searchSolution(id, given.range, text).slice(0, 1)),
      { text: text.t('solution.gate.answer', { gate: names[matching(given)[0]] }) },
    ],
  };
}

export const thresholdGateChoice: Template<ThresholdGateChoiceGiven, ThresholdGateChoiceSettings> =
  {
    name: 'threshold-gate-choice',
    kind: 'choice',
    parseGiven: parseChoice,
    parseSettings: (value) => parseWith(choiceSettingsSchema, value, 'generate'),
    generate: generateChoice,
    build: buildChoice,
  };

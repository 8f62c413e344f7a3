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
import { type Tensor, relu, toNested } from '../../engine/index.js';
import type { AnswerValue, Question, SolutionLine, Template, TemplateText } from '../types.js';
import { fill, parseWith } from './shared.js';
import { displaysOf, num, promptParams } from './network/display.js';
import { generateClass, generateMap, generateValue } from './network/draw.js';
import { mistakesOf } from './network/mistakes.js';
import {
  last,
  networkOf,
  parseClassGiven,
  parseMapGiven,
  parseValueGiven,
  tie,
  valueAt,
} from './network/run.js';
import {
  type NetworkClassGiven,
  type NetworkClassSettings,
  type NetworkMapGiven,
  type NetworkMapSettings,
  type NetworkValueGiven,
  type NetworkValueSettings,
  classSettings,
  mapSettings,
  valueSettings,
} from './network/schemas.js';
import { classLines, trace } from './network/solution.js';

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

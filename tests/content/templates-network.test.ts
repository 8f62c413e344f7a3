/**
 * The `network-value`, `network-map` and `network-class` templates: the X/O network's numbers
 * as the lectures give them (tests/fixtures/lectures.ts; truncated on the slides and accepted
 * either way), ReLU and pooling questions with their named mistakes, stable variants, and messages that
 * name the field to fix.
 */
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../src/content/answer-parser.js';
import { checkAnswer } from '../../src/content/check-answer.js';
import { createRng } from '../../src/content/random.js';
import { getTemplate } from '../../src/content/templates/index.js';
import { networkClass, networkMap, networkValue } from '../../src/content/templates/network.js';
import type { AnswerValue, Question, TemplateText } from '../../src/content/types.js';
import { CROOKED_X, O, X, XO_DENSE_WEIGHTS, XO_FILTERS } from '../fixtures/lectures.js';

const text = (prompt = 'Question?'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});

const CONV = {
  op: 'conv2d',
  kernels: XO_FILTERS,
  scale: 0.1111111111111111,
};
const RELU = { op: 'relu' };
const POOL = { op: 'maxpool', size: 2, padding: 'same' };
const DENSE = {
  op: 'dense',
  weights: XO_DENSE_WEIGHTS,
};
const NETWORK = [CONV, RELU, POOL, POOL, { op: 'flatten' }, DENSE, { op: 'softmax' }];

const value = (given: unknown, tolerance = 0): Question => ({
  ...networkValue.build(networkValue.parseGiven(given), text()),
  tolerance,
});
const number = (q: Question) => (q.expected() as { value: number }).value;
const typed = (kind: 'number' | 'grid', s: string): AnswerValue => {
  const r = parseAnswer(kind, s);
  if (!r.ok) throw new Error(`cannot parse ${s}`);
  return r.value as AnswerValue;
};
const mistakeIds = (q: Question) => q.mistakes().map((m) => m.id);

describe('network-value: the X/O network of the lectures', () => {
  it('the first match is 7/9; the slide shows 0.77 (cut), and 0.77, 0.78, 7/9 are accepted with tolerance 0.01', () => {
    const q = value({ input: X, stages: [CONV], at: [0, 0, 0] }, 0.01);
    expect(number(q)).toBeCloseTo(7 / 9, 12);
    for (const answer of ['0.77', '0.78', '7/9', '.78'])
      expect(checkAnswer(q, typed('number', answer)).correct, answer).toBe(true);
    for (const answer of ['0.75', '7'])
      expect(checkAnswer(q, typed('number', answer)).correct, answer).toBe(false);
    expect(checkAnswer(q, typed('number', '7')).mistake).toBe('scale-forgotten');
  });

  it('the slide row 0.77 −0.11 0.11 0.33 0.55 −0.11 0.33 is the first map cut to two decimals', () => {
    const row = [0, 1, 2, 3, 4, 5, 6].map((c) =>
      number(value({ input: X, stages: [CONV], at: [0, 0, c] })),
    );
    expect(row.map((v) => Math.trunc(v * 100) / 100)).toEqual([
      0.77, -0.11, 0.11, 0.33, 0.55, -0.11, 0.33,
    ]);
  });

  it('pooled "same" to 4×4, the first row is 1, 1/3, 5/9, 1/3; 0.55, 0.56 and 5/9 are all accepted', () => {
    const cell = (c: number) =>
      value({ input: X, stages: [CONV, RELU, POOL], show: 2, at: [0, 0, c] }, 0.01);
    expect([0, 1, 2, 3].map((c) => number(cell(c)))).toEqual(
      [1, 1 / 3, 5 / 9, 1 / 3].map((v) => expect.closeTo(v, 12)),
    );
    for (const answer of ['0.55', '0.56', '5/9'])
      expect(checkAnswer(cell(2), typed('number', answer)).correct, answer).toBe(true);
    expect(checkAnswer(cell(2), typed('number', '0.54')).correct).toBe(false);
  });

  it('pooled again: the twelve features [[1,.55],[.55,1]], [[1,.55],[.55,.55]], [[.55,1],[1,.55]]', () => {
    const features = Array.from({ length: 12 }, (_, i) =>
      number(value({ input: X, stages: [CONV, RELU, POOL, POOL, { op: 'flatten' }], at: [i] })),
    );
    const L = 5 / 9;
    expect(features).toEqual(
      [1, L, L, 1, 1, L, L, L, L, 1, 1, L].map((v) => expect.closeTo(v, 12)),
    );
  });

  it('votes: the X gives 5 to X and 4 × 5/9 to O; softmax gives X 1 / (1 + e^(20/9 − 5))', () => {
    const votes = [0, 1].map((i) =>
      number(
        value({ input: X, stages: NETWORK.slice(0, 6), show: 4, at: [i], classes: ['X', 'O'] }),
      ),
    );
    expect(votes).toEqual([expect.closeTo(5, 12), expect.closeTo(20 / 9, 12)]);
    const p = value({ input: X, stages: NETWORK, show: 6, at: [0], classes: ['X', 'O'] }, 0.01);
    expect(number(p)).toBeCloseTo(1 / (1 + Math.exp(20 / 9 - 5)), 12);
    // A vote over the sum of votes is the usual slip: 5 / (5 + 20/9).
    expect(p.mistakes()).toEqual([
      { id: 'exp-forgotten', answer: { kind: 'number', value: expect.closeTo(45 / 65, 12) } },
    ]);
  });

  it('fills placeholders and shows the given stage, the weights laid out like the features, and the stages left', () => {
    const q = networkValue.build(
      networkValue.parseGiven({
        input: X,
        stages: NETWORK.slice(0, 6),
        show: 4,
        at: [1],
        classes: ['X', 'O'],
      }),
      text('Vote for {class} (entry {index})?'),
    );
    expect(q.prompt).toBe('Vote for O (entry 1)?');
    expect(q.displays.map((d) => (d.type === 'text' ? d.text : d.title))).toEqual([
      'display.after-stage{"n":4}',
      'display.weights-for{"name":"X"}',
      'display.weights-for{"name":"O"}',
      expect.stringMatching(
        /^network\.stages\{"list":"1\. calc\.report\.stage\.conv2d.*; 4\. calc\.report\.stage\.maxpool\{.*\}network\.shown; 5\. calc\.report\.stage\.flatten-chw; 6\. calc\.report\.stage\.dense/,
      ),
    ]);
    expect(q.displays[1]).toMatchObject({
      type: 'channels',
      channels: [
        [
          [1, 0],
          [0, 1],
        ],
        [
          [1, 0],
          [0, 0],
        ],
        [
          [0, 1],
          [1, 0],
        ],
      ],
    });
    expect(q.solution().map((l) => l.text)).toEqual([
      'O: 0*1 + 1*0.5556 + 1*0.5556 + 0*1 + 0*1 + 0*0.5556 + 0*0.5556 + 0*0.5556 + 1*0.5556 + 0*1 + 0*1 + 1*0.5556 = 2.2222',
    ]);
  });
});

describe('network-value: ReLU and pooling mistakes', () => {
  it('an average-pooled edge cell: the mean of the real cells; max, padding counted, stride ignored are named', () => {
    const input = [
      [3, 5, 5, 2, 3],
      [5, 6, 1, 6, 5],
      [6, 6, 3, 8, 7],
      [8, 3, 0, 2, 4],
      [1, 4, 4, 5, 3],
    ];
    const q = value({
      input,
      stages: [{ op: 'avgpool', size: 2, padding: 'same' }],
      at: [0, 2, 0],
    });
    expect(number(q)).toBe(2.5); // (1 + 4) / 2: the padded row takes no part
    const byId = Object.fromEntries(
      q.mistakes().map((m) => [m.id, (m.answer as { value: number }).value]),
    );
    expect(byId).toEqual({
      'max-instead-of-average': 4,
      'padding-counted-in-average': 1.25,
      'stride-ignored': 5.75,
    });
    expect(checkAnswer(q, typed('number', '1.25')).mistake).toBe('padding-counted-in-average');
    expect(q.solution().map((l) => l.text)).toEqual([
      'solution.network.pool-window{"row":2,"col":0,"top":4,"bottom":4,"left":0,"right":1}',
      'solution.network.pool-padding',
      'network.cell{"stage":1,"map":0,"row":2,"col":0}: (1 + 4) / 2 = 2.5',
    ]);
  });

  it('conv → ReLU → pool: ReLU forgotten and absolute value instead are named when they change the answer', () => {
    const given = {
      input: [
        [1, 0],
        [0, 1],
        [2, 2],
      ],
      stages: [
        { op: 'conv2d', kernels: [[[-1]]], bias: [1] },
        RELU,
        { op: 'maxpool', size: [3, 2] },
      ],
      at: [0, 0, 0],
    };
    // conv: 1 − x → [[0, 1], [1, 0], [−1, −1]]; ReLU keeps 0 and 1; the max is 1.
    const q = value(given);
    expect(number(q)).toBe(1);
    const ids = mistakeIds(q);
    expect(ids).toContain('bias-forgotten');
    expect(ids).toContain('average-instead-of-max');
    const lonely = value({
      ...given,
      stages: [
        { op: 'conv2d', kernels: [[[-1]]], bias: [-3] },
        RELU,
        { op: 'maxpool', size: [3, 2] },
      ],
    });
    expect(number(lonely)).toBe(0);
    expect(
      Object.fromEntries(
        lonely.mistakes().map((m) => [m.id, (m.answer as { value: number }).value]),
      ),
    ).toMatchObject({
      'relu-forgotten': -3,
      'absolute-instead-of-relu': 5,
    });
  });
});

describe('network-map', () => {
  const map = (given: unknown): Question =>
    networkMap.build(
      networkMap.parseGiven(given),
      text('{outRows}×{outCols}, {size}, {stride}, {padding}'),
    );

  it('ReLU: the grid with negatives set to 0; forgetting it and dropping signs are named', () => {
    const q = map({
      input: [
        [3, -1],
        [-2, 0],
      ],
      stages: [RELU],
    });
    expect(q.expected()).toEqual({
      kind: 'grid',
      rows: [
        [3, 0],
        [0, 0],
      ],
    });
    expect(q.gridSize).toEqual({ rows: 2, cols: 2 });
    expect(q.mistakes()).toEqual([
      {
        id: 'relu-forgotten',
        answer: {
          kind: 'grid',
          rows: [
            [3, -1],
            [-2, 0],
          ],
        },
      },
      {
        id: 'absolute-instead-of-relu',
        answer: {
          kind: 'grid',
          rows: [
            [3, 1],
            [2, 0],
          ],
        },
      },
    ]);
    expect(q.solution().map((l) => l.text)).toEqual(['0: 3 -1 → 3 0', '1: -2 0 → 0 0']);
  });

  it('max pooling a 5×5 map "same": 3×3; average, valid (2×2) and stride 1 (5×5) are named', () => {
    const q = map({
      input: [
        [2, 7, 1, 0, 3],
        [5, 1, 4, 6, 2],
        [0, 3, 8, 1, 1],
        [4, 2, 0, 5, 9],
        [1, 6, 2, 3, 0],
      ],
      stages: [POOL],
    });
    expect(q.prompt).toBe('3×3, 2×2, 2, same');
    expect(q.expected()).toEqual({
      kind: 'grid',
      rows: [
        [7, 6, 3],
        [4, 8, 9],
        [6, 3, 0],
      ],
    });
    const byId = Object.fromEntries(
      q.mistakes().map((m) => [m.id, (m.answer as { rows: number[][] }).rows]),
    );
    expect(byId['average-instead-of-max'][0]).toEqual([3.75, 2.75, 2.5]);
    expect(byId['valid-instead-of-same']).toEqual([
      [7, 6],
      [4, 8],
    ]);
    expect(byId['stride-ignored']).toHaveLength(5);
  });

  it('the lectures\' 7×7 → 4×4 with "same", 3×3 with "valid"', () => {
    const first = map({ input: X, stages: [CONV, RELU, POOL], show: 2 });
    expect((first.expected() as { rows: number[][] }).rows[0]).toEqual(
      [1, 1 / 3, 5 / 9, 1 / 3].map((v) => expect.closeTo(v, 12)),
    );
    expect(first.gridSize).toEqual({ rows: 4, cols: 4 });
    expect(
      map({ input: X, stages: [CONV, RELU, { op: 'maxpool', size: 2 }], show: 2 }).gridSize,
    ).toEqual({ rows: 3, cols: 3 });
  });
});

describe('network-class', () => {
  const ask = (input: number[][]) =>
    networkClass.build(
      networkClass.parseGiven({ input, stages: NETWORK, show: [0, 4], classes: ['X', 'O'] }),
      text(),
    );

  it.each([
    ['the X', X, 0],
    ['the O', O, 1],
    ['the crooked X ("X or X?")', CROOKED_X, 0],
  ])('%s → option %i, found by running the network', (_, input, index) => {
    const q = ask(input);
    expect(q.options).toEqual(['X', 'O']);
    expect(q.expected()).toEqual({ kind: 'choice', index });
    expect(q.solution().at(-1)!.text).toBe(
      `solution.network.winner{"name":"${['X', 'O'][index]}"}`,
    );
  });

  it('refuses an input the network cannot decide on', () => {
    const flat = Array.from({ length: 9 }, () => new Array(9).fill(-1));
    expect(() =>
      networkClass.parseGiven({ input: flat, stages: NETWORK, classes: ['X', 'O'] }),
    ).toThrow(
      expect.objectContaining({
        field: 'given.input',
        message: expect.stringMatching(/two right answers/),
      }),
    );
  });
});

describe('generated variants: seeds 1–3 draw the same inputs in every version', () => {
  it('conv → ReLU → pool with a drawn kernel and bias', () => {
    const s = networkValue.parseSettings({
      input: { rows: 5, values: { range: [0, 3] } },
      stages: [
        {
          op: 'conv2d',
          kernels: { size: 2, weights: { of: [-1, 0, 1] } },
          bias: { range: [-2, 0] },
        },
        RELU,
        { op: 'maxpool', size: 2 },
      ],
    });
    const draw = (seed: number) => {
      const g = networkValue.generate(s, createRng(seed)) as {
        input: unknown;
        stages: { kernels?: unknown; bias?: unknown }[];
        at: number[];
      };
      return { input: g.input, kernels: g.stages[0].kernels, bias: g.stages[0].bias, at: g.at };
    };
    expect(draw(1)).toEqual({
      input: [
        [1, 3, 2, 2, 3],
        [3, 3, 3, 1, 0],
        [0, 1, 2, 0, 2],
        [2, 2, 3, 1, 3],
        [0, 0, 2, 1, 3],
      ],
      kernels: [
        [
          [0, -1],
          [-1, 1],
        ],
      ],
      bias: [-2],
      at: [0, 0, 0],
    });
    expect(draw(2)).toEqual({
      input: [
        [3, 2, 0, 3, 2],
        [0, 3, 2, 0, 1],
        [2, 1, 0, 2, 3],
        [2, 3, 3, 0, 3],
        [0, 3, 0, 0, 1],
      ],
      kernels: [
        [
          [1, 1],
          [-1, 1],
        ],
      ],
      bias: [0],
      at: [0, 1, 0],
    });
    expect(draw(3)).toEqual({
      input: [
        [1, 2, 2, 1, 1],
        [2, 3, 0, 2, 2],
        [2, 3, 1, 3, 3],
        [3, 1, 0, 1, 2],
        [0, 1, 2, 2, 1],
      ],
      kernels: [
        [
          [0, 0],
          [1, -1],
        ],
      ],
      bias: [-1],
      at: [0, 0, 0],
    });
  });

  it('an edge cell of "same" average pooling', () => {
    const s = networkValue.parseSettings({
      input: { rows: 5, values: { range: [0, 8] } },
      stages: [{ op: 'avgpool', size: 2, padding: 'same' }],
      at: 'edge',
    });
    const draw = (seed: number) => {
      const g = networkValue.generate(s, createRng(seed));
      return { input: g.input, at: g.at };
    };
    expect(draw(1)).toEqual({
      input: [
        [3, 7, 6, 4, 8],
        [8, 6, 7, 2, 1],
        [0, 3, 5, 0, 5],
        [6, 4, 8, 3, 6],
        [0, 0, 6, 3, 6],
      ],
      at: [0, 2, 0],
    });
    expect(draw(2)).toEqual({
      input: [
        [7, 5, 0, 8, 5],
        [1, 7, 5, 0, 3],
        [6, 3, 1, 6, 8],
        [6, 7, 8, 1, 8],
        [0, 8, 0, 1, 4],
      ],
      at: [0, 2, 2],
    });
    expect(draw(3)).toEqual({
      input: [
        [3, 5, 5, 2, 3],
        [5, 6, 1, 6, 5],
        [6, 6, 3, 8, 7],
        [8, 3, 0, 2, 4],
        [1, 4, 4, 5, 3],
      ],
      at: [0, 2, 0],
    });
    for (let seed = 1; seed <= 50; seed++) {
      const [, r, c] = networkValue.generate(s, createRng(seed)).at;
      expect(r === 2 || c === 2).toBe(true);
    }
  });

  it('a match of the fixed X: only the cell is drawn', () => {
    const s = networkValue.parseSettings({ input: X, stages: [CONV] });
    expect([1, 2, 3].map((seed) => networkValue.generate(s, createRng(seed)).at)).toEqual([
      [1, 5, 4],
      [2, 3, 0],
      [1, 4, 3],
    ]);
  });

  it('a max-pooled map', () => {
    const s = networkMap.parseSettings({
      input: { rows: [4, 5], cols: [4, 5], values: { range: [0, 9] } },
      stages: [POOL],
    });
    const draw = (seed: number) => {
      const g = networkMap.generate(s, createRng(seed));
      return { input: g.input, channel: g.channel };
    };
    expect(draw(1)).toEqual({
      input: [
        [6, 5, 9, 9, 7],
        [8, 2, 1, 0, 3],
        [6, 0, 5, 6, 5],
        [9, 4, 7, 0, 0],
      ],
      channel: 0,
    });
    expect(draw(2)).toEqual({
      input: [
        [0, 9, 5, 1, 7],
        [5, 0, 3, 7, 3],
        [1, 6, 9, 7, 7],
        [9, 1, 9, 0, 9],
        [0, 1, 4, 8, 9],
      ],
      channel: 0,
    });
    expect(draw(3)).toEqual({
      input: [
        [5, 3, 3, 5, 7],
        [1, 6, 6, 7, 7],
        [4, 9, 8, 9, 3],
        [1, 3, 5, 1, 4],
      ],
      channel: 0,
    });
  });

  it('a noisy X or O: which picture, and which pixels flipped', () => {
    const s = networkClass.parseSettings({
      input: { from: [X, O], flip: [3, 8] },
      stages: NETWORK,
      show: [0, 4],
      classes: ['X', 'O'],
      margin: 0.1,
    });
    const flipped = (seed: number) => {
      const img = networkClass.generate(s, createRng(seed)).input as number[][];
      const base = [X, O].findIndex(
        (b) => img.flat().filter((v, i) => v !== b.flat()[i]).length <= 8,
      );
      return {
        base,
        cells: img.flatMap((row, r) =>
          row.flatMap((v, c) => (v !== [X, O][base][r][c] ? [[r, c]] : [])),
        ),
      };
    };
    expect(flipped(1)).toEqual({
      base: 0,
      cells: [
        [2, 7],
        [4, 6],
        [6, 1],
        [6, 7],
        [7, 7],
        [8, 4],
        [8, 6],
      ],
    });
    expect(flipped(2)).toEqual({
      base: 1,
      cells: [
        [0, 4],
        [1, 5],
        [5, 4],
        [5, 5],
        [7, 2],
        [8, 5],
      ],
    });
    expect(flipped(3)).toEqual({
      base: 0,
      cells: [
        [2, 1],
        [3, 0],
        [3, 2],
        [5, 0],
        [5, 1],
        [7, 0],
      ],
    });
  });

  it('every drawn noisy picture is decided by more than the margin, and the answer is what the network says', () => {
    const s = networkClass.parseSettings({
      input: { from: [X, O], flip: [3, 8] },
      stages: NETWORK.slice(0, 6),
      show: [0, 4],
      classes: ['X', 'O'],
      margin: 0.1,
    });
    const answers = new Set<number>();
    for (let seed = 1; seed <= 60; seed++) {
      const g = networkClass.generate(s, createRng(seed));
      const votes = [0, 1].map((i) => number(value({ ...g, at: [i], classes: undefined })));
      expect(Math.abs(votes[0] - votes[1])).toBeGreaterThan(0.1);
      const q = networkClass.build(g, text());
      const index = (q.expected() as { index: number }).index;
      expect(index).toBe(votes[0] > votes[1] ? 0 : 1);
      answers.add(index);
    }
    expect(answers).toEqual(new Set([0, 1]));
  });
});

describe('bad input names the field', () => {
  it.each([
    [{ input: X, stages: [CONV], at: [3, 0, 0] }, 'given.at', /shape \(3,7,7\)/],
    [
      { input: X, stages: [CONV], at: [0, 0, 0], show: 1 },
      'given.show',
      /something must be left to compute/,
    ],
    [
      { input: X, stages: [{ op: 'dense', weights: [[1]] }], at: [0] },
      'given.stages[0]',
      /put a flatten stage before it/,
    ],
    [
      { input: X, stages: [{ op: 'maxpol', size: 2 }], at: [0, 0, 0] },
      'given.stages[0].op',
      /expected a stage op/,
    ],
    [{ input: X, stages: [CONV], cell: [0, 0, 0] }, 'given.cell', /unknown field `cell`/],
  ])('%j → %s', (given, field, message) => {
    expect(() => networkValue.parseGiven(given)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });

  it('classes must match the last output', () => {
    expect(() =>
      networkClass.parseGiven({ input: X, stages: NETWORK, classes: ['X', 'O', 'Y'] }),
    ).toThrow(
      expect.objectContaining({
        field: 'given.classes',
        message: expect.stringMatching(/2 numbers/),
      }),
    );
  });

  it('only a first convolution may draw its kernels', () => {
    const s = networkValue.parseSettings({
      input: { rows: 5, values: { of: [0, 1] } },
      stages: [CONV, { op: 'conv2d', kernels: { size: 2, weights: { of: [1] } } }],
    });
    expect(() => networkValue.generate(s, createRng(1))).toThrow(
      expect.objectContaining({ field: 'generate.stages' }),
    );
  });
});

it('is registered as network-value, network-map and network-class', () => {
  expect(getTemplate('network-value')).toBe(networkValue);
  expect(getTemplate('network-map')).toBe(networkMap);
  expect(getTemplate('network-class')).toBe(networkClass);
});

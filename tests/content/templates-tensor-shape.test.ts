/**
 * The tensor templates (`tensor-order`, `nested-shape`, `layout-shape`, `kernel-shape`,
 * `tensor-size`) against the lectures' table of orders and shapes, MNIST as (60000, 28, 28, 1)
 * and the (3, 3, 1, 2) kernel, with the slips they name and stable variants.
 */
import { describe, expect, it } from 'vitest';
import { checkQuestion } from '../../src/content/check-question.js';
import { createRng } from '../../src/content/random.js';
import { getTemplate } from '../../src/content/templates/index.js';
import { kernelShapeTemplate as kernel } from '../../src/content/templates/kernel-shape.js';
import { layoutShapeTemplate as layout } from '../../src/content/templates/layout-shape.js';
import {
  nestedShape as shape,
  tensorOrder as order,
} from '../../src/content/templates/tensor-shape.js';
import { tensorSize as size } from '../../src/content/templates/tensor-size.js';
import type { Question, TemplateText } from '../../src/content/types.js';

const text = (prompt = 'Shape?'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});

const ids = (q: Question) => Object.fromEntries(q.mistakes().map((m) => [m.id, m.answer]));

/** By hand: walk into the first item until a number. */
function dimsByHand(value: unknown): number[] {
  const dims: number[] = [];
  for (let v = value; Array.isArray(v); v = v[0]) dims.push(v.length);
  return dims;
}

// The lectures' table (seed 004).
const table: [unknown, number, number[]][] = [
  [3, 0, []],
  [[4, 5, 0, 3, 1, 4, 5], 1, [7]],
  [
    [
      [0, 1, 0],
      [5, 0, 2],
    ],
    2,
    [2, 3],
  ],
  [
    [
      [
        [0, 1, 0, 5],
        [5, 0, 2, 6],
      ],
      [
        [1, 2, 4, 4],
        [8, 3, 1, 9],
      ],
    ],
    3,
    [2, 2, 4],
  ],
];

describe('tensor-order and nested-shape: the lectures table', () => {
  it.each(table)('%j has order %i and shape %j', (value, n, dims) => {
    expect(order.build(order.parseGiven({ value }), text()).expected()).toEqual({
      kind: 'number',
      value: n,
    });
    if (n > 0)
      expect(shape.build(shape.parseGiven({ value }), text()).expected()).toEqual({
        kind: 'shape',
        dims,
      });
  });

  it('names the slips: items of the outer list, or all the numbers, for the order', () => {
    expect(ids(order.build(order.parseGiven({ value: table[3][0] }), text()))).toEqual({
      'outer-length-for-order': { kind: 'number', value: 2 },
      'size-instead-of-order': { kind: 'number', value: 16 },
    });
    expect(ids(shape.build(shape.parseGiven({ value: table[3][0] }), text()))).toEqual({
      'axes-reversed': { kind: 'shape', dims: [4, 2, 2] },
    });
  });

  it('shows the tensor as written and explains level by level', () => {
    const q = shape.build(
      shape.parseGiven({
        value: [
          [0, 1, 0],
          [5, 0, 2],
        ],
      }),
      text('Shape of {value}?'),
    );
    expect(q.prompt).toBe('Shape of [[0, 1, 0], [5, 0, 2]]?');
    expect(q.solution().map((l) => l.text)).toEqual([
      'solution.shape.level{"level":1,"count":2}',
      'solution.shape.level{"level":2,"count":3}',
      '(2, 3)',
    ]);
    expect(order.build(order.parseGiven({ value: 3 }), text()).solution()[0].text).toBe(
      'solution.order.scalar',
    );
  });

  it('refuses ragged tensors, and a shape question about a single number', () => {
    expect(() => order.parseGiven({ value: [[1, 2], [3]] })).toThrow(/given\.value.*ragged/);
    expect(() => shape.parseGiven({ value: 3 })).toThrow(/given\.value.*no shape/);
  });

  it('seeds 1–3 draw the same tensors in every version', () => {
    const s = order.parseSettings({ order: [0, 3], size: [1, 3], values: { range: [0, 9] } });
    expect([1, 2, 3].map((seed) => order.generate(s, createRng(seed)))).toEqual([
      { value: [6, 5, 9] },
      { value: [[[5, 1, 7]], [[5, 0, 3]]] },
      { value: [5, 3] },
    ]);
    const t = shape.parseSettings({ order: [1, 3], size: [1, 4], values: { range: [0, 9] } });
    expect([1, 2, 3].map((seed) => shape.generate(t, createRng(seed)))).toEqual([
      {
        value: [
          [5, 9, 9],
          [7, 8, 2],
          [1, 0, 3],
          [6, 0, 5],
        ],
      },
      { value: [[[5, 1, 7, 5]], [[0, 3, 7, 3]], [[1, 6, 9, 7]]] },
      {
        value: [
          [3, 3, 5],
          [7, 1, 6],
          [6, 7, 7],
        ],
      },
    ]);
  });

  it('every variant agrees with counting by hand', () => {
    const s = order.parseSettings({ order: [0, 4], size: [1, 3], values: { range: [0, 9] } });
    for (let seed = 1; seed <= 100; seed++) {
      const g = order.generate(s, createRng(seed));
      const dims = dimsByHand(g.value);
      const q = order.build(g, text());
      expect(q.expected()).toEqual({ kind: 'number', value: dims.length });
      expect(checkQuestion(q)).toEqual([]);
      if (dims.length > 0)
        expect(shape.build(g, text()).expected()).toEqual({ kind: 'shape', dims });
    }
  });
});

describe('layout-shape', () => {
  it('MNIST in (N, H, W, C) and (N, C, H, W)', () => {
    const mnist = { batch: 60000, rows: 28, cols: 28, channels: 1 };
    const q = layout.build(layout.parseGiven({ layout: 'NHWC', ...mnist }), text('{layout}'));
    expect(q.prompt).toBe('(N, H, W, C)');
    expect(q.expected()).toEqual({ kind: 'shape', dims: [60000, 28, 28, 1] });
    expect(
      layout.build(layout.parseGiven({ layout: 'NCHW', ...mnist }), text()).expected(),
    ).toEqual({
      kind: 'shape',
      dims: [60000, 1, 28, 28],
    });
  });

  it('names the slips: the other layout, height and width swapped, the batch left out', () => {
    expect(
      ids(
        layout.build(
          layout.parseGiven({ layout: 'NHWC', batch: 8, rows: 32, cols: 24, channels: 3 }),
          text(),
        ),
      ),
    ).toEqual({
      'layout-confused': { kind: 'shape', dims: [8, 3, 32, 24] },
      'rows-columns-swapped': { kind: 'shape', dims: [8, 24, 32, 3] },
      'batch-forgotten': { kind: 'shape', dims: [32, 24, 3] },
    });
    expect(
      ids(
        layout.build(layout.parseGiven({ layout: 'CHW', rows: 32, cols: 32, channels: 3 }), text()),
      ),
    ).toEqual({
      'layout-confused': { kind: 'shape', dims: [32, 32, 3] },
    });
  });

  it('asks for the sizes its layout names', () => {
    expect(() => layout.parseGiven({ layout: 'NHWC', rows: 2, cols: 2, channels: 1 })).toThrow(
      /given\.batch/,
    );
    expect(() => layout.parseGiven({ layout: 'NHHW', batch: 1, rows: 2, cols: 2 })).toThrow(
      /given\.layout/,
    );
  });

  it('seeds 1–3 draw the same batches in every version', () => {
    const s = layout.parseSettings({
      layouts: ['NHWC', 'NCHW'],
      batch: [8, 64],
      rows: [16, 64],
      cols: [16, 64],
      channels: 3,
    });
    expect([1, 2, 3].map((seed) => layout.generate(s, createRng(seed)))).toEqual([
      { layout: 'NHWC', rows: 49, cols: 41, batch: 53, channels: 3 },
      { layout: 'NCHW', rows: 18, cols: 62, batch: 40, channels: 3 },
      { layout: 'NHWC', rows: 43, cols: 32, batch: 42, channels: 3 },
    ]);
    for (let seed = 1; seed <= 50; seed++)
      expect(checkQuestion(layout.build(layout.generate(s, createRng(seed)), text()))).toEqual([]);
  });
});

describe('kernel-shape', () => {
  it('two 3×3 filters on one channel: (3, 3, 1, 2), 18 weights', () => {
    const q = kernel.build(
      kernel.parseGiven({ input: [9, 9, 1], filters: 2, kernel: 3 }),
      text('{filters} of {kernel} on {input}, {layout}'),
    );
    expect(q.prompt).toBe('2 of 3×3 on (9, 9, 1), (H_f, W_f, C_in, C_out)');
    expect(q.expected()).toEqual({ kind: 'shape', dims: [3, 3, 1, 2] });
    expect(q.solution().map((l) => l.text)).toEqual([
      'solution.kernel.slices{"kh":3,"kw":3,"cin":1,"filters":2}',
      '(H_f, W_f, C_in, C_out) = (3, 3, 1, 2)',
      'solution.kernel.weights{"product":"3 × 3 × 1 × 2","weights":18}',
    ]);
  });

  it('the second layer of the lectures: (3, 3, 2, 2); PyTorch puts the filters first', () => {
    expect(
      kernel
        .build(kernel.parseGiven({ input: [7, 7, 2], filters: 2, kernel: 3 }), text())
        .expected(),
    ).toEqual({
      kind: 'shape',
      dims: [3, 3, 2, 2],
    });
    expect(
      kernel
        .build(
          kernel.parseGiven({ input: [32, 32, 3], filters: 10, kernel: [5, 3], layout: 'pytorch' }),
          text(),
        )
        .expected(),
    ).toEqual({
      kind: 'shape',
      dims: [10, 3, 5, 3],
    });
  });

  it('names the slips', () => {
    expect(
      ids(kernel.build(kernel.parseGiven({ input: [28, 28, 3], filters: 8, kernel: 3 }), text())),
    ).toEqual({
      'image-size-for-kernel': { kind: 'shape', dims: [28, 28, 3, 8] },
      'kernel-layout-confused': { kind: 'shape', dims: [8, 3, 3, 3] },
      'channels-from-input': { kind: 'shape', dims: [3, 3, 3, 3] },
      'channels-not-counted': { kind: 'shape', dims: [3, 3, 1, 8] },
    });
  });

  it('seeds 1–3 draw the same layers in every version', () => {
    const s = kernel.parseSettings({
      rows: [8, 64],
      channels: [1, 16],
      filters: [2, 64],
      kernel: [1, 5],
      layouts: ['keras', 'pytorch'],
    });
    expect([1, 2, 3].map((seed) => kernel.generate(s, createRng(seed)))).toEqual([
      { input: [32, 32, 13], filters: 45, kernel: 3, layout: 'pytorch' },
      { input: [52, 52, 10], filters: 5, kernel: 5, layout: 'pytorch' },
      { input: [31, 31, 10], filters: 37, kernel: 2, layout: 'keras' },
    ]);
    for (let seed = 1; seed <= 50; seed++) {
      const g = kernel.generate(s, createRng(seed));
      const q = kernel.build(g, text());
      const k = g.kernel as number;
      const dims =
        g.layout === 'pytorch' ? [g.filters, g.input[2], k, k] : [k, k, g.input[2], g.filters];
      expect(q.expected()).toEqual({ kind: 'shape', dims });
      expect(checkQuestion(q)).toEqual([]);
    }
  });
});

describe('tensor-size', () => {
  it.each([
    [[4, 4], 'HW', 16],
    [[28, 28], 'HW', 784],
    [[32, 32, 3], 'HWC', 3072],
    [[60000, 28, 28, 1], 'NHWC', 47040000],
    [[3, 3, 1, 2], undefined, 18],
  ])('%j holds %i… numbers', (dims, letters, n) => {
    const q = size.build(
      size.parseGiven({ shape: dims, ...(letters ? { layout: letters } : {}) }),
      text(),
    );
    expect(q.expected()).toEqual({ kind: 'number', value: n });
    expect(q.solution()[0].text).toBe(`${dims.join(' × ')} = ${n}`);
  });

  it('fills the layout and each axis, and names the slips', () => {
    const q = size.build(
      size.parseGiven({ shape: [10, 32, 32, 3], layout: 'NHWC' }),
      text('{layout} = {shape}; {n} of {h}×{w}×{c}; {dims}'),
    );
    expect(q.prompt).toBe('(N, H, W, C) = (10, 32, 32, 3); 10 of 32×32×3; 10×32×32×3');
    expect(ids(q)).toEqual({
      'sum-instead-of-product': { kind: 'number', value: 77 },
      'channels-not-counted': { kind: 'number', value: 10240 },
      'batch-forgotten': { kind: 'number', value: 3072 },
    });
  });

  it('wants one letter per size', () => {
    expect(() => size.parseGiven({ shape: [2, 2], layout: 'HWC' })).toThrow(
      /given\.layout.*one axis letter per size/,
    );
    expect(() => size.parseSettings({ layout: 'HWC', sizes: { H: 2, W: 2 } })).toThrow(
      /generate\.sizes.*axis C/,
    );
  });

  it('seeds 1–3 draw the same shapes in every version', () => {
    const s = size.parseSettings({
      layout: 'NHWC',
      sizes: { N: [2, 32], H: [4, 28], W: [4, 28], C: [1, 3] },
    });
    expect([1, 2, 3].map((seed) => size.generate(s, createRng(seed)))).toEqual([
      { shape: [15, 23, 21, 2], layout: 'NHWC' },
      { shape: [26, 18, 5, 3], layout: 'NHWC' },
      { shape: [14, 19, 18, 1], layout: 'NHWC' },
    ]);
    for (let seed = 1; seed <= 50; seed++) {
      const g = size.generate(s, createRng(seed));
      const q = size.build(g, text());
      expect(q.expected()).toEqual({ kind: 'number', value: g.shape.reduce((a, b) => a * b, 1) });
      expect(checkQuestion(q)).toEqual([]);
    }
  });
});

it('all five are registered', () => {
  for (const t of [order, shape, layout, kernel, size]) expect(getTemplate(t.name)).toBe(t);
});

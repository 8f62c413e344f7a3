/**
 * The `receptive-field` template: three 3×3 layers see 7 cells like one 7×7 (27C² against
 * 49C² weights), strides and dilation widen the field, slips, and stable variants.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/content/random.js';
import { getTemplate } from '../../src/content/templates/index.js';
import { receptiveFieldTemplate as template } from '../../src/content/templates/receptive-field.js';
import type { Question, TemplateText } from '../../src/content/types.js';

const text = (prompt = 'How wide?'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});
const ask = (layers: unknown[], prompt?: string): Question =>
  template.build(template.parseGiven({ layers }), text(prompt));
const value = (q: Question) => (q.expected() as { value: number }).value;
const byId = (q: Question) =>
  Object.fromEntries(q.mistakes().map((m) => [m.id, (m.answer as { value: number }).value]));

/** By hand: r = 1 + Σ (k − 1)·d·(product of the strides below). */
function byHand(layers: { kernel: number; stride?: number; dilation?: number }[]): number {
  let r = 1;
  let jump = 1;
  for (const l of layers) {
    r += (l.kernel - 1) * (l.dilation ?? 1) * jump;
    jump *= l.stride ?? 1;
  }
  return r;
}

describe('receptive-field', () => {
  const three = [{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }];

  it('three 3×3 layers see 7 cells, like one 7×7', () => {
    expect(value(ask(three))).toBe(7);
    expect(value(ask([{ kernel: 7 }]))).toBe(7);
    expect(value(ask([{ kernel: 3 }, { kernel: 3 }]))).toBe(5);
  });

  it('sets the stack against one big kernel in the solution', () => {
    const q = ask(three, '{depth} of {kernel}');
    expect(q.prompt).toBe('3 of 3×3');
    expect(q.solution().map((l) => l.text)).toEqual([
      'solution.rf.start',
      'solution.rf.layer{"layer":1,"before":1,"kernel":3,"dilation":1,"jump":1,"size":3,"next":1}',
      'solution.rf.layer{"layer":2,"before":3,"kernel":3,"dilation":1,"jump":1,"size":5,"next":1}',
      'solution.rf.layer{"layer":3,"before":5,"kernel":3,"dilation":1,"jump":1,"size":7,"next":1}',
      'solution.rf.stack{"depth":3,"kernel":3,"size":7,"stack":27,"single":49}',
    ]);
    expect(q.displays).toEqual([
      { type: 'text', text: 'Conv2D(kernel_size=3, strides=1)' },
      { type: 'text', text: 'Conv2D(kernel_size=3, strides=1)' },
      { type: 'text', text: 'Conv2D(kernel_size=3, strides=1)' },
    ]);
  });

  it.each([
    [[{ kernel: 3, stride: 2 }, { kernel: 3 }]],
    [[{ kernel: 2, stride: 2 }, { kernel: 2, stride: 2 }, { kernel: 3 }]],
    [
      [
        { kernel: 3, dilation: 2 },
        { kernel: 3, dilation: 4 },
      ],
    ],
  ])('agrees with the hand rule: %j', (layers) => {
    expect(value(ask(layers))).toBe(byHand(layers));
  });

  it('names the slips', () => {
    expect(byId(ask(three))).toEqual({ 'spans-added': 9 });
    expect(byId(ask([{ kernel: 3, stride: 2 }, { kernel: 3 }]))).toEqual({
      'spans-added': 3 + 3 * 2,
      'stride-ignored': 5,
    });
    expect(byId(ask([{ kernel: 3, dilation: 2 }, { kernel: 3 }]))).toEqual({
      'spans-added': 8,
      'dilation-ignored': 5,
    });
  });

  it('seeds 1–3 draw the same stacks in every version', () => {
    const s = template.parseSettings({
      depth: [2, 4],
      kernel: [2, 3, 5],
      stride: [1, 1, 2],
      dilation: [1, 1, 1, 2],
    });
    expect([1, 2, 3].map((seed) => template.generate(s, createRng(seed)))).toEqual([
      {
        layers: [
          { kernel: 5, stride: 2, dilation: 1 },
          { kernel: 5, stride: 2, dilation: 2 },
          { kernel: 5, stride: 1, dilation: 1 },
        ],
      },
      {
        layers: [
          { kernel: 3, stride: 1, dilation: 2 },
          { kernel: 3, stride: 1, dilation: 2 },
          { kernel: 3, stride: 1, dilation: 1 },
          { kernel: 5, stride: 1, dilation: 1 },
        ],
      },
      {
        layers: [
          { kernel: 3, stride: 1, dilation: 1 },
          { kernel: 3, stride: 1, dilation: 2 },
          { kernel: 2, stride: 2, dilation: 1 },
        ],
      },
    ]);
    for (let seed = 1; seed <= 50; seed++) {
      const g = template.generate(s, createRng(seed));
      const q = template.build(template.parseGiven(g), text());
      expect(value(q)).toBe(byHand(g.layers));
      for (const m of q.mistakes()) expect(m.answer).not.toEqual(q.expected());
    }
  });

  it.each([
    [{ layers: [] }, 'given.layers', /at least one layer/],
    [{ layers: [{ kernel: 0 }] }, 'given.layers[0].kernel', /expected a number ≥ 1 \(got 0\)/],
    [{ layers: [{ kernel: 3, pad: 1 }] }, 'given.layers[0].pad', /unknown field `pad`/],
  ])('bad input %j → %s', (given, field, message) => {
    expect(() => template.parseGiven(given)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
  });

  it('is registered as `receptive-field`', () => {
    expect(getTemplate('receptive-field')).toBe(template);
  });
});

/**
 * `threshold-gate` and `threshold-gate-choice`: whether one unit computes a gate is found by
 * the engine's weight search (never stored); it agrees with linear separability worked out by
 * hand, the choice has exactly one right option, and variants are stable.
 */
import { describe, expect, it } from 'vitest';
import { checkQuestion } from '../../src/content/check-question.js';
import { createRng } from '../../src/content/random.js';
import { getTemplate } from '../../src/content/templates/index.js';
import {
  GATES,
  thresholdGate as gate,
  thresholdGateChoice as choice,
} from '../../src/content/templates/logic-gates.js';
import type { TemplateText } from '../../src/content/types.js';

const text = (prompt = 'Gate?'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});

/** Of the sixteen two-input tables, only XOR and XNOR cannot be split by one line. */
const separable = { and: true, or: true, nand: true, nor: true, xor: false, xnor: false } as const;

describe('threshold-gate', () => {
  it.each(Object.entries(separable))('%s: one unit? %s', (id, yes) => {
    const q = gate.build(gate.parseGiven({ gate: id }), text('Can one unit compute {gate}?'));
    expect(q.prompt).toBe(`Can one unit compute ${id.toUpperCase()}?`);
    expect(q.expected()).toEqual({ kind: 'yesno', value: yes });
    expect(checkQuestion(q)).toEqual([]);
  });

  it('shows the unit it found, row by row, or the size of the failed search', () => {
    const and = gate
      .build(gate.parseGiven({ gate: 'and' }), text())
      .solution()
      .map((l) => l.text);
    expect(and).toEqual([
      'solution.gate.found{"gate":"AND","weights":"[1, 1]","threshold":2}',
      '(0, 0): 0*1 + 0*1 = 0 < 2 → 0',
      '(0, 1): 0*1 + 1*1 = 1 < 2 → 0',
      '(1, 0): 1*1 + 0*1 = 1 < 2 → 0',
      '(1, 1): 1*1 + 1*1 = 2 ≥ 2 → 1',
    ]);
    const xor = gate.build(gate.parseGiven({ gate: 'xor', range: 3 }), text()).solution()[0].text;
    expect(xor).toBe('solution.gate.none{"gate":"XOR","tried":343,"range":3,"rows":4}');
  });

  it('shows the truth table', () => {
    const q = gate.build(gate.parseGiven({ gate: 'xor' }), text());
    expect(q.displays.map((d) => (d.type === 'text' ? d.text : ''))).toEqual([
      'x₁ x₂ → XOR',
      ' 0  0 → 0',
      ' 0  1 → 1',
      ' 1  0 → 1',
      ' 1  1 → 0',
    ]);
    expect(GATES.xor).toEqual([0, 1, 1, 0]);
  });

  it('refuses an unknown gate', () => {
    expect(() => gate.parseGiven({ gate: 'maybe' })).toThrow(/given\.gate.*expected a gate/);
  });

  it('seeds 1–3 draw the same gates in every version', () => {
    const s = gate.parseSettings({ gates: ['and', 'or', 'nand', 'nor', 'xor', 'xnor'] });
    expect([1, 2, 3].map((seed) => gate.generate(s, createRng(seed)))).toEqual([
      { gate: 'nand' },
      { gate: 'xor' },
      { gate: 'nand' },
    ]);
  });
});

describe('threshold-gate-choice', () => {
  it('AND, OR, XOR: the one a unit cannot compute is XOR', () => {
    const q = choice.build(
      choice.parseGiven({ options: ['and', 'or', 'xor'] }),
      text('Which of {options}?'),
    );
    expect(q.prompt).toBe('Which of AND, OR, XOR?');
    expect(q.options).toEqual(['AND', 'OR', 'XOR']);
    expect(q.expected()).toEqual({ kind: 'choice', index: 2 });
    expect(q.solution().at(-1)!.text).toBe('solution.gate.answer{"gate":"XOR"}');
    expect(q.displays.map((d) => (d.type === 'text' ? d.text : ''))).toEqual([
      'x₁x₂   00  01  10  11',
      'AND     0   0   0   1',
      'OR      0   1   1   1',
      'XOR     0   1   1   0',
    ]);
  });

  it('asks for the one a unit can compute', () => {
    const q = choice.build(
      choice.parseGiven({ options: ['xor', 'nor', 'xnor'], ask: 'can' }),
      text(),
    );
    expect(q.expected()).toEqual({ kind: 'choice', index: 1 });
  });

  it('refuses options with no single right answer', () => {
    expect(() => choice.parseGiven({ options: ['and', 'or'] })).toThrow(
      /given\.options.*exactly one option.*got 0/,
    );
    expect(() => choice.parseGiven({ options: ['xor', 'xnor', 'and'] })).toThrow(
      /got 2 \(xor, xnor\)/,
    );
    expect(() => choice.parseGiven({ options: ['and', 'and', 'xor'] })).toThrow(/listed twice/);
  });

  describe('generated variants', () => {
    const s = choice.parseSettings({
      gates: ['and', 'or', 'nand', 'nor', 'xor', 'xnor'],
      options: [3, 4],
    });
    const draw = (seed: number) => choice.generate(s, createRng(seed));

    it('seeds 1–3 draw the same options in every version', () => {
      expect(draw(1)).toEqual({ options: ['xor', 'nor', 'nand'] });
      expect(draw(2)).toEqual({ options: ['nor', 'and', 'xnor', 'nand'] });
      expect(draw(3)).toEqual({ options: ['nand', 'nor', 'xnor'] });
    });

    it('always has exactly one right option', () => {
      for (let seed = 1; seed <= 100; seed++) {
        const g = draw(seed);
        const wrong = g.options.filter((id) => !separable[id]);
        expect(wrong).toHaveLength(1);
        const q = choice.build(g, text());
        expect(q.expected()).toEqual({ kind: 'choice', index: g.options.indexOf(wrong[0]) });
        expect(checkQuestion(q)).toEqual([]);
      }
    });
  });

  it('both are registered', () => {
    expect(getTemplate('threshold-gate')).toBe(gate);
    expect(getTemplate('threshold-gate-choice')).toBe(choice);
  });
});

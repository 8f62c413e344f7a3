/**
 * `flat-index` and `layout-convert`: positions after flattening, from the lectures' 4×4 grid
 * and both colour layouts, checked against flattening by hand (write the list out and look).
 */
import { describe, expect, it } from 'vitest';
import { checkQuestion } from '../../src/content/check-question.js';
import { createRng } from '../../src/content/random.js';
import {
  flatIndexTemplate as index,
  layoutConvert as convert,
} from '../../src/content/templates/flat-index.js';
import { getTemplate } from '../../src/content/templates/index.js';
import type { TemplateText } from '../../src/content/types.js';

const text = (prompt = 'Where?'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});

/** Every cell as [c, y, x] in the order a layout lists them: the list written out by hand. */
function listed(layout: 'CHW' | 'HWC', C: number, H: number, W: number): string[] {
  const out: string[] = [];
  if (layout === 'CHW')
    for (let c = 0; c < C; c++)
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) out.push(`${c},${y},${x}`);
  else
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) for (let c = 0; c < C; c++) out.push(`${c},${y},${x}`);
  return out;
}

describe('flat-index', () => {
  const lecture = {
    rows: 4,
    cols: 4,
    row: 2,
    col: 1,
    image: [
      [0, 0, 3, 2],
      [1, 1, 0, 1],
      [4, 2, 1, 2],
      [0, 2, 1, 5],
    ],
  };

  it('the lectures 4×4 grid: (2, 1) lands at 9, where the list holds that pixel', () => {
    const q = index.build(
      index.parseGiven(lecture),
      text('({row}, {col}) of {rows}×{cols}, {count} numbers'),
    );
    expect(q.prompt).toBe('(2, 1) of 4×4, 16 numbers');
    expect(q.expected()).toEqual({ kind: 'number', value: 9 });
    expect(lecture.image.flat()[9]).toBe(lecture.image[2][1]);
    expect(q.solution().map((l) => l.text)).toEqual([
      'solution.flat.hw{"cols":4}',
      'row · W + col = 2 · 4 + 1 = 9',
    ]);
  });

  it('names the slips: column by column, (col, row), counting from 1', () => {
    const q = index.build(index.parseGiven({ rows: 3, cols: 5, row: 2, col: 1 }), text());
    expect(q.expected()).toEqual({ kind: 'number', value: 11 });
    expect(
      Object.fromEntries(q.mistakes().map((m) => [m.id, (m.answer as { value: number }).value])),
    ).toEqual({
      'column-by-column': 5,
      'rows-columns-swapped': 7,
      'counted-from-one': 12,
    });
  });

  it.each(['CHW', 'HWC'] as const)(
    '%s: matches the list written out by hand, for every cell',
    (layout) => {
      const [C, H, W] = [3, 2, 4];
      const list = listed(layout, C, H, W);
      for (let c = 0; c < C; c++)
        for (let y = 0; y < H; y++)
          for (let x = 0; x < W; x++) {
            const q = index.build(
              index.parseGiven({
                rows: H,
                cols: W,
                channels: C,
                layout,
                row: y,
                col: x,
                channel: c,
              }),
              text(),
            );
            expect(q.expected()).toEqual({ kind: 'number', value: list.indexOf(`${c},${y},${x}`) });
          }
    },
  );

  it('names the other layout as a slip', () => {
    const q = index.build(
      index.parseGiven({
        rows: 2,
        cols: 2,
        channels: 3,
        layout: 'CHW',
        row: 0,
        col: 1,
        channel: 1,
      }),
      text(),
    );
    expect(q.expected()).toEqual({ kind: 'number', value: 5 });
    expect(q.mistakes()).toContainEqual({
      id: 'layout-confused',
      answer: { kind: 'number', value: 4 },
    });
  });

  it('refuses cells outside the picture and channels without a layout', () => {
    expect(() => index.parseGiven({ rows: 4, cols: 4, row: 4, col: 0 })).toThrow(
      /given\.row.*below `rows`/,
    );
    expect(() => index.parseGiven({ rows: 4, cols: 4, channels: 3, row: 0, col: 0 })).toThrow(
      /given\.layout/,
    );
    expect(() => index.parseGiven({ ...lecture, rows: 3 })).toThrow(/given\.(row|image)/);
  });

  describe('generated variants', () => {
    const s = index.parseSettings({
      layouts: ['CHW', 'HWC'],
      rows: [2, 5],
      cols: [2, 5],
      channels: [2, 3],
    });
    const draw = (seed: number) => index.generate(s, createRng(seed));

    it('seeds 1–3 draw the same cells in every version', () => {
      expect(draw(1)).toEqual({
        rows: 5,
        cols: 4,
        channels: 3,
        layout: 'CHW',
        row: 4,
        col: 3,
        channel: 2,
      });
      expect(draw(2)).toEqual({
        rows: 4,
        cols: 2,
        channels: 3,
        layout: 'HWC',
        row: 0,
        col: 1,
        channel: 1,
      });
      expect(draw(3)).toEqual({
        rows: 4,
        cols: 4,
        channels: 2,
        layout: 'CHW',
        row: 2,
        col: 3,
        channel: 0,
      });
      const hw = index.parseSettings({ rows: [3, 28], cols: [3, 28] });
      expect(index.generate(hw, createRng(1))).toEqual({ rows: 14, cols: 23, row: 9, col: 12 });
    });

    it('every variant agrees with the written-out list', () => {
      for (let seed = 1; seed <= 100; seed++) {
        const g = draw(seed);
        const q = index.build(g, text());
        const list = listed(g.layout as 'CHW' | 'HWC', g.channels!, g.rows, g.cols);
        expect(q.expected()).toEqual({
          kind: 'number',
          value: list.indexOf(`${g.channel},${g.row},${g.col}`),
        });
        expect(checkQuestion(q)).toEqual([]);
      }
    });
  });
});

describe('layout-convert', () => {
  it('2×2 RGB: position 7 of (C, H, W) is position 10 of (H, W, C)', () => {
    const q = convert.build(
      convert.parseGiven({ from: 'CHW', rows: 2, cols: 2, channels: 3, position: 7 }),
      text('{position} of {from} {shape} → {to}'),
    );
    expect(q.prompt).toBe('7 of (C, H, W) (3, 2, 2) → (H, W, C)');
    expect(q.expected()).toEqual({ kind: 'number', value: 10 });
    expect(listed('HWC', 3, 2, 2).indexOf(listed('CHW', 3, 2, 2)[7])).toBe(10);
    expect(q.mistakes()).toEqual([{ id: 'layout-confused', answer: { kind: 'number', value: 6 } }]);
    expect(q.solution().map((l) => l.text)).toEqual([
      'solution.convert.cell{"layout":"(C, H, W)","position":7,"channel":1,"row":1,"col":1}',
      '(C, H, W): (c · H + row) · W + col = (1 · 2 + 1) · 2 + 1 = 7',
      '(H, W, C): (row · W + col) · C + c = (1 · 2 + 1) · 3 + 1 = 10',
    ]);
  });

  it('refuses a position past the end', () => {
    expect(() =>
      convert.parseGiven({ from: 'HWC', rows: 2, cols: 2, channels: 3, position: 12 }),
    ).toThrow(/given\.position/);
  });

  describe('generated variants', () => {
    const s = convert.parseSettings({ rows: [2, 4], cols: [2, 4], channels: [2, 3] });
    const draw = (seed: number) => convert.generate(s, createRng(seed));

    it('seeds 1–3 draw the same positions in every version', () => {
      expect(draw(1)).toEqual({ from: 'HWC', rows: 3, cols: 4, channels: 3, position: 34 });
      expect(draw(2)).toEqual({ from: 'HWC', rows: 4, cols: 3, channels: 2, position: 14 });
      expect(draw(3)).toEqual({ from: 'CHW', rows: 3, cols: 3, channels: 3, position: 9 });
    });

    it('every variant agrees with the written-out lists', () => {
      for (let seed = 1; seed <= 100; seed++) {
        const g = draw(seed);
        const to = g.from === 'CHW' ? 'HWC' : 'CHW';
        const cell = listed(g.from, g.channels, g.rows, g.cols)[g.position];
        const q = convert.build(g, text());
        expect(q.expected()).toEqual({
          kind: 'number',
          value: listed(to, g.channels, g.rows, g.cols).indexOf(cell),
        });
        expect(checkQuestion(q)).toEqual([]);
      }
    });
  });

  it('both are registered', () => {
    expect(getTemplate('flat-index')).toBe(index);
    expect(getTemplate('layout-convert')).toBe(convert);
  });
});

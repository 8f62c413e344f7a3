/**
 * `pixel-value` and `threshold-grid`: pixels read from the lectures' grey picture, black and
 * white by hand, the slips each template names, and stable variants.
 */
import { describe, expect, it } from 'vitest';
import { checkQuestion } from '../../src/content/check-question.js';
import { createRng } from '../../src/content/random.js';
import { getTemplate } from '../../src/content/templates/index.js';
import { pixelValue as value, thresholdGrid as grid } from '../../src/content/templates/pixels.js';
import type { TemplateText } from '../../src/content/types.js';

const text = (prompt = 'Pixel?'): TemplateText => ({
  prompt,
  lang: 'en',
  t: (key, params) => (params ? `${key}${JSON.stringify(params)}` : key),
});

// The lectures' 10×10 grey picture (seed 004), first four rows.
const grey = [
  [127, 136, 48, 234, 128, 155, 24, 114, 128, 12],
  [18, 177, 127, 239, 230, 236, 145, 240, 195, 65],
  [116, 29, 155, 70, 51, 174, 144, 153, 149, 120],
  [243, 26, 66, 213, 1, 227, 203, 191, 128, 105],
];

describe('pixel-value', () => {
  it('reads row 3, column 4 of the lectures picture: 1', () => {
    const q = value.build(
      value.parseGiven({ image: grey, cell: [3, 4] }),
      text('({row}, {col}) of {rows}×{cols}'),
    );
    expect(q.prompt).toBe('(3, 4) of 4×10');
    expect(q.expected()).toEqual({ kind: 'number', value: 1 });
    expect(q.displays).toEqual([{ type: 'grid', title: 'display.image', grid: grey }]);
    expect(q.solution().map((l) => l.text)).toEqual([
      'solution.pixel.row{"row":3,"values":"243 26 66 213 1 227 203 191 128 105","col":4,"value":"1"}',
    ]);
  });

  it('names the slips: row and column swapped, counted from 1', () => {
    const q = value.build(value.parseGiven({ image: grey, cell: [3, 2] }), text());
    expect(Object.fromEntries(q.mistakes().map((m) => [m.id, m.answer]))).toEqual({
      'rows-columns-swapped': { kind: 'number', value: 70 },
      'counted-from-one': { kind: 'number', value: 29 },
    });
  });

  it('reads one channel of a colour picture, [channel, row, col]', () => {
    const rgb = [
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
      [
        [9, 10],
        [11, 12],
      ],
    ];
    const q = value.build(value.parseGiven({ image: rgb, cell: [2, 1, 0] }), text());
    expect(q.expected()).toEqual({ kind: 'number', value: 11 });
    expect(q.displays[0].type).toBe('channels');
    expect(q.solution()[0].text).toBe('solution.pixel.channel{"channel":2}');
  });

  it('refuses a cell outside the picture, or without a channel on a colour picture', () => {
    expect(() => value.parseGiven({ image: grey, cell: [4, 0] })).toThrow(
      /given\.cell.*no pixel at channel 0, row 4/,
    );
    expect(() => value.parseGiven({ image: [[[1]], [[2]]], cell: [0, 0] })).toThrow(
      /given\.cell.*\[channel, row, column\]/,
    );
    expect(() => value.parseGiven({ image: [[1, 2], [3]], cell: [0, 0] })).toThrow(
      /given\.image.*ragged/,
    );
  });

  describe('generated variants', () => {
    it('seeds 1–3 draw the same pictures and cells in every version', () => {
      const s = value.parseSettings({ rows: 2, cols: 2, channels: 3, values: { range: [0, 9] } });
      const draw = (seed: number) => value.generate(s, createRng(seed));
      expect(draw(1)).toEqual({
        image: [
          [
            [4, 7],
            [6, 5],
          ],
          [
            [9, 9],
            [7, 8],
          ],
          [
            [2, 1],
            [0, 3],
          ],
        ],
        cell: [1, 0, 1],
      });
      expect(draw(2)).toEqual({
        image: [
          [
            [7, 5],
            [0, 9],
          ],
          [
            [5, 1],
            [7, 5],
          ],
          [
            [0, 3],
            [7, 3],
          ],
        ],
        cell: [0, 1, 1],
      });
      expect(draw(3)).toEqual({
        image: [
          [
            [4, 6],
            [5, 3],
          ],
          [
            [3, 5],
            [7, 1],
          ],
          [
            [6, 6],
            [7, 7],
          ],
        ],
        cell: [1, 1, 1],
      });
    });

    it('every variant reads the drawn cell and passes the content checks', () => {
      const s = value.parseSettings({ rows: [4, 6], cols: [4, 7], values: { range: [0, 255] } });
      for (let seed = 1; seed <= 100; seed++) {
        const g = value.generate(s, createRng(seed));
        const [r, c] = g.cell as [number, number];
        const q = value.build(g, text());
        expect(q.expected()).toEqual({ kind: 'number', value: (g.image as number[][])[r][c] });
        expect(checkQuestion(q)).toEqual([]);
      }
    });
  });
});

describe('threshold-grid', () => {
  const picture = [
    [12, 200, 128, 90],
    [255, 127, 64, 180],
  ];

  it('1 at or above the threshold, 0 below, as worked by hand', () => {
    const q = grid.build(
      grid.parseGiven({ image: picture, threshold: 128 }),
      text('t = {threshold}, {rows}×{cols}'),
    );
    expect(q.prompt).toBe('t = 128, 2×4');
    expect(q.gridSize).toEqual({ rows: 2, cols: 4 });
    expect(q.expected()).toEqual({
      kind: 'grid',
      rows: [
        [0, 1, 1, 0],
        [1, 0, 0, 1],
      ],
    });
    expect(q.solution().map((l) => l.text)).toEqual([
      'solution.binarize.rule{"threshold":128}',
      'solution.binarize.row{"row":0,"cells":"12→0  200→1  128→1  90→0"}',
      'solution.binarize.row{"row":1,"cells":"255→1  127→0  64→0  180→1"}',
    ]);
  });

  it('names the slips: strictly above, and black and white swapped', () => {
    const byId = Object.fromEntries(
      grid
        .build(grid.parseGiven({ image: picture, threshold: 128 }), text())
        .mistakes()
        .map((m) => [m.id, m.answer]),
    );
    expect(byId).toEqual({
      'threshold-strict': {
        kind: 'grid',
        rows: [
          [0, 1, 0, 0],
          [1, 0, 0, 1],
        ],
      },
      'threshold-inverted': {
        kind: 'grid',
        rows: [
          [1, 0, 0, 1],
          [0, 1, 1, 0],
        ],
      },
    });
  });

  it('wants one grid', () => {
    expect(() => grid.parseGiven({ image: [[[1]], [[2]]], threshold: 1 })).toThrow(
      /given\.image.*one grid/,
    );
  });

  describe('generated variants', () => {
    const s = grid.parseSettings({
      rows: [3, 4],
      cols: [3, 5],
      values: { of: [0, 50, 100, 127, 128, 150, 200, 255] },
      threshold: { of: [100, 128, 150] },
    });
    const draw = (seed: number) => grid.generate(s, createRng(seed));

    it('seeds 1–3 draw the same pictures in every version', () => {
      expect(draw(1)).toEqual({
        image: [
          [150, 128, 255, 255, 200],
          [200, 100, 50, 0, 100],
          [150, 0, 128, 150, 128],
        ],
        threshold: 150,
      });
      expect(draw(2)).toEqual({
        image: [
          [0, 255, 128, 50],
          [200, 128, 0, 100],
          [150, 100, 0, 150],
          [255, 150, 200, 255],
        ],
        threshold: 100,
      });
      expect(draw(3)).toEqual({
        image: [
          [128, 100, 100, 128],
          [200, 50, 150, 150],
          [150, 200, 127, 255],
        ],
        threshold: 150,
      });
    });

    it('every variant thresholds as the hand rule does', () => {
      for (let seed = 1; seed <= 100; seed++) {
        const g = draw(seed);
        const q = grid.build(g, text());
        expect(q.expected()).toEqual({
          kind: 'grid',
          rows: (g.image as number[][]).map((r) => r.map((v) => (v >= g.threshold ? 1 : 0))),
        });
        expect(checkQuestion(q)).toEqual([]);
      }
    });
  });

  it('both are registered', () => {
    expect(getTemplate('pixel-value')).toBe(value);
    expect(getTemplate('threshold-grid')).toBe(grid);
  });
});

/**
 * renderShaded: exact lines for tiny grids in both character sets, every line the same width,
 * and a real 28×28 MNIST digit in 56 columns.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/ansi-text.js';
import { renderShaded } from '../../src/render/shaded.js';

describe('renderShaded', () => {
  it('draws two characters per pixel, Unicode shades by default', () => {
    expect(
      renderShaded([
        [0, 1],
        [1, 0],
      ]),
    ).toEqual(['  ██', '██  ']);
    expect(renderShaded([[0, 0.25, 0.5, 0.75, 1]])).toEqual(['  ░░▒▒▓▓██']);
  });

  it('uses ten ASCII shades with `ascii`', () => {
    expect(renderShaded([[0, 3, 6, 9]], { min: 0, max: 9, ascii: true })).toEqual(['  --**@@']);
    expect(renderShaded([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]], { max: 9, ascii: true })).toEqual([
      '  ..::--==++**##%%@@',
    ]);
  });

  it('maps grey levels 0–255 and signed −1…1', () => {
    expect(renderShaded([[0, 64, 128, 191, 255]], { min: 0, max: 255 })).toEqual(['  ░░▒▒▓▓██']);
    expect(renderShaded([[-1, 0, 1]], { min: -1, max: 1 })).toEqual(['  ▒▒██']);
  });

  it('clamps values outside [min, max]', () => {
    expect(renderShaded([[-5, 7]])).toEqual(['  ██']);
  });

  it('makes every line the same width', () => {
    const grid = Array.from({ length: 5 }, (_, r) =>
      Array.from({ length: 7 }, (_, c) => ((r * 7 + c) % 10) / 9),
    );
    for (const ascii of [false, true]) {
      const lines = renderShaded(grid, { ascii });
      expect(lines).toHaveLength(5);
      expect(new Set(lines.map((l) => displayWidth(l)))).toEqual(new Set([14]));
    }
  });

  it('fits a 28×28 MNIST digit in 56 of 80 columns', () => {
    const data = (createRequire(import.meta.url)('mnist/src/digits/3.json') as { data: number[] })
      .data;
    const digit = Array.from({ length: 28 }, (_, r) => data.slice(r * 28, r * 28 + 28));
    const lines = renderShaded(digit);
    expect(lines).toHaveLength(28);
    for (const line of lines) expect(displayWidth(line)).toBe(56);
    expect(lines.some((l) => l.includes('█'))).toBe(true);
    expect(lines[0]).toBe(' '.repeat(56));
  });

  it('refuses a bad range or a ragged grid', () => {
    expect(() => renderShaded([[1]], { min: 1, max: 1 })).toThrow(/max/);
    expect(() => renderShaded([[1, 2], [3]])).toThrow(/row 1/);
    expect(() => renderShaded([[Number.NaN]])).toThrow(/\(0, 0\)/);
  });
});

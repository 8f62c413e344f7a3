import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatColumn, formatNumber } from '../../src/render/number-format.js';

describe('formatNumber', () => {
  it.each([
    // value, round, truncate
    [7 / 9, '0.78', '0.77'],
    [5 / 9, '0.56', '0.55'],
    [-5 / 9, '-0.56', '-0.55'],
    [1 / 3, '0.33', '0.33'],
    [2 / 3, '0.67', '0.66'],
    [2, '2', '2'],
    [-1, '-1', '-1'],
    [0, '0', '0'],
    [-0, '0', '0'],
    [-0.0001, '0.00', '0.00'],
    [-0.005, '-0.01', '0.00'],
    [0.1 + 0.2, '0.30', '0.30'],
    [0.29, '0.29', '0.29'],
    [0.28999999999999997, '0.29', '0.29'],
    [2.675, '2.68', '2.67'],
    [1.005, '1.01', '1.00'],
    [3.0000000000000004, '3', '3'],
    [2.9999999999999996, '3', '3'],
    [0.5, '0.50', '0.50'],
    [12.5, '12.50', '12.50'],
    [-123.456, '-123.46', '-123.45'],
    [1e-7, '0.00', '0.00'],
    [NaN, 'NaN', 'NaN'],
    [Infinity, '∞', '∞'],
    [-Infinity, '-∞', '-∞'],
    [1.5e12, '1.50e+12', '1.50e+12'],
    [999_999_999_999, '999999999999', '999999999999'],
  ])('%s → round %s, truncate %s', (value, rounded, truncated) => {
    expect(formatNumber(value)).toBe(rounded);
    expect(formatNumber(value, { mode: 'round' })).toBe(rounded);
    expect(formatNumber(value, { mode: 'truncate' })).toBe(truncated);
  });

  it.each([
    [7 / 9, 0, 'round', '1'],
    [7 / 9, 0, 'truncate', '0'],
    [-7 / 9, 0, 'truncate', '0'],
    [7 / 9, 3, 'round', '0.778'],
    [7 / 9, 3, 'truncate', '0.777'],
    [4, 3, 'round', '4'],
    [0.125, 2, 'round', '0.13'],
    [-0.125, 2, 'round', '-0.13'],
  ] as const)('%s with %i decimals (%s) → %s', (value, decimals, mode, expected) => {
    expect(formatNumber(value, { decimals, mode })).toBe(expected);
  });

  it('rejects impossible options with a message naming the option', () => {
    expect(() => formatNumber(1.5, { decimals: 2.5 })).toThrow(
      'Expected `decimals` to be a whole number from 0 to 20, got 2.5.',
    );
    expect(() => formatNumber(1.5, { decimals: -1 })).toThrow(
      'Expected `decimals` to be a whole number from 0 to 20, got -1.',
    );
    expect(() => formatNumber(1.5, { mode: 'floor' as 'round' })).toThrow(
      `Expected \`mode\` to be 'round' or 'truncate', got "floor".`,
    );
  });

  it('never prints a negative zero', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.integer({ min: 0, max: 6 }), (value, decimals) => {
        for (const mode of ['round', 'truncate'] as const) {
          expect(formatNumber(value, { decimals, mode })).not.toMatch(/^-0(\.0*)?$/);
        }
      }),
    );
  });

  // Values are rounded to 12 significant digits first, so the bounds allow that much noise.
  const noise = (value: number): number => Math.abs(value) * 1e-11 + 1e-12;

  it('truncate never moves away from zero and stays within one unit of the last place', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (value) => {
        const shown = Number(formatNumber(value, { mode: 'truncate' }));
        expect(Math.abs(shown)).toBeLessThanOrEqual(Math.abs(value) + noise(value));
        expect(Math.abs(value - shown)).toBeLessThan(0.01 + noise(value));
      }),
    );
  });

  it('round stays within half a unit of the last place', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (value) => {
        expect(Math.abs(value - Number(formatNumber(value)))).toBeLessThanOrEqual(
          0.005 + noise(value),
        );
      }),
    );
  });
});

describe('formatColumn', () => {
  it('right-aligns by default', () => {
    expect(formatColumn([1, 0.5, -12])).toEqual(['   1', '0.50', ' -12']);
  });

  it('lines up decimal points on request', () => {
    expect(formatColumn([1, 0.5, -12], { align: 'decimal' })).toEqual([
      '  1   ',
      '  0.50',
      '-12   ',
    ]);
  });

  it('passes the number options through', () => {
    expect(formatColumn([7 / 9, 2], { mode: 'truncate', decimals: 1 })).toEqual(['0.7', '  2']);
  });

  it('returns nothing for nothing', () => {
    expect(formatColumn([])).toEqual([]);
  });
});

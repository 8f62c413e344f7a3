import { describe, expect, test } from 'vitest';
import { bucketMeans, sparkline } from '../../src/render/index.js';

describe('bucketMeans', () => {
  test.each([
    [[1, 3, 5, 7], 2, [2, 6]],
    [[1, 2, 3], 3, [1, 2, 3]],
    [[1, 2], 5, [1, 2]],
    [[1, 2, 3, 4, 5], 2, [1.5, 4]],
    [[NaN, 2, 4, NaN], 2, [2, 4]],
    [[NaN, NaN, 1, 1], 2, [NaN, 1]],
  ])('%j in %i buckets → %j', (values, count, expected) => {
    expect(bucketMeans(values, count)).toEqual(expected);
  });

  test('rejects a count below 1', () => {
    expect(() => bucketMeans([1], 0)).toThrow('Expected `count` to be a whole number ≥ 1, got 0.');
  });
});

describe('sparkline', () => {
  test.each([
    [[0, 0.5, 1], { width: 3, min: 0, max: 1 }, '▁▅█'],
    [[0, 0.5, 1], { width: 3, min: 0, max: 1, ascii: true }, '_=#'],
    [[1, 1, 1], { width: 5 }, '▁▁▁'],
    [[0, 1, 2, 3, 4, 5, 6, 7], { width: 8 }, '▁▂▃▄▅▆▇█'],
    [[0, 1, 2, 3, 4, 5, 6, 7], { width: 4 }, '▁▃▆█'],
    [[5, -1, 2], { width: 3, min: 0, max: 2 }, '█▁█'],
    [[1, NaN, Infinity], { width: 3, min: 0, max: 1 }, '█  '],
    [[], { width: 10 }, ''],
    [[1, 2], { width: 0 }, ''],
  ])('%j with %j → %j', (values, options, expected) => {
    expect(sparkline(values, options)).toBe(expected);
  });

  test('never wider than asked, whatever the length of the series', () => {
    for (const n of [1, 7, 60, 61, 1000]) {
      const values = Array.from({ length: n }, (_, i) => Math.sin(i));
      expect([...sparkline(values, { width: 60 })].length).toBe(Math.min(n, 60));
    }
  });

  test('rejects a negative width', () => {
    expect(() => sparkline([1], { width: -1 })).toThrow(
      'Expected `width` to be a whole number ≥ 0, got -1.',
    );
  });
});

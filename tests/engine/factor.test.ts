/** A factor in a written-out product, as calc's dense report and the conv1d exercises write it. */
import { describe, expect, it } from 'vitest';
import { factor } from '../../src/engine/index.js';

describe('factor', () => {
  it.each([
    [2, '2'],
    [0, '0'],
    [-0, '0'],
    [-1, '(-1)'],
    [0.125, '0.125'],
    [-2 / 3, '(-0.6667)'],
  ])('%s → %s', (value, text) => {
    expect(factor(value)).toBe(text);
  });
});

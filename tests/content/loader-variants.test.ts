/**
 * Loaded exercises → questions. The pinned table below is the stable-variant contract: a
 * class's answers are graded against what a seed draws, so these inputs must never change.
 * If this test fails, a template changed what it draws or in which order: restore it and add
 * a new template instead.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { instantiate, variantInputs } from '../../src/content/instantiate.js';
import { newSeed } from '../../src/content/random.js';
import { loadCourse } from '../../src/content/load-course.js';

const root = fileURLToPath(new URL('../fixtures/courses/good/', import.meta.url));
const { course } = loadCourse({ root });
const t = (key: string, params?: Record<string, string | number>): string =>
  params ? `${key} ${JSON.stringify(params)}` : key;

describe('the stable-variant contract (conv2d-cell)', () => {
  // exercises/feature-maps.yaml, conv-any-cell:
  //   rows: [4, 6], cols: [4, 5], kernel: [2, 3], values: { range: [0, 3] }, weights: { of: [-1, 0, 1] },
  //   bias: { range: [-2, 2] }, stride: [1, 2], padding: [valid, same]
  test.each([
    [
      1,
      {
        input: [
          [3, 3, 3, 1, 0],
          [0, 1, 2, 0, 2],
          [2, 2, 3, 1, 3],
          [0, 0, 2, 1, 3],
          [2, 0, 0, 2, 1],
        ],
        kernels: [
          [
            [-1, -1, -1],
            [-1, 0, -1],
            [0, -1, -1],
          ],
        ],
        stride: 2,
        padding: 'same',
        bias: [1],
        cell: [0, 1, 1],
      },
    ],
    [
      2,
      {
        input: [
          [0, 3, 2, 0, 1],
          [2, 1, 0, 2, 3],
          [2, 3, 3, 0, 3],
          [0, 3, 0, 0, 1],
          [3, 3, 1, 2, 3],
          [0, 3, 1, 2, 0],
        ],
        kernels: [
          [
            [-1, 0],
            [0, 0],
          ],
        ],
        stride: 2,
        padding: 'same',
        bias: [-1],
        cell: [0, 0, 0],
      },
    ],
    [
      3,
      {
        input: [
          [2, 3, 0, 2, 2],
          [2, 3, 1, 3, 3],
          [3, 1, 0, 1, 2],
          [0, 1, 2, 2, 1],
          [1, 2, 2, 0, 2],
        ],
        kernels: [
          [
            [0, -1, 0],
            [-1, 0, 1],
            [-1, 0, 0],
          ],
        ],
        stride: 1,
        padding: 'valid',
        bias: [2],
        cell: [0, 1, 2],
      },
    ],
  ])('seed %i draws exactly these inputs', (seed, inputs) => {
    expect(variantInputs(course.exercises.get('conv-any-cell')!, seed)).toEqual(inputs);
  });
});

describe('instantiate', () => {
  test('a fixed exercise: the inputs as written, the prompt filled, the engine answers', () => {
    const q = instantiate(course.exercises.get('conv-first-cell')!, { lang: 'en', t });
    expect(q.kind).toBe('number');
    expect(q.prompt).toBe('What is cell (0, 0) of the output?');
    expect(q.tolerance).toBe(0);
    expect(q.expected()).toEqual({ kind: 'number', value: 4 });
  });

  test('a generated exercise: the same seed gives the same question', () => {
    const def = course.exercises.get('conv-any-cell')!;
    const a = instantiate(def, { seed: 3, lang: 'en', t });
    const b = instantiate(def, { seed: 3, lang: 'en', t });
    expect(a.prompt).toBe('With stride 1, padding valid and bias 2, what is cell (1, 2)?');
    expect(a.displays).toEqual(b.displays);
    expect(a.expected()).toEqual(b.expected());
  });

  test('the exercise tolerance overrides the template one', () => {
    const def = { ...course.exercises.get('conv-first-cell')!, tolerance: 0.5 };
    expect(instantiate(def, { lang: 'en', t }).tolerance).toBe(0.5);
  });

  test('a generated exercise without a seed is a programming error', () => {
    expect(() => instantiate(course.exercises.get('conv-map')!, { lang: 'en', t })).toThrow(
      'Exercise `conv-map` is generated: pass a seed (see `newSeed`).',
    );
  });

  test('newSeed gives whole numbers in [0, 2^32)', () => {
    for (let i = 0; i < 100; i++) {
      const seed = newSeed();
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
    }
  });
});

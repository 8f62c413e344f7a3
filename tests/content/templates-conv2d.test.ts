/**
 * The conv2d templates read each other's selector (a map question shows `cell`'s map; a cell
 * question without `cell` asks for `filter`'s top-left cell), so both check both against the
 * output: a selector outside it is a clear message, never an empty or wrong expected answer.
 */
import { describe, expect, test } from 'vitest';
import { getTemplate } from '../../src/content/templates/index.js';
import { TemplateError } from '../../src/content/templates/shared.js';

const input = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];
const kernels = [
  [
    [1, 0],
    [0, 1],
  ],
];
const text = { prompt: 'P', lang: 'en', t: (key: string) => key };

function refusal(template: string, given: object): { field: string; message: string } | undefined {
  try {
    getTemplate(template)!.parseGiven({ input, kernels, ...given });
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return { field: (error as TemplateError).field, message: (error as Error).message };
  }
}

describe('the conv2d selectors', () => {
  test.each([
    [
      'conv2d-map',
      { cell: [3, 0, 0] },
      'given.cell',
      /1 map\(s\) of 2×2; cell \[3, 0, 0\] is outside it/,
    ],
    ['conv2d-map', { filter: 1 }, 'given.filter', /there are 1 filters; 1 is not one of them/],
    ['conv2d-cell', { filter: 3 }, 'given.filter', /there are 1 filters; 3 is not one of them/],
    ['conv2d-cell', { cell: [0, 2, 0] }, 'given.cell', /cell \[0, 2, 0\] is outside it/],
  ])('%s with %j is refused at %s', (template, given, field, message) => {
    const r = refusal(template, given);
    expect(r?.field).toBe(field);
    expect(r?.message).toMatch(message);
  });

  test('selectors inside the output give the map or the cell the engine computes', () => {
    const map = getTemplate('conv2d-map')!;
    const q = map.build(map.parseGiven({ input, kernels, cell: [0, 1, 1] }), text);
    expect(q.expected()).toEqual({
      kind: 'grid',
      rows: [
        [6, 8],
        [12, 14],
      ],
    });
    const cell = getTemplate('conv2d-cell')!;
    const c = cell.build(cell.parseGiven({ input, kernels, filter: 0 }), text);
    expect(c.expected()).toEqual({ kind: 'number', value: 6 });
  });
});

/** Reading one answer from a file: text as the tutor reads it, JSON values, and hostile input. */
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import type { Question } from '../../src/content/types.js';
import {
  MAX_ANSWER_CHARS,
  MAX_SHORT_ANSWER_CHARS,
  answerInputText,
  readAnswer,
} from '../../src/grade/answer-input.js';
import { JsonObject } from '../../src/untrusted/strict-json.js';
import { safeText } from '../../src/untrusted/safe-text.js';

const question = (kind: Question['kind'], options?: string[]): Question => ({
  kind,
  prompt: '',
  displays: [],
  tolerance: 0,
  ...(options ? { options } : {}),
  expected: () => ({ kind: 'number', value: 0 }),
  mistakes: () => [],
  solution: () => [],
});

describe('readAnswer', () => {
  test.each([
    ['number', '5/9', { kind: 'number', value: 5 / 9 }],
    ['number', 4, { kind: 'number', value: 4 }],
    ['number', -0, { kind: 'number', value: 0 }],
    ['shape', '(26, 26, 10)', { kind: 'shape', dims: [26, 26, 10] }],
    ['shape', [26, 26, 10], { kind: 'shape', dims: [26, 26, 10] }],
    [
      'grid',
      '1 2; 3 4',
      {
        kind: 'grid',
        rows: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    [
      'grid',
      [
        [1, 2],
        [3, 4],
      ],
      {
        kind: 'grid',
        rows: [
          [1, 2],
          [3, 4],
        ],
      },
    ],
    ['grid', [1, 2, 3], { kind: 'grid', rows: [[1, 2, 3]] }],
    ['choice', 'B', { kind: 'choice', index: 1 }],
    ['choice', 2, { kind: 'choice', index: 1 }],
    ['yesno', 'sim', { kind: 'yesno', value: true }],
    ['yesno', false, { kind: 'yesno', value: false }],
  ] as const)('%s %j', (kind, input, value) => {
    expect(readAnswer(question(kind, ['a', 'b', 'c']), input as never)).toEqual({
      ok: true,
      value,
    });
  });

  test.each([
    ['number', null, 'unanswered', 'grade.answer.empty'],
    ['grid', '  \n ', 'unanswered', 'grade.answer.empty'],
    ['number', [1], 'invalid', 'grade.answer.wrongType.number'],
    ['number', new JsonObject(), 'invalid', 'grade.answer.wrongType.number'],
    ['number', Infinity, 'invalid', 'grade.answer.notFinite'],
    ['shape', [26, 0], 'invalid', 'grade.answer.shapeSize'],
    ['shape', [26, 2.5], 'invalid', 'grade.answer.shapeSize'],
    ['shape', Array(17).fill(1), 'invalid', 'grade.answer.shapeLength'],
    ['grid', [], 'invalid', 'answer.grid.expected'],
    ['grid', [[]], 'invalid', 'answer.grid.expected'],
    ['grid', [[1], 2], 'invalid', 'grade.answer.gridRows'],
    ['grid', [[1, 2], [3]], 'invalid', 'answer.grid.ragged'],
    ['grid', [[1, null]], 'invalid', 'grade.answer.gridCell'],
    ['grid', [[1, -Infinity]], 'invalid', 'grade.answer.gridNotFinite'],
    ['choice', true, 'invalid', 'grade.answer.wrongType.choice'],
    ['yesno', 'perhaps', 'invalid', 'answer.yesno.expected'],
  ] as const)('%s %j → %s %s', (kind, input, status, key) => {
    const r = readAnswer(question(kind, ['a', 'b', 'c']), input as never);
    expect(r.ok ? 'ok' : `${r.status} ${r.error.key}`).toBe(`${status} ${key}`);
  });

  it('refuses a grid of more than 100,000 cells unread', () => {
    const r = readAnswer(
      question('grid'),
      Array.from({ length: 1001 }, () => Array(100).fill(1)),
    );
    expect(r).toEqual({
      ok: false,
      status: 'invalid',
      error: { key: 'grade.answer.gridTooLarge', params: { cells: 100_100, limit: 100_000 } },
    });
  });

  it('cuts off long text quickly: short kinds at 1,000 characters, grids at 100,000', () => {
    const start = performance.now();
    expect(readAnswer(question('yesno'), '.'.repeat(100_000))).toEqual({
      ok: false,
      status: 'invalid',
      error: {
        key: 'grade.answer.tooLong',
        params: { length: 100_000, limit: MAX_SHORT_ANSWER_CHARS },
      },
    });
    expect(readAnswer(question('grid'), '1 '.repeat(MAX_ANSWER_CHARS))).toMatchObject({
      ok: false,
      error: { key: 'grade.answer.tooLong' },
    });
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('echoes what was typed only in a harmless, short form', () => {
    // ESC c resets a terminal; a report must never carry it.
    const r = readAnswer(question('grid'), `1 \u001bc${'x'.repeat(100)}`);
    expect(r).toEqual({
      ok: false,
      status: 'invalid',
      error: { key: 'answer.grid.cell', params: { row: 1, col: 2, text: `?c${'x'.repeat(38)}…` } },
    });
  });

  it('never throws, for any text of any kind', () => {
    const kinds = ['number', 'shape', 'grid', 'choice', 'yesno'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.string({ maxLength: 200 }), (kind, text) => {
        readAnswer(question(kind, ['a', 'b']), text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('answerInputText (the text shown when a lab is resumed)', () => {
  test.each([
    ['4', '4'],
    [4.5, '4.5'],
    [true, 'yes'],
    [null, ''],
    [
      [
        [1, 2],
        [3, 4],
      ],
      '[[1,2],[3,4]]',
    ],
  ] as const)('%j → %j', (input, text) => {
    expect(answerInputText(input as never)).toBe(text);
  });
});

describe('safeText', () => {
  test.each([
    ['plain', 'plain'],
    ['a\nb\tc\u0000', 'a?b?c?'],
    ['\u202eevil', '?evil'],
    ['😀 ok', '😀 ok'],
    ['lone \ud800 half', 'lone ? half'],
  ])('%j → %j', (text, safe) => {
    expect(safeText(text)).toBe(safe);
  });
});

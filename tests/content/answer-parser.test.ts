import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANSWER_KINDS,
  type AnswerContext,
  type AnswerKind,
  parseAnswer,
} from '../../src/content/answer-parser.js';
import { formatAnswer, formatParsedAnswer } from '../../src/content/answer-format.js';
import { hasMessage } from '../../src/i18n/index.js';

/** The value of a successful parse, or the error of a failed one, for compact tables. */
function parse(kind: AnswerKind, text: string, context?: AnswerContext): unknown {
  const result = parseAnswer(kind, text, context);
  return result.ok ? result.value : result.error;
}

describe('number', () => {
  it.each([
    ['4', 4],
    ['-1', -1],
    ['+2', 2],
    ['0.55', 0.55],
    ['.55', 0.55],
    ['5.', 5],
    ['-.5', -0.5],
    ['5/9', 5 / 9],
    ['-5/9', -5 / 9],
    ['5 / 9', 5 / 9],
    ['1.5/3', 0.5],
    ['1e-3', 0.001],
    ['2E3', 2000],
    ['0,55', 0.55],
    ['-0,5', -0.5],
    ['0,125', 0.125],
    ['12,5', 12.5],
    ['1234,5', 1234.5],
    ['  7  ', 7],
    ['\t3\n', 3],
    ['−3', -3], // Unicode minus, as the tutor may display it
    // Simple arithmetic, such as a learner types for a count or an output size.
    ['32*32*3', 3072],
    ['26 × 26 × 10', 6760],
    ['(5-3)/2+1', 2],
    ['(28 - 5 + 2·0)/1 + 1', 24],
    ['5/9/2', 5 / 18],
    ['5/-9', -5 / 9],
    ['-(2+3)*4', -20],
    ['3*3*3*64 + 64', 1792],
    ['0,5*4', 2],
    ['2 + 3 * 4', 14],
    ['-0', 0],
    ['1e-400', 0],
  ])('%j → %d', (text, value) => {
    expect(parse('number', text)).toEqual({ kind: 'number', value, text: text.trim() });
  });

  it('keeps -0 out of the results', () => {
    const result = parseAnswer('number', '-0');
    expect(result.ok && Object.is(result.value.value, 0)).toBe(true);
  });

  it.each([
    ['', 'answer.number.expected'],
    ['   ', 'answer.number.expected'],
    ['abc', 'answer.number.expected'],
    ['NaN', 'answer.number.expected'],
    ['Infinity', 'answer.number.expected'],
    ['1.2.3', 'answer.number.expected'],
    ['5//9', 'answer.number.expected'],
    ['0x10', 'answer.number.expected'],
    ['1e', 'answer.number.expected'],
    ['.', 'answer.number.expected'],
    ['-', 'answer.number.expected'],
    ['--1', 'answer.number.expected'],
    ['½', 'answer.number.expected'],
    ['2*(3', 'answer.number.expected'],
    ['2**3', 'answer.number.expected'],
    ['2^3', 'answer.number.expected'],
    ['2+', 'answer.number.expected'],
    ['()', 'answer.number.expected'],
    ['(2)(3)', 'answer.number.expected'],
    ['alert(1)', 'answer.number.expected'],
    ['Math.PI', 'answer.number.expected'],
    [`${'('.repeat(30)}1${')'.repeat(30)}`, 'answer.number.expected'],
    [`${'1+'.repeat(150)}1`, 'answer.number.expected'],
    ['1/0', 'answer.number.divideByZero'],
    ['4/(2-2)', 'answer.number.divideByZero'],
    ['1e308*10', 'answer.number.tooLarge'],
    ['0/0', 'answer.number.divideByZero'],
    ['1e400', 'answer.number.tooLarge'],
    ['-1e400', 'answer.number.tooLarge'],
    ['1e300/1e-300', 'answer.number.tooLarge'],
    ['1 2', 'answer.number.single'],
    ['0.5 0.25', 'answer.number.single'],
    ['0,5 0,25', 'answer.number.single'],
    ['1,000,000', 'answer.number.grouping'],
    ['1,234.5', 'answer.number.grouping'],
  ])('%j is refused with %s', (text, key) => {
    expect(parse('number', text)).toEqual({ key });
  });

  it('reads arithmetic as the arithmetic it is written as, never as code', () => {
    // An expression tree of small whole numbers, printed with brackets everywhere, and its value
    // computed from the tree: the parser must agree on every one.
    type Tree = number | { op: '+' | '-' | '*' | '/'; left: Tree; right: Tree };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.integer({ min: 0, max: 99 }),
        fc.record({
          op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const),
          left: tie('tree'),
          right: tie('tree'),
        }),
      ),
    })).tree;
    const text = (t: Tree): string =>
      typeof t === 'number' ? String(t) : `(${text(t.left)} ${t.op} ${text(t.right)})`;
    const value = (t: Tree): number => {
      if (typeof t === 'number') return t;
      const [a, b] = [value(t.left), value(t.right)];
      return t.op === '+' ? a + b : t.op === '-' ? a - b : t.op === '*' ? a * b : a / b;
    };
    fc.assert(
      fc.property(tree, (t) => {
        const expected = value(t);
        fc.pre(Number.isFinite(expected) && text(t).length <= 200 && !text(t).includes('/ 0)'));
        const result = parseAnswer('number', text(t));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value.value).toBeCloseTo(expected, 9);
      }),
    );
  });

  it('asks again for 1,280, which reads as 1280 in English and 1.28 in Portuguese', () => {
    expect(parse('number', '1,280')).toEqual({
      key: 'answer.number.ambiguousComma',
      params: { text: '1,280', thousands: '1280', decimal: '1.280' },
    });
    expect(parse('number', '-12,500')).toMatchObject({ key: 'answer.number.ambiguousComma' });
  });
});

describe('shape', () => {
  it.each([
    ['3x3', [3, 3], false],
    ['3 x 3', [3, 3], false],
    ['3X3', [3, 3], false],
    ['3*3', [3, 3], false],
    ['26×26×10', [26, 26, 10], false],
    ['(26, 26, 10)', [26, 26, 10], false],
    ['[26,26,10]', [26, 26, 10], false],
    ['26 26 10', [26, 26, 10], false],
    ['  26  26   10 ', [26, 26, 10], false],
    ['10', [10], false],
    ['(10,)', [10], false],
    ['(None, 26, 26, 10)', [26, 26, 10], true],
    ['none x 5', [5], true],
    ['[null, 5]', [5], true],
    ['?x28x28x1', [28, 28, 1], true],
    ['_ 4 4', [4, 4], true],
    ['2.0x3', [2, 3], false],
  ])('%j → %j (batch %s)', (text, dims, batch) => {
    expect(parse('shape', text)).toEqual({ kind: 'shape', dims, batch });
  });

  it.each([
    ['', 'answer.shape.expected'],
    ['()', 'answer.shape.expected'],
    ['(None)', 'answer.shape.expected'],
    ['(None,)', 'answer.shape.expected'],
    ['3x', 'answer.shape.expected'],
    ['x3', 'answer.shape.expected'],
    ['3xx3', 'answer.shape.expected'],
    ['3,,3', 'answer.shape.expected'],
    ['(3, 3', 'answer.shape.expected'],
    ['((3, 3))', 'answer.shape.expected'],
    ['3 x None', 'answer.shape.expected'],
    ['three by three', 'answer.shape.expected'],
  ])('%j is refused with %s', (text, key) => {
    expect(parse('shape', text)).toEqual({ key });
  });

  it.each([
    ['0x3', '0'],
    ['2.5x3', '2.5'],
    ['(26, -26)', '-26'],
    ['3x1/2', '1/2'],
  ])('%j is refused because %s is not a whole number ≥ 1', (text, bad) => {
    expect(parse('shape', text)).toEqual({
      key: 'answer.shape.wholeNumber',
      params: { text: bad },
    });
  });
});

describe('grid', () => {
  it.each([
    [
      '1 2; 3 4',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [
      '1 2\n3 4',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [
      '1 2\r\n3 4\n',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [
      '1,2;3,4',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [
      '1, 2 ; 3, 4',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['1 ,2', [[1, 2]]],
    [
      '[[1,2],[3,4]]',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [
      '[[1, 2], [3, 4]]',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [
      '[1, 2]\n[3, 4]',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [
      '[1 2; 3 4]',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['[1, 2, 3]', [[1, 2, 3]]],
    ['1 2 3', [[1, 2, 3]]],
    ['5', [[5]]],
    [
      '0.5 -.25; 1/2 -5/9',
      [
        [0.5, -0.25],
        [0.5, -5 / 9],
      ],
    ],
    ['1 / 2 3', [[0.5, 3]]],
    [
      '1 2;\n\n3 4;',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['1, 2,', [[1, 2]]],
    ['−1 2', [[-1, 2]]],
  ])('%j → %j', (text, rows) => {
    expect(parse('grid', text)).toEqual({ kind: 'grid', rows });
  });

  it.each([
    ['', { key: 'answer.grid.expected' }],
    [' ; \n ', { key: 'answer.grid.expected' }],
    ['1,,2', { key: 'answer.grid.expected' }],
    ['[[[1]]]', { key: 'answer.grid.expected' }],
    ['[1, 2], 3', { key: 'answer.grid.expected' }],
    ['[1, 2', { key: 'answer.grid.expected' }],
    ['1 2; 3 x', { key: 'answer.grid.cell', params: { row: 2, col: 2, text: 'x' } }],
    ['1 1/0', { key: 'answer.grid.cell', params: { row: 1, col: 2, text: '1/0' } }],
    ['1 2; 3 4 5', { key: 'answer.grid.ragged', params: { row: 2, count: 3, first: 2 } }],
    ['1 2; 3 4; 5', { key: 'answer.grid.ragged', params: { row: 3, count: 1, first: 2 } }],
    ['0,5 0,25', { key: 'answer.grid.decimalComma', params: { row: 1 } }],
    ['1 2; 0,5 -0,25', { key: 'answer.grid.decimalComma', params: { row: 2 } }],
  ])('%j is refused with %j', (text, error) => {
    expect(parse('grid', text)).toEqual(error);
  });

  it('checks the expected size, which is a format problem and not a wrong answer', () => {
    expect(parse('grid', '1 2 3; 4 5 6', { rows: 3, cols: 3 })).toEqual({
      key: 'answer.grid.wrongSize',
      params: { rows: 3, cols: 3, typedRows: 2, typedCols: 3 },
    });
    expect(parse('grid', '1 2; 3 4', { rows: 3 })).toEqual({
      key: 'answer.grid.wrongRows',
      params: { rows: 3, typedRows: 2 },
    });
    expect(parse('grid', '1 2; 3 4', { cols: 3 })).toEqual({
      key: 'answer.grid.wrongCols',
      params: { cols: 3, typedCols: 2 },
    });
    expect(parse('grid', '1 2; 3 4', { rows: 2, cols: 2 })).toEqual({
      kind: 'grid',
      rows: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(parse('grid', '1 2 3', { rows: 1, cols: 3 })).toEqual({
      kind: 'grid',
      rows: [[1, 2, 3]],
    });
  });

  it('explains decimal commas when reading them as decimals gives the expected size', () => {
    expect(parse('grid', '0,5; 0,25', { rows: 2, cols: 1 })).toEqual({
      key: 'answer.grid.decimalComma',
      params: { row: 1 },
    });
    // As separators they do give the expected size: accepted.
    expect(parse('grid', '0,5; 0,25', { rows: 2, cols: 2 })).toEqual({
      kind: 'grid',
      rows: [
        [0, 5],
        [0, 25],
      ],
    });
  });
});

describe('choice', () => {
  const options = 4;
  it.each([
    ['a', 0],
    ['B', 1],
    ['c)', 2],
    ['(c)', 2],
    ['d.', 3],
    [' D ', 3],
    ['1', 0],
    ['4', 3],
    ['2)', 1],
  ])('%j → index %d', (text, index) => {
    expect(parse('choice', text, { options })).toEqual({ kind: 'choice', index });
  });

  const params = { letters: 'a, b, c, d', last: 'd', count: 4 };
  it.each([
    ['e', { key: 'answer.choice.outOfRange', params: { ...params, text: 'e' } }],
    ['5', { key: 'answer.choice.outOfRange', params: { ...params, text: '5' } }],
    ['0', { key: 'answer.choice.outOfRange', params: { ...params, text: '0' } }],
    ['', { key: 'answer.choice.expected', params }],
    ['ab', { key: 'answer.choice.expected', params }],
    ['a or b', { key: 'answer.choice.expected', params }],
    ['é', { key: 'answer.choice.expected', params }],
  ])('%j is refused with %j', (text, error) => {
    expect(parse('choice', text, { options })).toEqual(error);
  });

  it('an option is picked by its own text too, in any case, as well as by its letter', () => {
    const gates = { options: 3, labels: ['AND', 'OR', 'XOR'] };
    for (const text of ['xor', 'XOR', 'Xor.', '`xor`', '"XOR"', ' xor ']) {
      expect(parse('choice', text, gates), text).toEqual({ kind: 'choice', index: 2 });
    }
    expect(parse('choice', 'c', gates)).toEqual({ kind: 'choice', index: 2 });
    expect(parse('choice', 'or', gates)).toEqual({ kind: 'choice', index: 1 });
    const kernels = { options: 2, labels: ['Sharpen', 'Box blur'] };
    expect(parse('choice', 'box blur', kernels)).toEqual({ kind: 'choice', index: 1 });
    expect(parse('choice', 'SHARPEN', kernels)).toEqual({ kind: 'choice', index: 0 });
    expect(parse('choice', 'emboss', kernels)).toEqual({
      key: 'answer.choice.expected',
      params: { letters: 'a, b', last: 'b', count: 2 },
    });
  });

  it('x and o name the options X and O, although x is no letter of two options', () => {
    const xo = { options: 2, labels: ['X', 'O'] };
    expect(parse('choice', 'x', xo)).toEqual({ kind: 'choice', index: 0 });
    expect(parse('choice', 'o', xo)).toEqual({ kind: 'choice', index: 1 });
    expect(parse('choice', 'b', xo)).toEqual({ kind: 'choice', index: 1 });
    expect(parse('choice', 'y', { options: 2 })).toEqual({
      key: 'answer.choice.outOfRange',
      params: { letters: 'a, b', last: 'b', count: 2, text: 'y' },
    });
  });

  it('asks which one is meant when a letter names one option and the text of another', () => {
    expect(parse('choice', 'B', { options: 2, labels: ['b', 'a'] })).toEqual({
      key: 'answer.choice.ambiguous',
      params: { letters: 'a, b', last: 'b', count: 2, text: 'B', letter: 'b', other: 'a' },
    });
    // The letter and the text agree: no question.
    expect(parse('choice', 'a', { options: 2, labels: ['a', 'b'] })).toEqual({
      kind: 'choice',
      index: 0,
    });
  });

  it('throws for a missing or impossible number of options (a programming error)', () => {
    expect(() => parseAnswer('choice', 'a', {} as { options: number })).toThrow(
      'Expected `context.options` to be a whole number from 1 to 26, got undefined.',
    );
    expect(() => parseAnswer('choice', 'a', { options: 27 })).toThrow(TypeError);
  });
});

describe('yesno', () => {
  it.each([
    ['yes', true],
    ['Y', true],
    ['TRUE', true],
    ['sim', true],
    ['S', true],
    ['Yes.', true],
    ['no', false],
    ['N', false],
    ['false', false],
    ['não', false],
    ['NÃO', false],
    ['nao', false],
    ['na\u0303o', false], // "não" written with a combining tilde
  ])('%j → %s', (text, value) => {
    expect(parse('yesno', text)).toEqual({ kind: 'yesno', value });
  });

  it.each(['', 'maybe', 'yess', 'ok', '1'])('%j is refused', (text) => {
    expect(parse('yesno', text)).toEqual({ key: 'answer.yesno.expected' });
  });
});

describe('formatAnswer', () => {
  it.each([
    ['number', 4, '4'],
    ['number', -1, '-1'],
    ['number', 0.5, '0.5'],
    ['number', 5 / 9, '0.5556'],
    ['number', -5 / 9, '-0.5556'],
    ['number', 0.1 + 0.2, '0.3'],
    ['number', -0.00001, '0'],
    ['number', 1e21, '1e+21'],
    ['shape', [26, 26, 10], '26x26x10'],
    ['shape', { dims: [26, 26, 10], batch: true }, '(None, 26, 26, 10)'],
    [
      'grid',
      [
        [1, 2],
        [3, 4],
      ],
      '1 2; 3 4',
    ],
    ['grid', [[0.5, -1 / 3]], '0.5 -0.3333'],
    ['choice', 2, 'c'],
    ['yesno', true, 'yes'],
    ['yesno', false, 'no'],
  ] as const)('%s %j → %j', (kind, value, text) => {
    expect(formatAnswer(kind, value)).toBe(text);
  });

  it.each([
    ['number', Number.NaN],
    ['number', Infinity],
    ['shape', []],
    ['shape', [0, 3]],
    ['grid', []],
    ['grid', [[]]],
    ['grid', [[1, 2], [3]]],
    ['choice', 26],
    ['choice', -1],
  ] as const)('%s %j throws', (kind, value) => {
    expect(() => formatAnswer(kind, value)).toThrow(RangeError);
  });

  it('formats a parsed answer back in canonical form', () => {
    const parsed = parseAnswer('grid', '[[1, 5/9], [3, .5]]');
    expect(parsed.ok && formatParsedAnswer(parsed.value)).toBe('1 0.5556; 3 0.5');
    const shape = parseAnswer('shape', '(None, 26, 26, 10)');
    expect(shape.ok && formatParsedAnswer(shape.value)).toBe('(None, 26, 26, 10)');
  });
});

describe('properties', () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    // Text made of the characters the parsers care about, to reach the deeper branches.
    fc.string({ unit: fc.constantFrom(...'0123456789 .,;/-+eExX×()[]?_\n\r\t−none'.split('')) }),
  );
  const contexts: Record<AnswerKind, AnswerContext> = {
    number: {},
    shape: {},
    grid: { rows: 2, cols: 2 },
    choice: { options: 5 },
    yesno: {},
  };

  it('never throws, and every error names a message that exists', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.constantFrom(...ANSWER_KINDS),
        fc.boolean(),
        (text, kind, withContext) => {
          const result = parseAnswer(
            kind,
            text,
            withContext || kind === 'choice' ? contexts[kind] : undefined,
          );
          if (!result.ok) expect(hasMessage(result.error.key), result.error.key).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('stays fast on long inputs', () => {
    const long = `1${' '.repeat(100_000)}2`;
    const start = performance.now();
    for (const kind of ANSWER_KINDS) parseAnswer(kind, long, contexts[kind]);
    expect(performance.now() - start).toBeLessThan(500);
  });

  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it('number: formatAnswer reads back within half the last shown decimal, and is a fixed point', () => {
    fc.assert(
      fc.property(
        fc.oneof(finite, fc.integer(), fc.double({ min: -1000, max: 1000, noNaN: true })),
        (v) => {
          const text = formatAnswer('number', v);
          const back = parseAnswer('number', text);
          expect(back.ok).toBe(true);
          if (!back.ok) return;
          expect(Math.abs(back.value.value - v)).toBeLessThanOrEqual(
            Number.isInteger(v) ? 0 : 0.00005 + 1e-12,
          );
          expect(formatAnswer('number', back.value.value)).toBe(text);
        },
      ),
    );
  });

  it('number: values with up to 4 decimals round-trip exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => {
        const v = n / 10_000;
        const back = parseAnswer('number', formatAnswer('number', v));
        expect(back.ok && back.value.value).toBe(v);
      }),
    );
  });

  it('grid: formatAnswer reads back to the same grid', () => {
    const cell = fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100);
    const grid = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([r, c]) =>
        fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
      );
    fc.assert(
      fc.property(grid, (rows) => {
        const back = parseAnswer('grid', formatAnswer('grid', rows), {
          rows: rows.length,
          cols: rows[0].length,
        });
        expect(back).toEqual({
          ok: true,
          value: { kind: 'grid', rows: rows.map((r) => r.map((v) => v + 0)) },
        });
      }),
    );
  });

  it('shape, choice and yesno: formatAnswer reads back to the same value', () => {
    const dims = fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(dims, fc.boolean(), (d, batch) => {
        expect(parse('shape', formatAnswer('shape', { dims: d, batch }))).toEqual({
          kind: 'shape',
          dims: d,
          batch,
        });
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 26 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1))),
        ([n, i]) => {
          expect(parse('choice', formatAnswer('choice', i), { options: n })).toEqual({
            kind: 'choice',
            index: i,
          });
        },
      ),
    );
    for (const value of [true, false]) {
      expect(parse('yesno', formatAnswer('yesno', value))).toEqual({ kind: 'yesno', value });
    }
  });
});

describe('long inputs', () => {
  it('a yes/no answer of 100,000 dots is refused (and trailing dots are still dropped)', () => {
    expect(parseAnswer('yesno', '.'.repeat(100_000)).ok).toBe(false);
    expect(parseAnswer('yesno', 'yes' + '!'.repeat(1000))).toMatchObject({
      ok: true,
      value: { value: true },
    });
  });
});

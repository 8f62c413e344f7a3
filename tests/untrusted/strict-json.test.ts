import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import {
  JsonObject,
  type JsonValue,
  parseStrictJson,
  toPlain,
} from '../../src/untrusted/strict-json.js';

function value(text: string): JsonValue {
  const r = parseStrictJson(text);
  if (!r.ok) throw new Error(`did not parse: ${JSON.stringify(r.error)}`);
  return r.value;
}

describe('parseStrictJson', () => {
  it('reads what JSON.parse reads, for any JSON without repeated keys', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const text = JSON.stringify(v);
        expect(toPlain(value(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads every number exactly as JSON.parse does, whole numbers of any length included', () => {
    const written = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => JSON.stringify(x)),
      fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
      fc.constantFrom('-0', '0', '1e400', '-1e400', '1E+2', '2.5e-3', '123456789012345'),
    );
    fc.assert(
      fc.property(written, (text) => {
        expect(Object.is(value(text), JSON.parse(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('reads escapes and surrogate pairs', () => {
    expect(value(String.raw`"a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00"`)).toBe(
      'a"b\\c/d\b\f\n\r\té😀',
    );
  });

  it('remembers repeated keys and keeps the first value', () => {
    const v = value('{"a": 1, "b": 2, "a": 3, "a": 4, "b": 5}') as JsonObject;
    expect(v.duplicates).toEqual(['a', 'b']);
    expect(v.entries.get('a')).toBe(1);
  });

  it('keeps __proto__ and constructor as plain keys, away from any prototype', () => {
    const v = value(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}',
    ) as JsonObject;
    expect([...v.entries.keys()]).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const plain = toPlain(v) as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBeNull();
    expect(Object.hasOwn(plain, '__proto__')).toBe(true);
  });

  it('reads 1e400 as Infinity, for the caller to refuse', () => {
    expect(value('[1e400, -1e400, 1e-400]')).toEqual([Infinity, -Infinity, 0]);
  });

  it('stops at the depth limit without recursing further (100,000 levels)', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseStrictJson(deep, { maxDepth: 32 })).toEqual({
      ok: false,
      error: { key: 'grade.json.tooDeep', params: { limit: 32 } },
    });
    const objects = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    expect(parseStrictJson(objects).ok).toBe(false);
    expect(parseStrictJson('[[[1]]]', { maxDepth: 3 }).ok).toBe(true);
    expect(parseStrictJson('[[[[1]]]]', { maxDepth: 3 }).ok).toBe(false);
  });

  test.each([
    ['', 1, 1, 'expected a value, found the end of the file'],
    ['{"a": 1,}', 1, 9, 'expected a key in double quotes, found `}`'],
    ['[1, 2', 1, 6, 'expected `,` or `]` in a list, found the end of the file'],
    ['{"a" 1}', 1, 6, 'expected `:` after the key, found `1`'],
    ['{\n  "a": NaN\n}', 2, 8, 'NaN and Infinity are not JSON numbers'],
    ['[Infinity]', 1, 2, 'NaN and Infinity are not JSON numbers'],
    ['"abc', 1, 5, 'a text value is not closed with `"`'],
    ['"a\tb"', 1, 3, 'character U+0009 inside a text value (write it as an escape such as \\n)'],
    ['"\\x"', 1, 2, 'unknown escape `\\x` in a text value'],
    ['"\\u12"', 1, 2, '`\\u` must be followed by four hexadecimal digits'],
    ['01', 1, 2, 'unexpected `1` after the end of the data'],
    ['{} {}', 1, 4, 'unexpected `{` after the end of the data'],
    ["{'a': 1}", 1, 2, "expected a key in double quotes, found `'`"],
    ['[1,]', 1, 4, 'expected a value, found `]`'],
    ['-', 1, 1, 'expected a value, found `-`'],
    ['// comment\n{}', 1, 1, 'expected a value, found `/`'],
  ])('%j → line %i, column %i: %s', (text, line, column, detail) => {
    expect(parseStrictJson(text)).toEqual({
      ok: false,
      error: { key: 'grade.json.syntax', params: { line, column, detail } },
    });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        parseStrictJson(text);
      }),
      { numRuns: 500 },
    );
  });
});

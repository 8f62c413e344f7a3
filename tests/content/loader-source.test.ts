import { describe, expect, test, vi } from 'vitest';
import {
  type PathKey,
  fieldName,
  lineOf,
  parseFieldName,
  readYaml,
  suggestField,
} from '../../src/content/yaml-source.js';

describe('field names', () => {
  test.each([
    [['steps', 2, 'figure', 'input', 1], 'steps[2].figure.input[1]'],
    [['exercises', 0], 'exercises[0]'],
    [['format'], 'format'],
    [[], ''],
  ] as Array<[PathKey[], string]>)('%j ↔ %s', (path, name) => {
    expect(fieldName(path)).toBe(name);
    expect(parseFieldName(name)).toEqual(path);
  });
});

describe('lineOf', () => {
  const text = [
    'format: 1', //                       1
    'steps:', //                          2
    '  - title: A', //                    3
    '    figure:', //                     4
    '      input:', //                    5
    '        - [1, 2]', //                6
    '        - [3]', //                   7
    '  - { exercise: x, title: B }', //   8
  ].join('\n');
  const { source } = readYaml('f.yaml', text);

  test.each([
    [['format'], 1],
    [['steps'], 2],
    [['steps', 0], 3],
    [['steps', 0, 'figure', 'input'], 5],
    [['steps', 0, 'figure', 'input', 1], 7],
    [['steps', 1, 'title'], 8],
    // A field that is not there: the deepest one that is.
    [['steps', 0, 'text'], 3],
    [['steps', 5, 'text'], 2],
    [[], 1],
  ] as Array<[PathKey[], number]>)('%j is on line %i', (path, line) => {
    expect(lineOf(source!, path)).toBe(line);
  });

  test('a syntax error is one problem at its line', () => {
    expect(readYaml('f.yaml', 'a: 1\nb: [1, 2\nc: 3\n').problems).toEqual([
      {
        file: 'f.yaml',
        line: 3,
        field: '',
        message:
          'YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
    ]);
    expect(readYaml('f.yaml', 'a: 1\na: 2\n').problems).toEqual([
      { file: 'f.yaml', line: 2, field: '', message: 'YAML syntax: Map keys must be unique' },
    ]);
  });
});

test("yaml writes no warning to stderr, where it would cross the tutor's screen", () => {
  const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
  try {
    // An alias of a list used as a key: yaml warns that it stringifies the key.
    const { source } = readYaml('f.yaml', 'a: &a [1]\n? *a\n: 2\n');
    expect(Object.keys(source!.value as object)).toEqual(['a', '*a']);
    expect(warn).not.toHaveBeenCalled();
  } finally {
    warn.mockRestore();
  }
});

test.each([
  ['titel', 'title'],
  ['hint', 'hints'],
  ['kernal', 'kernel'],
  ['completely-different', undefined],
])('suggestField(%s) → %s', (typo, suggestion) => {
  expect(suggestField(typo)).toBe(suggestion);
});

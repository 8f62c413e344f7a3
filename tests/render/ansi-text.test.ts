import { describe, it, expect } from 'vitest';
import {
  blockWidth,
  closeStylesPerLine,
  displayWidth,
  padEndTo,
  padStartTo,
  sliceColumns,
  tokenize,
} from '../../src/render/ansi-text.js';

const bold = (s: string): string => `\u001B[1m${s}\u001B[22m`;

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    [bold('abc'), 3],
    ['古', 2],
    ['e\u0301', 1],
    ['┌─┐', 3],
    ['·✗✓', 3],
  ])('%j is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('measures the widest line of a block', () => {
    expect(blockWidth(['ab', bold('abcd'), '古'])).toBe(4);
    expect(blockWidth([])).toBe(0);
  });
});

describe('padding', () => {
  it('pads by display width, not string length', () => {
    expect(padEndTo(bold('ab'), 4)).toBe(`${bold('ab')}  `);
    expect(padStartTo('古', 4)).toBe('  古');
    expect(padEndTo('abcdef', 3)).toBe('abcdef');
  });
});

describe('tokenize', () => {
  it('separates escape codes from graphemes', () => {
    expect(tokenize(`${bold('a')}古`)).toEqual([
      { escape: '\u001B[1m' },
      { grapheme: 'a', width: 1 },
      { escape: '\u001B[22m' },
      { grapheme: '古', width: 2 },
    ]);
  });

  it('keeps a combining accent with its letter', () => {
    expect(tokenize('e\u0301')).toEqual([{ grapheme: 'e\u0301', width: 1 }]);
  });
});

describe('sliceColumns', () => {
  it.each([
    ['abcdef', 1, 4, 'bcd'],
    ['abcdef', 0, 0, ''],
    ['abcdef', 4, Infinity, 'ef'],
    ['a古b', 0, 2, 'a'],
    ['a古b', 2, 4, ' b'],
    ['a古b', 1, 3, '古'],
  ])('%j [%i, %i) → %j', (text, start, end, expected) => {
    expect(sliceColumns(text, start, end)).toBe(expected);
  });

  it('keeps every escape code so no style is left open', () => {
    expect(sliceColumns(`x${bold('abc')}y`, 0, 2)).toBe(`x${bold('a')}`);
  });
});

describe('closeStylesPerLine', () => {
  it('closes at the end of a line and reopens on the next', () => {
    expect(closeStylesPerLine(['\u001B[1mstride', '2\u001B[22m'])).toEqual([
      '\u001B[1mstride\u001B[22m',
      '\u001B[1m2\u001B[22m',
    ]);
  });

  it('leaves balanced lines alone', () => {
    expect(closeStylesPerLine([bold('a'), 'b'])).toEqual([bold('a'), 'b']);
  });

  it('tracks colours, resets and extended colours', () => {
    expect(closeStylesPerLine(['\u001B[31;1ma', 'b\u001B[0m', 'c'])).toEqual([
      '\u001B[31;1ma\u001B[39m\u001B[22m',
      '\u001B[31m\u001B[1mb\u001B[0m',
      'c',
    ]);
    expect(closeStylesPerLine(['\u001B[38;5;200ma', 'b'])).toEqual([
      '\u001B[38;5;200ma\u001B[39m',
      '\u001B[38;5;200mb\u001B[39m',
    ]);
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import stripAnsi from 'strip-ansi';
import { displayWidth } from '../../src/render/ansi-text.js';
import { createStyle } from '../../src/render/style.js';
import { wrapText } from '../../src/render/wrap-text.js';

const { bold } = createStyle({ color: true });

describe('wrapText', () => {
  it('wraps words greedily', () => {
    expect(wrapText('the kernel slides over the input', 12)).toEqual([
      'the kernel',
      'slides over',
      'the input',
    ]);
  });

  it('keeps line breaks and blank lines', () => {
    expect(wrapText('one\n\ntwo three', 5)).toEqual(['one', '', 'two', 'three']);
    expect(wrapText('', 5)).toEqual(['']);
  });

  it('collapses runs of spaces between words', () => {
    expect(wrapText('a    b', 10)).toEqual(['a b']);
  });

  it('keeps indentation and hangs list items under their text', () => {
    expect(wrapText('  indented text here', 10)).toEqual(['  indented', '  text', '  here']);
    expect(wrapText('- a bullet item that wraps', 12)).toEqual([
      '- a bullet',
      '  item that',
      '  wraps',
    ]);
    expect(wrapText('1. numbered item', 12)).toEqual(['1. numbered', '   item']);
    expect(wrapText('10. numbered item', 10)).toEqual(['10. number', '    ed', '    item']);
  });

  it('splits a word longer than the line', () => {
    expect(wrapText('convolution', 4)).toEqual(['conv', 'olut', 'ion']);
    expect(wrapText('古古古', 4)).toEqual(['古古', '古']);
  });

  it('closes and reopens a style that spans a break', () => {
    expect(wrapText(`a ${bold('receptive field')}`, 11)).toEqual([
      `a \u001B[1mreceptive\u001B[22m`,
      `\u001B[1mfield\u001B[22m`,
    ]);
  });

  it('measures styled words by what shows', () => {
    expect(wrapText(`${bold('abc')} def`, 7)).toEqual([`${bold('abc')} def`]);
  });

  it('rejects a width below 1', () => {
    expect(() => wrapText('a', 0)).toThrow('Expected `width` to be a whole number ≥ 1, got 0.');
  });

  it('every line fits and no word is lost', () => {
    const words = fc.array(
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 15 }).filter((w) => !/\s/.test(w)),
        fc.constantFrom('古典', 'é', 'stride', bold('padding'), '\n', '\n\n'),
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(words, fc.integer({ min: 2, max: 40 }), (parts, width) => {
        const text = parts.join(' ');
        const lines = wrapText(text, width);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        const squash = (s: string): string => stripAnsi(s).replace(/\s+/g, '');
        expect(squash(lines.join(''))).toBe(squash(text));
      }),
      { numRuns: 300 },
    );
  });
});

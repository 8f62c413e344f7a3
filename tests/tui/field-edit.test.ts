import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fieldChange, insertText, typedText } from '../../src/tui/state/field-edit.js';

describe('what a field reports, cleaned', () => {
  test.each([
    ['0.55', { draft: '0.55', enter: false }],
    ['5\r', { draft: '5', enter: true }],
    ['1 2\n3 4\r\n', { draft: '1 2; 3 4', enter: true }],
    ['1 2\r\n\r\n3 4', { draft: '1 2; 3 4', enter: false }],
    ['\r5', { draft: '5', enter: false }],
    ['12\x7f3', { draft: '13', enter: false }],
    ['a\x01b\x1b', { draft: 'ab', enter: false }],
    ['1\t2\t3\n4\t5\t6', { draft: '1 2 3; 4 5 6', enter: false }],
  ])('%j → %j', (raw, change) => {
    expect(fieldChange(raw)).toEqual(change);
  });

  test('the draft never holds a control character or a line break', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        // eslint-disable-next-line no-control-regex
        expect(fieldChange(raw).draft).not.toMatch(/[\u0000-\u001F\u007F]/);
      }),
    );
  });
});

describe('typedText', () => {
  test('applies Backspace, keeps line breaks, drops other control characters', () => {
    expect(typedText('abc\x7fd')).toBe('abd');
    expect(typedText('a\x01b\r')).toBe('ab\r');
    expect(typedText('\x7f\x7fa')).toBe('a');
  });
});

describe('insertText (text typed before the field listens)', () => {
  test('goes in at the cursor; a pasted grid keeps its rows', () => {
    expect(insertText({ draft: '1 2', cursor: 3 }, '\n3 4')).toEqual({
      draft: '1 2; 3 4',
      cursor: 8,
    });
    expect(insertText({ draft: '−1', cursor: 1 }, '5')).toEqual({ draft: '−51', cursor: 2 });
  });
});

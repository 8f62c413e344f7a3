import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { asciiWanted, localeIsUtf8, toAscii } from '../../src/render/charset.js';

describe('localeIsUtf8: the first of LC_ALL, LC_CTYPE, LANG that is set decides', () => {
  test.each([
    [{ LANG: 'C' }, false],
    [{ LC_ALL: 'POSIX' }, false],
    [{ LANG: 'en_US.ISO-8859-1' }, false],
    [{ LC_ALL: 'C.UTF-8' }, true],
    [{ LANG: 'en_US.UTF-8' }, true],
    [{ LANG: 'de_DE.utf8' }, true],
    [{ LC_ALL: 'C', LANG: 'en_US.UTF-8' }, false],
    [{ LC_CTYPE: 'C.UTF-8', LANG: 'C' }, true],
    [{ LC_ALL: '', LC_CTYPE: '', LANG: 'C.UTF-8' }, true],
    // Nothing set is the POSIX locale: ASCII, on Linux and macOS.
    [{}, false],
  ])('%j → %s', (env, utf8) => {
    expect(localeIsUtf8(env, 'linux')).toBe(utf8);
    expect(localeIsUtf8(env, 'darwin')).toBe(utf8);
  });

  test('on Windows, with no locale variables, the console takes Unicode', () => {
    expect(localeIsUtf8({}, 'win32')).toBe(true);
  });
});

describe('asciiWanted', () => {
  test('--ascii, else --unicode, else the locale', () => {
    expect(asciiWanted({}, { LANG: 'C' }, 'linux')).toBe(true);
    expect(asciiWanted({}, { LANG: 'C.UTF-8' }, 'linux')).toBe(false);
    expect(asciiWanted({ unicode: true }, { LANG: 'C' }, 'linux')).toBe(false);
    expect(asciiWanted({ ascii: true }, { LANG: 'C.UTF-8' }, 'linux')).toBe(true);
    expect(asciiWanted({ ascii: true, unicode: true }, { LANG: 'C.UTF-8' }, 'linux')).toBe(true);
  });
});

describe('toAscii', () => {
  test.each([
    ['┌───┬───┐', '+---+---+'],
    ['│ 1 │', '| 1 |'],
    ['input ⊛ kernel = output', 'input * kernel = output'],
    ['(5 − 3 + 2·0)/1 + 1 = 3, so 3×3.', '(5 - 3 + 2*0)/1 + 1 = 3, so 3x3.'],
    ['epoch 1 · batch 4', 'epoch 1 . batch 4'],
    ['Answer › 12', 'Answer > 12'],
    ['←/→ step  ↑/↓ scroll  ▼ more', '</> step  ^/v scroll  v more'],
    ['░░▒▓█', '..:##'],
    ['▁▂▃▄▅▆▇█', '_.:-=+*#'],
    ['≈ “it’s” — naïve…', '~ "it\'s" - naive.'],
    ['\u001B[7mé\u001B[27m', '\u001B[7me\u001B[27m'],
    ['中', '??'],
  ])('%j → %j', (text, ascii) => {
    expect(toAscii(text)).toBe(ascii);
  });

  test.each(['↔', '▶', '◀', '✔'])('%s keeps the cells string-width gives it', (symbol) => {
    expect(stringWidth(toAscii(`a${symbol}b`))).toBe(stringWidth(`a${symbol}b`));
  });

  test('is ASCII, and as wide as the text, so a screen keeps its layout', () => {
    const unit = fc.oneof(
      fc.constantFrom(...'┌─┬┐│├┼┤└┴┘═║╔⊛×−·…›‹←→↑↓▼▲░▒▓█▁▂▃▄▅▆▇≈≤≥✓✗⟳•éÅñ中文ab 1()'),
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0xa0, max: 0x2fff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        const ascii = toAscii(text);
        expect(ascii).toMatch(/^[\u0020-\u007E]*$/);
        expect(stringWidth(ascii)).toBe(stringWidth(text));
      }),
    );
  });
});

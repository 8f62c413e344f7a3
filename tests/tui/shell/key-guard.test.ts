import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ESCAPE_KEY, createKeyGuard, isInkKey } from '../../../src/tui/shell/input/key-guard.js';
// Ink's own input parser, to check that every piece the guard hands on is one whole key to it.
import { createInputParser } from '../../../node_modules/ink/build/input-parser.js';
import { candidateSequences } from './hostile-input.js';

const ESC = '\u001B';

function pieces(...chunks: string[]): { keys: string[]; holding: boolean } {
  const guard = createKeyGuard();
  const keys = chunks.flatMap((c) => guard.push(c));
  return { keys, holding: guard.holding };
}

describe('the key guard', () => {
  test.each([
    // Keys in Ink's table pass unchanged.
    [`${ESC}[A`, [`${ESC}[A`]],
    [`${ESC}[1;5C`, [`${ESC}[1;5C`]],
    [`${ESC}OH`, [`${ESC}OH`]],
    [`${ESC}[3~`, [`${ESC}[3~`]],
    [`${ESC}[6;5~`, [`${ESC}[6;5~`]],
    [`${ESC}${ESC}[A`, [`${ESC}${ESC}[A`]],
    [`${ESC}[Z`, [`${ESC}[Z`]],
    [`${ESC}x`, [`${ESC}x`]],
    [`${ESC}\r`, [`${ESC}\r`]],
    // The sequences that ended the tutor, and others Ink cannot name, go whole.
    [`${ESC}[1;5P`, []],
    [`${ESC}[1;5S`, []],
    [`${ESC}[6n`, []],
    [`${ESC}[1;5R`, []],
    [`${ESC}[P`, []],
    [`${ESC}[97;5u`, []],
    [`${ESC}O5P`, []],
    // The paste markers pass: the shell puts the paste back together.
    [`${ESC}[200~12${ESC}[201~`, [`${ESC}[200~`, '12', `${ESC}[201~`]],
    [`${ESC}[M !!a`, ['a']],
    [`${ESC}[M !${ESC}[A`, [`${ESC}[A`]],
    [`${ESC}]0;cut short${ESC}[Aa`, [`${ESC}[A`, 'a']],
    // Strings, to BEL or ST, in 7- and 8-bit forms.
    [`${ESC}]0;title\u0007a`, ['a']],
    [`${ESC}]52;c;aGk=${ESC}\\a`, ['a']],
    [`${ESC}Pq#0;2;0;0;0${ESC}\\a`, ['a']],
    [`\u009D0;t\u009Ca`, ['a']],
    [`\u009B1;5Pa`, ['a']],
    // Text, with its editing keys, and Ctrl letters on their own; other controls go.
    ['12\r', ['12\r']],
    ['1\u00032', ['1', '\u0003', '2']],
    ['1\u001C\u0000\u00852', ['1', '2']],
    ['a\uFFFDb', ['a', 'b']],
    [`${ESC}\u0003`, []],
    // Alt with punctuation or a letter beyond ASCII: Ink would type the character.
    [`${ESC}!`, []],
    [`${ESC} `, []],
    [`${ESC}\u00E9`, []],
    // Escapes: ESC ESC is one Escape (as Ink reads it), and a malformed CSI is dropped.
    [`${ESC}${ESC}q`, [ESCAPE_KEY, 'q']],
    [`${ESC}[1;${ESC}[A`, [`${ESC}[A`]],
  ])('%j → %j', (input, keys) => {
    expect(pieces(input)).toEqual({ keys, holding: false });
  });

  test('a sequence cut off at the end of a chunk is completed by the next', () => {
    expect(pieces(`12${ESC}[1;`, '5P3')).toEqual({ keys: ['12', '3'], holding: false });
    expect(pieces(`${ESC}`, '[A')).toEqual({ keys: [`${ESC}[A`], holding: false });
    expect(pieces(`${ESC}]0;ti`, 'tle', `\u0007a`)).toEqual({ keys: ['a'], holding: false });
    expect(pieces(`${ESC}]0;t${ESC}`, '\\a')).toEqual({ keys: ['a'], holding: false });
    expect(pieces(`${ESC}[${'9'.repeat(100)}`, `${'9'.repeat(100)}A!`)).toEqual({
      keys: ['!'],
      holding: false,
    });
  });

  test('what is held when nothing follows: Escape is the Escape key, the rest is dropped', () => {
    for (const [held, keys] of [
      [ESC, [ESCAPE_KEY]],
      [ESC + ESC, [ESCAPE_KEY]],
      [`${ESC}[1;5`, []],
      [`${ESC}O`, []],
      [`${ESC}]0;title`, []],
    ] as const) {
      const guard = createKeyGuard();
      expect(guard.push(held)).toEqual([]);
      expect(guard.holding).toBe(true);
      expect(guard.flush()).toEqual(keys);
      expect(guard.holding).toBe(false);
    }
  });

  test('the Escape key it hands on is Escape to Ink, whole', () => {
    const parser = createInputParser();
    expect(parser.push(ESCAPE_KEY)).toEqual([ESCAPE_KEY]);
    expect(parser.hasPendingEscape()).toBe(false);
  });

  const candidates = candidateSequences();

  test('the candidates cover the ground (CSI with every final byte, SS3, strings, controls)', () => {
    expect(candidates.length).toBeGreaterThan(1700);
    expect(candidates).toContain(`${ESC}[1;5P`);
    expect(candidates).toContain(`${ESC}[6n`);
    expect(candidates).toContain(`${ESC}[1;5R`);
  });

  test('every piece of every candidate is one whole key to Ink’s own parser', () => {
    for (const candidate of candidates) {
      const guard = createKeyGuard();
      const keys = [...guard.push(candidate), ...guard.flush()];
      for (const key of keys) {
        const parser = createInputParser();
        expect(parser.push(key), JSON.stringify(candidate)).toEqual([key]);
        expect(parser.hasPendingEscape()).toBe(false);
      }
    }
  });

  test('an emoji cut between its two halves is read as one character', () => {
    expect(pieces('aaa😀').keys.join('')).toBe('aaa😀');
    const cut = pieces('aaa\uD83D', '\uDE00');
    expect(cut.keys.join('')).toBe('aaa😀');
    expect(cut.holding).toBe(false);
    expect(pieces(`aaa${ESC}\uD83D`, '\uDE00').keys.join('')).toBe(
      pieces(`aaa${ESC}😀`).keys.join(''),
    );
  });

  test('how the input is cut into chunks changes nothing', () => {
    const unit = fc.oneof(
      fc.constantFrom(...candidates),
      fc.string({ unit: fc.constantFrom('a', '1', ' ', '\r', ESC, '[', ';', '5', 'P', '\u0007') }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), fc.array(fc.nat()), (parts, cuts) => {
        const input = parts.join('');
        const at = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, k) => input.slice(from, [...at, input.length][k]));
        const whole = pieces(input);
        const cut = pieces(...chunks);
        expect(cut.keys.join('')).toBe(whole.keys.join(''));
        expect(cut.holding).toBe(whole.holding);
      }),
    );
  });

  test('isInkKey: only what Ink names', () => {
    expect(isInkKey(`${ESC}[A`)).toBe(true);
    expect(isInkKey(`${ESC}[1;5A`)).toBe(true);
    expect(isInkKey(`${ESC}[[5~`)).toBe(true);
    expect(isInkKey(`${ESC}[1;5P`)).toBe(false);
    expect(isInkKey(`${ESC}[6n`)).toBe(false);
    expect(isInkKey(`${ESC}O5A`)).toBe(false);
    expect(isInkKey(`${ESC}[9~`)).toBe(false);
  });
});

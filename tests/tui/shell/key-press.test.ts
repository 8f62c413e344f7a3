/** Input events → keys: every byte sequence is a key, a paste, or nothing, and never throws. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type KeyPress,
  PASTE_END,
  PASTE_START,
  decodeEvent,
  named,
  typed,
} from '../../../src/tui/shell/input/key-press.js';
import { KeyReader, MAX_PASTE } from '../../../src/tui/shell/input/key-reader.js';

/** A key as a short string, for readable tables: `enter`, `ctrl+c`, `text:ab`, `paste:1 2`. */
function show(k: KeyPress): string {
  const mods = `${k.ctrl ? 'ctrl+' : ''}${k.meta ? 'alt+' : ''}${k.shift && k.name ? 'shift+' : ''}`;
  if (k.name) return `${mods}${k.name}`;
  if (k.ctrl || k.meta) return `${mods}${k.text}`;
  return `${k.paste ? 'paste' : 'text'}:${k.text}`;
}

describe('decodeEvent', () => {
  test.each([
    ['\r', ['enter']],
    ['\n', ['enter']],
    ['\t', ['tab']],
    ['\x7f', ['backspace']],
    ['\b', ['backspace']],
    ['\x1b', ['escape']],
    ['\x03', ['ctrl+c']],
    ['\x15', ['ctrl+u']],
    ['\x17', ['ctrl+w']],
    ['q', ['text:q']],
    [' ', ['text: ']],
    ['×', ['text:×']],
    ['\x1b[A', ['up']],
    ['\x1b[B', ['down']],
    ['\x1b[C', ['right']],
    ['\x1b[D', ['left']],
    ['\x1bOA', ['up']],
    ['\x1b[H', ['home']],
    ['\x1b[F', ['end']],
    ['\x1b[1~', ['home']],
    ['\x1b[4~', ['end']],
    ['\x1b[5~', ['pageup']],
    ['\x1b[6~', ['pagedown']],
    ['\x1b[3~', ['delete']],
    ['\x1b[Z', ['shift+backtab']],
    ['\x1b[1;5C', ['ctrl+right']],
    ['\x1b[1;3D', ['alt+left']],
    ['\x1bb', ['alt+b']],
    ['\x1b\x1b', ['escape']],
    // Keys and text in one run (a fast typist, tmux): split into what they are.
    ['5\r', ['text:5', 'enter']],
    ['\x7f3\r', ['backspace', 'text:3', 'enter']],
    ['2\t', ['text:2', 'tab']],
    ['ab\x7fc', ['text:a', 'text:b', 'backspace', 'text:c']],
    // Short runs are keys typed fast (tmux sends `nnn` in one write); long ones are pastes.
    ['nnn', ['text:n', 'text:n', 'text:n']],
    ['123456789', ['paste:123456789']],
    // Line breaks and tabs inside pasted text belong to the paste (a grid's rows and cells).
    ['1 2\n3 4', ['paste:1 2\n3 4']],
    ['1\t2\r\n3\t4\r', ['paste:1\t2\n3\t4', 'enter']],
  ])('%j', (raw, keys) => {
    expect(decodeEvent(raw).map(show)).toEqual(keys);
  });

  test.each([
    ['Ctrl+F1 … F4', ['\x1b[1;5P', '\x1b[1;5Q', '\x1b[1;5R', '\x1b[1;5S']],
    ['a cursor position report and its query', ['\x1b[6n', '\x1b[12;40R']],
    ['F1 as SS3 and the Linux console', ['\x1bOP', '\x1b[[A']],
    ['F5 and beyond', ['\x1b[15~', '\x1b[24;2~']],
    ['device attributes', ['\x1b[?1;2c']],
    ['focus in and out', ['\x1b[I', '\x1b[O']],
    ['a paste end without a start', [PASTE_END]],
    ['C1 controls and NUL', ['\u0085', '\u009b', '\x00', '\x1c']],
  ])('%s mean nothing', (_name, sequences) => {
    for (const raw of sequences) expect(decodeEvent(raw), JSON.stringify(raw)).toEqual([]);
  });

  test('any string decodes without throwing, into keys whose text holds no control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        for (const key of decodeEvent(raw)) {
          if (key.paste) expect(key.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
          else expect(key.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('the constructors make plain keys', () => {
    expect(named('enter')).toEqual({
      name: 'enter',
      text: '',
      ctrl: false,
      meta: false,
      shift: false,
      paste: false,
    });
    expect(typed('ab', { paste: true }).paste).toBe(true);
  });
});

describe('KeyReader', () => {
  test('a bracketed paste is one key however the terminal cut it, with its line breaks', () => {
    const reader = new KeyReader();
    const keys = [PASTE_START, '1 2\r', '\x1b', '[x3 4', PASTE_END, '\r'].flatMap((e) =>
      reader.push(e),
    );
    expect(keys.map(show)).toEqual(['paste:1 2\n[x3 4', 'enter']);
  });

  test('a paste of one character is still a paste, never a command', () => {
    const reader = new KeyReader();
    expect([PASTE_START, 'q', PASTE_END].flatMap((e) => reader.push(e)).map(show)).toEqual([
      'paste:q',
    ]);
  });

  test('pieces of a 100 KB paste come back whole and in order', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `${i % 97} `).join('');
    const reader = new KeyReader();
    const keys = [PASTE_START];
    for (let i = 0; i < text.length; i += 4096) keys.push(text.slice(i, i + 4096));
    keys.push(PASTE_END);
    const out = keys.flatMap((e) => reader.push(e));
    expect(out).toHaveLength(1);
    expect(out[0].text).toBe(text);
  });

  test('a paste that never ends is taken as it is by flush, and is cut at the limit', () => {
    const reader = new KeyReader();
    reader.push(PASTE_START);
    reader.push('x'.repeat(MAX_PASTE + 10));
    expect(reader.inPaste).toBe(true);
    const [key] = reader.flush();
    expect(key.text).toHaveLength(MAX_PASTE);
    expect(reader.inPaste).toBe(false);
    expect(reader.push('q').map(show)).toEqual(['text:q']);
  });
});

import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { keyByKey, keysOf } from '../../src/tui/input/key-by-key.js';

describe('keysOf', () => {
  test.each([
    ['a', ['a']],
    ['abc', ['abc']],
    ['5\r', ['5', '\r']],
    ['\x7f3\r', ['\x7f', '3', '\r']],
    ['\r\r', ['\r', '\r']],
    ['\r5', ['\r', '5']],
    ['ab\x7f\x7fc', ['ab', '\x7f', '\x7f', 'c']],
    ['1 2\n3 4\r\n', ['1 2\n3 4', '\r']],
    ['\b', ['\b']],
    ['2\t', ['2', '\t']],
    ['\t3', ['\t', '3']],
    ['1\t2\t3\n4\t5\t6\n', ['1\t2\t3\n4\t5\t6', '\r']],
    ['1 2\n3 4\n\n', ['1 2\n3 4\n', '\r']],
    // Escape sequences are Ink's to split.
    ['\x1b[D5\r', ['\x1b[D5\r']],
  ])('%j → %j', (chunk, keys) => {
    expect(keysOf(chunk)).toEqual(keys);
  });

  test('the keys hold the same text, with Enter and Backspace each on their own', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '1', ' ', '\r', '\n', '\t', '\x7f') }),
        (s) => {
          const keys = keysOf(s);
          const text = (x: string) => x.replace(/[\r\n\t\x7f]/g, '');
          expect(keys.map(text).join('')).toBe(text(s));
          for (const k of keys) if (/[\x7f\b]/.test(k)) expect(k).toBe('\x7f');
        },
      ),
    );
  });
});

class FakeStdin extends EventEmitter {
  isTTY = true;
  chunks: string[] = [];
  rawMode = false;
  read(): string | null {
    return this.chunks.shift() ?? null;
  }
  setRawMode(on: boolean): this {
    this.rawMode = on;
    return this;
  }
}

describe('keyByKey', () => {
  test('read() hands out one key at a time, then null', () => {
    const source = new FakeStdin();
    const stdin = keyByKey(source);
    source.chunks.push('12\r', '\x7f');
    const reads: Array<string | null> = [];
    for (let k = 0; k < 5; k++) reads.push(stdin.read());
    expect(reads).toEqual(['12', '\r', '\x7f', null, null]);
  });

  test('everything else is the stream itself', () => {
    const source = new FakeStdin();
    const stdin = keyByKey(source);
    expect(stdin.isTTY).toBe(true);
    stdin.setRawMode(true);
    expect(source.rawMode).toBe(true);
    let heard = 0;
    stdin.on('readable', () => heard++);
    source.emit('readable');
    expect(heard).toBe(1);
  });
});

describe('raw mode', () => {
  class Terminal extends FakeStdin {
    modes: boolean[] = [];
    override setRawMode(on: boolean): this {
      this.modes.push(on);
      return super.setRawMode(on);
    }
  }
  const turn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

  test('a terminal is in raw mode from the start, before Ink draws or asks', () => {
    const source = new Terminal();
    keyByKey(source);
    expect(source.rawMode).toBe(true);
  });

  test('Ink letting go and taking hold again between two screens never leaves raw mode', async () => {
    const source = new Terminal();
    const stdin = keyByKey(source);
    stdin.setRawMode(true);
    // The old screen's input hook lets go, the new one's takes hold, in the same commit.
    stdin.setRawMode(false);
    stdin.setRawMode(true);
    await turn();
    expect(source.modes).not.toContain(false);
    expect(source.rawMode).toBe(true);
  });

  test('Ink letting go for good leaves raw mode once the event loop has gone round', async () => {
    const source = new Terminal();
    const stdin = keyByKey(source);
    stdin.setRawMode(false);
    await turn();
    expect(source.rawMode).toBe(false);
  });
});

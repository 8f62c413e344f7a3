import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import { guardedStdin } from '../../../src/tui/shell/input/guarded-stdin.js';
import { PASTE_END, PASTE_START } from '../../../src/tui/shell/input/key-press.js';

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

describe('guardedStdin', () => {
  test('read() hands out what the guard lets through, whole, then null', () => {
    const source = new FakeStdin();
    const stdin = guardedStdin(source);
    source.chunks.push('12\r', '\x1b[1;5P\x7f');
    const reads: Array<string | null> = [];
    for (let k = 0; k < 4; k++) reads.push(stdin.read());
    expect(reads.filter((r) => r !== null).join('')).toBe('12\r\x7f');
    expect(reads.at(-1)).toBeNull();
  });

  test('the paste markers the shell asks for pass, with the pasted text', () => {
    const source = new FakeStdin();
    const stdin = guardedStdin(source);
    source.chunks.push(`${PASTE_START}1 2\n3 4${PASTE_END}`);
    const reads: string[] = [];
    for (let r = stdin.read(); r !== null; r = stdin.read()) reads.push(String(r));
    expect(reads.join('')).toBe(`${PASTE_START}1 2\n3 4${PASTE_END}`);
  });

  test('everything else is the stream itself', () => {
    const source = new FakeStdin();
    const stdin = guardedStdin(source);
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
    guardedStdin(source);
    expect(source.rawMode).toBe(true);
  });

  test('Ink letting go and taking hold again between two screens never leaves raw mode', async () => {
    const source = new Terminal();
    const stdin = guardedStdin(source);
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
    const stdin = guardedStdin(source);
    stdin.setRawMode(false);
    await turn();
    expect(source.rawMode).toBe(false);
  });
});

/**
 * Every candidate sequence through the stdin the CLI gives Ink (`keyByKey`) and Ink's own
 * parsing, to a screen with a half-typed answer in a real (patched) ink-text-input field:
 * nothing throws, and what is no key leaves the answer as it was.
 */
import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { Text, render, useInput } from 'ink';
import TextInput from 'ink-text-input';
import { useState } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { keyByKey } from '../../src/tui/input/key-by-key.js';
import { candidateSequences, hostileSequences } from './hostile-input.js';

/** A terminal's stdin that remembers what Ink threw while reading it, instead of crashing. */
class FakeStdin extends EventEmitter {
  isTTY = true;
  errors: unknown[] = [];
  private chunks: string[] = [];
  write(chunk: string): void {
    this.chunks.push(chunk);
    this.emit('readable');
  }
  read(): string | null {
    return this.chunks.shift() ?? null;
  }
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    try {
      return super.emit(event, ...args);
    } catch (error) {
      this.errors.push(error);
      return true;
    }
  }
  setEncoding(): void {}
  setRawMode(): void {}
  ref(): void {}
  unref(): void {}
  resume(): void {}
  pause(): void {}
}

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 80;
  rows = 24;
  write = (): boolean => true;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The event loop has gone round twice: whatever the guard held is flushed and read. */
const turn = () =>
  new Promise<void>((resolve) => setImmediate(() => setImmediate(() => setImmediate(resolve))));

function mount() {
  const stdin = new FakeStdin();
  const state = { value: '', keys: 0, escapes: 0, reset: (_value: string) => {} };
  function Field() {
    const [value, setValue] = useState('12');
    state.value = value;
    state.reset = setValue;
    useInput((_input, key) => {
      state.keys++;
      if (key.escape) state.escapes++;
    });
    return (
      <>
        <Text>Answer ›</Text>
        <TextInput value={value} onChange={setValue} />
      </>
    );
  }
  const app = render(<Field />, {
    stdin: keyByKey(stdin) as unknown as NodeJS.ReadStream,
    stdout: new FakeStdout() as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return { stdin, state, app };
}

describe('hostile input through keyByKey and Ink', () => {
  let app: ReturnType<typeof mount>['app'] | undefined;
  afterEach(() => {
    app?.unmount();
    app = undefined;
  });

  test('no candidate sequence throws, each sent alone', async () => {
    const m = mount();
    app = m.app;
    await turn();
    for (const sequence of candidateSequences()) {
      m.stdin.write(sequence);
      await turn();
      expect(m.stdin.errors, JSON.stringify(sequence)).toEqual([]);
    }
  });

  test('a half-typed answer survives every sequence that is no key', async () => {
    const m = mount();
    app = m.app;
    await turn();
    expect(m.state.value).toBe('12');
    for (const sequence of hostileSequences()) {
      m.stdin.write(sequence);
      await turn();
      expect(m.state.value, JSON.stringify(sequence)).toBe('12');
    }
    expect(m.stdin.errors).toEqual([]);
    // The field still types.
    m.stdin.write('3');
    await turn();
    expect(m.state.value).toBe('123');
  });

  test('storms of them, cut into chunks anywhere, neither throw nor touch the answer', async () => {
    const m = mount();
    app = m.app;
    await turn();
    const hostile = hostileSequences();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...hostile), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (parts, cuts) => {
          m.state.reset('12');
          await turn();
          const input = parts.join('');
          const at = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
          // All chunks within one turn of the event loop, as a terminal's bursts arrive.
          for (const [k, from] of [0, ...at].entries()) {
            m.stdin.write(input.slice(from, [...at, input.length][k]));
          }
          await turn();
          expect(m.stdin.errors).toEqual([]);
          expect(m.state.value).toBe('12');
        },
      ),
      { numRuns: 150 },
    );
  });

  test('Escape alone is Escape; ESC and the rest of a sequence in two reads are one sequence', async () => {
    const m = mount();
    app = m.app;
    await turn();
    m.stdin.write('\u001B');
    // It waits a moment (ESCAPE_WAIT_MS) for the rest of a sequence that does not come.
    for (let waited = 0; m.state.escapes === 0 && waited < 2000; waited += 5) await delay(5);
    expect(m.state.escapes).toBe(1);
    // ESC, then the rest of a sequence in another read of the same turn: one sequence, dropped.
    const keys = m.state.keys;
    m.stdin.write('\u001B');
    m.stdin.write('[1;5P');
    await turn();
    expect(m.state.keys).toBe(keys);
    expect(m.stdin.errors).toEqual([]);
  });
});

/**
 * Every candidate sequence through the stack the CLI mounts (the guarded stdin, Ink's parsing,
 * the shell), to a screen with a half-typed answer in its ink-text-input field: nothing
 * throws, and what is no key leaves the answer as it was.
 */
import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { render } from 'ink';
import { afterEach, describe, expect, test } from 'vitest';
import { FLAG } from '../../../src/tui/shell/chrome.js';
import { guardedStdin } from '../../../src/tui/shell/input/guarded-stdin.js';
import type { ScreenDef } from '../../../src/tui/shell/screen.js';
import { ShellRoot } from '../../../src/tui/shell/ShellRoot.js';
import { useScreen } from '../../../src/tui/shell/use-screen.js';
import { t } from '../fixture.js';
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

/**
 * Longer than the guard waits for the rest of a sequence (`ESCAPE_WAIT_MS`) and the shell takes
 * to hand the keys over one per commit: whatever a storm could do, it has done.
 */
const settled = () => delay(60);

interface Answer {
  readonly value: string;
  readonly escapes: number;
}

/** One answer line with focus; Escape is the screen's one command. */
const answer: ScreenDef<Answer, 'escape', 'answer'> = {
  commands: [
    { id: 'escape', keys: ['escape'], label: 'tui.cmd.leave-answer', contexts: ['answer'] },
  ],
  keys: (s) => ({
    context: 'answer',
    typing: s.value === '' ? 'empty' : 'text',
    flags: new Set([FLAG.field]),
  }),
  command: (s) => ({ ...s, escapes: s.escapes + 1 }),
  fieldChange: (s, _field, value) => ({ ...s, value }),
  frame: (s) => ({
    header: [],
    body: [],
    page: 'answer',
    field: { id: 'answer', label: 'Answer › ', value: s.value, placeholder: '', focused: true },
  }),
};

function mount() {
  const stdin = new FakeStdin();
  const state = { value: '', escapes: 0, reset: (_value: string) => {} };
  function Field() {
    const screen = useScreen(answer, () => ({ value: '12', escapes: 0 }), { t });
    state.value = screen.state.value;
    state.escapes = screen.state.escapes;
    state.reset = (value) => screen.update((s) => ({ ...s, value }));
    return screen.element;
  }
  const app = render(
    <ShellRoot>
      <Field />
    </ShellRoot>,
    {
      stdin: guardedStdin(stdin) as unknown as NodeJS.ReadStream,
      stdout: new FakeStdout() as unknown as NodeJS.WriteStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  return { stdin, state, app };
}

describe('hostile input through the guarded stdin, Ink and the shell', () => {
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
          // Cut between characters, as stdin decoded as UTF-8 is: never inside a surrogate pair.
          const input = [...parts.join('')];
          const at = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
          // All chunks within one turn of the event loop, as a terminal's bursts arrive.
          for (const [k, from] of [0, ...at].entries()) {
            m.stdin.write(input.slice(from, [...at, input.length][k]).join(''));
          }
          await settled();
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
    m.stdin.write('\u001B');
    m.stdin.write('[1;5P');
    await delay(60);
    expect(m.state.escapes).toBe(1);
    expect(m.state.value).toBe('12');
    expect(m.stdin.errors).toEqual([]);
  });
});

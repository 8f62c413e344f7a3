/**
 * The shell in Ink: one owner of stdin hands keys over one per commit, the focused field is an
 * ink-text-input fed through its own channel, a paste is one edit, and no byte sequence ends a
 * screen.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { FLAG } from '../../../src/tui/shell/chrome.js';
import { PASTE_END, PASTE_START } from '../../../src/tui/shell/input/key-press.js';
import type { ScreenDef } from '../../../src/tui/shell/screen.js';
import { useScreen } from '../../../src/tui/shell/use-screen.js';
import { mountScreen, unmountScreens } from '../../helpers/ink-screen.js';
import { delay, waitFor } from '../../helpers/wait-for.js';
import { t } from '../fixture.js';

interface Notes {
  readonly typing: boolean;
  readonly value: string;
  readonly saved: readonly string[];
  readonly edits: number;
}

/** A screen with one field: → focuses it, Enter saves what it holds and leaves it. */
const notes: ScreenDef<Notes, 'focus' | 'save', 'view' | 'typing'> = {
  commands: [
    { id: 'focus', keys: ['right'], label: 'tui.cmd.focus-answer', contexts: ['view'] },
    { id: 'save', keys: ['enter'], label: 'tui.cmd.submit', contexts: ['typing'] },
  ],
  keys: (s) =>
    s.typing
      ? {
          context: 'typing',
          typing: s.value === '' ? 'empty' : 'text',
          flags: new Set([FLAG.field]),
        }
      : { context: 'view', typing: 'none' },
  command: (s, id) =>
    id === 'focus'
      ? { ...s, typing: true }
      : { ...s, typing: false, value: '', saved: [...s.saved, s.value] },
  fieldChange: (s, _field, value) => ({ ...s, value, edits: s.edits + 1 }),
  frame: (s) => ({
    header: ['Notes'],
    body: s.saved.map((v) => `saved: ${v.length > 40 ? `${v.length} characters` : v}`),
    page: 'notes',
    field: { id: 'note', label: 'Note › ', value: s.value, placeholder: '', focused: s.typing },
  }),
};

afterEach(unmountScreens);

function mount() {
  let latest: Notes | undefined;
  function Notes() {
    const screen = useScreen(notes, () => ({ typing: false, value: '', saved: [], edits: 0 }), {
      t,
    });
    latest = screen.state;
    return screen.element;
  }
  const { stdin, frame } = mountScreen(<Notes />, { columns: 80, rows: 24 });
  return {
    stdin,
    frame,
    state: () => latest!,
    until: (check: () => boolean, timeout = 3000): Promise<void> =>
      waitFor(check, {
        timeout,
        describe: () => `state ${JSON.stringify(latest)}; frame:\n${frame()}`,
      }),
  };
}

describe('ShellRoot', () => {
  test('keys in one chunk each meet the state the one before left', async () => {
    const s = mount();
    await s.until(() => s.frame().includes('Notes'));
    s.stdin.write('\x1b[Cabc\r\x1b[Cd\x7fef\r');
    await s.until(() => s.state().saved.length === 2);
    expect(s.state().saved).toEqual(['abc', 'ef']);
  });

  test('the field edits its own value: cursor keys, Home/End, Ctrl+W and Ctrl+U', async () => {
    const s = mount();
    await s.until(() => s.frame().includes('Notes'));
    s.stdin.write('\x1b[C');
    await s.until(() => s.state().typing);
    // "12 34", ← ← x → "12 3x4"; Home y → "y12 3x4"; End, Ctrl+W → "y12 "; Ctrl+U → "".
    for (const chunk of ['12 34', '\x1b[D', '\x1b[D', 'x', '\x1b[H', 'y', '\x1b[F', '\x17']) {
      s.stdin.write(chunk);
      await delay(20);
    }
    await s.until(() => s.state().value === 'y12 ');
    s.stdin.write('\x15');
    await s.until(() => s.state().value === '');
    s.stdin.write('z\r');
    await s.until(() => s.state().saved.length === 1);
    expect(s.state().saved).toEqual(['z']);
  });

  test('a bracketed paste of 100 KB lands whole, as one edit, then Enter saves it', async () => {
    const s = mount();
    await s.until(() => s.frame().includes('Notes'));
    s.stdin.write('\x1b[C');
    await s.until(() => s.state().typing);
    const text = Array.from({ length: 20_000 }, (_, i) => `${i % 10} `)
      .join('')
      .trim();
    s.stdin.write(PASTE_START);
    for (let i = 0; i < text.length; i += 4096) s.stdin.write(text.slice(i, i + 4096));
    s.stdin.write(PASTE_END);
    await s.until(() => s.state().value.length === text.length);
    expect(s.state().value).toBe(text);
    expect(s.state().edits).toBe(1);
    s.stdin.write('\r');
    await s.until(() => s.state().saved.length === 1);
    expect(s.state().saved[0]).toBe(text);
    expect(s.frame()).toContain(`saved: ${text.length} characters`);
  });

  test('no storm of escape sequences and control bytes ends the screen or touches the field', async () => {
    const s = mount();
    await s.until(() => s.frame().includes('Notes'));
    s.stdin.write('\x1b[C');
    await s.until(() => s.state().typing);
    s.stdin.write('half');
    await s.until(() => s.state().value === 'half');
    // Sequences that type nothing in a field: unknown CSI/SS3/OSC, queries' answers, C0/C1
    // bytes (not Enter, Tab, Backspace, Ctrl+C/U/W, which are keys), arrows Up/Down.
    const noise = fc.constantFrom(
      '\x1b[1;5P',
      '\x1b[1;5Q',
      '\x1b[1;5R',
      '\x1b[1;5S',
      '\x1b[6n',
      '\x1b[12;40R',
      '\x1bOP',
      '\x1b[15~',
      '\x1b[?1;2c',
      '\x1b[I',
      '\x1b[O',
      '\x1b[A',
      '\x1b[B',
      '\x00',
      '\x1c',
      '\x1d',
      '\x1e',
      '\x1f',
      '\u0085',
      '\u009b',
      PASTE_END,
    );
    const storms = fc.sample(fc.array(noise, { minLength: 20, maxLength: 60 }), {
      numRuns: 5,
      seed: 7,
    });
    for (const storm of storms) {
      s.stdin.write(storm.join(''));
      await delay(20);
    }
    s.stdin.write('!');
    await s.until(() => s.state().value === 'half!');
    expect(s.frame()).toContain('Note › half!');
  });
});

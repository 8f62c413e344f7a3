/**
 * The text field as the product uses it: ink-text-input (with
 * `patches/ink-text-input+6.0.0.patch`) fed through the shell (`ShellRoot` reads stdin, hands
 * one key per commit to the screen, and the screen passes the field's keys on through the
 * field's own input channel, `field-channel.ts`). The screen is the student prompt
 * (`prompt-screen.ts`), mounted with `useScreen` so the test can read the value from its state.
 *
 * Each case is also run against plain behaviour where that can fail it: the unpatched
 * ink-text-input (rebuilt here by taking the patch back out) behind the same shell, or the
 * field on Ink's stdin with no shell in front of it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { type FunctionComponent, useLayoutEffect, useMemo, useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import * as promptModule from '../../src/tui/lab/prompt-screen.js';
import type { PromptState } from '../../src/tui/lab/prompt-screen.js';
import { createFieldChannel, encodeKey } from '../../src/tui/shell/field-channel.js';
import { named, typed } from '../../src/tui/shell/input/key-press.js';
import * as shellRootModule from '../../src/tui/shell/ShellRoot.js';
import * as useScreenModule from '../../src/tui/shell/use-screen.js';
import { ROOT, t } from '../grade/make-class.js';
import { KEYS } from '../helpers/fake-terminal.js';
import { type InkScreen, mountScreen, unmountScreens } from '../helpers/ink-screen.js';
import { waitFor as waitForState } from '../helpers/wait-for.js';

// ---- Mounting a field ----

/** The modules a prompt in the shell is built from; the control swaps the ink-text-input under them. */
interface ShellModules {
  readonly ShellRoot: typeof shellRootModule.ShellRoot;
  readonly useScreen: typeof useScreenModule.useScreen;
  readonly promptScreen: typeof promptModule.promptScreen;
  readonly INITIAL_PROMPT: typeof promptModule.INITIAL_PROMPT;
}

const PATCHED_SHELL: ShellModules = {
  ShellRoot: shellRootModule.ShellRoot,
  useScreen: useScreenModule.useScreen,
  promptScreen: promptModule.promptScreen,
  INITIAL_PROMPT: promptModule.INITIAL_PROMPT,
};

interface Mounted {
  /** Every value the field held, in order, once each. */
  readonly values: string[];
  /** What each Enter submitted (the field's value then). */
  readonly submitted: string[];
  readonly screen: InkScreen;
  last(): string;
  write(chunk: string): void;
  frame(): string;
  state?: () => PromptState;
}

afterEach(unmountScreens);

/** The field with what it held and submitted, on a screen mounted by the harness. */
function mountedOn(
  screen: InkScreen,
  values: string[],
  submitted: string[],
  state?: () => PromptState,
): Mounted {
  return {
    values,
    submitted,
    screen,
    last: () => values.at(-1)!,
    write: (chunk) => screen.stdin.write(chunk),
    frame: screen.frame,
    ...(state === undefined ? {} : { state }),
  };
}

function track(values: string[], value: string): void {
  if (values.at(-1) !== value) values.push(value);
}

/** The student prompt in the shell; `askCode` makes Enter on an id open the access-code field. */
function inShell(modules: ShellModules, options: { askCode?: boolean } = {}): Mounted {
  const values: string[] = [''];
  const submitted: string[] = [];
  let latest: PromptState = modules.INITIAL_PROMPT;
  function Prompt() {
    const def = useMemo(() => {
      const prompt = modules.promptScreen({
        title: 'Lab 1',
        why: 'Your id names your file.',
        t,
        askCode: () => options.askCode === true,
      });
      // What each Enter meets: the value as the keys before it left it.
      return {
        ...prompt,
        command: (state: PromptState, id: Parameters<typeof prompt.command>[1]) => {
          if (id === 'submit') submitted.push(state.value);
          return prompt.command(state, id);
        },
      };
    }, []);
    const screen = modules.useScreen(def, () => modules.INITIAL_PROMPT, { t });
    const { state } = screen;
    useLayoutEffect(() => {
      latest = state;
      track(values, state.value);
    });
    return screen.element;
  }
  return mountedOn(
    mountScreen(<Prompt />, { shell: modules.ShellRoot }),
    values,
    submitted,
    () => latest,
  );
}

/** An ink-text-input on Ink's own stdin, as its readme shows it: no shell in front. */
function onInkStdin(Input: FunctionComponent<Parameters<typeof TextInput>[0]>): Mounted {
  const values: string[] = [''];
  const submitted: string[] = [];
  function Field() {
    const [value, setValue] = useState('');
    return (
      <Box>
        <Text>Student id: </Text>
        <Input
          value={value}
          onChange={(next) => {
            track(values, next);
            setValue(next);
          }}
          onSubmit={(v) => submitted.push(v)}
        />
      </Box>
    );
  }
  return mountedOn(mountScreen(<Field />, { shell: null }), values, submitted);
}

/** Until no frame has come for `quiet` ms: what the chunks written so far caused is drawn. */
async function settle(m: Mounted, quiet = 60): Promise<void> {
  await m.screen.settle(0, quiet);
}

async function waitFor(m: Mounted, check: () => boolean, timeout = 3000): Promise<void> {
  await waitForState(check, {
    timeout,
    describe: () => `values ${JSON.stringify(m.values)}, frame:\n${m.frame()}`,
  });
}

/** The first frame, with the field in it (and, in the shell, listening). */
async function ready(m: Mounted): Promise<void> {
  await waitFor(m, () => m.frame() !== '');
  await m.screen.ready(3000);
}

// ---- The cases ----

/**
 * What plain behaviour fails a case: `unpatched`, the unpatched ink-text-input behind the same
 * shell (chunks written at once); `unshelled`, the patched one on Ink's stdin (chunks written
 * at once); `bare`, the unpatched one on Ink's stdin (each chunk once the last is drawn).
 */
type Plain = 'unpatched' | 'unshelled' | 'bare';

interface Case {
  readonly name: string;
  /** Written to stdin one after another without waiting. */
  readonly chunks: readonly string[];
  /** The field's value at the end. */
  readonly value: string;
  /** What Enter submitted, in order. @default none */
  readonly submitted?: readonly string[];
  /** Every value the field held, when the steps matter. */
  readonly values?: readonly string[];
  readonly plain?: Plain;
}

const CASES: readonly Case[] = [
  {
    name: 'keys typed faster than the field redraws are all kept, Backspace included',
    chunks: ['a', 'b', 'c', '1', '2', KEYS.backspace, KEYS.backspace, '9'],
    value: 'abc9',
    values: ['', 'a', 'ab', 'abc', 'abc1', 'abc12', 'abc1', 'abc', 'abc9'],
    plain: 'unshelled',
  },
  // A plain ink-text-input takes a one-chunk paste as text too: nothing to fail here.
  { name: 'a run of text in one chunk is typed whole', chunks: ['abc'], value: 'abc' },
  {
    name: 'a pasted grid keeps its rows, as `; `',
    chunks: ['1 2\n3 4'],
    value: '1 2; 3 4',
    plain: 'unshelled',
  },
  {
    name: 'text and Enter in one chunk: the text, then Enter submits it',
    chunks: ['5\r'],
    value: '5',
    submitted: ['5'],
    plain: 'unshelled',
  },
  {
    name: 'Backspace, a digit and Enter in one chunk',
    chunks: ['12', '\x7f3\r'],
    value: '13',
    submitted: ['13'],
    plain: 'unshelled',
  },
  {
    name: 'Enter right after the last key submits the text as it is then, not a key behind',
    chunks: ['4', '2', KEYS.enter],
    value: '42',
    submitted: ['42'],
    plain: 'unshelled',
  },
  // The shell does not pass ← to an empty field (it has no cursor to move), and a plain field
  // would type the digit all the same: nothing to fail here.
  { name: '← on an empty field, then a digit', chunks: [KEYS.left, '7'], value: '7' },
  {
    name: 'the cursor stays inside the text when ← or → goes past an end',
    chunks: ['1', '2', ...Array(3).fill(KEYS.left), '3', ...Array(4).fill(KEYS.right), '4'],
    value: '3124',
    plain: 'unpatched',
  },
  {
    name: '← keys and a digit in one chunk, one ← more than the text is long',
    chunks: ['12', `${KEYS.left}${KEYS.left}${KEYS.left}3`],
    value: '312',
    plain: 'unpatched',
  },
  {
    name: 'Home moves the cursor to the start, End to the end',
    chunks: ['5/9', KEYS.home, '-', KEYS.left, KEYS.end, '0'],
    value: '-5/90',
    plain: 'unpatched',
  },
  {
    name: 'Ctrl+U clears the line, wherever the cursor is',
    chunks: ['abc def', KEYS.left, KEYS.left, KEYS.ctrlU, 'x'],
    value: 'x',
    values: ['', 'a', 'ab', 'abc', 'abc ', 'abc d', 'abc de', 'abc def', '', 'x'],
    plain: 'unpatched',
  },
  {
    name: 'Ctrl+W erases the word before the cursor and the spaces after it',
    chunks: ['alpha beta gamma', ...Array(5).fill(KEYS.left), KEYS.ctrlW],
    value: 'alpha gamma',
    plain: 'unpatched',
  },
  {
    name: 'Ctrl+W at the end, twice, then typing',
    chunks: ['alpha beta ', KEYS.ctrlW, KEYS.ctrlW, 'x'],
    value: 'x',
    values: ['', 'alpha beta ', 'alpha ', '', 'x'],
    plain: 'unpatched',
  },
  {
    name: 'Ctrl or Alt with a letter types nothing',
    chunks: ['5', KEYS.ctrlA, KEYS.altB, '6'],
    value: '56',
    values: ['', '5', '56'],
    plain: 'bare',
  },
];

async function typeAll(m: Mounted, chunks: readonly string[]): Promise<void> {
  await ready(m);
  for (const chunk of chunks) m.write(chunk);
}

describe('the text field fed through the shell', () => {
  test.each(CASES)('$name', async (c) => {
    const m = inShell(PATCHED_SHELL);
    await typeAll(m, c.chunks);
    await waitFor(
      m,
      () => m.last() === c.value && m.submitted.length === (c.submitted ?? []).length,
    );
    await settle(m);
    expect(m.last()).toBe(c.value);
    expect(m.submitted).toEqual(c.submitted ?? []);
    if (c.values) expect(m.values).toEqual(c.values);
    // What the field shows is the value in the screen's state.
    expect(m.frame()).toContain(`Student id: ${c.value}`);
  });
});

describe('a key arriving right after a field is focused', () => {
  test('the first keys, written as soon as the prompt is drawn', async () => {
    const m = inShell(PATCHED_SHELL);
    await ready(m);
    m.write('a');
    m.write('l');
    await waitFor(m, () => m.last() === 'al');
    await settle(m);
    expect(m.values).toEqual(['', 'a', 'al']);
  });

  test.each([
    ['the id and Enter in one chunk, the code in the next', ['alice\r', 'ABCD']],
    ['separate keys, at once', ['a', 'l', 'i', 'c', 'e', KEYS.enter, 'A', 'B', 'C', 'D']],
  ])(
    'Enter on the id opens the code field and what follows lands in it (%s)',
    async (_, chunks) => {
      const m = inShell(PATCHED_SHELL, { askCode: true });
      await typeAll(m, chunks);
      await waitFor(m, () => m.state!().step === 'code' && m.last() === 'ABCD');
      await settle(m);
      expect(m.state!()).toMatchObject({ step: 'code', student: 'alice', value: 'ABCD' });
      expect(m.submitted).toEqual(['alice']);
      expect(m.frame()).toContain('Student id: alice');
      expect(m.frame()).toContain('Access code: ABCD');
    },
  );

  // With no shell there is no screen that focuses a field, so this has no plain counterpart;
  // what makes it work is that a key waits while no field listens yet (`send` says so).
  test('a key sent while no field listens waits instead of being lost', () => {
    const channel = createFieldChannel();
    const seen: string[] = [];
    expect(channel.send(typed('4'))).toBe(false);
    channel.emitter.on('input', (bytes: string) => seen.push(bytes));
    expect(channel.send(typed('4'))).toBe(true);
    expect(seen).toEqual(['4']);
  });
});

describe('the bytes the field is given', () => {
  test('its editing keys as a terminal sends them, and nothing for a key it has no use for', () => {
    expect(encodeKey(named('left'))).toBe(KEYS.left);
    expect(encodeKey(named('home'))).toBe(KEYS.home);
    expect(encodeKey(named('end'))).toBe(KEYS.end);
    expect(encodeKey(named('backspace'))).toBe(KEYS.backspace);
    expect(encodeKey(typed('u', { ctrl: true }))).toBe(KEYS.ctrlU);
    expect(encodeKey(typed('w', { ctrl: true }))).toBe(KEYS.ctrlW);
    expect(encodeKey(typed('a', { ctrl: true }))).toBeUndefined();
    expect(encodeKey(typed('b', { meta: true }))).toBeUndefined();
    expect(encodeKey(named('left', { ctrl: true }))).toBeUndefined();
    expect(encodeKey(named('up'))).toBeUndefined();
    expect(encodeKey(typed('1 2\n3 4\t5', { paste: true }))).toBe('1 2; 3 4 5');
  });
});

// ---- The same cases against plain behaviour ----

/** `node_modules/ink-text-input/build/index.js` with the project's patch taken back out. */
function unpatchedSource(): string {
  const file = 'node_modules/ink-text-input/build/index.js';
  const patch = readFileSync(join(ROOT, 'patches/ink-text-input+6.0.0.patch'), 'utf8');
  const section = patch.split(/^diff --git /m).find((s) => s.startsWith(`a/${file} `));
  if (section === undefined) throw new Error(`The patch has no section for ${file}`);
  let text = readFileSync(join(ROOT, file), 'utf8');
  let from = 0;
  for (const hunk of section.split(/^@@ [^\n]*\n/m).slice(1)) {
    const patched: string[] = [];
    const original: string[] = [];
    for (const line of hunk.split('\n')) {
      if (line.startsWith(' ')) {
        patched.push(line.slice(1));
        original.push(line.slice(1));
      } else if (line.startsWith('+')) patched.push(line.slice(1));
      else if (line.startsWith('-')) original.push(line.slice(1));
    }
    const at = text.indexOf(patched.join('\n'), from);
    if (at < 0) throw new Error(`A hunk of the patch is not in ${file}`);
    text = text.slice(0, at) + original.join('\n') + text.slice(at + patched.join('\n').length);
    from = at + original.join('\n').length;
  }
  return text;
}

describe('against plain behaviour, each case fails', () => {
  let unpatchedShell: ShellModules;
  let UnpatchedInput: FunctionComponent<Parameters<typeof TextInput>[0]>;

  beforeAll(async () => {
    const source = unpatchedSource();
    expect(source).not.toContain('cnn-tutor patch');
    // Beside the project's node_modules, so it imports the same React, Ink and chalk.
    const dir = join(ROOT, 'node_modules/.cache/cnn-tutor-tests');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `ink-text-input.unpatched.${process.pid}.mjs`);
    writeFileSync(file, source);
    cleanup = () => rmSync(file, { force: true });
    const url = pathToFileURL(file).href;
    UnpatchedInput = ((await import(/* @vite-ignore */ url)) as { default: typeof TextInput })
      .default;
    // The shell's modules again, built on the unpatched field.
    vi.resetModules();
    vi.doMock('ink-text-input', () => import(/* @vite-ignore */ url));
    const [root, screen, prompt] = await Promise.all([
      import('../../src/tui/shell/ShellRoot.js'),
      import('../../src/tui/shell/use-screen.js'),
      import('../../src/tui/lab/prompt-screen.js'),
    ]);
    unpatchedShell = {
      ShellRoot: root.ShellRoot,
      useScreen: screen.useScreen,
      promptScreen: prompt.promptScreen,
      INITIAL_PROMPT: prompt.INITIAL_PROMPT,
    };
  });
  let cleanup = (): void => {};
  afterAll(() => {
    cleanup();
    vi.doUnmock('ink-text-input');
    vi.resetModules();
  });

  test('the rebuilt field is the unpatched one: Ctrl+U types a u', async () => {
    const m = onInkStdin(UnpatchedInput);
    await ready(m);
    m.write('a');
    await settle(m);
    m.write(KEYS.ctrlU);
    await settle(m);
    expect(m.last()).toBe('au');
  });

  const failing = CASES.filter((c) => c.plain !== undefined);
  test.each(failing)('$plain: $name', async (c) => {
    const m =
      c.plain === 'unpatched'
        ? inShell(unpatchedShell)
        : onInkStdin(c.plain === 'unshelled' ? TextInput : UnpatchedInput);
    await ready(m);
    if (c.plain === 'bare') {
      // As a person types: the field has redrawn before the next key comes.
      for (const chunk of c.chunks) {
        m.write(chunk);
        await settle(m);
      }
    } else for (const chunk of c.chunks) m.write(chunk);
    await settle(m);
    const outcome = { value: m.last(), submitted: m.submitted, values: m.values };
    const expected = {
      value: c.value,
      submitted: c.submitted ?? [],
      values: c.values ?? m.values,
    };
    // The plain field did take keys: it fails by what it made of them.
    expect(m.values.length).toBeGreaterThan(1);
    expect(outcome).not.toEqual(expected);
  });
});

import type { Key } from 'ink';
import { describe, expect, test } from 'vitest';
import {
  COMMANDS,
  type KeyContext,
  type KeyFlag,
  type KeyState,
  type Typing,
  activeKeys,
  boundCommands,
  commandFor,
  footerItems,
  helpItems,
  keyLabel,
  matchesKey,
} from '../../src/tui/keymap.js';
import { footerLines } from '../../src/tui/view/footer.js';
import { plainStyle } from '../../src/render/index.js';
import { t } from './fixture.js';
import { NO_KEY, key } from './keys.js';

const ALL_FLAGS = new Set<KeyFlag>([
  'scrollable',
  'generated',
  'grid-answer',
  'can-continue',
  'xo-tools',
]);
const CONTEXTS: KeyContext[] = [
  'home',
  'step',
  'demo',
  'prediction',
  'exercise',
  'answer',
  'grid-editor',
  'help',
  'quit-confirm',
  'too-small',
];
const TYPING_CONTEXTS = new Set<KeyContext>(['prediction', 'answer', 'grid-editor']);

/** Every context with every way its field can be. */
function allStates(): KeyState[] {
  return CONTEXTS.flatMap((context) => {
    const typings: Typing[] = TYPING_CONTEXTS.has(context) ? ['empty', 'text'] : ['none'];
    return typings.flatMap((typing) => [
      { context, typing, flags: new Set<KeyFlag>() },
      { context, typing, flags: ALL_FLAGS },
    ]);
  });
}

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

describe('commandFor', () => {
  const state = (
    context: KeyContext,
    typing: Typing = 'none',
    flags: Set<KeyFlag> = ALL_FLAGS,
  ): KeyState => ({ context, typing, flags });

  test.each([
    ['→ in a prose step', '', key({ rightArrow: true }), state('step'), 'next-step'],
    ['l in a prose step', 'l', key(), state('step'), 'next-step'],
    ['n in a prose step', 'n', key(), state('step'), 'next-step'],
    ['h in a prose step', 'h', key(), state('step'), 'prev-step'],
    ['p in a prose step', 'p', key(), state('step'), 'prev-step'],
    ['→ in the demo', '', key({ rightArrow: true }), state('demo'), 'demo-next'],
    ['p in the demo', 'p', key(), state('demo'), 'padding'],
    ['n in the demo', 'n', key(), state('demo'), 'next-step'],
    ['+ in the demo', '+', key(), state('demo'), 'stride-up'],
    ['- in the demo', '-', key(), state('demo'), 'stride-down'],
    ['space in the demo', ' ', key(), state('demo'), 'demo-play'],
    ['Esc in a step', '', key({ escape: true, meta: true }), state('step'), 'back'],
    [
      'Esc in the answer line',
      '',
      key({ escape: true, meta: true }),
      state('answer', 'text'),
      'leave-answer',
    ],
    ['Enter in the answer line', '\r', key({ return: true }), state('answer', 'text'), 'submit'],
    [
      '→ in an empty answer line',
      '',
      key({ rightArrow: true }),
      state('answer', 'empty'),
      'next-step',
    ],
    // The answer field's own input moves its cursor and erases: no command of the screen.
    ['→ in a typed answer line', '', key({ rightArrow: true }), state('answer', 'text'), undefined],
    [
      'Backspace in a typed answer line',
      '',
      key({ delete: true }),
      state('answer', 'text'),
      undefined,
    ],
    [
      'Backspace in an empty answer line',
      '',
      key({ delete: true }),
      state('answer', 'empty'),
      undefined,
    ],
    ['q in the answer line', 'q', key(), state('answer', 'empty'), undefined],
    ['Ctrl+C in the answer line', 'c', key({ ctrl: true }), state('answer', 'text'), 'quit'],
    ['Ctrl+C when asked to quit', 'c', key({ ctrl: true }), state('quit-confirm'), 'confirm-quit'],
    ['y when asked to quit', 'y', key(), state('quit-confirm'), 'confirm-quit'],
    ['n when asked to quit', 'n', key(), state('quit-confirm'), 'cancel-quit'],
    ['? in help', '?', key(), state('help'), 'close-help'],
    ['q in help', 'q', key(), state('help'), 'close-help'],
    ['r in a generated exercise', 'r', key(), state('exercise'), 'new-variant'],
    ['r in a fixed exercise', 'r', key(), state('exercise', 'none', new Set()), undefined],
    ['g for a grid answer', 'g', key(), state('exercise'), 'open-grid'],
    [
      'Tab in the answer line of a grid',
      '\t',
      key({ tab: true }),
      state('answer', 'text'),
      'open-grid',
    ],
    [
      '↓ when there is nothing to scroll',
      '',
      key({ downArrow: true }),
      state('step', 'none', new Set()),
      undefined,
    ],
    [
      '↓ in the grid editor',
      '',
      key({ downArrow: true }),
      state('grid-editor', 'text'),
      'cell-down',
    ],
    [
      'DEL (Ink: delete) in the grid editor',
      '',
      key({ delete: true }),
      state('grid-editor', 'text'),
      'erase-cell',
    ],
    ['a pasted word on Home', 'quit', key(), state('home'), undefined],
    ['c on Home', 'c', key(), state('home'), 'continue'],
    ['q on the too-small screen', 'q', key(), state('too-small'), 'quit'],
  ] as const)('%s', (_name, input, k, s, expected) => {
    expect(commandFor(input, k, s)).toBe(expected);
  });

  test('typing into a field never triggers a shortcut, whatever the character', () => {
    for (const context of TYPING_CONTEXTS) {
      for (const typing of ['empty', 'text'] as const) {
        for (const char of PRINTABLE) {
          const shift = /[A-Z]/.test(char);
          expect(
            commandFor(char, key({ shift }), { context, typing, flags: ALL_FLAGS }),
            `${context}/${typing}: ${JSON.stringify(char)}`,
          ).toBeUndefined();
        }
      }
    }
  });

  test('no two commands of one context share a key', () => {
    for (const s of allStates()) {
      const seen = new Map<string, string>();
      for (const { command, keys } of boundCommands(s)) {
        for (const k of keys) {
          expect(
            seen.get(k),
            `${s.context}/${s.typing}: ${k} is both ${seen.get(k)} and ${command.id}`,
          ).toBeUndefined();
          seen.set(k, command.id);
        }
      }
    }
  });

  test('every key of the table is matched by its own key event', () => {
    const events: Record<string, [string, Partial<Key>]> = {
      left: ['', { leftArrow: true }],
      right: ['', { rightArrow: true }],
      up: ['', { upArrow: true }],
      down: ['', { downArrow: true }],
      pageup: ['', { pageUp: true }],
      pagedown: ['', { pageDown: true }],
      home: ['', { home: true }],
      end: ['', { end: true }],
      enter: ['\r', { return: true }],
      escape: ['', { escape: true, meta: true }],
      tab: ['\t', { tab: true }],
      space: [' ', {}],
      backspace: ['', { backspace: true }],
      'ctrl+c': ['c', { ctrl: true }],
    };
    for (const command of COMMANDS) {
      for (const spec of command.keys) {
        const [input, k] = events[spec] ?? [spec, {}];
        expect(matchesKey(spec, input, key(k)), spec).toBe(true);
      }
    }
  });
});

describe('footer and help come from the same table', () => {
  test('the footer shows exactly the bound commands (those not marked help-only)', () => {
    for (const s of allStates()) {
      const shown = footerItems(s, t).flatMap((i) => i.commands);
      const bound = boundCommands(s)
        .filter(({ command }) => command.footer !== false)
        .map(({ command }) => command.id);
      expect(shown, `${s.context}/${s.typing}`).toEqual(bound);
    }
  });

  test('each footer item shows a key that really runs its command', () => {
    for (const s of allStates()) {
      for (const { command, keys } of boundCommands(s)) {
        if (command.footer === false) continue;
        const item = footerItems(s, t).find((i) => i.commands.includes(command.id))!;
        expect(item.keys.split('/')).toContain(keyLabel(keys[0], t));
      }
    }
  });

  test('help lists every bound command with all its keys', () => {
    for (const s of allStates()) {
      const items = helpItems(s, t);
      expect(items.map((i) => i.command)).toEqual(
        boundCommands(s).map(({ command }) => command.id),
      );
    }
    const answer = helpItems({ context: 'answer', typing: 'text', flags: ALL_FLAGS }, t);
    expect(answer.find((i) => i.command === 'quit')?.keys).toBe('Ctrl+C');
    // Keys the field's own input handles are listed too, though no command runs for them.
    expect(answer.map((i) => i.command)).toEqual(
      expect.arrayContaining([
        'cursor-left',
        'cursor-right',
        'cursor-home',
        'cursor-end',
        'erase-back',
      ]),
    );
    expect(commandFor('', key({ leftArrow: true }), { context: 'answer', typing: 'text' })).toBe(
      undefined,
    );
  });

  test('a focused field hides the letter keys from the footer too', () => {
    const state: KeyState = { context: 'answer', typing: 'text', flags: ALL_FLAGS };
    const text = footerLines(state, 200, t, plainStyle).join('\n');
    expect(text).toBe(
      'Enter check the answer  Tab grid editor  Esc leave the answer line  ↑/↓ scroll  Ctrl+C quit',
    );
    expect(
      activeKeys(
        COMMANDS.find((c) => c.id === 'quit')!,
        state,
      ),
    ).toEqual(['ctrl+c']);
  });

  test('the prose-step footer at 80 columns', () => {
    const lines = footerLines(
      { context: 'step', typing: 'none', flags: new Set() },
      80,
      t,
      plainStyle,
    );
    expect(lines).toEqual(['←/→ step  Esc back to the lessons  ? all keys  q quit']);
  });

  test('at a narrow width the footer keeps help and quit', () => {
    const lines = footerLines(
      { context: 'demo', typing: 'none', flags: ALL_FLAGS },
      60,
      t,
      plainStyle,
    );
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(lines.join(' ')).toContain('? all keys');
    expect(lines.join(' ')).toContain('q quit');
    lines.forEach((line) => expect(line.length).toBeLessThanOrEqual(60));
  });
});

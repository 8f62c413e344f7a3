/** The keymap engine and the chrome every screen shares: commands, footers, help, from one table. */
import { describe, expect, test } from 'vitest';
import { hasMessage } from '../../../src/i18n/index.js';
import { CHROME_COMMANDS, FIELD_COMMANDS, FLAG } from '../../../src/tui/shell/chrome.js';
import { decodeEvent } from '../../../src/tui/shell/input/key-press.js';
import {
  type Command,
  type KeyState,
  activeKeys,
  commandFor,
  footerItems,
  helpItems,
  keyLabel,
  matchesKey,
} from '../../../src/tui/shell/keymap.js';
import { keyLayers } from '../../../src/tui/shell/screen.js';
import { t } from '../fixture.js';

const key = (raw: string) => decodeEvent(raw)[0];

const TABLE: readonly Command[] = [
  {
    id: 'prev',
    keys: ['left', 'p'],
    label: 'tui.cmd.prev-step',
    contexts: ['view'],
    group: 'tui.group.steps',
  },
  {
    id: 'next',
    keys: ['right', 'n'],
    label: 'tui.cmd.next-step',
    contexts: ['view'],
    group: 'tui.group.steps',
  },
  {
    id: 'prev',
    keys: ['left'],
    label: 'tui.cmd.prev-step',
    contexts: ['typing'],
    group: 'tui.group.steps',
    whenTyping: 'empty',
  },
  { id: 'check', keys: ['enter'], label: 'tui.cmd.submit', contexts: ['typing'] },
  { id: 'again', keys: ['r'], label: 'tui.cmd.new-variant', contexts: ['view'], when: 'generated' },
  {
    id: 'grid',
    keys: ['g'],
    label: 'tui.cmd.open-grid',
    contexts: ['view'],
    when: ['generated', 'grid'],
    unless: 'done',
  },
];

const view = (flags: string[] = []): KeyState => ({
  context: 'view',
  typing: 'none',
  flags: new Set(flags),
});
const typing = (text: boolean, flags: string[] = [FLAG.field]): KeyState => ({
  context: 'typing',
  typing: text ? 'text' : 'empty',
  flags: new Set(flags),
});

describe('matching keys', () => {
  test.each([
    ['left', '\x1b[D', true],
    ['left', '\x1b[1;5D', false],
    ['enter', '\r', true],
    ['space', ' ', true],
    ['q', 'q', true],
    ['q', 'Q', false],
    ['q', '\x1bq', false],
    ['ctrl+c', '\x03', true],
    ['ctrl+u', '\x15', true],
    ['c', '\x03', false],
    ['tab', '\t', true],
    ['tab', '\x1b[Z', false],
    ['backspace', '\x7f', true],
  ] as const)('%s ~ %j: %s', (spec, raw, match) => {
    expect(matchesKey(spec, key(raw))).toBe(match);
  });

  test('a paste is never a key, even of one character', () => {
    expect(matchesKey('q', { ...key('q'), paste: true })).toBe(false);
  });
});

describe('which keys are bound', () => {
  test('conditions: when (all flags), unless, the context, and whenTyping', () => {
    const grid = TABLE[5];
    expect(activeKeys(grid, view(['generated']))).toEqual([]);
    expect(activeKeys(grid, view(['generated', 'grid']))).toEqual(['g']);
    expect(activeKeys(grid, view(['generated', 'grid', 'done']))).toEqual([]);
    expect(activeKeys(TABLE[2], typing(false))).toEqual(['left']);
    expect(activeKeys(TABLE[2], typing(true))).toEqual([]);
    expect(activeKeys(TABLE[0], typing(true))).toEqual([]);
  });

  test('while a field has focus, printable keys are never commands', () => {
    const layers = [{ table: TABLE, state: { ...view(['generated']), typing: 'text' as const } }];
    expect(commandFor(layers, key('r'))).toBeUndefined();
    expect(commandFor(layers, key('p'))).toBeUndefined();
    expect(commandFor(layers, key('\x1b[D'))?.id).toBe('prev');
  });

  test('the screen comes first, then the chrome, then the field', () => {
    const layers = keyLayers(TABLE, typing(true), 'screen');
    expect(commandFor(layers, key('\r'))?.id).toBe('check');
    expect(commandFor(layers, key('\x03'))?.id).toBe('quit');
    expect(commandFor(layers, key('q'))).toBeUndefined();
    const cursor = commandFor(layers, key('\x1b[D'));
    expect(cursor?.id).toBe('cursor-left');
    expect(cursor?.byField).toBe(true);
    expect(commandFor(keyLayers(TABLE, typing(false), 'screen'), key('\x1b[D'))?.id).toBe('prev');
  });

  test('↑/↓ scroll a scrollable body, unless the screen has the arrows', () => {
    const scrollable = keyLayers(TABLE, view(), 'screen', [FLAG.scrollable]);
    expect(commandFor(scrollable, key('\x1b[A'))?.id).toBe('scroll-up');
    expect(commandFor(keyLayers(TABLE, view(), 'screen'), key('\x1b[A'))).toBeUndefined();
    const arrows = keyLayers(TABLE, view([FLAG.arrows]), 'screen', [FLAG.scrollable]);
    expect(commandFor(arrows, key('\x1b[A'))).toBeUndefined();
    expect(commandFor(arrows, key('\x1b[6~'))?.id).toBe('page-down');
  });

  test("over the screen, only the overlay's keys work", () => {
    const help = keyLayers(TABLE, view(), 'help');
    expect(commandFor(help, key('\x1b[D'))).toBeUndefined();
    expect(commandFor(help, key('q'))?.id).toBe('close-help');
    expect(commandFor(help, key('\x03'))?.id).toBe('quit');
    const quit = keyLayers(TABLE, view(), 'quit-confirm');
    expect(commandFor(quit, key('y'))?.id).toBe('confirm-quit');
    expect(commandFor(quit, key('n'))?.id).toBe('cancel-quit');
    expect(commandFor(keyLayers(TABLE, view(), 'too-small'), key('q'))?.id).toBe('quit');
  });
});

describe('footer and help, from the same table', () => {
  test('the footer merges groups, shows the first working key, and ends with the chrome', () => {
    const items = footerItems(
      keyLayers(TABLE, view(['generated']), 'screen', [FLAG.scrollable]),
      t,
    );
    expect(items.map((i) => `${i.keys} ${i.label}`)).toEqual([
      '←/→ step',
      'r new numbers',
      '↑/↓ scroll',
      '? all keys',
      'q quit',
    ]);
    expect(items.filter((i) => i.keep).map((i) => i.label)).toEqual(['all keys', 'quit']);
  });

  test('while typing, the footer offers no printable key: Ctrl+C quits', () => {
    const items = footerItems(keyLayers(TABLE, typing(true), 'screen'), t);
    expect(items.map((i) => `${i.keys} ${i.label}`)).toEqual([
      'Enter check the answer',
      'Ctrl+C quit',
    ]);
  });

  test("help lists every key of every bound command, the field's own among them", () => {
    const items = helpItems(keyLayers(TABLE, typing(true), 'screen'), t);
    expect(items.map((i) => `${i.keys}: ${i.label}`)).toEqual([
      'Enter: check the answer',
      'Ctrl+C: quit',
      '←: cursor left',
      '→: cursor right',
      'Home: cursor to the start',
      'End: cursor to the end',
      'Backspace: erase before the cursor',
      'Ctrl+W: erase the word before the cursor',
      'Ctrl+U: clear the line',
    ]);
  });

  test('arrows are letters in ASCII', () => {
    expect(keyLabel('left', t, true)).toBe('Left');
    expect(keyLabel('pagedown', t)).toBe('PgDn');
    expect(keyLabel('ctrl+w', t)).toBe('Ctrl+W');
  });

  test('every chrome label and group is in the catalog, once', () => {
    for (const c of [...CHROME_COMMANDS, ...FIELD_COMMANDS]) {
      expect(hasMessage(c.label), c.label).toBe(true);
      if (c.group) expect(hasMessage(c.group), c.group).toBe(true);
    }
  });
});

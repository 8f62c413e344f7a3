/**
 * The commands every screen has, defined once: scrolling the body, the `?` help (which
 * scrolls too), quitting (asking first when something typed would be lost), and the keys a
 * focused text field handles itself. A screen's own table comes first in the keymap, so a
 * screen that needs ↑/↓ for itself (a list, the grid editor, the pen) says so with the
 * `arrows` flag and the chrome leaves them alone.
 */
import type { Command } from './keymap.js';

/** Where the shell is: the screen itself, or something of the shell's over it. */
export type Layer = 'screen' | 'help' | 'quit-confirm' | 'too-small';

/** Flags a screen's key state may set for the chrome. */
export const FLAG = {
  /** The screen uses ↑/↓ itself; the body scrolls with PgUp/PgDn only. */
  arrows: 'arrows',
  /** The focused input is a text field (ink-text-input), whose editing keys are its own. */
  field: 'field',
  /** Set by the shell: the body is taller than its room. */
  scrollable: 'scrollable',
  /** Set by the shell: the help list is taller than its room. */
  helpScrollable: 'help-scrollable',
} as const;

export type ChromeId =
  | 'scroll-up'
  | 'scroll-down'
  | 'page-up'
  | 'page-down'
  | 'help'
  | 'close-help'
  | 'quit'
  | 'confirm-quit'
  | 'cancel-quit';

export type FieldKeyId =
  | 'cursor-left'
  | 'cursor-right'
  | 'cursor-home'
  | 'cursor-end'
  | 'erase-back'
  | 'erase-word'
  | 'clear-line';

function chrome(
  id: ChromeId,
  keys: Command['keys'],
  contexts: readonly Layer[],
  extra: Partial<Command<ChromeId, Layer>> = {},
): Command<ChromeId, Layer> {
  return { id, keys, label: `shell.cmd.${id}`, contexts, ...extra };
}

const SCROLL = { group: 'shell.group.scroll' } as const;
const PAGE = { group: 'shell.group.page' } as const;

export const CHROME_COMMANDS: readonly Command<ChromeId, Layer>[] = [
  chrome('scroll-up', ['up'], ['screen'], {
    ...SCROLL,
    when: FLAG.scrollable,
    unless: FLAG.arrows,
  }),
  chrome('scroll-down', ['down'], ['screen'], {
    ...SCROLL,
    when: FLAG.scrollable,
    unless: FLAG.arrows,
  }),
  // PgUp/PgDn are in help only, unless the screen has the arrows: then they are how it scrolls.
  chrome('page-up', ['pageup'], ['screen'], {
    ...PAGE,
    when: FLAG.scrollable,
    unless: FLAG.arrows,
    footer: false,
  }),
  chrome('page-down', ['pagedown'], ['screen'], {
    ...PAGE,
    when: FLAG.scrollable,
    unless: FLAG.arrows,
    footer: false,
  }),
  chrome('page-up', ['pageup'], ['screen'], { ...PAGE, when: [FLAG.scrollable, FLAG.arrows] }),
  chrome('page-down', ['pagedown'], ['screen'], { ...PAGE, when: [FLAG.scrollable, FLAG.arrows] }),
  chrome('scroll-up', ['up', 'k'], ['help'], { ...SCROLL, when: FLAG.helpScrollable }),
  chrome('scroll-down', ['down', 'j'], ['help'], { ...SCROLL, when: FLAG.helpScrollable }),
  chrome('page-up', ['pageup'], ['help'], { ...PAGE, when: FLAG.helpScrollable, footer: false }),
  chrome('page-down', ['pagedown'], ['help'], {
    ...PAGE,
    when: FLAG.helpScrollable,
    footer: false,
  }),
  chrome('help', ['?'], ['screen'], { keep: true }),
  chrome('close-help', ['escape', '?', 'q', 'enter'], ['help'], { keep: true }),
  chrome('confirm-quit', ['y', 'enter', 'ctrl+c'], ['quit-confirm'], { keep: true }),
  chrome('cancel-quit', ['n', 'escape'], ['quit-confirm'], { keep: true }),
  chrome('quit', ['q', 'ctrl+c'], ['screen', 'too-small'], { keep: true }),
  chrome('quit', ['ctrl+c'], ['help'], { footer: false }),
];

function fieldKey(
  id: FieldKeyId,
  keys: Command['keys'],
  group?: string,
): Command<FieldKeyId, Layer> {
  return {
    id,
    keys,
    label: `shell.cmd.${id}`,
    contexts: ['screen'],
    when: FLAG.field,
    whenTyping: 'text',
    footer: false,
    byField: true,
    ...(group ? { group } : {}),
  };
}

/** What the focused ink-text-input field does itself; listed in help while it holds text. */
export const FIELD_COMMANDS: readonly Command<FieldKeyId, Layer>[] = [
  fieldKey('cursor-left', ['left'], 'shell.group.cursor'),
  fieldKey('cursor-right', ['right'], 'shell.group.cursor'),
  fieldKey('cursor-home', ['home']),
  fieldKey('cursor-end', ['end']),
  fieldKey('erase-back', ['backspace']),
  fieldKey('erase-word', ['ctrl+w']),
  fieldKey('clear-line', ['ctrl+u']),
];

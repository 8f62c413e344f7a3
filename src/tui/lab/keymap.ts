/**
 * Every key of the lab screen, as data, in the tutor's format (`../keymap.ts`): the reducer,
 * the footer and the `?` help all read this table. While the answer line has focus, printable
 * keys belong to it (an ink-text-input field), so `q`, `n` or `?` never leave an answer
 * half-typed.
 *
 * Nothing here checks answers: the lab screen saves them, and `cnn-tutor grade` checks them.
 */
import {
  type Command,
  type KeySpec,
  type KeyState,
  boundCommandsIn,
  commandForIn,
  footerItemsIn,
  helpItemsIn,
} from '../keymap.js';
import type { Key } from 'ink';

/**
 * Where the student is: the list of exercises, an exercise (`exercise` when its answer line
 * can be focused, `unbuilt` when the question could not be built), typing an answer, or an
 * overlay.
 */
export type LabContext =
  'list' | 'exercise' | 'unbuilt' | 'answer' | 'help' | 'quit-confirm' | 'too-small';

export type LabCommandId =
  | 'select-up'
  | 'select-down'
  | 'open-exercise'
  | 'prev-exercise'
  | 'next-exercise'
  | 'focus-answer'
  | 'save-answer'
  | 'leave-answer'
  | 'to-list'
  | 'scroll-up'
  | 'scroll-down'
  | 'page-up'
  | 'page-down'
  | 'cursor-left'
  | 'cursor-right'
  | 'cursor-home'
  | 'cursor-end'
  | 'erase-back'
  | 'help'
  | 'close-help'
  | 'quit'
  | 'confirm-quit'
  | 'cancel-quit';

export type LabCommand = Command<LabCommandId, LabContext>;
export type LabKeyState = KeyState<LabContext>;

const VIEW: readonly LabContext[] = ['exercise', 'unbuilt'];

/** Keys the focused answer field handles itself, shown in help while it holds text. */
const FIELD_KEY: Partial<LabCommand> = { whenTyping: 'text', footer: false, byField: true };

function command(
  id: LabCommandId,
  keys: readonly KeySpec[],
  contexts: readonly LabContext[],
  extra: Partial<LabCommand> = {},
): LabCommand {
  return { id, keys, label: `lab.screen.cmd.${id}`, contexts, ...extra };
}

export const LAB_COMMANDS: readonly LabCommand[] = [
  command('select-up', ['up', 'k'], ['list'], { group: 'select' }),
  command('select-down', ['down', 'j'], ['list'], { group: 'select' }),
  command('open-exercise', ['enter', 'right', 'l'], ['list']),

  command('prev-exercise', ['left', 'p', 'h'], VIEW, { group: 'move' }),
  command('next-exercise', ['right', 'n', 'l'], VIEW, { group: 'move' }),
  // An empty answer line has no cursor to move, so ←/→ still go from exercise to exercise.
  command('prev-exercise', ['left'], ['answer'], { group: 'move', whenTyping: 'empty' }),
  command('next-exercise', ['right'], ['answer'], { group: 'move', whenTyping: 'empty' }),
  command('focus-answer', ['enter', 'i'], ['exercise']),
  command('save-answer', ['enter'], ['answer']),
  command('leave-answer', ['escape'], ['answer']),
  command('to-list', ['escape'], VIEW),

  // The answer field (ink-text-input) does these itself: listed in help, never dispatched.
  command('cursor-left', ['left'], ['answer'], FIELD_KEY),
  command('cursor-right', ['right'], ['answer'], FIELD_KEY),
  command('cursor-home', ['home'], ['answer'], FIELD_KEY),
  command('cursor-end', ['end'], ['answer'], FIELD_KEY),
  command('erase-back', ['backspace'], ['answer'], FIELD_KEY),

  command('scroll-up', ['up'], [...VIEW, 'answer'], { when: 'scrollable', group: 'scroll' }),
  command('scroll-down', ['down'], [...VIEW, 'answer'], { when: 'scrollable', group: 'scroll' }),
  command('page-up', ['pageup'], [...VIEW, 'answer'], { when: 'scrollable', footer: false }),
  command('page-down', ['pagedown'], [...VIEW, 'answer'], { when: 'scrollable', footer: false }),

  command('close-help', ['escape', '?', 'q', 'enter'], ['help']),
  command('confirm-quit', ['y', 'enter', 'ctrl+c'], ['quit-confirm']),
  command('cancel-quit', ['n', 'escape'], ['quit-confirm']),
  command('help', ['?'], ['list', ...VIEW]),
  command('quit', ['q', 'ctrl+c'], ['list', ...VIEW, 'answer', 'too-small']),
  command('quit', ['ctrl+c'], ['help'], { footer: false }),
];

const groupKey = (group: string): string => `lab.screen.group.${group}`;

/** The command a key means in `state`, or undefined (then the answer line takes it as text). */
export function labCommandFor(input: string, key: Key, state: LabKeyState) {
  return commandForIn(LAB_COMMANDS, input, key, state);
}

export function labFooterItems(state: LabKeyState, t: (key: string) => string) {
  return footerItemsIn(LAB_COMMANDS, state, t, groupKey);
}

export function labHelpItems(state: LabKeyState, t: (key: string) => string) {
  return helpItemsIn(LAB_COMMANDS, state, t);
}

export function labBoundCommands(state: LabKeyState) {
  return boundCommandsIn(LAB_COMMANDS, state);
}

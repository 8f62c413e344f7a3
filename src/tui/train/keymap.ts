/**
 * Every key of the trainer and draw screens, as data in the tutor's format (`../keymap.ts`):
 * the reducers, the footers and the `?` help all read this one table.
 *
 * The trainer's context says what training is doing (running, paused, done), so the footer
 * offers "pause" or "resume" and "one step" only when it means something. On the draw screen
 * the arrows move the pen, so its long map list scrolls with PgUp/PgDn only.
 */
import type { Key } from 'ink';
import {
  type Command,
  type KeySpec,
  type KeyState,
  boundCommandsIn,
  commandForIn,
  footerItemsIn,
  helpItemsIn,
} from '../keymap.js';

export type TrainContext = 'running' | 'paused' | 'done' | 'draw' | 'help' | 'too-small';

export type TrainCommandId =
  | 'pause'
  | 'resume'
  | 'step'
  | 'more'
  | 'reset'
  | 'rate-down'
  | 'rate-up'
  | 'speed'
  | 'open-draw'
  | 'open-trainer'
  | 'pen-left'
  | 'pen-right'
  | 'pen-up'
  | 'pen-down'
  | 'toggle'
  | 'clear'
  | 'load-x'
  | 'load-o'
  | 'load-crooked'
  | 'next-maps'
  | 'prev-maps'
  | 'network'
  | 'scroll-up'
  | 'scroll-down'
  | 'page-up'
  | 'page-down'
  | 'back'
  | 'help'
  | 'close-help'
  | 'quit';

export type TrainCommand = Command<TrainCommandId, TrainContext>;
export type TrainKeyState = KeyState<TrainContext>;

const TRAINER: readonly TrainContext[] = ['running', 'paused', 'done'];
const SCREENS: readonly TrainContext[] = [...TRAINER, 'draw'];

function command(
  id: TrainCommandId,
  keys: readonly KeySpec[],
  contexts: readonly TrainContext[],
  label: string,
  extra: Partial<TrainCommand> = {},
): TrainCommand {
  return { id, keys, label, contexts, ...extra };
}

/** Labels are written out in full so the catalog test finds them (`train.screen.`, `draw.`). */
export const TRAIN_COMMANDS: readonly TrainCommand[] = [
  command('pause', ['space'], ['running'], 'train.screen.cmd.pause'),
  command('resume', ['space'], ['paused'], 'train.screen.cmd.resume'),
  command('more', ['space'], ['done'], 'train.screen.cmd.more'),
  command('step', ['n', '.'], ['paused'], 'train.screen.cmd.step'),
  command('reset', ['r'], TRAINER, 'train.screen.cmd.reset'),
  command('rate-down', ['-', '_'], TRAINER, 'train.screen.cmd.rate-down', { group: 'rate' }),
  command('rate-up', ['+', '='], TRAINER, 'train.screen.cmd.rate-up', { group: 'rate' }),
  command('speed', ['s'], TRAINER, 'train.screen.cmd.speed'),
  command('open-draw', ['d'], TRAINER, 'train.screen.cmd.open-draw', { when: 'xo-tools' }),
  command('back', ['escape'], TRAINER, 'train.screen.cmd.back'),
  command('scroll-up', ['up'], TRAINER, 'train.screen.cmd.scroll-up', {
    when: 'scrollable',
    group: 'scroll',
  }),
  command('scroll-down', ['down'], TRAINER, 'train.screen.cmd.scroll-down', {
    when: 'scrollable',
    group: 'scroll',
  }),
  command('page-up', ['pageup'], TRAINER, 'train.screen.cmd.page-up', {
    when: 'scrollable',
    footer: false,
  }),
  command('page-down', ['pagedown'], TRAINER, 'train.screen.cmd.page-down', {
    when: 'scrollable',
    footer: false,
  }),

  // The draw screen, most needed first: a narrow footer drops items from the end.
  command('pen-left', ['left'], ['draw'], 'draw.cmd.pen-left', { group: 'pen' }),
  command('pen-right', ['right'], ['draw'], 'draw.cmd.pen-right', { group: 'pen' }),
  command('pen-up', ['up'], ['draw'], 'draw.cmd.pen-up', { group: 'pen' }),
  command('pen-down', ['down'], ['draw'], 'draw.cmd.pen-down', { group: 'pen' }),
  command('toggle', ['space'], ['draw'], 'draw.cmd.toggle'),
  command('load-x', ['x'], ['draw'], 'draw.cmd.load-x', { group: 'load' }),
  command('load-o', ['o'], ['draw'], 'draw.cmd.load-o', { group: 'load' }),
  command('load-crooked', ['k'], ['draw'], 'draw.cmd.load-crooked', { group: 'load' }),
  command('clear', ['c'], ['draw'], 'draw.cmd.clear'),
  command('next-maps', ['m'], ['draw'], 'draw.cmd.next-maps'),
  command('prev-maps', ['M'], ['draw'], 'draw.cmd.prev-maps', { footer: false }),
  command('network', ['n'], ['draw'], 'draw.cmd.network'),
  command('back', ['escape'], ['draw'], 'train.screen.cmd.back'),
  command('page-up', ['pageup'], ['draw'], 'train.screen.cmd.page-up', {
    when: 'scrollable',
    group: 'page',
  }),
  command('page-down', ['pagedown'], ['draw'], 'train.screen.cmd.page-down', {
    when: 'scrollable',
    group: 'page',
  }),
  command('open-trainer', ['t'], ['draw'], 'draw.cmd.open-trainer'),

  command('close-help', ['escape', '?', 'q', 'enter'], ['help'], 'train.screen.cmd.close-help'),
  command('help', ['?'], SCREENS, 'train.screen.cmd.help'),
  command('quit', ['q', 'ctrl+c'], [...SCREENS, 'too-small'], 'train.screen.cmd.quit'),
  command('quit', ['ctrl+c'], ['help'], 'train.screen.cmd.quit', { footer: false }),
];

const groupKey = (group: string): string => `train.screen.group.${group}`;

export function trainCommandFor(
  input: string,
  key: Key,
  state: TrainKeyState,
): TrainCommandId | undefined {
  return commandForIn(TRAIN_COMMANDS, input, key, state);
}

export function trainFooterItems(state: TrainKeyState, t: (key: string) => string) {
  return footerItemsIn(TRAIN_COMMANDS, state, t, groupKey);
}

export function trainHelpItems(state: TrainKeyState, t: (key: string) => string) {
  return helpItemsIn(TRAIN_COMMANDS, state, t);
}

export function trainBoundCommands(state: TrainKeyState) {
  return boundCommandsIn(TRAIN_COMMANDS, state);
}

/**
 * The keys of the trainer and draw screens, as data (see `../shell/keymap.ts`); scrolling, help
 * and quitting are the shell's. The trainer's context says what training is doing (running,
 * paused, done), so the footer offers "pause" or "resume" and "one step" only when it means
 * something. On the draw screen the arrows move the pen (the `arrows` flag), so its long map
 * list scrolls with PgUp/PgDn.
 */
import type { Command } from '../shell/keymap.js';

export type TrainContext = 'running' | 'paused' | 'done' | 'draw';

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
  | 'back';

export type TrainCommand = Command<TrainCommandId, TrainContext>;

/** The trainer can open the draw screen from here (the X/O network). */
export const CAN_DRAW = 'can-draw';

const TRAINER: readonly TrainContext[] = ['running', 'paused', 'done'];

function command(
  id: TrainCommandId,
  keys: TrainCommand['keys'],
  contexts: readonly TrainContext[],
  label: string,
  extra: Partial<TrainCommand> = {},
): TrainCommand {
  return { id, keys, label, contexts, ...extra };
}

export const TRAINER_COMMANDS: readonly TrainCommand[] = [
  command('pause', ['space'], ['running'], 'train.screen.cmd.pause'),
  command('resume', ['space'], ['paused'], 'train.screen.cmd.resume'),
  command('more', ['space'], ['done'], 'train.screen.cmd.more'),
  command('step', ['n', '.'], ['paused'], 'train.screen.cmd.step'),
  command('reset', ['r'], TRAINER, 'train.screen.cmd.reset'),
  command('rate-down', ['-', '_'], TRAINER, 'train.screen.cmd.rate-down', {
    group: 'train.screen.group.rate',
  }),
  command('rate-up', ['+', '='], TRAINER, 'train.screen.cmd.rate-up', {
    group: 'train.screen.group.rate',
  }),
  command('speed', ['s'], TRAINER, 'train.screen.cmd.speed'),
  command('open-draw', ['d'], TRAINER, 'train.screen.cmd.open-draw', { when: CAN_DRAW }),
  command('back', ['escape'], TRAINER, 'train.screen.cmd.back'),
];

/** The draw screen, most needed first: a narrow footer drops items from the end. */
export const DRAW_COMMANDS: readonly TrainCommand[] = [
  command('pen-left', ['left'], ['draw'], 'draw.cmd.pen-left', { group: 'train.screen.group.pen' }),
  command('pen-right', ['right'], ['draw'], 'draw.cmd.pen-right', {
    group: 'train.screen.group.pen',
  }),
  command('pen-up', ['up'], ['draw'], 'draw.cmd.pen-up', { group: 'train.screen.group.pen' }),
  command('pen-down', ['down'], ['draw'], 'draw.cmd.pen-down', { group: 'train.screen.group.pen' }),
  command('toggle', ['space'], ['draw'], 'draw.cmd.toggle'),
  command('load-x', ['x'], ['draw'], 'draw.cmd.load-x', { group: 'train.screen.group.load' }),
  command('load-o', ['o'], ['draw'], 'draw.cmd.load-o', { group: 'train.screen.group.load' }),
  command('load-crooked', ['k'], ['draw'], 'draw.cmd.load-crooked', {
    group: 'train.screen.group.load',
  }),
  command('clear', ['c'], ['draw'], 'draw.cmd.clear'),
  command('next-maps', ['m'], ['draw'], 'draw.cmd.next-maps'),
  command('prev-maps', ['M'], ['draw'], 'draw.cmd.prev-maps', { footer: false }),
  command('network', ['n'], ['draw'], 'draw.cmd.network'),
  command('back', ['escape'], ['draw'], 'train.screen.cmd.back'),
  command('open-trainer', ['t'], ['draw'], 'draw.cmd.open-trainer'),
];

/** The trainer as a screen of the shell: its keys, what they do, what it shows. */
import type { ScreenDef } from '../shell/screen.js';
import { TRAINER_COMMANDS, type TrainCommandId } from './keymap.js';
import { type TrainerScreenState, trainerCommand, trainerKeyState } from './trainer-reducer.js';
import { trainerFrame } from './trainer-view.js';

export const trainerScreen: ScreenDef<TrainerScreenState, TrainCommandId> = {
  commands: TRAINER_COMMANDS,
  keys: trainerKeyState,
  command: trainerCommand,
  frame: trainerFrame,
  about: (state, o) =>
    o.t(state.kind === 'xo' ? 'train.screen.help.xo' : 'train.screen.help.digits'),
};

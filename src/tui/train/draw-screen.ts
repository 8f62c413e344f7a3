/** The draw screen as a screen of the shell: its keys, what they do, what it shows. */
import type { Network } from '../../train/network.js';
import type { ScreenDef } from '../shell/screen.js';
import { type DrawScreenState, drawCommand, drawKeyState } from './draw-reducer.js';
import { drawFrame } from './draw-view.js';
import { DRAW_COMMANDS, type TrainCommandId } from './keymap.js';

export function drawScreen(handSet: Network): ScreenDef<DrawScreenState, TrainCommandId> {
  return {
    commands: DRAW_COMMANDS,
    keys: drawKeyState,
    command: drawCommand,
    frame: (state, o) => drawFrame(state, handSet, o),
    about: (_state, o) => o.t('draw.help'),
  };
}

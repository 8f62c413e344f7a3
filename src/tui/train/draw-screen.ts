/** The draw screen as a screen of the shell: its keys, what they do, what it shows. */
import type { ScreenDef } from '../shell/screen.js';
import { type DrawScreenState, drawCommand, drawKeyState } from './draw-reducer.js';
import { drawFrame } from './draw-view.js';
import type { HandSet } from './hand-set.js';
import { DRAW_COMMANDS, type TrainCommandId } from './keymap.js';

export function drawScreen(handSet: HandSet): ScreenDef<DrawScreenState, TrainCommandId> {
  return {
    commands: DRAW_COMMANDS,
    keys: drawKeyState,
    command: (state, id) => drawCommand(state, id, handSet.pictures),
    frame: (state, o) => drawFrame(state, handSet, o),
    about: (_state, o) => o.t('draw.help'),
  };
}

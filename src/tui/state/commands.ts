/** What each command of the tutor's keymap does, as an action for the reducer. */
import type { CommandId } from '../keymap.js';
import type { Action, Stamp, TutorState } from './types.js';

export function actionFor(
  id: CommandId,
  state: TutorState,
  stamp: () => Stamp,
): Action | undefined {
  switch (id) {
    case 'select-up':
      return { type: 'home/move', delta: -1 };
    case 'select-down':
      return { type: 'home/move', delta: 1 };
    case 'open-lesson':
      return { type: 'lesson/open', index: state.selected, at: stamp() };
    case 'continue':
      return { type: 'lesson/continue', at: stamp() };
    case 'prev-step':
      return { type: 'step/move', delta: -1, at: stamp() };
    case 'next-step':
      return { type: 'step/move', delta: 1, at: stamp() };
    case 'back':
    case 'to-home':
      return { type: 'lesson/leave' };
    case 'demo-prev':
      return { type: 'demo/step', delta: -1, at: stamp() };
    case 'demo-next':
      return { type: 'demo/step', delta: 1, at: stamp() };
    case 'demo-play':
      return { type: 'demo/play' };
    case 'demo-end':
      return { type: 'demo/end' };
    case 'stride-up':
      return { type: 'demo/stride', delta: 1 };
    case 'stride-down':
      return { type: 'demo/stride', delta: -1 };
    case 'padding':
      return { type: 'demo/padding' };
    case 'check-prediction':
      return { type: 'demo/predict' };
    case 'skip-prediction':
      return { type: 'demo/skip' };
    case 'focus-answer':
      return { type: 'answer/focus', focus: 'answer' };
    case 'leave-answer':
      return { type: 'answer/focus', focus: 'keys' };
    case 'submit':
      return { type: 'answer/submit', at: stamp() };
    case 'show-me':
      return { type: 'exercise/reveal', at: stamp() };
    case 'hint':
      return { type: 'exercise/hint' };
    case 'new-variant':
      return { type: 'exercise/new-variant', seed: stamp().seed };
    case 'open-grid':
      return { type: 'grid/open' };
    case 'close-grid':
      return { type: 'grid/close' };
    case 'cell-left':
      return { type: 'grid/move', rows: 0, cols: -1 };
    case 'cell-right':
      return { type: 'grid/move', rows: 0, cols: 1 };
    case 'cell-up':
      return { type: 'grid/move', rows: -1, cols: 0 };
    case 'cell-down':
      return { type: 'grid/move', rows: 1, cols: 0 };
    case 'next-cell':
      return { type: 'grid/next' };
    case 'erase-cell':
      return { type: 'grid/erase' };
    case 'open-trainer':
      return { type: 'tool/open', tool: 'train' };
    case 'open-draw':
      return { type: 'tool/open', tool: 'draw' };
  }
}

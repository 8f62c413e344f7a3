/** What each command does, as an action for the reducer. */
import type { CommandId } from '../keymap.js';
import type { Action, Stamp, TutorState } from './types.js';

export interface CommandInputs {
  /** The time and a fresh seed, taken now. */
  readonly stamp: () => Stamp;
  /** The furthest the body can scroll, and how many lines a page is. */
  readonly maxScroll: number;
  readonly page: number;
}

export function actionFor(
  id: CommandId,
  state: TutorState,
  inputs: CommandInputs,
): Action | undefined {
  const scroll = (delta: number): Action => ({ type: 'scroll', delta, max: inputs.maxScroll });
  switch (id) {
    case 'select-up':
      return { type: 'home/move', delta: -1 };
    case 'select-down':
      return { type: 'home/move', delta: 1 };
    case 'open-lesson':
      return { type: 'lesson/open', index: state.selected, at: inputs.stamp() };
    case 'continue':
      return { type: 'lesson/continue', at: inputs.stamp() };
    case 'prev-step':
      return { type: 'step/move', delta: -1, at: inputs.stamp() };
    case 'next-step':
      return { type: 'step/move', delta: 1, at: inputs.stamp() };
    case 'scroll-up':
      return scroll(-1);
    case 'scroll-down':
      return scroll(1);
    case 'page-up':
      return scroll(-inputs.page);
    case 'page-down':
      return scroll(inputs.page);
    case 'back':
      return { type: 'lesson/leave' };
    case 'help':
      return { type: 'overlay/open', overlay: 'help' };
    case 'close-help':
    case 'cancel-quit':
      return { type: 'overlay/close' };
    case 'quit':
      return { type: 'quit' };
    case 'confirm-quit':
      return { type: 'quit/confirm' };
    case 'demo-prev':
      return { type: 'demo/step', delta: -1, at: inputs.stamp() };
    case 'demo-next':
      return { type: 'demo/step', delta: 1, at: inputs.stamp() };
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
      return { type: 'answer/submit', at: inputs.stamp() };
    case 'show-me':
      return { type: 'exercise/reveal', at: inputs.stamp() };
    case 'new-variant':
      return { type: 'exercise/new-variant', seed: inputs.stamp().seed };
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
    // The text field does these itself (`byField` in the keymap).
    case 'cursor-left':
    case 'cursor-right':
    case 'cursor-home':
    case 'cursor-end':
    case 'erase-back':
      return undefined;
    case 'open-trainer':
      return { type: 'tool/open', tool: 'train' };
    case 'open-draw':
      return { type: 'tool/open', tool: 'draw' };
  }
}

/** The tutor as a screen of the shell: Home and the lessons, their keys, what they show. */
import type { ContentProblem } from '../content/course.js';
import type { ScreenDef } from './shell/screen.js';
import { COMMANDS, type CommandId, type KeyContext } from './keymap.js';
import { actionFor } from './state/commands.js';
import { keyStateOf } from './state/key-state.js';
import { hasUnsavedInput, reduce } from './state/reducer.js';
import type { Stamp, TutorEnv, TutorState } from './state/types.js';
import { tutorFrame } from './view/screen.js';

export interface TutorScreenOptions {
  readonly problems: readonly ContentProblem[];
  /** Why the last save failed, in words; shown until a save works. */
  readonly saveError?: string;
  /** The time and a fresh seed, taken when a command needs them. */
  readonly stamp: () => Stamp;
}

export function tutorScreen(
  env: TutorEnv,
  options: TutorScreenOptions,
): ScreenDef<TutorState, CommandId, KeyContext> {
  return {
    commands: COMMANDS,
    keys: (state) => keyStateOf(state, env),
    command: (state, id) => {
      const action = actionFor(id, state, options.stamp);
      return action === undefined ? state : reduce(state, action, env);
    },
    // Typed while the grid editor has focus: into its current cell.
    text: (state, key) => reduce(state, { type: 'grid/type', text: key.text }, env),
    fieldChange: (state, field, text) => reduce(state, { type: 'field/set', field, text }, env),
    frame: (state, o) =>
      tutorFrame({ state, env, problems: options.problems, saveError: options.saveError }, o),
    unsaved: hasUnsavedInput,
  };
}

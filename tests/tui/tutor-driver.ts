/**
 * The tutor's states and its screen, for tests that drive it without Ink: a state reached by
 * reducer actions, and `driveTutor` to press keys at it through the shell (see shell-driver).
 */
import { initialState, reduce } from '../../src/tui/state/reducer.js';
import type { Action, Stamp, TutorEnv, TutorState } from '../../src/tui/state/types.js';
import { tutorScreen } from '../../src/tui/tutor-screen.js';
import { type DriverOptions, driveScreen } from './shell-driver.js';
import { fixtureEnv, freshProgress, NOW, stamp } from './fixture.js';

export const env = fixtureEnv();

export function run(state: TutorState, ...actions: Action[]): TutorState {
  return actions.reduce((s, a) => reduce(s, a, env), state);
}

export const start = (): TutorState => initialState(env, { progress: freshProgress() });
export const open = (index = 0): Action => ({ type: 'lesson/open', index, at: stamp() });
export const next: Action = { type: 'step/move', delta: 1, at: stamp() };
export const prev: Action = { type: 'step/move', delta: -1, at: stamp() };
export const demoNext: Action = { type: 'demo/step', delta: 1, at: stamp() };
export const demoPrev: Action = { type: 'demo/step', delta: -1, at: stamp() };
export const submit: Action = { type: 'answer/submit', at: stamp() };
/** The focused field reports its whole text (the field's id: an exercise id or a demo key). */
export const typeIn = (field: string, text: string): Action => ({ type: 'field/set', field, text });

/** The fixture course's places: the first exercise, the grid exercise, the demo. */
export const CELL = 'conv-first-cell';
export const MAP = 'conv-map';
export const DEMO = 'convolution#1';
export const atDemo = (): TutorState => run(start(), open(), next);
export const atCell = (): TutorState => run(start(), open(), next, next);
export const atMap = (): TutorState => run(start(), open(), next, next, next);

/** The tutor as the App makes it, with seeds counting up from `firstSeed`. */
export function tutorDef(tutorEnv: TutorEnv = env, firstSeed = 1000, saveError?: string) {
  let seed = firstSeed;
  return tutorScreen(tutorEnv, {
    problems: [],
    stamp: (): Stamp => ({ now: NOW, seed: seed++ }),
    ...(saveError === undefined ? {} : { saveError }),
  });
}

export function driveTutor(state: TutorState = start(), options: DriverOptions = {}) {
  return driveScreen(tutorDef(), state, options);
}

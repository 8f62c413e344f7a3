/**
 * The tutor's one reducer: every key the learner presses becomes an action, and this pure
 * function says what the state is next. Progress updates (steps visited, answers, reveals)
 * happen here too, so saving is just writing `state.progress` whenever it changes.
 */
import { reduceDemo } from './demo-reducer.js';
import { insertText, setText } from './field-edit.js';
import { reduceExercise, reduceField } from './exercise-reducer.js';
import { enterStep, moveStep, pauseDemos, resumeStep } from './navigation.js';
import { focusedFieldId, hasUnsavedInput } from './selectors.js';
import { commandFor } from '../keymap.js';
import { actionFor } from './commands.js';
import { keyStateOf } from './key-state.js';
import type { Action, TutorEnv, TutorState } from './types.js';

export { initialState, type InitialStateOptions } from './navigation.js';
export {
  currentDemo,
  currentExercise,
  currentLesson,
  currentStep,
  demoKey,
  hasUnsavedInput,
  pendingText,
} from './selectors.js';

/** A key → the action it stands for in this state: a command, text for a field, or nothing. */
function keyAction(
  state: TutorState,
  action: Extract<Action, { type: 'key' }>,
  env: TutorEnv,
): Action | undefined {
  const { input, key, view, at } = action;
  const keys = keyStateOf(state, env, view);
  const id = commandFor(input, key, keys);
  if (id !== undefined)
    return actionFor(id, state, { stamp: () => at, maxScroll: view.maxScroll, page: view.page });
  // Anything else typed while a field has focus is text for it (a paste arrives whole).
  if (keys.typing === 'none' || input === '' || key.ctrl || key.meta || key.tab || key.return)
    return undefined;
  if (keys.context === 'grid-editor') return { type: 'grid/type', text: input };
  // Once the answer or prediction field's own input listens, it types the text itself. Until
  // then (right after the key that focused it, before the screen has redrawn) text goes in here.
  if (action.field !== undefined && action.field === focusedFieldId(state, env)) return undefined;
  return { type: 'field/insert', text: input };
}

export function reduce(state: TutorState, action: Action, env: TutorEnv): TutorState {
  switch (action.type) {
    case 'key': {
      const next = keyAction(state, action, env);
      return next ? reduce(state, next, env) : state;
    }
    case 'home/move': {
      const last = Math.max(0, env.course.lessons.length - 1);
      return { ...state, selected: Math.max(0, Math.min(last, state.selected + action.delta)) };
    }
    case 'lesson/open': {
      const lesson = env.course.lessons[action.index];
      return lesson
        ? enterStep(state, env, action.index, resumeStep(state, lesson), action.at)
        : state;
    }
    case 'lesson/continue': {
      const last = state.progress.last;
      const index = last ? env.course.lessons.findIndex((l) => l.id === last.lesson) : -1;
      if (index < 0 || !last)
        return reduce(state, { type: 'lesson/open', index: state.selected, at: action.at }, env);
      return enterStep(
        state,
        env,
        index,
        Math.min(last.step, env.course.lessons[index].steps.length - 1),
        action.at,
      );
    }
    case 'lesson/leave':
      return {
        ...state,
        screen: 'home',
        selected: state.lesson,
        overlay: undefined,
        demos: pauseDemos(state.demos),
      };
    case 'step/move':
      return moveStep(state, env, action.delta, action.at);
    case 'scroll': {
      const max = Math.max(0, action.max);
      return {
        ...state,
        scroll: Math.max(0, Math.min(max, Math.min(state.scroll, max) + action.delta)),
      };
    }
    case 'overlay/open':
      return { ...state, overlay: action.overlay };
    case 'overlay/close':
      return { ...state, overlay: undefined };
    case 'quit':
      if (state.overlay !== 'quit-confirm' && hasUnsavedInput(state))
        return { ...state, overlay: 'quit-confirm' };
      return { ...state, quitting: true };
    case 'quit/confirm':
      return { ...state, quitting: true };
    case 'tool/open':
      return state.screen === 'lesson'
        ? { ...state, tool: action.tool, overlay: undefined }
        : state;
    case 'tool/close':
      return { ...state, tool: undefined };
    case 'field/insert':
      return reduceField(state, env, (f) => insertText(f, action.text));
    case 'field/set':
      return action.field === focusedFieldId(state, env)
        ? reduceField(state, env, () => setText(action.text))
        : state;
    case 'answer/focus':
    case 'answer/submit':
    case 'exercise/reveal':
    case 'exercise/new-variant':
    case 'grid/open':
    case 'grid/move':
    case 'grid/next':
    case 'grid/type':
    case 'grid/erase':
    case 'grid/close':
      return reduceExercise(state, env, action);
    default:
      return reduceDemo(state, env, action);
  }
}

/** `reduce` bound to one course, for `useReducer`. */
export function createReducer(env: TutorEnv): (state: TutorState, action: Action) => TutorState {
  return (state, action) => reduce(state, action, env);
}

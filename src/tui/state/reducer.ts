/**
 * The tutor's one reducer: every command the learner gives becomes an action, and this pure
 * function says what the state is next. Progress updates (steps visited, answers, reveals)
 * happen here too, so saving is just writing `state.progress` whenever it changes.
 */
import { reduceDemo } from './demo-reducer.js';
import { reduceExercise, setFieldText } from './exercise-reducer.js';
import { enterStep, moveStep, pauseDemos, resumeStep } from './navigation.js';
import { continueTarget } from './continue.js';
import { focusedFieldId } from './selectors.js';
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

export function reduce(state: TutorState, action: Action, env: TutorEnv): TutorState {
  switch (action.type) {
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
      const target = continueTarget(env.course, state.progress);
      if (target.kind === 'complete') return { ...state, screen: 'complete' };
      return enterStep(state, env, target.lesson, target.step, action.at);
    }
    case 'lesson/leave':
      return { ...state, screen: 'home', selected: state.lesson, demos: pauseDemos(state.demos) };
    case 'step/move':
      return moveStep(state, env, action.delta, action.at);
    case 'tool/open': {
      if (state.screen !== 'lesson') return state;
      // A tool already open under this one is gone back to, not opened twice.
      const at = state.tools.indexOf(action.tool);
      const tools = at >= 0 ? state.tools.slice(0, at + 1) : [...state.tools, action.tool];
      return { ...state, tools };
    }
    case 'tool/close':
      return { ...state, tools: state.tools.slice(0, -1) };
    case 'field/set':
      return action.field === focusedFieldId(state, env)
        ? setFieldText(state, env, action.text)
        : state;
    case 'answer/focus':
    case 'answer/submit':
    case 'exercise/reveal':
    case 'exercise/new-variant':
    case 'exercise/hint':
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

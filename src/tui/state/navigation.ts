/**
 * Moving around the course: the initial state, entering a step (recording it in progress and
 * setting up its exercise or demo session), and moving between steps and lessons.
 */
import type { Demo, ExerciseDef, Lesson } from '../../content/course.js';
import { type Progress, completeLesson, recordStep } from '../../content/progress.js';
import type { Message } from '../../i18n/index.js';
import { continueTarget } from './continue.js';
import { currentLesson, demoKey, own } from './selectors.js';
import type { DemoSession, ExerciseSession, Stamp, TutorEnv, TutorState } from './types.js';

export interface InitialStateOptions {
  readonly progress: Progress;
  readonly notice?: Message | string;
}

/** Home, with the cursor on the lesson the learner was in last. */
export function initialState(env: TutorEnv, options: InitialStateOptions): TutorState {
  const last = options.progress.last?.lesson;
  const selected = Math.max(
    0,
    env.course.lessons.findIndex((l) => l.id === last),
  );
  return {
    screen: 'home',
    selected,
    ...(options.notice === undefined ? {} : { notice: options.notice }),
    lesson: 0,
    step: 0,
    tools: [],
    exercises: {},
    demos: {},
    progress: options.progress,
  };
}

function newExerciseSession(def: ExerciseDef, progress: Progress, seed: number): ExerciseSession {
  const saved = own(progress.exercises, def.id);
  return {
    ...(def.generated ? { seed: saved?.seed ?? seed } : {}),
    draft: '',
    focus: saved?.status === 'correct' ? 'keys' : 'answer',
    attempts: 0,
    wrong: 0,
    hintsAsked: 0,
    revealed: false,
    solved: false,
  };
}

function newDemoSession(demo: Demo): DemoSession {
  return {
    revealed: 0,
    stride: demo.stride,
    padding: demo.padding,
    playing: false,
    asking: false,
    draft: '',
    answered: [],
  };
}

/** Stop every running demo: only the one on screen may play. */
export function pauseDemos(demos: TutorState['demos']): TutorState['demos'] {
  return Object.values(demos).some((d) => d.playing)
    ? Object.fromEntries(
        Object.entries(demos).map(([k, d]) => [k, d.playing ? { ...d, playing: false } : d]),
      )
    : demos;
}

/** Show step `step` of lesson `index`: remember it in progress and set up its session. */
export function enterStep(
  state: TutorState,
  env: TutorEnv,
  index: number,
  step: number,
  at: Stamp,
): TutorState {
  const lesson = env.course.lessons[index];
  if (!lesson) return state;
  const target = lesson.steps[step];
  let { exercises, demos } = state;
  demos = pauseDemos(demos);
  if (target?.type === 'exercise') {
    const def = env.course.exercises.get(target.exerciseId);
    if (def && !own(exercises, def.id))
      exercises = { ...exercises, [def.id]: newExerciseSession(def, state.progress, at.seed) };
  }
  if (target?.type === 'demo' && !own(demos, demoKey(lesson, step))) {
    demos = { ...demos, [demoKey(lesson, step)]: newDemoSession(target.demo) };
  }
  return {
    ...state,
    screen: 'lesson',
    lesson: index,
    step,
    notice: undefined,
    exercises,
    demos,
    progress: recordStep(state.progress, lesson.id, step, at.now),
  };
}

/** Where opening a lesson lands: the step it was left on, or the start once it was finished. */
export function resumeStep(state: TutorState, lesson: Lesson): number {
  const saved = own(state.progress.lessons, lesson.id);
  if (!saved || saved.completed) return 0;
  return Math.min(saved.step, lesson.steps.length - 1);
}

export function moveStep(state: TutorState, env: TutorEnv, delta: 1 | -1, at: Stamp): TutorState {
  const lesson = currentLesson(state, env);
  if (!lesson) return state;
  const step = state.step + delta;
  if (step < 0) return state;
  if (step >= lesson.steps.length) {
    // Past the last step: the lesson is done, back to Home with the cursor on the next one,
    // or on to what comes after the course when it was the last thing left.
    const progress = completeLesson(state.progress, lesson.id, at.now);
    const done = continueTarget(env.course, progress).kind === 'complete';
    return {
      ...state,
      screen: done ? 'complete' : 'home',
      demos: pauseDemos(state.demos),
      selected: Math.min(state.lesson + 1, env.course.lessons.length - 1),
      progress,
    };
  }
  return enterStep(state, env, state.lesson, step, at);
}

/** What the state is showing: the lesson, step, exercise or demo on screen. */
import type { Demo, ExerciseDef, Lesson, Step } from '../../content/course.js';
import { textFromGrid } from './grid-draft.js';
import type { DemoSession, ExerciseSession, TutorEnv, TutorState } from './types.js';

/** An own entry of a record, so an id like `constructor` never reads Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function currentLesson(state: TutorState, env: TutorEnv): Lesson | undefined {
  return state.screen === 'lesson' ? env.course.lessons[state.lesson] : undefined;
}

export function currentStep(state: TutorState, env: TutorEnv): Step | undefined {
  return currentLesson(state, env)?.steps[state.step];
}

export function demoKey(lesson: Lesson, step: number): string {
  return `${lesson.id}#${step}`;
}

/** The exercise on screen, with its session; undefined off exercise steps. */
export function currentExercise(
  state: TutorState,
  env: TutorEnv,
): { def: ExerciseDef; session: ExerciseSession } | undefined {
  const step = currentStep(state, env);
  if (step?.type !== 'exercise') return undefined;
  const def = env.course.exercises.get(step.exerciseId);
  const session = def && own(state.exercises, def.id);
  return def && session ? { def, session } : undefined;
}

/** The demo on screen, with its session; undefined off demo steps. */
export function currentDemo(
  state: TutorState,
  env: TutorEnv,
): { demo: Demo; session: DemoSession; key: string } | undefined {
  const lesson = currentLesson(state, env);
  const step = lesson?.steps[state.step];
  if (!lesson || step?.type !== 'demo') return undefined;
  const key = demoKey(lesson, state.step);
  const session = own(state.demos, key);
  return session ? { demo: step.demo, session, key } : undefined;
}

/**
 * The id of the text field that has focus: the demo's key while it asks for a prediction, the
 * exercise's id while its answer line has focus; undefined otherwise.
 */
export function focusedFieldId(state: TutorState, env: TutorEnv): string | undefined {
  const demo = currentDemo(state, env);
  if (demo) return demo.session.asking ? demo.key : undefined;
  const exercise = currentExercise(state, env);
  return exercise?.session.focus === 'answer' ? exercise.def.id : undefined;
}

/** The text an exercise would submit now: the answer line, or the grid editor's cells. */
export function pendingText(session: ExerciseSession): string {
  return session.focus === 'grid' && session.grid ? textFromGrid(session.grid) : session.draft;
}

/** Whether quitting now would throw away something typed but not yet checked. */
export function hasUnsavedInput(state: TutorState): boolean {
  const exercise = Object.values(state.exercises).some((s) => {
    const text = pendingText(s).trim();
    return text !== '' && text !== s.graded?.trim();
  });
  const demo = Object.values(state.demos).some((d) => d.asking && d.draft.trim() !== '');
  return exercise || demo;
}

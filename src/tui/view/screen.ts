/**
 * The tutor's frame for one state: Home, or a lesson step with its question and answer line
 * pinned above the footer. Lines only; the shell fits them to the terminal (`shell/frame.ts`).
 */
import type { ContentProblem } from '../../content/course.js';
import type { FrameModel } from '../shell/frame.js';
import { currentDemo, currentExercise, currentLesson, currentStep } from '../state/reducer.js';
import type { TutorEnv, TutorState } from '../state/types.js';
import { figureStepLines, pictureStepLines, textStepLines } from '../../view/steps.js';
import { type ViewOptions, fit, glyphs, wrap } from '../../view/text.js';
import { completeFrame } from './complete.js';
import { demoParts } from './demo.js';
import { exerciseParts } from './exercise.js';
import { gridEditorLines } from './grid-editor.js';
import { homeModel } from './home.js';

export interface ScreenInput {
  readonly state: TutorState;
  readonly env: TutorEnv;
  readonly problems: readonly ContentProblem[];
  /** Why the last save failed, in words; shown until a save works. */
  readonly saveError?: string;
}

function statusLines(input: ScreenInput, o: ViewOptions): string[] {
  return input.saveError === undefined
    ? []
    : fit(wrap(input.saveError, o.width), o.width).slice(0, 2).map(o.style.error);
}

function homeFrame(input: ScreenInput, o: ViewOptions): FrameModel {
  const { state, env } = input;
  const model = homeModel(
    {
      course: env.course,
      problems: input.problems,
      progress: state.progress,
      selected: state.selected,
      notice: state.notice,
    },
    o,
  );
  return {
    header: [],
    body: model.rows,
    page: 'home',
    // The selected lesson and its summary line stay in view.
    focus: { from: model.selectedRow, to: model.selectedRow + 1 },
    status: statusLines(input, o),
  };
}

function exerciseFrame(input: ScreenInput, o: ViewOptions): Omit<FrameModel, 'header' | 'page'> {
  const { state, env } = input;
  const step = currentStep(state, env);
  if (step?.type !== 'exercise') return { body: [] };
  const current = currentExercise(state, env);
  const def = env.course.exercises.get(step.exerciseId);
  const session = current?.session;
  const built = def && session ? env.question(def, session.seed) : undefined;
  const saved =
    def && Object.hasOwn(state.progress.exercises, def.id)
      ? state.progress.exercises[def.id]
      : undefined;
  const parts = exerciseParts(
    { def, exerciseId: step.exerciseId, session, built, ...(saved ? { saved } : {}) },
    o,
  );
  if (!def || !session || !built?.ok) return { body: parts.body };
  const grid =
    session.focus === 'grid' && session.grid ? ['', ...gridEditorLines(session.grid, o)] : [];
  return {
    body: parts.body,
    pinned: [...parts.prompt, ...grid],
    ...(grid.length > 0
      ? {}
      : {
          field: {
            id: def.id,
            label: o.t('tui.exercise.answer-label'),
            value: session.draft,
            // It says how to reach the field: with focus, Enter checks instead.
            placeholder: session.focus === 'answer' ? '' : o.t('tui.exercise.answer-placeholder'),
            focused: session.focus === 'answer',
          },
        }),
    below: parts.feedback,
  };
}

function demoFrame(input: ScreenInput, o: ViewOptions): Omit<FrameModel, 'header' | 'page'> {
  const { state, env } = input;
  const step = currentStep(state, env);
  const demo = currentDemo(state, env);
  if (step?.type !== 'demo' || !demo) return { body: [] };
  const parts = demoParts(step, demo.session, o);
  return {
    body: parts.body,
    pinned: parts.pinned,
    ...(demo.session.asking
      ? {
          field: {
            id: demo.key,
            label: o.t('tui.demo.prediction-label'),
            value: demo.session.draft,
            placeholder: '',
            focused: true,
          },
        }
      : {}),
    below: parts.below,
  };
}

function lessonFrame(input: ScreenInput, o: ViewOptions): FrameModel {
  const { state, env } = input;
  const lesson = currentLesson(state, env)!;
  const step = lesson.steps[state.step];
  const stepTitle =
    step.type === 'exercise'
      ? (env.course.exercises.get(step.exerciseId)?.title ?? step.exerciseId)
      : step.title;
  const where = o.t(
    state.step === lesson.steps.length - 1 ? 'tui.lesson.step-of-last' : 'tui.lesson.step-of',
    { step: state.step + 1, steps: lesson.steps.length },
  );
  const header = [
    `${o.style.bold(lesson.title)}  ${glyphs(o.ascii).dot}  ${where}`,
    o.style.bold(stepTitle),
  ];
  const page = `${lesson.id}#${state.step}`;
  const status = statusLines(input, o);
  switch (step.type) {
    case 'text':
      return { header, page, status, body: textStepLines(step, o) };
    case 'picture':
      return { header, page, status, body: pictureStepLines(step, o) };
    case 'figure':
      return { header, page, status, body: figureStepLines(step, o) };
    case 'demo':
      return { header, page, status, ...demoFrame(input, o) };
    case 'exercise':
      // Another variant of the exercise starts at the top again.
      return {
        header,
        page: `${page}#${currentExercise(state, env)?.session.seed ?? ''}`,
        status,
        ...exerciseFrame(input, o),
      };
  }
}

export function tutorFrame(input: ScreenInput, o: ViewOptions): FrameModel {
  const { state, env } = input;
  if (state.screen === 'complete') return completeFrame(env.course, state.progress, o);
  return state.screen === 'lesson' && currentLesson(state, env)
    ? lessonFrame(input, o)
    : homeFrame(input, o);
}

/**
 * The whole screen for one state and terminal size, as lines and rows the components only
 * print. Everything is measured here so that every line fits the width and the screen never
 * needs more rows than the terminal has: one row is always kept free, so the terminal never
 * scrolls under Ink.
 */
import type { ContentProblem } from '../../content/course.js';
import { truncateToWidth } from '../../render/index.js';
import { type KeyState, helpItems } from '../keymap.js';
import { keyStateOf } from '../state/key-state.js';
import { currentDemo, currentExercise, currentLesson, currentStep } from '../state/reducer.js';
import type { TutorEnv, TutorState } from '../state/types.js';
import { demoLines } from './demo.js';
import { exerciseLines } from './exercise.js';
import { type InputView, fieldView } from './field.js';
import { footerLines } from './footer.js';
import {
  type Bottom,
  MIN_HEIGHT,
  MIN_WIDTH,
  bottomRows,
  helpLines,
  tooSmallLines,
} from './frame.js';
import { gridEditorLines } from './grid-editor.js';
import { type HomeRow, homeModel } from './home.js';
import { figureStepLines, pictureStepLines, textStepLines } from '../../view/steps.js';
import { type ViewOptions, fit, glyphs, wrap } from '../../view/text.js';

// Also exported here, where the package index, the components and the trainer's screens take them.
export { type Bottom, MIN_HEIGHT, MIN_WIDTH } from './frame.js';
export type { InputView } from './field.js';

export type Screen =
  | { readonly kind: 'too-small'; readonly lines: string[] }
  | { readonly kind: 'help'; readonly lines: string[]; readonly footer: string[] }
  | {
      readonly kind: 'home';
      readonly rows: HomeRow[];
      /** Rows the list may take. */
      readonly height: number;
      readonly marker: string;
      readonly status: string[];
      readonly bottom: Bottom;
    }
  | {
      readonly kind: 'lesson';
      readonly header: string[];
      readonly stepKind: 'text' | 'picture' | 'figure' | 'demo' | 'exercise';
      /** The visible part of the step. */
      readonly body: string[];
      /** Rows the body takes, so the answer line and footer stay at the bottom. */
      readonly bodyHeight: number;
      readonly marker: string;
      readonly input?: InputView;
      readonly grid?: string[];
      readonly status: string[];
      readonly bottom: Bottom;
    };

export interface BuiltScreen {
  readonly screen: Screen;
  readonly keys: KeyState;
  /** How far the lesson body can scroll, and a page of it. */
  readonly maxScroll: number;
  readonly page: number;
}

export interface ScreenInput {
  readonly state: TutorState;
  readonly env: TutorEnv;
  readonly problems: readonly ContentProblem[];
  /** Why the last save failed, in words; shown until a save works. */
  readonly saveError?: string;
}

function markerLine(scroll: number, max: number, o: ViewOptions): string {
  if (max <= 0) return '';
  const g = glyphs(o.ascii);
  const parts = [
    scroll > 0 ? `${g.less} ${o.t('tui.scroll.above', { count: scroll })}` : '',
    scroll < max ? `${g.more} ${o.t('tui.scroll.below', { count: max - scroll })}` : '',
  ].filter((p) => p !== '');
  return o.style.dim(truncateToWidth(parts.join('   '), o.width));
}

function bottomOf(keys: KeyState, o: ViewOptions): Bottom {
  const footer = footerLines(keys, o.width, o.t, o.style);
  if (keys.context !== 'quit-confirm') return { footer };
  return { question: o.style.warn(truncateToWidth(o.t('tui.quit.question'), o.width)), footer };
}

function statusLines(input: ScreenInput, o: ViewOptions): string[] {
  return input.saveError === undefined
    ? []
    : fit(wrap(input.saveError, o.width), o.width).slice(0, 2).map(o.style.error);
}

function tooSmall(o: ViewOptions): Screen {
  return { kind: 'too-small', lines: tooSmallLines(o.t('tui.too-small-quit'), o) };
}

function helpScreen(input: ScreenInput, keys: KeyState, o: ViewOptions, height: number): Screen {
  // The keys of the screen under the overlay, exactly as bound there.
  const under = buildScreen({ ...input, state: { ...input.state, overlay: undefined } }, o).keys;
  const footer = footerLines(keys, o.width, o.t, o.style);
  const room = Math.max(1, height - footer.length - 2);
  return { kind: 'help', lines: helpLines(helpItems(under, o.t), room, o), footer };
}

function homeScreen(input: ScreenInput, o: ViewOptions, height: number): BuiltScreen {
  const { state, env } = input;
  const keys = keyStateOf(state, env, { scrollable: false, tooSmall: false });
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
  const bottom = bottomOf(keys, o);
  const status = statusLines(input, o);
  const room = Math.max(1, height - bottomRows(bottom) - status.length - 1);
  const max = Math.max(0, model.rows.length - room);
  // Keep the selected lesson and its summary line in view.
  const scroll = Math.max(0, Math.min(max, model.selectedRow + 2 - room));
  return {
    screen: {
      kind: 'home',
      rows: model.rows.slice(scroll, scroll + room),
      height: room,
      marker: markerLine(scroll, max, o),
      status,
      bottom,
    },
    keys,
    maxScroll: 0,
    page: 1,
  };
}

/** Every line of the current step's body, for a body `bodyHeight` rows tall. */
function bodyLines(input: ScreenInput, o: ViewOptions, bodyHeight: number): string[] {
  const { state, env } = input;
  const step = currentStep(state, env);
  if (!step) return [];
  switch (step.type) {
    case 'text':
      return textStepLines(step, o);
    case 'picture':
      return pictureStepLines(step, o);
    case 'figure':
      return figureStepLines(step, o);
    case 'demo': {
      const demo = currentDemo(state, env);
      return demo ? demoLines(step, demo.session, o, bodyHeight) : [];
    }
    case 'exercise': {
      const current = currentExercise(state, env);
      const def = env.course.exercises.get(step.exerciseId);
      const session = current?.session;
      const status =
        def && Object.hasOwn(state.progress.exercises, def.id)
          ? state.progress.exercises[def.id].status
          : undefined;
      return exerciseLines(
        {
          def,
          exerciseId: step.exerciseId,
          session,
          built: def && session ? env.question(def, session.seed) : undefined,
          ...(status ? { status } : {}),
        },
        o,
      );
    }
  }
}

function inputView(input: ScreenInput, keys: KeyState, o: ViewOptions): InputView | undefined {
  const { state, env } = input;
  const demo = currentDemo(state, env);
  if (demo?.session.asking) {
    return fieldView(
      'prediction',
      demo.key,
      keys.context === 'prediction',
      { label: o.t('tui.demo.prediction-label'), draft: demo.session.draft, placeholder: '' },
      o,
    );
  }
  const exercise = currentExercise(state, env);
  if (!exercise || exercise.session.focus === 'grid') return undefined;
  if (!env.question(exercise.def, exercise.session.seed).ok) return undefined;
  return fieldView(
    'answer',
    exercise.def.id,
    keys.context === 'answer',
    {
      label: o.t('tui.exercise.answer-label'),
      draft: exercise.session.draft,
      placeholder: o.t('tui.exercise.answer-placeholder'),
    },
    o,
  );
}

function lessonScreen(input: ScreenInput, o: ViewOptions, height: number): BuiltScreen {
  const { state, env } = input;
  const lesson = currentLesson(state, env)!;
  const step = lesson.steps[state.step];
  const exercise = currentExercise(state, env);
  const stepTitle =
    step.type === 'exercise'
      ? (env.course.exercises.get(step.exerciseId)?.title ?? step.exerciseId)
      : step.title;
  const where = o.t(
    state.step === lesson.steps.length - 1 ? 'tui.lesson.step-of-last' : 'tui.lesson.step-of',
    { step: state.step + 1, steps: lesson.steps.length },
  );
  const header = fit(
    [`${o.style.bold(lesson.title)}  ${glyphs(o.ascii).dot}  ${where}`, o.style.bold(stepTitle)],
    o.width,
  );
  const status = statusLines(input, o);
  const grid =
    exercise?.session.focus === 'grid' && exercise.session.grid
      ? gridEditorLines(exercise.session.grid, o)
      : undefined;

  const layout = (scrollable: boolean) => {
    const keys = keyStateOf(state, env, { scrollable, tooSmall: false });
    const bottom = bottomOf(keys, o);
    const field = inputView(input, keys, o);
    const fixed = header.length + 1 + (field?.rows ?? 0) + status.length + bottomRows(bottom);
    const gridRows = grid ? Math.min(grid.length, Math.max(0, height - fixed - 1)) : 0;
    return { keys, bottom, field, gridRows, bodyHeight: Math.max(1, height - fixed - gridRows) };
  };
  let l = layout(false);
  let body = fit(bodyLines(input, o, l.bodyHeight), o.width);
  if (body.length > l.bodyHeight) {
    l = layout(true);
    body = fit(bodyLines(input, o, l.bodyHeight), o.width);
  }
  const maxScroll = Math.max(0, body.length - l.bodyHeight);
  const scroll = Math.min(state.scroll, maxScroll);
  return {
    screen: {
      kind: 'lesson',
      header,
      stepKind: step.type,
      body: body.slice(scroll, scroll + l.bodyHeight),
      bodyHeight: l.bodyHeight,
      marker: markerLine(scroll, maxScroll, o),
      ...(l.field ? { input: l.field } : {}),
      ...(grid ? { grid: grid.slice(0, l.gridRows) } : {}),
      status,
      bottom: l.bottom,
    },
    keys: l.keys,
    maxScroll,
    page: Math.max(1, l.bodyHeight - 1),
  };
}

export function buildScreen(input: ScreenInput, o: ViewOptions): BuiltScreen {
  const { state, env } = input;
  if (o.width < MIN_WIDTH || o.height < MIN_HEIGHT) {
    return {
      screen: tooSmall(o),
      keys: keyStateOf(state, env, { scrollable: false, tooSmall: true }),
      maxScroll: 0,
      page: 1,
    };
  }
  const height = o.height - 1;
  if (state.overlay === 'help') {
    const keys = keyStateOf(state, env, { scrollable: false, tooSmall: false });
    return { screen: helpScreen(input, keys, o, height), keys, maxScroll: 0, page: 1 };
  }
  if (state.screen === 'lesson' && currentLesson(state, env)) return lessonScreen(input, o, height);
  return homeScreen(input, o, height);
}

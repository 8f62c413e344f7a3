/** Exercise actions: typing, checking an answer, "show me", a new variant, the grid editor. */
import { recordAnswer, recordReveal } from '../../content/progress.js';
import { gradeText } from './grade.js';
import { eraseInGrid, gridFromText, moveCursor, nextCell, typeIntoGrid } from './grid-draft.js';
import { currentDemo, currentExercise, pendingText } from './selectors.js';
import type { Action, ExerciseSession, Stamp, TutorEnv, TutorState } from './types.js';

function setSession(
  state: TutorState,
  id: string,
  session: ExerciseSession,
  extra: Partial<TutorState> = {},
): TutorState {
  return { ...state, ...extra, exercises: { ...state.exercises, [id]: session } };
}

function submit(state: TutorState, env: TutorEnv, at: Stamp): TutorState {
  const current = currentExercise(state, env);
  if (!current) return state;
  const { def, session } = current;
  const text = pendingText(session);
  if (text.trim() === '') return state;
  const built = env.question(def, session.seed);
  if (!built.ok) return state;
  const graded = gradeText(built.question, text);
  const base: ExerciseSession = { ...session, draft: text, feedback: graded.feedback };
  if (!graded.counted) return setSession(state, def.id, base);
  const next: ExerciseSession = {
    ...base,
    graded: text,
    attempts: session.attempts + 1,
    wrong: session.wrong + (graded.correct ? 0 : 1),
    solved: session.solved || graded.correct,
    ...(graded.correct ? { focus: 'keys' as const, grid: undefined } : {}),
  };
  const progress = recordAnswer(
    state.progress,
    def.id,
    {
      correct: graded.correct,
      answer: graded.canonical,
      ...(session.seed === undefined ? {} : { seed: session.seed }),
    },
    at.now,
  );
  return setSession(state, def.id, next, { progress });
}

export function reduceExercise(state: TutorState, env: TutorEnv, action: Action): TutorState {
  const current = currentExercise(state, env);
  if (!current) return state;
  const { def, session } = current;
  const set = (s: ExerciseSession, extra: Partial<TutorState> = {}): TutorState =>
    setSession(state, def.id, s, extra);
  switch (action.type) {
    case 'answer/focus':
      return set({
        ...session,
        focus: action.focus,
        grid: action.focus === 'grid' ? session.grid : undefined,
      });
    case 'answer/submit':
      return submit(state, env, action.at);
    case 'exercise/reveal':
      return set(
        { ...session, revealed: true, focus: 'keys', grid: undefined },
        { progress: recordReveal(state.progress, def.id, action.at.now, session.seed) },
      );
    case 'exercise/hint':
      return set({ ...session, hintsAsked: Math.max(session.wrong, session.hintsAsked) + 1 });
    case 'exercise/new-variant':
      if (!def.generated) return state;
      return set({
        seed: action.seed,
        draft: '',
        focus: 'answer',
        attempts: 0,
        wrong: 0,
        hintsAsked: 0,
        revealed: false,
        solved: false,
      });
    case 'grid/open': {
      const built = env.question(def, session.seed);
      const size = built.ok ? built.question.gridSize : undefined;
      if (!size) return state;
      return set({
        ...session,
        focus: 'grid',
        grid: gridFromText(session.draft, size.rows, size.cols),
      });
    }
    case 'grid/close': {
      const draft = pendingText(session);
      return set({ ...session, draft, focus: 'answer', grid: undefined });
    }
    default:
      break;
  }
  const grid = session.focus === 'grid' ? session.grid : undefined;
  if (!grid) return state;
  switch (action.type) {
    case 'grid/move':
      return set({ ...session, grid: moveCursor(grid, action.rows, action.cols) });
    case 'grid/next':
      return set({ ...session, grid: nextCell(grid) });
    case 'grid/type':
      return set({ ...session, grid: typeIntoGrid(grid, action.text) });
    case 'grid/erase':
      return set({ ...session, grid: eraseInGrid(grid) });
    default:
      return state;
  }
}

/** The focused field's text: the prediction while one is asked, else the answer line. */
export function setFieldText(state: TutorState, env: TutorEnv, draft: string): TutorState {
  const demo = currentDemo(state, env);
  if (demo?.session.asking) {
    return {
      ...state,
      demos: { ...state.demos, [demo.key]: { ...demo.session, draft, error: undefined } },
    };
  }
  const exercise = currentExercise(state, env);
  if (!exercise || exercise.session.focus !== 'answer') return state;
  return setSession(state, exercise.def.id, { ...exercise.session, draft });
}

/**
 * Which keyboard context the state is in, and which conditional commands hold: the input to
 * the keymap and to the footer, so both always agree.
 */
import { FLAG } from '../shell/chrome.js';
import type { KeyState, Typing } from '../shell/keymap.js';
import { type KeyContext, TUTOR_FLAG } from '../keymap.js';
import { currentDemo, currentExercise, currentLesson, currentStep } from './selectors.js';
import type { TutorEnv, TutorState } from './types.js';

function typingOf(draft: string): Typing {
  return draft === '' ? 'empty' : 'text';
}

export function keyStateOf(state: TutorState, env: TutorEnv): KeyState<KeyContext> {
  const flags = new Set<string>();
  if (state.screen === 'complete') return { context: 'complete', typing: 'none', flags };
  if (state.screen === 'home') {
    if (state.progress.last || Object.keys(state.progress.lessons).length > 0)
      flags.add(TUTOR_FLAG.canContinue);
    flags.add(FLAG.arrows);
    return { context: 'home', typing: 'none', flags };
  }
  for (const tool of currentLesson(state, env)?.tools ?? []) flags.add(TUTOR_FLAG[tool]);
  const step = currentStep(state, env);
  if (step?.type === 'demo') {
    const demo = currentDemo(state, env);
    if (demo?.session.asking) {
      flags.add(FLAG.field);
      return { context: 'prediction', typing: typingOf(demo.session.draft), flags };
    }
    return { context: 'demo', typing: 'none', flags };
  }
  const exercise = currentExercise(state, env);
  if (!exercise) return { context: 'step', typing: 'none', flags };
  const { def, session } = exercise;
  if (def.generated) flags.add(TUTOR_FLAG.generated);
  const built = env.question(def, session.seed);
  if (built.ok && built.question.kind === 'grid' && built.question.gridSize)
    flags.add(TUTOR_FLAG.gridAnswer);
  if (!built.ok) return { context: 'exercise', typing: 'none', flags };
  if (
    shownHints(def.hints.length, session) < def.hints.length &&
    !session.solved &&
    !session.revealed
  )
    flags.add(TUTOR_FLAG.hints);
  if (session.focus === 'grid' && session.grid) {
    flags.add(FLAG.arrows);
    return { context: 'grid-editor', typing: 'text', flags };
  }
  if (session.focus === 'answer') {
    flags.add(FLAG.field);
    return { context: 'answer', typing: typingOf(session.draft), flags };
  }
  return { context: 'exercise', typing: 'none', flags };
}

/** Hints on screen: one per wrong answer or hint key press, up to all of them. */
export function shownHints(
  count: number,
  session: { readonly wrong: number; readonly hintsAsked: number },
): number {
  return Math.min(count, Math.max(session.wrong, session.hintsAsked));
}

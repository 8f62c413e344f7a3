/**
 * Which keyboard context the state is in, and which conditional commands hold — the input to
 * `commandFor` and to the footer, so both always agree.
 */
import type { KeyFlag, KeyState, Typing } from '../keymap.js';
import { XO_LESSON_ID } from '../train/hand-set.js';
import { currentDemo, currentExercise, currentLesson, currentStep } from './selectors.js';
import type { TutorEnv, TutorState } from './types.js';

export interface ViewFacts {
  /** The step's body is taller than the space for it. */
  readonly scrollable: boolean;
  /** The terminal is below the minimum size. */
  readonly tooSmall: boolean;
}

function typingOf(draft: string): Typing {
  return draft === '' ? 'empty' : 'text';
}

/** The context under any overlay: what `?` help describes. */
export function baseKeyState(state: TutorState, env: TutorEnv, facts: ViewFacts): KeyState {
  const flags = new Set<KeyFlag>();
  if (facts.tooSmall) return { context: 'too-small', typing: 'none', flags };
  if (facts.scrollable) flags.add('scrollable');
  if (state.screen === 'home') {
    const last = state.progress.last;
    if (last && env.course.lessons.some((l) => l.id === last.lesson)) flags.add('can-continue');
    return { context: 'home', typing: 'none', flags };
  }
  if (currentLesson(state, env)?.id === XO_LESSON_ID) flags.add('xo-tools');
  const step = currentStep(state, env);
  if (step?.type === 'demo') {
    const demo = currentDemo(state, env);
    if (demo?.session.asking)
      return { context: 'prediction', typing: typingOf(demo.session.draft), flags };
    return { context: 'demo', typing: 'none', flags };
  }
  const exercise = currentExercise(state, env);
  if (!exercise) return { context: 'step', typing: 'none', flags };
  const { def, session } = exercise;
  if (def.generated) flags.add('generated');
  const built = env.question(def, session.seed);
  if (built.ok && built.question.kind === 'grid' && built.question.gridSize)
    flags.add('grid-answer');
  if (!built.ok) return { context: 'exercise', typing: 'none', flags };
  if (session.focus === 'grid' && session.grid)
    return { context: 'grid-editor', typing: 'text', flags };
  if (session.focus === 'answer')
    return { context: 'answer', typing: typingOf(session.draft), flags };
  return { context: 'exercise', typing: 'none', flags };
}

export function keyStateOf(state: TutorState, env: TutorEnv, facts: ViewFacts): KeyState {
  if (!facts.tooSmall && state.overlay === 'help') return { context: 'help', typing: 'none' };
  if (!facts.tooSmall && state.overlay === 'quit-confirm')
    return { context: 'quit-confirm', typing: 'none' };
  return baseKeyState(state, env, facts);
}

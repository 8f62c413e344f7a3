/**
 * An exercise step in three parts: the prompt (pinned above the answer line, so it never
 * scrolls away), the feedback on the last answer (pinned below it, kept short), and the body
 * that scrolls: the grids, how to type the answer, the hints, the learner's grid with its
 * wrong cells marked, and the worked solution once "show me" was used.
 */
import { answerText } from '../../content/answer-value.js';
import type { ExerciseDef } from '../../content/course.js';
import type { ExerciseProgress } from '../../content/progress.js';
import type { Question } from '../../content/types.js';
import { GRID_GLYPHS, renderGrid } from '../../render/index.js';
import type { ExerciseSession, Feedback, QuestionResult } from '../state/types.js';
import { answerFormatLines, displayLines, gridOptions } from '../../view/displays.js';
import { type ViewOptions, glyphs, say, wrap } from '../../view/text.js';
import { shownHints } from '../state/key-state.js';

/** What the last Enter led to, in a few lines: right, or wrong and why. */
function feedbackLines(feedback: Feedback, o: ViewOptions): string[] {
  const g = glyphs(o.ascii);
  if (feedback.kind !== 'graded') {
    return [
      ...wrap(say(o.t, feedback.message), o.width).map(o.style.warn),
      ...wrap(o.t('tui.exercise.not-counted'), o.width).map(o.style.dim),
    ];
  }
  if (feedback.correct)
    return wrap(`${g.right} ${o.t('tui.exercise.correct')}`, o.width).map(o.style.ok);
  const lines = wrap(`${g.wrong} ${o.t('tui.exercise.wrong')}`, o.width).map(o.style.error);
  if (feedback.mistake)
    lines.push(...wrap(o.t(`mistake.${feedback.mistake}`), o.width).map(o.style.bold));
  if (feedback.answer.kind === 'grid' && feedback.wrongCells.length > 0) {
    lines.push(
      ...wrap(
        o.t('tui.exercise.wrong-cells', {
          count: feedback.wrongCells.length,
          mark: GRID_GLYPHS[o.ascii ? 'ascii' : 'unicode'].wrong,
        }),
        o.width,
      ),
    );
  }
  return lines;
}

/** The learner's grid with the wrong cells marked, under the question. */
function answerGridLines(feedback: Feedback, o: ViewOptions): string[] {
  if (feedback.kind !== 'graded' || feedback.correct) return [];
  if (feedback.answer.kind !== 'grid' || feedback.wrongCells.length === 0) return [];
  const wrong = new Set(feedback.wrongCells.map(([r, c]) => `${r},${c}`));
  return [
    '',
    ...renderGrid(feedback.answer.rows, {
      ...gridOptions(o),
      title: o.t('tui.exercise.your-answer'),
      marks: (r, c) => (wrong.has(`${r},${c}`) ? 'wrong' : 'right'),
    }),
  ];
}

function solutionLines(question: Question, o: ViewOptions): string[] {
  const lines = ['', o.style.bold(o.t('tui.exercise.solution'))];
  question.solution().forEach((line) => lines.push(...wrap(`  ${line.text}`, o.width)));
  const expected = question.expected();
  if (expected.kind === 'grid') {
    lines.push(o.t('tui.exercise.expected-grid'), ...renderGrid(expected.rows, gridOptions(o)));
  } else {
    lines.push(...wrap(o.t('tui.exercise.expected', { answer: answerText(expected) }), o.width));
  }
  return lines;
}

export interface ExerciseView {
  readonly def: ExerciseDef | undefined;
  readonly exerciseId: string;
  readonly session: ExerciseSession | undefined;
  readonly built: QuestionResult | undefined;
  /** What progress says about this exercise from earlier sessions. */
  readonly saved?: ExerciseProgress;
}

export interface ExerciseParts {
  /** Pinned above the answer line. */
  readonly prompt: string[];
  /** Scrolls. */
  readonly body: string[];
  /** Pinned below the answer line. */
  readonly feedback: string[];
}

export function exerciseParts(view: ExerciseView, o: ViewOptions): ExerciseParts {
  const { def, session, built } = view;
  const none = { prompt: [], feedback: [] };
  if (!def || !session)
    return {
      ...none,
      body: wrap(o.t('tui.exercise.missing', { id: view.exerciseId }), o.width).map(o.style.error),
    };
  if (!built || !built.ok)
    return {
      ...none,
      body: wrap(o.t('tui.exercise.broken', { error: built?.error ?? '' }), o.width).map(
        o.style.error,
      ),
    };
  const q = built.question;
  // After a wrong answer the cell asked about is marked where it comes from.
  const wrong = session.feedback?.kind === 'graded' && !session.feedback.correct;
  const body = [
    ...displayLines(q.displays, o, wrong ? q.asked : undefined),
    '',
    ...answerFormatLines(q, o),
  ];
  // Only for these very numbers: new ones (`r`) are a new exercise.
  const before =
    view.saved && view.saved.seed === session.seed && session.attempts === 0 && !session.revealed
      ? view.saved.status
      : undefined;
  if (before === 'correct')
    body.push(...wrap(o.t('tui.exercise.solved-before'), o.width).map(o.style.ok));
  if (before === 'revealed')
    body.push(...wrap(o.t('tui.exercise.revealed-before'), o.width).map(o.style.warn));
  if (session.attempts > 0)
    body.push(
      ...wrap(o.t('tui.exercise.tries', { count: session.attempts }), o.width).map(o.style.dim),
    );
  if (session.feedback) body.push(...answerGridLines(session.feedback, o));
  if (session.revealed) body.push(...solutionLines(q, o));
  // The hints stay in view with the feedback, under the answer line.
  const hints = def.hints
    .slice(0, shownHints(def.hints.length, session))
    .flatMap((hint, i) => wrap(o.t('tui.exercise.hint', { n: i + 1, text: hint }), o.width));
  return {
    prompt: ['', ...wrap(q.prompt, o.width)],
    body,
    feedback: [...(session.feedback ? feedbackLines(session.feedback, o) : []), ...hints],
  };
}

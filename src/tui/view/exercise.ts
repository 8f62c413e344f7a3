/**
 * An exercise step as lines: the prompt, its grids, how to type the answer, and what the last
 * answer led to (right, wrong with the named mistake and the wrong cells marked, hints), then
 * the worked solution once "show me" was used.
 */
import { answerText } from '../../content/answer-value.js';
import type { ExerciseDef } from '../../content/course.js';
import type { ExerciseStatus } from '../../content/progress.js';
import type { Question } from '../../content/types.js';
import { GRID_GLYPHS, renderGrid } from '../../render/index.js';
import type { ExerciseSession, Feedback, QuestionResult } from '../state/types.js';
import { answerFormatLines, displayLines, gridOptions } from '../../view/displays.js';
import { type ViewOptions, glyphs, say, wrap } from '../../view/text.js';

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
    const wrong = new Set(feedback.wrongCells.map(([r, c]) => `${r},${c}`));
    lines.push(
      ...renderGrid(feedback.answer.rows, {
        ...gridOptions(o),
        title: o.t('tui.exercise.your-answer'),
        marks: (r, c) => (wrong.has(`${r},${c}`) ? 'wrong' : 'right'),
      }),
    );
  }
  return lines;
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
  readonly status?: ExerciseStatus;
}

export function exerciseLines(view: ExerciseView, o: ViewOptions): string[] {
  const { def, session, built } = view;
  if (!def || !session)
    return wrap(o.t('tui.exercise.missing', { id: view.exerciseId }), o.width).map(o.style.error);
  if (!built || !built.ok)
    return wrap(o.t('tui.exercise.broken', { error: built?.error ?? '' }), o.width).map(
      o.style.error,
    );
  const q = built.question;
  const lines = [...wrap(q.prompt, o.width), ''];
  lines.push(...displayLines(q.displays, o));
  lines.push('', ...answerFormatLines(q, o));
  if (view.status === 'correct' && session.attempts === 0 && !session.revealed) {
    lines.push(...wrap(o.t('tui.exercise.solved-before'), o.width).map(o.style.ok));
  }
  if (session.feedback) lines.push('', ...feedbackLines(session.feedback, o));
  const hints = def.hints.slice(0, Math.min(session.wrong, def.hints.length));
  hints.forEach((hint, i) =>
    lines.push(...wrap(o.t('tui.exercise.hint', { n: i + 1, text: hint }), o.width)),
  );
  if (session.attempts > 0)
    lines.push(
      ...wrap(o.t('tui.exercise.tries', { count: session.attempts }), o.width).map(o.style.dim),
    );
  if (session.revealed) lines.push(...solutionLines(q, o));
  return lines;
}

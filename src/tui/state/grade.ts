/**
 * What the learner typed → feedback for the exercise screen. A text that does not parse is
 * never a try; a grid of the wrong size is a try only when a common mistake explains it.
 */
import { type Answer, formatAnswer, parseAnswer } from '../../content/answer-parser.js';
import { checkAnswer, compareAnswers } from '../../content/check-answer.js';
import type { AnswerValue, Question } from '../../content/types.js';
import type { Feedback } from './types.js';

export type Graded =
  | { readonly counted: false; readonly feedback: Feedback }
  | {
      readonly counted: true;
      readonly correct: boolean;
      readonly feedback: Feedback;
      /** The answer in the tutor's own syntax, for the progress file. */
      readonly canonical: string;
    };

function toValue(answer: Answer): AnswerValue {
  switch (answer.kind) {
    case 'number':
      return { kind: 'number', value: answer.value };
    case 'shape':
      return { kind: 'shape', dims: answer.dims };
    case 'grid':
      return { kind: 'grid', rows: answer.rows };
    case 'choice':
      return { kind: 'choice', index: answer.index };
    case 'yesno':
      return { kind: 'yesno', value: answer.value };
  }
}

/** The canonical text of an answer value (`0.5556`, `26x26x10`, `1 2; 3 4`, `c`, `yes`). */
export function answerText(value: AnswerValue): string {
  switch (value.kind) {
    case 'number':
      return formatAnswer('number', value.value);
    case 'shape':
      return formatAnswer('shape', value.dims);
    case 'grid':
      return formatAnswer('grid', value.rows);
    case 'choice':
      return formatAnswer('choice', value.index);
    case 'yesno':
      return formatAnswer('yesno', value.value);
  }
}

function parse(question: Question, text: string): ReturnType<typeof parseAnswer> {
  if (question.kind === 'choice')
    return parseAnswer('choice', text, { options: Math.max(1, question.options?.length ?? 1) });
  return parseAnswer(question.kind, text);
}

function counted(correct: boolean, feedback: Feedback, value: AnswerValue): Graded {
  return { counted: true, correct, feedback, canonical: answerText(value) };
}

export function gradeText(question: Question, text: string): Graded {
  const parsed = parse(question, text);
  if (!parsed.ok) return { counted: false, feedback: { kind: 'format', message: parsed.error } };
  const value = toValue(parsed.value);
  const size = question.gridSize;
  if (
    value.kind === 'grid' &&
    size !== undefined &&
    (value.rows.length !== size.rows || value.rows[0].length !== size.cols)
  ) {
    const expected = question.expected();
    const mistake = question
      .mistakes()
      .find(
        (m) =>
          compareAnswers(value, m.answer, question.tolerance).equal &&
          !compareAnswers(m.answer, expected, question.tolerance).equal,
      );
    if (mistake) {
      return counted(
        false,
        { kind: 'graded', correct: false, answer: value, wrongCells: [], mistake: mistake.id },
        value,
      );
    }
    const sized = parseAnswer('grid', text, size);
    const message = sized.ok
      ? { key: 'tui.exercise.wrong-size', params: { rows: size.rows, cols: size.cols } }
      : sized.error;
    return { counted: false, feedback: { kind: 'size', message } };
  }
  const verdict = checkAnswer(question, value);
  return counted(
    verdict.correct,
    {
      kind: 'graded',
      correct: verdict.correct,
      answer: value,
      wrongCells: verdict.wrongCells,
      ...(verdict.mistake ? { mistake: verdict.mistake } : {}),
    },
    value,
  );
}

/**
 * What the learner typed → feedback for the exercise screen. A text that does not parse is
 * never a try; a grid of the wrong size is a try only when a common mistake explains it.
 */
import { parseAnswer } from '../../content/answer-parser.js';
import { answerText, answerValue } from '../../content/answer-value.js';
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

function parse(question: Question, text: string): ReturnType<typeof parseAnswer> {
  if (question.kind === 'choice')
    return parseAnswer('choice', text, {
      options: Math.max(1, question.options?.length ?? 1),
      labels: question.options ?? [],
    });
  return parseAnswer(question.kind, text);
}

function counted(correct: boolean, feedback: Feedback, value: AnswerValue): Graded {
  return { counted: true, correct, feedback, canonical: answerText(value) };
}

export function gradeText(question: Question, text: string): Graded {
  const parsed = parse(question, text);
  if (!parsed.ok) return { counted: false, feedback: { kind: 'format', message: parsed.error } };
  const value = answerValue(parsed.value);
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

/**
 * The engine's answers for one student, as text the grader accepts. The tutor's canonical
 * text rounds to four decimals, which a question with tolerance 0 (a scaled convolution such
 * as 37/9) would refuse, so every key answer is read back and checked, and written at full
 * precision when the short form does not pass.
 */
import { answerText } from '../content/answer-value.js';
import { compareAnswers } from '../content/check-answer.js';
import type { AnswerValue, Question } from '../content/types.js';
import { readAnswer } from './answer-input.js';
import type { LabQuestion } from './lab-questions.js';

function accepted(question: Question, text: string, expected: AnswerValue): boolean {
  const read = readAnswer(question, text);
  return read.ok && compareAnswers(read.value, expected, question.tolerance).equal;
}

function fullPrecision(value: AnswerValue): string | undefined {
  if (value.kind === 'number') return String(value.value);
  if (value.kind === 'grid') return value.rows.map((row) => row.map(String).join(' ')).join('; ');
  return undefined;
}

/** The answer to `question` in the tutor's syntax; throws if the engine's own answer would not grade as right (a bug). */
export function keyAnswer(question: Question): string {
  const expected = question.expected();
  const short = answerText(expected);
  if (accepted(question, short, expected)) return short;
  const long = fullPrecision(expected);
  if (long !== undefined && accepted(question, long, expected)) return long;
  throw new Error(`The engine's answer ${short} is not accepted by its own question.`);
}

export type KeyEntry =
  | { readonly item: LabQuestion; readonly answer: string }
  | { readonly item: LabQuestion; readonly error: string };

export function answerKey(questions: readonly LabQuestion[]): KeyEntry[] {
  return questions.map((item) => {
    if (!item.ok) return { item, error: item.error };
    try {
      return { item, answer: keyAnswer(item.question) };
    } catch (error) {
      return { item, error: (error as Error).message };
    }
  });
}

/**
 * Compare what the learner typed (already parsed) with what the engine computes, and when
 * it is wrong, say which cells are wrong and whether a common mistake explains it.
 */
import type { AnswerValue, MistakeId, Question } from './types.js';

export interface Verdict {
  correct: boolean;
  /** Grid answers: the cells that differ, as [row, column]. */
  wrongCells: Array<[number, number]>;
  /** The first common mistake whose answer matches the learner's (and not the right one). */
  mistake?: MistakeId;
  /** The engine's answer, for "show me" and for reports; the UI decides when to reveal it. */
  expected: AnswerValue;
}

function close(a: number, b: number, tolerance: number): boolean {
  // A little slack above the tolerance so that 0.55 vs 5/9 with tolerance 0.01 is never a float accident.
  return Math.abs(a - b) <= tolerance + 1e-9;
}

/** Whether two answers agree within the tolerance; for grids, the cells that do not. */
export function compareAnswers(
  given: AnswerValue,
  expected: AnswerValue,
  tolerance: number,
): { equal: boolean; wrongCells: Array<[number, number]> } {
  const none: Array<[number, number]> = [];
  if (given.kind !== expected.kind) return { equal: false, wrongCells: none };
  switch (expected.kind) {
    case 'number':
      return {
        equal: close((given as typeof expected).value, expected.value, tolerance),
        wrongCells: none,
      };
    case 'shape': {
      const dims = (given as typeof expected).dims;
      return {
        equal: dims.length === expected.dims.length && dims.every((d, i) => d === expected.dims[i]),
        wrongCells: none,
      };
    }
    case 'choice':
      return { equal: (given as typeof expected).index === expected.index, wrongCells: none };
    case 'yesno':
      return { equal: (given as typeof expected).value === expected.value, wrongCells: none };
    case 'grid': {
      const rows = (given as typeof expected).rows;
      if (
        rows.length !== expected.rows.length ||
        rows.some((r, i) => r.length !== expected.rows[i].length)
      ) {
        return { equal: false, wrongCells: none };
      }
      const wrong: Array<[number, number]> = [];
      expected.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (!close(rows[r][c], v, tolerance)) wrong.push([r, c]);
        }),
      );
      return { equal: wrong.length === 0, wrongCells: wrong };
    }
  }
}

export function checkAnswer(question: Question, given: AnswerValue): Verdict {
  const expected = question.expected();
  const { equal, wrongCells } = compareAnswers(given, expected, question.tolerance);
  if (equal) return { correct: true, wrongCells: [], expected };
  const mistake = question
    .mistakes()
    .find(
      (m) =>
        !compareAnswers(m.answer, expected, question.tolerance).equal &&
        compareAnswers(given, m.answer, question.tolerance).equal,
    );
  return { correct: false, wrongCells, mistake: mistake?.id, expected };
}

/**
 * Checks on one concrete question, as the content checker runs them for every exercise
 * (and every sampled seed): the engine answers it, the solution has lines, the answer as the
 * tutor prints it is read back and accepted, a nearby wrong answer is refused, and every
 * grid fits an 80-column terminal.
 */
import stringWidth from 'string-width';
import { renderGrid } from '../render/index.js';
import { formatAnswer } from './answer-format.js';
import { parseAnswer } from './answer-parser.js';
import { checkAnswer } from './check-answer.js';
import type { AnswerValue, Question } from './types.js';

/** The width every grid must fit: a standard terminal. */
export const SCREEN_COLUMNS = 80;

/** Which part of the exercise a problem is about: its inputs (`given` / `generate`) or its prompt. */
export interface QuestionProblem {
  part: 'inputs' | 'prompt';
  message: string;
}

/** The raw value `formatAnswer` takes for each kind. */
function rawValue(answer: AnswerValue): unknown {
  switch (answer.kind) {
    case 'number':
    case 'yesno':
      return answer.value;
    case 'shape':
      return answer.dims;
    case 'grid':
      return answer.rows;
    case 'choice':
      return answer.index;
  }
}

/**
 * An answer that must be marked wrong: a number off by more than the tolerance, one grid
 * cell changed, one dimension more, the next option, the other of yes/no.
 */
export function perturb(answer: AnswerValue, tolerance: number, options = 0): AnswerValue {
  const delta = 10 * tolerance + 1;
  switch (answer.kind) {
    case 'number':
      return { kind: 'number', value: answer.value + delta };
    case 'grid':
      return {
        kind: 'grid',
        rows: answer.rows.map((row, r) => row.map((v, c) => (r === 0 && c === 0 ? v + delta : v))),
      };
    case 'shape':
      return { kind: 'shape', dims: answer.dims.map((d, i) => (i === 0 ? d + 1 : d)) };
    case 'choice':
      return { kind: 'choice', index: (answer.index + 1) % Math.max(options, 1) };
    case 'yesno':
      return { kind: 'yesno', value: !answer.value };
  }
}

function tooWide(lines: readonly string[]): number | undefined {
  const width = Math.max(0, ...lines.map((line) => stringWidth(line)));
  return width > SCREEN_COLUMNS ? width : undefined;
}

function widthProblems(question: Question, expected: AnswerValue): string[] {
  const problems: string[] = [];
  const check = (what: string, grid: number[][], title?: string): void => {
    const width = tooWide(renderGrid(grid, { title }));
    if (width !== undefined)
      problems.push(
        `${what} is ${width} columns wide; it must fit in ${SCREEN_COLUMNS} (use fewer columns or smaller numbers)`,
      );
  };
  for (const display of question.displays) {
    if (display.type === 'grid') check(`the grid "${display.title}"`, display.grid, display.title);
    if (display.type === 'channels')
      display.channels.forEach((grid, c) =>
        check(`channel ${c} of "${display.title}"`, grid, display.title),
      );
  }
  if (expected.kind === 'grid') check('the answer grid', expected.rows);
  return problems;
}

/** Everything wrong with one question, or an empty list. */
export function checkQuestion(question: Question): QuestionProblem[] {
  const inputs = (message: string): QuestionProblem => ({ part: 'inputs', message });
  const problems: QuestionProblem[] = [];
  const unfilled = [...question.prompt.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  if (unfilled.length > 0) {
    problems.push({
      part: 'prompt',
      message: `placeholder ${unfilled.map((n) => `{${n}}`).join(', ')} is not one the template fills`,
    });
  }
  let expected: AnswerValue;
  try {
    expected = question.expected();
  } catch (error) {
    return [
      ...problems,
      inputs(`the engine cannot compute the answer: ${(error as Error).message}`),
    ];
  }
  try {
    if (question.solution().filter((line) => line.text.trim() !== '').length === 0)
      problems.push(inputs('the worked solution has no lines'));
  } catch (error) {
    problems.push(inputs(`the worked solution fails: ${(error as Error).message}`));
  }
  const options = question.options?.length ?? 0;
  if (question.kind === 'choice' && options < 2)
    problems.push(inputs(`a choice question needs at least two options, got ${options}`));
  problems.push(...roundTripProblems(question, expected, options).map(inputs));
  problems.push(...widthProblems(question, expected).map(inputs));
  return problems;
}

/** The right answer as printed is read back and accepted; a nearby one is refused. */
function roundTripProblems(question: Question, expected: AnswerValue, options: number): string[] {
  let text: string;
  try {
    text = formatAnswer(expected.kind, rawValue(expected));
  } catch (error) {
    return [`the answer cannot be written down: ${(error as Error).message}`];
  }
  const parsed = parseAnswer(expected.kind, text, {
    options,
    rows: question.gridSize?.rows,
    cols: question.gridSize?.cols,
  });
  if (!parsed.ok)
    return [
      `the answer as the tutor writes it, \`${text}\`, does not parse back (${parsed.error.key})`,
    ];
  const problems: string[] = [];
  if (!checkAnswer(question, parsed.value).correct) {
    const hint =
      expected.kind === 'number' || expected.kind === 'grid'
        ? '; the answer is not a round number: set a `tolerance` (e.g. 0.01)'
        : '';
    problems.push(`the right answer typed as \`${text}\` is marked wrong${hint}`);
  }
  if (checkAnswer(question, perturb(expected, question.tolerance, options)).correct) {
    problems.push(
      `a wrong answer (the right one changed a little) is marked correct; the tolerance ${question.tolerance} is too large`,
    );
  }
  return problems;
}

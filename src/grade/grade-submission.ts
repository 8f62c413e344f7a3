/**
 * One submission against one lab → a score per exercise with feedback. Feedback names the
 * wrong cells and the common mistake an answer matches, and never the expected answer unless
 * the caller asks (`showExpected`): `grade` is run by students on their own files too.
 */
import { answerText } from '../content/answer-value.js';
import { compareAnswers } from '../content/check-answer.js';
import type { AnswerValue, MistakeId, Question } from '../content/types.js';
import type { Message } from '../i18n/index.js';
import type { TemplateText } from '../content/types.js';
import { readAnswer } from './answer-input.js';
import type { Lab, LabExercise } from './lab.js';
import { accessCode, labQuestion } from './lab-questions.js';
import { safeText } from '../untrusted/safe-text.js';
import type { Submission } from './submission.js';
import { labCode, normalizeSecret } from './variant.js';

export type ExerciseStatus = 'correct' | 'partial' | 'wrong' | 'unanswered' | 'invalid' | 'error';

export interface ExerciseResult {
  id: string;
  number: number;
  title: string;
  score: number;
  maxScore: number;
  /**
   * correct: full points; partial: some points (grids scored per cell); wrong: none;
   * unanswered: no answer or an empty one; invalid: the answer cannot be read (syntax, type,
   * answered twice); error: the exercise could not be built (a content problem, not the student's).
   */
  status: ExerciseStatus;
  /** What to tell the student, in order: the verdict, the wrong cells, the named mistake. */
  feedback: Message[];
  /** Grid answers of the right size: the wrong cells as [row, column], 0-based. */
  wrongCells?: Array<[number, number]>;
  /** Grid answers of the right size: how many cells the grid has. */
  cells?: number;
  mistake?: MistakeId;
  /** The answer as the grader read it, in the tutor's syntax (absent when it could not be read). */
  answer?: string;
  /** The engine's answer, only with `showExpected`. */
  expected?: string;
}

export interface SubmissionResult {
  /** The path as given on the command line (or found in a folder). */
  file: string;
  student?: string;
  lab?: string;
  score: number;
  /** The lab's maximum when the lab is known, else 0. */
  maxScore: number;
  exercises: ExerciseResult[];
  /** Problems that did not stop grading (unknown exercise ids, access code notes). */
  warnings: Message[];
  /** Why the file could not be graded at all; then `exercises` is empty and the score 0. */
  error?: Message;
}

export interface GradeOptions {
  /** The course secret: decides each student's access code; without it the file's code is trusted. */
  readonly secret?: string;
  /** Put the engine's answer in the feedback of every answer that is not fully right. @default false */
  readonly showExpected?: boolean;
  readonly lang: string;
  readonly t: TemplateText['t'];
}

/** Scores are kept in hundredths of a point, so sums and reports agree to the last digit. */
export function roundScore(x: number): number {
  return Math.round(x * 100) / 100;
}

/** At most this many wrong cells are listed in feedback; the count is always given. */
const CELLS_LISTED = 12;
/** At most this many unknown exercise ids are named in a warning. */
const IDS_LISTED = 5;

export function gradeSubmission(
  file: string,
  lab: Lab,
  submission: Submission,
  options: GradeOptions,
): SubmissionResult {
  const warnings: Message[] = [];
  const secret = normalizeSecret(options.secret);
  if (secret !== undefined) {
    if (submission.code === undefined) warnings.push({ key: 'grade.warning.codeMissing' });
    else if (submission.code !== labCode(secret, lab.id, submission.student))
      warnings.push({ key: 'grade.warning.codeMismatch' });
  } else if (
    submission.code !== undefined &&
    submission.code !== labCode(undefined, lab.id, submission.student)
  ) {
    warnings.push({ key: 'grade.warning.codeUnverified' });
  }
  const unknown = [...submission.answers.keys()].filter(
    (id) => !lab.exercises.some((e) => e.id === id),
  );
  if (unknown.length > 0) {
    const ids = unknown
      .slice(0, IDS_LISTED)
      .map((id) => `“${safeText(id)}”`)
      .join(', ');
    warnings.push({
      key: 'grade.warning.unknownExercises',
      params: { count: unknown.length, ids: unknown.length > IDS_LISTED ? `${ids}, …` : ids },
    });
  }

  const code = accessCode(lab.id, submission.student, { secret, code: submission.code });
  const exercises = lab.exercises.map((exercise) =>
    gradeExercise(lab, exercise, submission, code, options),
  );
  const hundredths = exercises.reduce((sum, e) => sum + Math.round(e.score * 100), 0);
  return {
    file,
    student: submission.student,
    lab: lab.id,
    score: hundredths / 100,
    maxScore: lab.maxScore,
    exercises,
    warnings,
  };
}

function gradeExercise(
  lab: Lab,
  exercise: LabExercise,
  submission: Submission,
  code: string,
  options: GradeOptions,
): ExerciseResult {
  const base = {
    id: exercise.id,
    number: exercise.number,
    title: exercise.def.title,
    maxScore: exercise.points,
  };
  const none = (status: ExerciseStatus, message: Message): ExerciseResult => ({
    ...base,
    score: 0,
    status,
    feedback: [message],
  });

  if (submission.duplicateAnswers.has(exercise.id))
    return none('invalid', { key: 'grade.answer.duplicate' });
  const built = labQuestion(lab, exercise, submission.student, {
    code,
    lang: options.lang,
    t: options.t,
  });
  if (!built.ok)
    return none('error', {
      key: 'grade.exercise.broken',
      params: { error: safeText(built.error, 200) },
    });
  const question = built.question;
  const input = submission.answers.get(exercise.id);
  if (input === undefined) return none('unanswered', { key: 'grade.answer.missing' });
  const reading = readAnswer(question, input);
  if (!reading.ok) return none(reading.status, reading.error);
  const answer = reading.value;
  const expected = question.expected();
  const revealed = options.showExpected ? { expected: answerText(expected) } : {};
  const given = { answer: answerText(answer) };

  const sameSize =
    answer.kind !== 'grid' || expected.kind !== 'grid' || sameShape(answer.rows, expected.rows);
  const { equal, wrongCells } = compareAnswers(answer, expected, question.tolerance);
  if (equal)
    return {
      ...base,
      ...given,
      score: exercise.points,
      status: 'correct',
      feedback: [{ key: 'grade.feedback.correct' }],
    };

  const mistake = namedMistake(question, answer, expected);
  const feedback: Message[] = [];
  let score = 0;
  let cells: { wrongCells?: Array<[number, number]>; cells?: number } = {};
  if (answer.kind === 'grid' && expected.kind === 'grid') {
    if (sameSize) {
      const total = expected.rows.length * expected.rows[0].length;
      cells = { wrongCells, cells: total };
      if (exercise.gridScoring === 'per-cell')
        score = roundScore((exercise.points * (total - wrongCells.length)) / total);
      feedback.push({
        key: 'grade.feedback.cells',
        params: { wrong: wrongCells.length, total, cells: cellList(wrongCells) },
      });
    } else {
      const typedRows = answer.rows.length;
      feedback.push({
        key: 'grade.feedback.wrongSize',
        params: {
          rows: expected.rows.length,
          cols: expected.rows[0].length,
          typedRows,
          typedCols: answer.rows[0]?.length ?? 0,
        },
      });
    }
  } else {
    feedback.push({ key: 'grade.feedback.wrong' });
  }
  if (mistake) feedback.push({ key: `mistake.${mistake}` });
  if (options.showExpected)
    feedback.push({ key: 'grade.feedback.expected', params: { answer: revealed.expected! } });
  return {
    ...base,
    ...given,
    ...revealed,
    ...cells,
    ...(mistake ? { mistake } : {}),
    score,
    status: score > 0 ? 'partial' : 'wrong',
    feedback,
  };
}

function sameShape(a: number[][], b: number[][]): boolean {
  return a.length === b.length && a.every((row, r) => row.length === b[r].length);
}

/** The first common mistake that gives this answer (and does not also give the right one). */
function namedMistake(
  question: Question,
  answer: AnswerValue,
  expected: AnswerValue,
): MistakeId | undefined {
  let models;
  try {
    models = question.mistakes();
  } catch {
    return undefined;
  }
  return models.find(
    (m) =>
      !compareAnswers(m.answer, expected, question.tolerance).equal &&
      compareAnswers(answer, m.answer, question.tolerance).equal,
  )?.id;
}

/** `(0, 1), (2, 2)`, the first dozen, then `…`; 0-based like the prompts. */
function cellList(cells: ReadonlyArray<[number, number]>): string {
  const listed = cells.slice(0, CELLS_LISTED).map(([r, c]) => `(${r}, ${c})`);
  return cells.length > CELLS_LISTED ? `${listed.join(', ')}, …` : listed.join(', ');
}

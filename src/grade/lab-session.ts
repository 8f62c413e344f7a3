/**
 * What the interactive lab screen (`cnn-tutor lab LAB --student ID`) needs, without any UI:
 * the student's questions, the answers saved so far (to resume), a syntax check that tells
 * the student how to type an answer without saying whether it is right, and saving one answer
 * into the submission file, rewritten whole and atomically (a crash leaves the old file or the
 * new one, never half). The file is `<student>.<lab>.json` in the current folder unless the
 * caller picks another.
 *
 * An existing file is resumed only if it is this student's submission for this lab; anything
 * else there (another student's file, a file that is not a submission) is never overwritten.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { TemplateText } from '../content/types.js';
import type { Message } from '../i18n/index.js';
import { answerInputText, readAnswer } from './answer-input.js';
import type { Lab } from './lab.js';
import { type LabQuestion, accessCode, labQuestions } from './lab-questions.js';
import { readSubmissionFile } from './read-submission.js';
import { safeText } from '../untrusted/safe-text.js';
import { isStudentId, studentKey, submissionFileName } from './student-id.js';
import { serializeSubmission } from './submission.js';
import { normalizeSecret, parseCode } from './variant.js';

export interface LabSession {
  readonly lab: Lab;
  readonly student: string;
  /** The access code written into the file: set when the lab uses a course secret. Canonical. */
  readonly code?: string;
  /** Absolute path of the submission file. */
  readonly file: string;
  /** In lab order. A question that could not be built says so (`ok: false`). */
  readonly questions: readonly LabQuestion[];
  /** Answers so far, as typed, by exercise id (lab exercises first, in lab order). */
  readonly answers: ReadonlyMap<string, string>;
}

export interface OpenLabOptions {
  readonly lab: Lab;
  readonly student: string;
  /** The course secret (a teacher trying the lab); it decides the code. */
  readonly secret?: string;
  /** The access code handed to the student, as typed. */
  readonly code?: string;
  /** The submission file (`--out`). @default `<student>.<lab>.json` in `cwd` */
  readonly file?: string;
  /** @default process.cwd() */
  readonly cwd?: string;
  readonly lang: string;
  readonly t: TemplateText['t'];
}

export type OpenLabResult =
  | {
      readonly ok: true;
      readonly session: LabSession;
      /** Answers found in an existing file. */ readonly resumed: number;
    }
  | { readonly ok: false; readonly error: Message };

function failure(key: string, params?: Record<string, string | number>): OpenLabResult {
  return { ok: false, error: params ? { key, params } : { key } };
}

/** Check the student id and code, find the file, resume it if it is ours, build the questions. */
export function openLabSession(options: OpenLabOptions): OpenLabResult {
  const { lab, student } = options;
  if (!isStudentId(student)) return failure('lab.error.student', { student: safeText(student) });
  let code: string | undefined;
  if (options.code !== undefined) {
    code = parseCode(options.code);
    if (code === undefined) return failure('lab.error.code');
  }
  const file = resolve(
    options.cwd ?? process.cwd(),
    options.file ?? submissionFileName(student, lab.id),
  );

  const answers = new Map<string, string>();
  let exists = true;
  try {
    statSync(file);
  } catch {
    exists = false;
  }
  if (exists) {
    const read = readSubmissionFile(file);
    if (!read.ok)
      return failure('lab.resume.unusable', {
        file,
        reason: options.t(read.error.key, read.error.params),
      });
    const s = read.submission;
    if (s.lab !== lab.id) return failure('lab.resume.otherLab', { file, lab: s.lab });
    if (studentKey(s.student) !== studentKey(student))
      return failure('lab.resume.otherStudent', { file, student: s.student });
    if (s.code !== undefined && code !== undefined && s.code !== code)
      return failure('lab.resume.otherCode', { file });
    code ??= s.code;
    for (const e of lab.exercises)
      if (s.answers.has(e.id)) answers.set(e.id, answerInputText(s.answers.get(e.id)!));
    // Answers to exercises this lab does not have are kept, so saving never loses what a file held.
    for (const [id, value] of s.answers)
      if (!answers.has(id)) answers.set(id, answerInputText(value));
  }
  const secret = normalizeSecret(options.secret);
  const effective = accessCode(lab.id, student, { secret, code });
  // The code goes into the file only when it is not the public one, i.e. the lab has a secret.
  const stored = secret !== undefined || code !== undefined ? effective : undefined;
  const questions = labQuestions(lab, student, {
    code: effective,
    lang: options.lang,
    t: options.t,
  });
  return {
    ok: true,
    session: {
      lab,
      student,
      ...(stored === undefined ? {} : { code: stored }),
      file,
      questions,
      answers,
    },
    resumed: exists ? answers.size : 0,
  };
}

/**
 * How to type an answer, when what was typed cannot be read (the same message the grader would
 * give); undefined when it reads fine. Says nothing about whether it is right.
 */
export function answerSyntaxProblem(item: LabQuestion, text: string): Message | undefined {
  if (!item.ok || text.trim() === '') return undefined;
  const read = readAnswer(item.question, text);
  return read.ok ? undefined : read.error;
}

export type SaveAnswerResult =
  | { readonly ok: true; readonly session: LabSession }
  | { readonly ok: false; readonly error: Message };

/**
 * Save one answer (an empty text removes it) and rewrite the file atomically. Returns the
 * updated session; the one passed in is not changed, so a failed save leaves it as it was.
 */
export async function saveLabAnswer(
  session: LabSession,
  exerciseId: string,
  text: string,
): Promise<SaveAnswerResult> {
  if (!session.lab.exercises.some((e) => e.id === exerciseId))
    return {
      ok: false,
      error: { key: 'lab.save.unknownExercise', params: { id: safeText(exerciseId) } },
    };
  const answers = new Map<string, string>();
  for (const e of session.lab.exercises) {
    const value = e.id === exerciseId ? text.trim() : session.answers.get(e.id);
    if (value !== undefined && value !== '') answers.set(e.id, value);
  }
  for (const [id, value] of session.answers)
    if (!answers.has(id) && !session.lab.exercises.some((e) => e.id === id)) answers.set(id, value);
  const body = serializeSubmission({
    lab: session.lab.id,
    student: session.student,
    code: session.code,
    answers,
  });
  try {
    await writeFileAtomic(session.file, body);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return {
      ok: false,
      error: { key: 'lab.save.failed', params: { file: session.file, error: e.code ?? e.message } },
    };
  }
  return { ok: true, session: { ...session, answers } };
}

/** How many of the lab's exercises have an answer. */
export function answeredCount(session: LabSession): number {
  return session.lab.exercises.filter((e) => (session.answers.get(e.id) ?? '').trim() !== '')
    .length;
}

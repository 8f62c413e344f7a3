/**
 * What the interactive lab screen (`cnn-tutor lab LAB --student ID`) needs, without any UI:
 * the student's questions, the answers saved so far (to resume), a syntax check that tells
 * the student how to type an answer without saying whether it is right, and saving one answer
 * into the submission file, rewritten whole and atomically (a crash leaves the old file or the
 * new one, never half). The file is `<student>.<lab>.json` in the current folder unless the
 * caller picks another.
 *
 * An existing file is resumed only if it is this student's submission for this lab; anything
 * else there (another student's file, a file that is not a submission) is never overwritten,
 * unless the student says so (`force`). Whatever `force` says, the file must be a regular file
 * (never standard output, a FIFO or a device) and not the lab file it was opened from.
 *
 * Two lab screens may share one file (the same lab open in two terminals). Each save takes the
 * file's lock, re-reads the file and keeps the answers saved there by the other screen, so
 * neither loses the other's answers. Temporary files left by a screen killed while saving are
 * removed when the lab is opened again.
 */
import { type Stats, statSync } from 'node:fs';
import { resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { removeStaleTempFiles, withFileLock, withFileLockSync } from '../storage/file-lock.js';
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
  /**
   * The file held something other than this student's submission for this lab when the lab
   * was opened with `force`: the first save replaces it. Unset once a save has.
   */
  readonly replace?: true;
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
  /** `--force`: start afresh over an existing file that is not this student's for this lab. */
  readonly force?: boolean;
  /** Files the lab was read from: the submission file must not be one of them. */
  readonly inputs?: readonly string[];
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

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Whether `stat` is the same file as one of `inputs` (by device and inode: links count). */
function isInput(stat: Stats, inputs: readonly string[]): boolean {
  return inputs.some((input) => {
    const other = statOf(input);
    return other !== undefined && other.dev === stat.dev && other.ino === stat.ino;
  });
}

interface OnDisk {
  readonly code?: string;
  /** Answers as the student would type them, in file order. */
  readonly answers: Map<string, string>;
}

/**
 * The submission in `file` if it is `student`'s for `lab` (and `code`, if both have one), else
 * why not. `t` words why an unreadable file is unusable; without it the reason is a key.
 */
function readOwnSubmission(
  file: string,
  lab: Lab,
  student: string,
  code: string | undefined,
  t?: TemplateText['t'],
): { readonly ok: true; readonly own: OnDisk } | { readonly ok: false; readonly error: Message } {
  const read = readSubmissionFile(file);
  if (!read.ok)
    return {
      ok: false,
      error: {
        key: 'lab.resume.unusable',
        params: { file, reason: t ? t(read.error.key, read.error.params) : read.error.key },
      },
    };
  const s = read.submission;
  if (s.lab !== lab.id)
    return { ok: false, error: { key: 'lab.resume.otherLab', params: { file, lab: s.lab } } };
  if (studentKey(s.student) !== studentKey(student))
    return {
      ok: false,
      error: { key: 'lab.resume.otherStudent', params: { file, student: s.student } },
    };
  if (s.code !== undefined && code !== undefined && s.code !== code)
    return { ok: false, error: { key: 'lab.resume.otherCode', params: { file } } };
  const answers = new Map<string, string>();
  for (const [id, value] of s.answers) answers.set(id, answerInputText(value));
  return { ok: true, own: { ...(s.code === undefined ? {} : { code: s.code }), answers } };
}

/** Lab exercises first, in lab order, then any others in the order given. */
function inLabOrder(lab: Lab, answers: ReadonlyMap<string, string>): Map<string, string> {
  const ordered = new Map<string, string>();
  for (const e of lab.exercises) if (answers.has(e.id)) ordered.set(e.id, answers.get(e.id)!);
  for (const [id, value] of answers) if (!ordered.has(id)) ordered.set(id, value);
  return ordered;
}

/**
 * Check the student id and code, check the file (`--out`), resume it if it is ours (or, with
 * `force`, plan to replace it), build the questions.
 */
export function openLabSession(options: OpenLabOptions): OpenLabResult {
  const { lab, student } = options;
  if (!isStudentId(student)) return failure('lab.error.student', { student: safeText(student) });
  let code: string | undefined;
  if (options.code !== undefined) {
    code = parseCode(options.code);
    if (code === undefined) return failure('lab.error.code');
  }
  // The file is resumed and handed in: standard output cannot be either.
  if (options.file === '-') return failure('lab.out.stdout');
  const file = resolve(
    options.cwd ?? process.cwd(),
    options.file ?? submissionFileName(student, lab.id),
  );

  let answers = new Map<string, string>();
  let replace = false;
  const stat = statOf(file);
  if (stat !== undefined) {
    if (isInput(stat, options.inputs ?? [])) return failure('lab.out.isInput', { file });
    if (!stat.isFile()) return failure('lab.out.notRegular', { file });
    const own = readOwnSubmission(file, lab, student, code, options.t);
    if (own.ok) {
      code ??= own.own.code;
      // Answers to exercises this lab does not have are kept, so saving never loses what a file held.
      answers = inLabOrder(lab, own.own.answers);
    } else if (options.force) replace = true;
    else return { ok: false, error: own.error };
  }
  // Best effort, and only when no one is saving: a temporary file seen under the lock is stale.
  withFileLockSync(file, () => removeStaleTempFiles(file));

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
      ...(replace ? { replace: true as const } : {}),
    },
    resumed: answers.size,
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

function saveFailure(file: string, error: unknown): SaveAnswerResult {
  const e = error as NodeJS.ErrnoException;
  return {
    ok: false,
    error: { key: 'lab.save.failed', params: { file, error: e.code ?? e.message } },
  };
}

/**
 * Under the lock: the answers to write, from what the file holds now (another screen may have
 * saved since) and this session, with `exerciseId` set to `text`; then write them.
 */
async function mergeAndWrite(
  session: LabSession,
  exerciseId: string,
  text: string,
): Promise<SaveAnswerResult> {
  const { file, lab } = session;
  let merged = new Map(session.answers);
  let code = session.code;
  const stat = statOf(file);
  if (stat !== undefined) {
    if (!stat.isFile())
      return { ok: false, error: { key: 'lab.out.notRegular', params: { file } } };
    const own = readOwnSubmission(file, lab, session.student, session.code);
    if (own.ok) {
      // What the file holds now is newer than what this session read: it wins, and answers
      // only this session has are kept.
      for (const [id, value] of own.own.answers) merged.set(id, value);
      code ??= own.own.code;
    } else if (!session.replace) {
      return { ok: false, error: { key: 'lab.save.notOurs', params: { file } } };
    }
  }
  const value = text.trim();
  if (value === '') merged.delete(exerciseId);
  else merged.set(exerciseId, value);
  merged = inLabOrder(lab, merged);
  const body = serializeSubmission({
    lab: lab.id,
    student: session.student,
    code,
    answers: merged,
  });
  try {
    await writeFileAtomic(file, body);
  } catch (error) {
    return saveFailure(file, error);
  }
  const { replace: _replaced, ...rest } = session;
  return {
    ok: true,
    session: { ...rest, ...(code === undefined ? {} : { code }), answers: merged },
  };
}

/**
 * Save one answer (an empty text removes it): under the file's lock, merged with what the file
 * holds now, written atomically. Returns the updated session, which has the answers another
 * screen saved too; the one passed in is not changed, so a failed save leaves it as it was.
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
  const locked = await withFileLock(session.file, () => mergeAndWrite(session, exerciseId, text));
  if (locked.ok) return locked.value;
  if (locked.reason === 'busy')
    return { ok: false, error: { key: 'lab.save.busy', params: { file: session.file } } };
  return saveFailure(session.file, locked.cause);
}

/** How many of the lab's exercises have an answer. */
export function answeredCount(session: LabSession): number {
  return session.lab.exercises.filter((e) => (session.answers.get(e.id) ?? '').trim() !== '')
    .length;
}

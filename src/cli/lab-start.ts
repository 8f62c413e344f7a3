/**
 * `cnn-tutor lab LAB --student ID [--out FILE] [--force] [--code CODE] [--secret S] [--answer ID=TEXT...]`
 *
 * `prepareLab` does everything before the interactive screen: loads the lab, checks the
 * student id and access code, resumes `<student>.<lab>.json` (or `--out`) when it is this
 * student's file (any other file there is refused, or replaced with `--force`; standard
 * output, a device or the lab file itself never), and builds the questions. The screen then
 * calls `saveLabAnswer` for every answer. Without a screen (`--answer`, or no terminal)
 * `runLab` saves the answers given on the command line and prints where the lab stands, which
 * also serves scripts and screen readers.
 */
import { resolve } from 'node:path';
import { formatCode } from '../grade/variant.js';
import {
  type LabSession,
  answerSyntaxProblem,
  answeredCount,
  openLabSession,
  saveLabAnswer,
} from '../grade/lab-session.js';
import { messageText } from '../grade/report-text.js';
import { safeText } from '../untrusted/safe-text.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { type Print, checkStudent, courseSecret, openLab } from './lab-args.js';

export interface LabFlags {
  student?: string;
  out?: string;
  /** Replace an `--out` file that is not this student's submission for this lab. */
  force?: boolean;
  code?: string;
  secret?: string;
  /** `EXERCISE-ID=answer`, repeatable. */
  answer?: string[];
}

/** The session for the lab screen, or the exit code after printing why there is none. */
export function prepareLab(
  ctx: CommandContext,
  labRef: string,
  flags: LabFlags,
  err: Print,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): LabSession | number {
  if (!checkStudent(ctx, 'lab', flags.student, err)) return EXIT.usage;
  const lab = openLab(ctx, 'lab', labRef, err, cwd);
  if (typeof lab === 'number') return lab;
  const opened = openLabSession({
    lab,
    student: flags.student,
    secret: courseSecret(flags.secret, env),
    ...(flags.code === undefined ? {} : { code: flags.code }),
    ...(flags.out === undefined ? {} : { file: flags.out }),
    force: flags.force === true,
    // `lab.file` is relative to the course for a lab id and to `cwd` for a path: both are checked.
    inputs: [resolve(ctx.root, lab.file), resolve(cwd, lab.file)],
    cwd,
    lang: ctx.lang,
    t: ctx.t,
  });
  if (!opened.ok) {
    err(`cnn-tutor lab: ${messageText(ctx.t, opened.error)}`);
    return EXIT.usage;
  }
  return opened.session;
}

/** The lab without the screen: save `--answer`s, then print each exercise and whether it has an answer. */
export async function runLab(
  ctx: CommandContext,
  labRef: string,
  flags: LabFlags,
  out: Print,
  err: Print,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<number> {
  const prepared = prepareLab(ctx, labRef, flags, err, env, cwd);
  if (typeof prepared === 'number') return prepared;
  let session = prepared;
  let status: number = EXIT.ok;
  for (const pair of flags.answer ?? []) {
    const eq = pair.indexOf('=');
    const id = eq < 0 ? pair : pair.slice(0, eq);
    const item = session.questions.find((q) => q.exercise.id === id);
    if (eq < 0 || !item) {
      err(`cnn-tutor lab: ${ctx.t('lab.cli.answerArg', { arg: safeText(pair, 80) })}`);
      status = EXIT.usage;
      continue;
    }
    const text = pair.slice(eq + 1);
    const problem = answerSyntaxProblem(item, text);
    if (problem) {
      err(
        `cnn-tutor lab: ${ctx.t('lab.cli.answerSyntax', { id, message: messageText(ctx.t, problem) })}`,
      );
      status = Math.max(status, EXIT.failed);
      continue;
    }
    const saved = await saveLabAnswer(session, id, text);
    if (!saved.ok) {
      err(`cnn-tutor lab: ${messageText(ctx.t, saved.error)}`);
      return EXIT.usage;
    }
    session = saved.session;
  }
  out(
    ctx.t('lab.cli.status', {
      lab: session.lab.id,
      title: session.lab.title,
      student: session.student,
      answered: answeredCount(session),
      total: session.lab.exercises.length,
      file: session.file,
    }),
  );
  if (session.code !== undefined) out(ctx.t('lab.key.code', { code: formatCode(session.code) }));
  const width = Math.max(...session.lab.exercises.map((e) => e.id.length));
  for (const e of session.lab.exercises) {
    const answer = session.answers.get(e.id);
    out(
      `${String(e.number).padStart(3)}. ${e.id.padEnd(width)}  ${answer === undefined ? ctx.t('lab.cli.unanswered') : safeText(answer, 60)}`,
    );
  }
  return status;
}

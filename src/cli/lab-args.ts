/**
 * What the lab commands (`lab`, `key`, `worksheet`, `grade`, `gradescope`, `lab-codes`) share:
 * loading a lab named by id or path (problems → exit 2, each with file, line and field), the
 * course secret (`--secret`, else CNN_TUTOR_SECRET), and checking a student id.
 */
import { join, resolve } from 'node:path';
import type { Lab } from '../grade/lab.js';
import { LABS_DIR, loadLab, parseLabRef } from '../grade/load-lab.js';
import { safeText } from '../untrusted/safe-text.js';
import { isStudentId } from '../grade/student-id.js';
import { normalizeSecret } from '../grade/variant.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { problemLine } from './list.js';

export type Print = (s: string) => void;

/** The lab, or the exit code after printing why it cannot be used. */
export function openLab(
  ctx: CommandContext,
  command: string,
  ref: string,
  err: Print,
  cwd = process.cwd(),
): Lab | number {
  const { course } = ctx.course();
  const loaded = loadLab(ref, { course, root: ctx.root, lang: ctx.lang, cwd });
  if (loaded.lab) return loaded.lab;
  err(`cnn-tutor ${command}: ${ctx.t('lab.cli.labProblems', { count: loaded.problems.length })}`);
  for (const p of loaded.problems) err(`  ${problemLine(p)}`);
  return EXIT.usage;
}

/** The file a lab named on the command line is read from: an output must never replace it. */
export function labPath(ctx: CommandContext, ref: string, cwd = process.cwd()): string {
  const parsed = parseLabRef(ref);
  return parsed.kind === 'id'
    ? join(ctx.root, LABS_DIR, `${parsed.id}.yaml`)
    : resolve(cwd, parsed.path);
}

/** `--secret`, else CNN_TUTOR_SECRET; an empty value counts as none. */
export function courseSecret(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  return normalizeSecret(flag) ?? normalizeSecret(env.CNN_TUTOR_SECRET);
}

/** True when `student` is a usable id; otherwise prints why. */
export function checkStudent(
  ctx: CommandContext,
  command: string,
  student: string | undefined,
  err: Print,
): student is string {
  if (student === undefined) {
    err(`cnn-tutor ${command}: ${ctx.t('lab.cli.studentMissing')}`);
    return false;
  }
  if (!isStudentId(student)) {
    err(`cnn-tutor ${command}: ${ctx.t('lab.error.student', { student: safeText(student) })}`);
    return false;
  }
  return true;
}

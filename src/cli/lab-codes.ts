/**
 * `cnn-tutor lab-codes LAB --secret S (--student ID... | --roster FILE)`: each student's
 * access code, one `student<TAB>code` line each, to hand out with the lab. A lab without a
 * course secret needs no codes (everyone's would be public), so the secret is required.
 */
import { accessCode } from '../grade/lab-questions.js';
import { safeText } from '../untrusted/safe-text.js';
import { isStudentId } from '../grade/student-id.js';
import { formatCode } from '../grade/variant.js';
import type { CommandContext } from './context.js';
import { EXIT, UsageError, readInput } from './io.js';
import { type Print, courseSecret, openLab } from './lab-args.js';

export interface LabCodesFlags {
  student?: string[];
  roster?: string;
  secret?: string;
}

/** A roster: one student id per line, first field of a CSV/TSV line; blank lines and `#` comments skipped. */
export function readRoster(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/#.*$/, '')
        .split(/[,\t;]/)[0]
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    )
    .filter((id) => id !== '');
}

export function runLabCodes(
  ctx: CommandContext,
  labRef: string,
  flags: LabCodesFlags,
  out: Print,
  err: Print,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const secret = courseSecret(flags.secret, env);
  if (secret === undefined) {
    err(`cnn-tutor lab-codes: ${ctx.t('lab.codes.noSecret')}`);
    return EXIT.usage;
  }
  const students = [...(flags.student ?? [])];
  if (flags.roster !== undefined) {
    try {
      students.push(...readRoster(readInput(flags.roster, 'roster', ctx.t)));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      err(`cnn-tutor lab-codes: ${error.message}`);
      return EXIT.usage;
    }
  }
  if (students.length === 0) {
    err(`cnn-tutor lab-codes: ${ctx.t('lab.codes.noStudents')}`);
    return EXIT.usage;
  }
  const bad = students.filter((s) => !isStudentId(s));
  if (bad.length > 0) {
    for (const s of bad)
      err(`cnn-tutor lab-codes: ${ctx.t('lab.error.student', { student: safeText(s) })}`);
    return EXIT.usage;
  }
  const lab = openLab(ctx, 'lab-codes', labRef, err);
  if (typeof lab === 'number') return lab;
  out(students.map((s) => `${s}\t${formatCode(accessCode(lab.id, s, { secret }))}`).join('\n'));
  return EXIT.ok;
}

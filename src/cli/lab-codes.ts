/**
 * `cnn-tutor lab-codes LAB --secret S (--student ID... | --roster FILE) [--out FILE] [--force]`:
 * each student's access code, one `student<TAB>code` line each, to hand out with the lab. A
 * lab without a course secret needs no codes (everyone's would be public), so the secret is
 * required. Written to a file, the list starts with a `# cnn-tutor lab-codes` comment (a
 * roster skips comments, so the file still reads as one); `--out` never replaces the roster.
 */
import { resolve } from 'node:path';
import { accessCode } from '../grade/lab-questions.js';
import { hasMarkerLine, markerLine } from '../grade/output-signature.js';
import { safeText } from '../untrusted/safe-text.js';
import { isStudentId } from '../grade/student-id.js';
import { formatCode } from '../grade/variant.js';
import type { CommandContext } from './context.js';
import { EXIT, UsageError, readInput } from './io.js';
import { type Print, courseSecret, labPath, openLab } from './lab-args.js';
import { deliverOutput, locateOutput } from './output-target.js';

export interface LabCodesFlags {
  student?: string[];
  roster?: string;
  secret?: string;
  out?: string;
  force?: boolean;
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

export async function runLabCodes(
  ctx: CommandContext,
  labRef: string,
  flags: LabCodesFlags,
  out: Print,
  err: Print,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<number> {
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
  const lab = openLab(ctx, 'lab-codes', labRef, err, cwd);
  if (typeof lab === 'number') return lab;
  const location = locateOutput(flags.out ?? '-', cwd);
  const lines = students.map((s) => `${s}\t${formatCode(accessCode(lab.id, s, { secret }))}`);
  if (location.kind === 'path') lines.unshift(markerLine('lab-codes'));
  return deliverOutput(
    ctx.t,
    'lab-codes',
    location,
    {
      output: 'lab-codes',
      ours: (text) => hasMarkerLine(text, 'lab-codes'),
      inputs: [
        labPath(ctx, labRef, cwd),
        ...(flags.roster === undefined || flags.roster === '-' ? [] : [resolve(cwd, flags.roster)]),
      ],
      content: `${lines.join('\n')}\n`,
      force: Boolean(flags.force),
    },
    { out, err },
  );
}

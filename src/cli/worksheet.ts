/**
 * `cnn-tutor worksheet LAB --student ID [--format md|json] [--out FILE] [--force]`: one
 * student's questions, for a paper or offline lab (Markdown, grids as tables) or for tools
 * (JSON). No answers. With a course secret, the sheet shows the student's access code.
 * `--out` replaces only a worksheet of the same format (or any file with `--force`), never
 * the lab file itself.
 */
import { accessCode, labQuestions } from '../grade/lab-questions.js';
import {
  WORKSHEET_MARKER,
  isWorksheetJson,
  isWorksheetMarkdown,
  worksheetJson,
  worksheetMarkdown,
} from '../grade/worksheet.js';
import { parseCode } from '../grade/variant.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { type Print, checkStudent, courseSecret, labPath, openLab } from './lab-args.js';
import { deliverOutput, locateOutput } from './output-target.js';

export interface WorksheetFlags {
  student?: string;
  format?: string;
  out?: string;
  force?: boolean;
  secret?: string;
  code?: string;
}

export async function runWorksheet(
  ctx: CommandContext,
  labRef: string,
  flags: WorksheetFlags,
  out: Print,
  err: Print,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<number> {
  const format = flags.format ?? 'md';
  if (format !== 'md' && format !== 'json') {
    err(`cnn-tutor worksheet: ${ctx.t('lab.cli.format', { format, formats: 'md, json' })}`);
    return EXIT.usage;
  }
  if (!checkStudent(ctx, 'worksheet', flags.student, err)) return EXIT.usage;
  const student = flags.student;
  let given: string | undefined;
  if (flags.code !== undefined) {
    given = parseCode(flags.code);
    if (given === undefined) {
      err(`cnn-tutor worksheet: ${ctx.t('lab.error.code')}`);
      return EXIT.usage;
    }
  }
  const lab = openLab(ctx, 'worksheet', labRef, err, cwd);
  if (typeof lab === 'number') return lab;
  const secret = courseSecret(flags.secret, env);
  const code = accessCode(lab.id, student, { secret, code: given });
  const questions = labQuestions(lab, student, { code, lang: ctx.lang, t: ctx.t });
  const options = { t: ctx.t, ...(secret !== undefined || given !== undefined ? { code } : {}) };
  const location = locateOutput(flags.out ?? '-', cwd);
  const text =
    format === 'json'
      ? worksheetJson(lab, student, questions, options)
      : worksheetMarkdown(lab, student, questions, options);
  return deliverOutput(
    ctx.t,
    'worksheet',
    location,
    {
      output: format === 'json' ? 'worksheet-json' : 'worksheet-md',
      ours: format === 'json' ? isWorksheetJson : isWorksheetMarkdown,
      inputs: [labPath(ctx, labRef, cwd)],
      // Markdown written to a file says what made it, in a comment no renderer shows.
      content: format === 'md' && location.kind === 'path' ? `${WORKSHEET_MARKER}\n${text}` : text,
      force: Boolean(flags.force),
    },
    { out, err },
  );
}

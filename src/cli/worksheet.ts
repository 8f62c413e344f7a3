/**
 * `cnn-tutor worksheet LAB --student ID [--format md|json] [--out FILE]`: one student's
 * questions, for a paper or offline lab (Markdown, grids as tables) or for tools (JSON).
 * No answers. With a course secret, the sheet shows the student's access code.
 */
import writeFileAtomic from 'write-file-atomic';
import { accessCode, labQuestions } from '../grade/lab-questions.js';
import { worksheetJson, worksheetMarkdown } from '../grade/worksheet.js';
import { parseCode } from '../grade/variant.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { type Print, checkStudent, courseSecret, openLab } from './lab-args.js';

export interface WorksheetFlags {
  student?: string;
  format?: string;
  out?: string;
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
  const lab = openLab(ctx, 'worksheet', labRef, err);
  if (typeof lab === 'number') return lab;
  const secret = courseSecret(flags.secret, env);
  const code = accessCode(lab.id, student, { secret, code: given });
  const questions = labQuestions(lab, student, { code, lang: ctx.lang, t: ctx.t });
  const options = { t: ctx.t, ...(secret !== undefined || given !== undefined ? { code } : {}) };
  const text =
    format === 'json'
      ? worksheetJson(lab, student, questions, options)
      : worksheetMarkdown(lab, student, questions, options);
  if (flags.out === undefined) {
    out(text.trimEnd());
    return EXIT.ok;
  }
  try {
    await writeFileAtomic(flags.out, text);
  } catch (error) {
    err(
      `cnn-tutor worksheet: ${ctx.t('lab.cli.writeFailed', { file: flags.out, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message })}`,
    );
    return EXIT.usage;
  }
  err(ctx.t('lab.cli.wrote', { file: flags.out }));
  return EXIT.ok;
}

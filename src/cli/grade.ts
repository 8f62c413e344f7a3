/**
 * `cnn-tutor grade PATH... [--lab LAB] [--secret S] [--format text|json|gradescope|junit]
 * [--out FILE|DIR] [--fail-under PERCENT] [--show-expected]`
 *
 * Grades one submission file, several, or every `*.json` in a folder. The same command serves
 * students checking their own file and teachers grading a class, under one rule: expected
 * answers are never printed unless `--show-expected` is given. Feedback names the wrong cells
 * and the common mistake an answer matches; that is enough to learn from without handing out
 * the answer.
 *
 * Exit codes: 0 grading ran (files that could not be graded are in the report); 1 some file
 * scored below `--fail-under` (a file that could not be graded counts as 0%, and so does an
 * empty run); 2 a usage error or a broken lab file (then no report is written).
 *
 * Only `--out` is written, and only once the report is complete; without it, the report goes
 * to stdout. `--out` is a folder when it exists as one or ends with `/`; the report is then
 * `results.json` (gradescope), `grades.json`, `junit.xml` or `grades.txt` inside it.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { percent, summarize } from '../grade/class-summary.js';
import { gradeFiles } from '../grade/grade-batch.js';
import type { Lab } from '../grade/lab.js';
import { gradescopeResults } from '../grade/report-gradescope.js';
import { jsonReport } from '../grade/report-json.js';
import { junitReport } from '../grade/report-junit.js';
import { messageText, textReport } from '../grade/report-text.js';
import { problemLine } from './list.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { type Print, courseSecret, openLab } from './lab-args.js';

export const GRADE_FORMATS = ['text', 'json', 'gradescope', 'junit'] as const;
export type GradeFormat = (typeof GRADE_FORMATS)[number];

const DEFAULT_NAMES: Readonly<Record<GradeFormat, string>> = {
  text: 'grades.txt',
  json: 'grades.json',
  gradescope: 'results.json',
  junit: 'junit.xml',
};

export interface GradeFlags {
  lab?: string;
  secret?: string;
  format?: string;
  out?: string;
  /** As typed: a number from 0 to 100, with or without `%`. */
  failUnder?: string;
  showExpected?: boolean;
}

/** `--out` → the file to write, creating the folder when `--out` names one. */
function outputFile(out: string, format: GradeFormat, cwd: string): string {
  const path = resolve(cwd, out);
  let folder = /[\\/]$/.test(out);
  try {
    folder ||= statSync(path).isDirectory();
  } catch {
    // Does not exist yet: a file, unless it ends with a slash.
  }
  if (!folder) return path;
  mkdirSync(path, { recursive: true });
  return join(path, DEFAULT_NAMES[format]);
}

export async function runGrade(
  ctx: CommandContext,
  paths: readonly string[],
  flags: GradeFlags,
  out: Print,
  err: Print,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<number> {
  const usage = (key: string, params?: Record<string, string | number>): number => {
    err(`cnn-tutor grade: ${ctx.t(key, params)}`);
    return EXIT.usage;
  };
  const format = (flags.format ?? 'text') as GradeFormat;
  if (!GRADE_FORMATS.includes(format))
    return usage('lab.cli.format', {
      format: flags.format ?? '',
      formats: GRADE_FORMATS.join(', '),
    });
  let failUnder: number | undefined;
  if (flags.failUnder !== undefined) {
    const text = flags.failUnder.trim().replace(/%$/, '');
    failUnder = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
    if (!(failUnder >= 0 && failUnder <= 100))
      return usage('grade.cli.failUnder', { value: flags.failUnder });
  }
  if (paths.length === 0) return usage('grade.cli.noPaths');

  let lab: Lab | undefined;
  if (flags.lab !== undefined) {
    const opened = openLab(ctx, 'grade', flags.lab, err, cwd);
    if (typeof opened === 'number') return opened;
    lab = opened;
  }
  let target: string | undefined;
  if (flags.out !== undefined) {
    try {
      target = outputFile(flags.out, format, cwd);
    } catch (error) {
      return usage('lab.cli.writeFailed', {
        file: flags.out,
        error: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
      });
    }
  }

  const batch = gradeFiles(paths, {
    course: ctx.course().course,
    root: ctx.root,
    lab,
    secret: courseSecret(flags.secret, env),
    showExpected: Boolean(flags.showExpected),
    lang: ctx.lang,
    t: ctx.t,
    cwd,
    exclude: target === undefined ? [] : [target],
  });
  if (batch.labProblems.length > 0) {
    err(`cnn-tutor grade: ${ctx.t('lab.cli.labProblems', { count: batch.labProblems.length })}`);
    for (const p of batch.labProblems) err(`  ${problemLine(p)}`);
    return EXIT.usage;
  }

  const summary = summarize(batch.results);
  let report: string;
  switch (format) {
    case 'json':
      report = jsonReport(batch.results, summary, batch.notes, ctx.t);
      break;
    case 'gradescope':
      report = `${JSON.stringify(gradescopeResults(batch.results, batch.notes, batch.seconds, ctx.t), null, 2)}\n`;
      break;
    case 'junit':
      report = junitReport(batch.results, batch.seconds, ctx.t);
      break;
    default:
      report = `${textReport(batch.results, batch.notes, { t: ctx.t, ascii: ctx.ascii, ...(batch.results.length > 1 ? { summary } : {}) }).join('\n')}\n`;
  }
  if (format !== 'text')
    for (const n of batch.notes) err(`cnn-tutor grade: ${messageText(ctx.t, n)}`);

  if (target === undefined) {
    out(report.trimEnd());
  } else {
    try {
      await writeFileAtomic(target, report);
    } catch (error) {
      return usage('lab.cli.writeFailed', {
        file: target,
        error: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
      });
    }
    err(ctx.t('lab.cli.wrote', { file: target }));
  }

  if (failUnder !== undefined) {
    const below = batch.results.filter(
      (r) => r.error !== undefined || percent(r.score, r.maxScore) < failUnder,
    );
    if (batch.results.length === 0 || below.length > 0) {
      err(
        `cnn-tutor grade: ${ctx.t('grade.cli.failedUnder', { count: below.length, files: batch.results.length, percent: failUnder })}`,
      );
      return EXIT.failed;
    }
  }
  return EXIT.ok;
}

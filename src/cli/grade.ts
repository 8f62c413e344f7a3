/**
 * `cnn-tutor grade PATH... [--lab LAB] [--secret S] [--format text|json|gradescope|junit]
 * [--out FILE|DIR] [--force] [--fail-under PERCENT] [--show-expected]`
 *
 * Grades one submission file, several, or every `*.json` in a folder. The same command serves
 * students checking their own file and teachers grading a class, under one rule: expected
 * answers are never printed unless `--show-expected` is given. Feedback names the wrong cells
 * and the common mistake an answer matches; that is enough to learn from without handing out
 * the answer. In a folder, files that are not submissions (links, cnn-tutor's own reports,
 * other JSON) are listed as skipped and count for nothing.
 *
 * Exit codes: 0 grading ran (files that could not be graded are in the report); 1 some file
 * scored below `--fail-under` (a file that could not be graded counts as 0%, and so does an
 * empty run); 2 a usage error, a broken lab file or an `--out` that is refused (then no
 * report is written).
 *
 * Only `--out` is written, and only once the report is complete; without it, or with `-`, the
 * report goes to stdout. `--out` is a folder when it exists as one or ends with `/`; the report
 * is then `results.json` (gradescope), `grades.json`, `junit.xml` or `grades.txt` inside it.
 * Where a report may go is `output-target.ts`'s rule: never over a file being graded, and over
 * an existing file only when it is a report of the same format (or with `--force`).
 */
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { percent, summarize } from '../grade/class-summary.js';
import { gradeFiles } from '../grade/grade-batch.js';
import type { Lab } from '../grade/lab.js';
import { gradescopeResults, isGradescopeResults } from '../grade/report-gradescope.js';
import { isJsonReport, jsonReport } from '../grade/report-json.js';
import { isJunitReport, junitReport } from '../grade/report-junit.js';
import { TEXT_REPORT_MARKER, isTextReport, messageText, textReport } from '../grade/report-text.js';
import { problemLine } from './list.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { type Print, courseSecret, labPath, openLab } from './lab-args.js';
import {
  type OutputKind,
  type OutputLocation,
  deliverOutput,
  locateOutput,
} from './output-target.js';

export const GRADE_FORMATS = ['text', 'json', 'gradescope', 'junit'] as const;
export type GradeFormat = (typeof GRADE_FORMATS)[number];

const DEFAULT_NAMES: Readonly<Record<GradeFormat, string>> = {
  text: 'grades.txt',
  json: 'grades.json',
  gradescope: 'results.json',
  junit: 'junit.xml',
};

/** Each format's kind of output, and how an earlier report of that format is recognised. */
const FORMAT_OUTPUTS: Readonly<
  Record<GradeFormat, { kind: OutputKind; ours: (text: string) => boolean }>
> = {
  text: { kind: 'grade-text', ours: isTextReport },
  json: { kind: 'grade-json', ours: isJsonReport },
  gradescope: { kind: 'grade-gradescope', ours: isGradescopeResults },
  junit: { kind: 'grade-junit', ours: isJunitReport },
};

export interface GradeFlags {
  lab?: string;
  secret?: string;
  format?: string;
  out?: string;
  force?: boolean;
  /** As typed: a number from 0 to 100, with or without `%`. */
  failUnder?: string;
  showExpected?: boolean;
}

/** `--out` → where the report goes; a folder (existing, or ending with a slash) gets the format's default name. */
function reportLocation(
  out: string,
  format: GradeFormat,
  cwd: string,
): { location: OutputLocation; folder?: string } {
  const location = locateOutput(out, cwd);
  if (location.kind !== 'path') return { location };
  let folder = /[\\/]$/.test(out);
  try {
    folder ||= statSync(location.path).isDirectory();
  } catch {
    // Does not exist yet: a file, unless it ends with a slash.
  }
  if (!folder) return { location };
  const name = DEFAULT_NAMES[format];
  return {
    location: { kind: 'path', path: join(location.path, name), shown: join(out, name) },
    folder: location.path,
  };
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
  const where =
    flags.out === undefined
      ? { location: { kind: 'stdout' } as const }
      : reportLocation(flags.out, format, cwd);

  const batch = gradeFiles(paths, {
    course: ctx.course().course,
    root: ctx.root,
    lab,
    secret: courseSecret(flags.secret, env),
    showExpected: Boolean(flags.showExpected),
    lang: ctx.lang,
    t: ctx.t,
    cwd,
  });
  if (batch.labProblems.length > 0) {
    err(`cnn-tutor grade: ${ctx.t('lab.cli.labProblems', { count: batch.labProblems.length })}`);
    for (const p of batch.labProblems) err(`  ${problemLine(p)}`);
    return EXIT.usage;
  }

  const summary = summarize(batch.results, batch.skipped.length);
  const toFile = where.location.kind === 'path';
  let report: string;
  switch (format) {
    case 'json':
      report = jsonReport(batch.results, summary, batch.notes, ctx.t, batch.skipped);
      break;
    case 'gradescope':
      report = `${JSON.stringify(gradescopeResults(batch.results, batch.notes, batch.seconds, ctx.t, batch.skipped), null, 2)}\n`;
      break;
    case 'junit':
      report = junitReport(batch.results, batch.seconds, ctx.t, batch.skipped);
      break;
    default: {
      const lines = textReport(batch.results, batch.notes, {
        t: ctx.t,
        ascii: ctx.ascii,
        skipped: batch.skipped,
        ...(batch.results.length > 1 ? { summary } : {}),
      });
      report = `${(toFile ? [TEXT_REPORT_MARKER, ...lines] : lines).join('\n')}\n`;
    }
  }
  if (format !== 'text')
    for (const n of batch.notes) err(`cnn-tutor grade: ${messageText(ctx.t, n)}`);

  // Every lab read is an input too: course labs by id, and --lab as given.
  const labInputs = [...batch.labs.values()].map((l) =>
    l === lab && flags.lab !== undefined ? labPath(ctx, flags.lab, cwd) : resolve(ctx.root, l.file),
  );
  const written = await deliverOutput(
    ctx.t,
    'grade',
    where.location,
    {
      output: FORMAT_OUTPUTS[format].kind,
      ours: FORMAT_OUTPUTS[format].ours,
      inputs: [...batch.inputs, ...labInputs],
      content: report,
      force: Boolean(flags.force),
    },
    {
      out,
      err,
      before: () => {
        if (where.folder !== undefined) mkdirSync(where.folder, { recursive: true });
      },
    },
  );
  if (written !== EXIT.ok) return written;

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

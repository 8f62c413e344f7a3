/**
 * `grade --format gradescope`: Gradescope's `results.json` for one student's submission.
 * Gradescope shows `output` to the student, so it follows the same rule as every report:
 * no expected answers unless the teacher asked for them. Zero files, two files or a file that
 * cannot be graded still give a valid results.json (score 0) whose output says why, so the
 * student sees a reason on Gradescope instead of "the autograder failed to produce output".
 * Files that are not submissions (a `package.json` uploaded too) are named in the output and
 * do not count. `extra_data.generator`, a field Gradescope keeps for the autograder's own
 * use, is how cnn-tutor knows the file for its own.
 */
import { formatNumber } from '../content/answer-format.js';
import type { Message } from '../i18n/index.js';
import type { SkippedFile } from './grade-batch.js';
import type { SubmissionResult } from './grade-submission.js';
import { GENERATOR, isGeneratedJson, jsonObject } from './output-signature.js';
import type { Translate } from './report-text.js';
import { messageText } from './report-text.js';
import { safeText } from '../untrusted/safe-text.js';

export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  output_format: 'text';
}

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  output_format: 'text';
  tests: GradescopeTest[];
  extra_data: { generator: string };
}

/** True when the text is a results.json that cnn-tutor wrote. */
export function isGradescopeResults(text: string): boolean {
  const value = jsonObject(text);
  return value !== undefined && isGeneratedJson(value) && Array.isArray(value.tests);
}

export function gradescopeResults(
  results: readonly SubmissionResult[],
  notes: readonly Message[],
  seconds: number,
  t: Translate,
  skipped: readonly SkippedFile[] = [],
): GradescopeResults {
  const execution_time = Math.round(seconds * 1000) / 1000;
  const extra_data = { generator: GENERATOR };
  const empty = (output: string): GradescopeResults => ({
    score: 0,
    execution_time,
    output,
    output_format: 'text',
    tests: [],
    extra_data,
  });
  const skippedLines = skipped.map((s) =>
    t('grade.gradescope.skipped', {
      file: safeText(s.file.replace(/^.*[\\/]/, ''), 80),
      reason: messageText(t, s.reason),
    }),
  );
  const extra = notes.map((m) => messageText(t, m));
  if (results.length === 0)
    return empty([t('grade.gradescope.none'), ...skippedLines, ...extra].join('\n'));
  if (results.length > 1)
    return empty(
      t('grade.gradescope.many', {
        count: results.length,
        files: results.map((r) => safeText(r.file.replace(/^.*[\\/]/, ''), 80)).join(', '),
      }),
    );
  const r = results[0];
  if (r.error) return empty(t('grade.gradescope.notGraded', { reason: messageText(t, r.error) }));
  const output = [
    t('grade.gradescope.summary', {
      student: r.student ?? '',
      lab: r.lab ?? '',
      score: formatNumber(r.score),
      max: formatNumber(r.maxScore),
    }),
    ...r.warnings.map((m) => messageText(t, m)),
    ...skippedLines,
  ].join('\n');
  return {
    score: r.score,
    execution_time,
    output,
    output_format: 'text',
    tests: r.exercises.map((e) => ({
      name: t('grade.gradescope.testName', { number: e.number, title: e.title, id: e.id }),
      number: String(e.number),
      score: e.score,
      max_score: e.maxScore,
      status: e.score >= e.maxScore ? 'passed' : 'failed',
      output: e.feedback.map((m) => messageText(t, m)).join('\n'),
      output_format: 'text',
    })),
    extra_data,
  };
}

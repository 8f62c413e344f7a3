/**
 * The text report: per file, the score and one line per exercise with its feedback; then the
 * files of a folder that were skipped, and, for more than one file, the class summary. Lines
 * only; the command prints them. Written to a file, the report starts with the line
 * `# cnn-tutor grade` (`TEXT_REPORT_MARKER`), so a later report may replace it.
 */
import { formatNumber } from '../content/answer-format.js';
import type { Message, MessageParams } from '../i18n/index.js';
import type { ClassSummary } from './class-summary.js';
import { percent } from './class-summary.js';
import type { SkippedFile } from './grade-batch.js';
import type { ExerciseStatus, SubmissionResult } from './grade-submission.js';
import { hasMarkerLine, markerLine } from './output-signature.js';
import { safeText } from '../untrusted/safe-text.js';

/** The first line of a text report written to a file. */
export const TEXT_REPORT_MARKER = markerLine('grade');

/** True when the text is a text grade report that cnn-tutor wrote to a file. */
export function isTextReport(text: string): boolean {
  return hasMarkerLine(text, 'grade');
}

export type Translate = (key: string, params?: MessageParams) => string;

export interface TextReportOptions {
  readonly t: Translate;
  /** Marks drawn with ASCII only. @default false */
  readonly ascii?: boolean;
  /** Print the class summary (the command does for two files or more). */
  readonly summary?: ClassSummary;
  /** Files of a folder that are not submissions. */
  readonly skipped?: readonly SkippedFile[];
}

const MARKS: Readonly<Record<'unicode' | 'ascii', Readonly<Record<ExerciseStatus, string>>>> = {
  unicode: { correct: '✓', partial: '~', wrong: '✗', unanswered: '·', invalid: '!', error: '?' },
  ascii: { correct: '+', partial: '~', wrong: 'x', unanswered: '.', invalid: '!', error: '?' },
};

export function messageText(t: Translate, m: Message): string {
  return t(m.key, m.params);
}

export function submissionLines(r: SubmissionResult, options: TextReportOptions): string[] {
  const { t } = options;
  const file = safeText(r.file, 200);
  if (r.error) return [t('grade.text.notGraded', { file, reason: messageText(t, r.error) })];
  const lines = [
    t('grade.text.header', {
      file,
      student: r.student ?? '',
      lab: r.lab ?? '',
      score: formatNumber(r.score),
      max: formatNumber(r.maxScore),
      percent: formatNumber(percent(r.score, r.maxScore)),
    }),
  ];
  const marks = MARKS[options.ascii ? 'ascii' : 'unicode'];
  const scores = r.exercises.map((e) => `${formatNumber(e.score)} / ${formatNumber(e.maxScore)}`);
  const width = Math.max(0, ...scores.map((s) => s.length));
  const digits = String(r.exercises.length).length;
  r.exercises.forEach((e, k) => {
    lines.push(
      `  ${marks[e.status]} ${scores[k].padEnd(width)}  ${t('grade.text.exercise', { number: String(e.number).padStart(digits), title: e.title, id: e.id })}`,
    );
    if (e.status !== 'correct')
      for (const m of e.feedback) lines.push(`${' '.repeat(width + 6)}${messageText(t, m)}`);
  });
  for (const w of r.warnings)
    lines.push(`  ${t('grade.text.warning', { message: messageText(t, w) })}`);
  return lines;
}

export function summaryLines(s: ClassSummary, t: Translate): string[] {
  const lines = [
    t('grade.text.class', {
      files: s.files,
      graded: s.graded,
      notGraded: s.notGraded,
      skipped: s.skipped,
    }),
  ];
  if (s.graded === 0) return lines;
  if (s.maxScore !== undefined && s.meanScore !== undefined && s.medianScore !== undefined) {
    lines.push(
      `  ${t('grade.text.mean', { mean: formatNumber(s.meanScore), median: formatNumber(s.medianScore), max: formatNumber(s.maxScore), meanPercent: formatNumber(s.meanPercent!), medianPercent: formatNumber(s.medianPercent!) })}`,
    );
  } else {
    lines.push(
      `  ${t('grade.text.meanPercent', { meanPercent: formatNumber(s.meanPercent!), medianPercent: formatNumber(s.medianPercent!) })}`,
    );
  }
  lines.push(
    `  ${s.mostMissed ? t('grade.text.mostMissed', { title: s.mostMissed.title, id: s.mostMissed.id, missed: s.mostMissed.missed, of: s.mostMissed.of }) : t('grade.text.noneMissed')}`,
  );
  lines.push(
    `  ${
      s.mostCommonMistake
        ? t('grade.text.mostCommonMistake', {
            id: s.mostCommonMistake.id,
            count: s.mostCommonMistake.count,
            message: t(`mistake.${s.mostCommonMistake.id}`),
          })
        : t('grade.text.noMistake')
    }`,
  );
  if (s.exercises.length > 0) {
    lines.push(`  ${t('grade.text.perExercise')}`);
    const width = Math.max(...s.exercises.map((e) => e.id.length));
    for (const e of s.exercises) {
      const c = e.counts;
      lines.push(
        `    ${String(e.number).padStart(2)}. ${e.id.padEnd(width)}  ${t('grade.text.exerciseStats', { mean: formatNumber(e.meanScore), max: formatNumber(e.maxScore), correct: c.correct, partial: c.partial, wrong: c.wrong, unanswered: c.unanswered, invalid: c.invalid + c.error })}`,
      );
    }
  }
  return lines;
}

export function textReport(
  results: readonly SubmissionResult[],
  notes: readonly Message[],
  options: TextReportOptions,
): string[] {
  const lines: string[] = [];
  results.forEach((r, k) => {
    if (k > 0) lines.push('');
    lines.push(...submissionLines(r, options));
  });
  const skipped = options.skipped ?? [];
  if (skipped.length > 0 && lines.length > 0) lines.push('');
  for (const s of skipped)
    lines.push(
      options.t('grade.text.skipped', {
        file: safeText(s.file, 200),
        reason: messageText(options.t, s.reason),
      }),
    );
  for (const n of notes)
    lines.push(options.t('grade.text.warning', { message: messageText(options.t, n) }));
  if (options.summary) {
    if (lines.length > 0) lines.push('');
    lines.push(...summaryLines(options.summary, options.t));
  }
  return lines;
}

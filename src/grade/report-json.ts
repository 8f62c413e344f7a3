/**
 * `grade --format json`: one entry per file (graded or not), the files of a folder that were
 * skipped, and the class summary, with snake_case fields for tools in any language. Messages
 * are given as text in the report's language and, where a tool might branch on them, as a
 * stable key. `"generator": "cnn-tutor"` comes first: it is how cnn-tutor knows the file for
 * its own (a later report may replace it, and grading a folder skips it).
 */
import type { Message } from '../i18n/index.js';
import type { ClassSummary } from './class-summary.js';
import { percent } from './class-summary.js';
import type { SkippedFile } from './grade-batch.js';
import type { ExerciseResult, SubmissionResult } from './grade-submission.js';
import { GENERATOR, isGeneratedJson, jsonObject } from './output-signature.js';
import type { Translate } from './report-text.js';
import { messageText } from './report-text.js';
import { safeText } from '../untrusted/safe-text.js';

function exerciseJson(e: ExerciseResult, t: Translate): Record<string, unknown> {
  return {
    id: e.id,
    number: e.number,
    title: e.title,
    score: e.score,
    max_score: e.maxScore,
    status: e.status,
    feedback: e.feedback.map((m) => messageText(t, m)).join(' '),
    feedback_keys: e.feedback.map((m) => m.key),
    wrong_cells: e.wrongCells ?? null,
    cells: e.cells ?? null,
    mistake: e.mistake ?? null,
    answer: e.answer ?? null,
    ...(e.expected === undefined ? {} : { expected: e.expected }),
  };
}

export function submissionJson(r: SubmissionResult, t: Translate): Record<string, unknown> {
  return {
    file: safeText(r.file, 1000),
    student: r.student ?? null,
    lab: r.lab ?? null,
    score: r.score,
    max_score: r.maxScore,
    percent: percent(r.score, r.maxScore),
    exercises: r.exercises.map((e) => exerciseJson(e, t)),
    warnings: r.warnings.map((m) => messageText(t, m)),
    error: r.error ? messageText(t, r.error) : null,
    error_key: r.error?.key ?? null,
  };
}

export function summaryJson(
  s: ClassSummary,
  notes: readonly Message[],
  t: Translate,
): Record<string, unknown> {
  return {
    files: s.files,
    graded: s.graded,
    not_graded: s.notGraded,
    skipped: s.skipped,
    lab: s.lab ?? null,
    max_score: s.maxScore ?? null,
    mean_score: s.meanScore ?? null,
    median_score: s.medianScore ?? null,
    mean_percent: s.meanPercent ?? null,
    median_percent: s.medianPercent ?? null,
    most_missed: s.mostMissed ?? null,
    most_common_mistake: s.mostCommonMistake
      ? { ...s.mostCommonMistake, message: t(`mistake.${s.mostCommonMistake.id}`) }
      : null,
    exercises: s.exercises.map((e) => ({
      id: e.id,
      number: e.number,
      title: e.title,
      max_score: e.maxScore,
      mean_score: e.meanScore,
      ...e.counts,
    })),
    notes: notes.map((m) => messageText(t, m)),
  };
}

export function skippedJson(s: SkippedFile, t: Translate): Record<string, unknown> {
  return {
    file: safeText(s.file, 1000),
    reason: messageText(t, s.reason),
    reason_key: s.reason.key,
  };
}

export function jsonReport(
  results: readonly SubmissionResult[],
  summary: ClassSummary,
  notes: readonly Message[],
  t: Translate,
  skipped: readonly SkippedFile[] = [],
): string {
  const report = {
    generator: GENERATOR,
    submissions: results.map((r) => submissionJson(r, t)),
    skipped: skipped.map((s) => skippedJson(s, t)),
    summary: summaryJson(summary, notes, t),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** True when the text is a JSON grade report that cnn-tutor wrote. */
export function isJsonReport(text: string): boolean {
  const value = jsonObject(text);
  return (
    value !== undefined &&
    isGeneratedJson(value) &&
    Array.isArray(value.submissions) &&
    typeof value.summary === 'object'
  );
}

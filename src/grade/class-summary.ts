/**
 * The class at a glance: mean and median, the exercise most often missed, the most common
 * named mistake, and per-exercise counts. Percentages make files of different labs
 * comparable; points are given when every graded file is for the same lab.
 */
import type { MistakeId } from '../content/types.js';
import type { ExerciseStatus, SubmissionResult } from './grade-submission.js';
import { roundScore } from './grade-submission.js';

export interface ExerciseStats {
  id: string;
  number: number;
  title: string;
  maxScore: number;
  meanScore: number;
  counts: Record<ExerciseStatus, number>;
}

export interface ClassSummary {
  /** Files graded or failed: `graded + notGraded`. */
  files: number;
  graded: number;
  notGraded: number;
  /** Files in a folder that are not submissions: in no count or mean. */
  skipped: number;
  /** Set when every graded file is for one lab. */
  lab?: string;
  maxScore?: number;
  meanScore?: number;
  medianScore?: number;
  /** 0–100, one decimal; absent when nothing was graded. */
  meanPercent?: number;
  medianPercent?: number;
  /** The exercise with the most files below full marks (ties: the earliest in the lab). */
  mostMissed?: { id: string; title: string; missed: number; of: number };
  mostCommonMistake?: { id: MistakeId; count: number };
  /** Per exercise, when every graded file is for one lab. */
  exercises: ExerciseStats[];
}

export function percent(score: number, max: number): number {
  return max > 0 ? Math.round((score / max) * 1000) / 10 : 0;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const mean = (values: readonly number[]): number =>
  values.reduce((a, b) => a + b, 0) / values.length;

export function summarize(results: readonly SubmissionResult[], skipped = 0): ClassSummary {
  const graded = results.filter((r) => r.error === undefined);
  const summary: ClassSummary = {
    files: results.length,
    graded: graded.length,
    notGraded: results.length - graded.length,
    skipped,
    exercises: [],
  };
  if (graded.length === 0) return summary;

  const percents = graded.map((r) => percent(r.score, r.maxScore));
  summary.meanPercent = Math.round(mean(percents) * 10) / 10;
  summary.medianPercent = Math.round(median(percents) * 10) / 10;

  const labs = new Set(graded.map((r) => r.lab));
  if (labs.size === 1) {
    summary.lab = graded[0].lab;
    summary.maxScore = graded[0].maxScore;
    summary.meanScore = roundScore(mean(graded.map((r) => r.score)));
    summary.medianScore = roundScore(median(graded.map((r) => r.score)));
    summary.exercises = graded[0].exercises.map((e, k) => {
      const column = graded.map((r) => r.exercises[k]);
      const counts: Record<ExerciseStatus, number> = {
        correct: 0,
        partial: 0,
        wrong: 0,
        unanswered: 0,
        invalid: 0,
        error: 0,
      };
      for (const x of column) counts[x.status]++;
      return {
        id: e.id,
        number: e.number,
        title: e.title,
        maxScore: e.maxScore,
        meanScore: roundScore(mean(column.map((x) => x.score))),
        counts,
      };
    });
  }

  // Across labs, exercises are told apart by id: the same exercise missed in two labs counts twice.
  const missed = new Map<string, { title: string; missed: number; of: number }>();
  const mistakes = new Map<MistakeId, number>();
  for (const r of graded) {
    for (const e of r.exercises) {
      const m = missed.get(e.id) ?? { title: e.title, missed: 0, of: 0 };
      m.of++;
      if (e.score < e.maxScore) m.missed++;
      missed.set(e.id, m);
      if (e.mistake) mistakes.set(e.mistake, (mistakes.get(e.mistake) ?? 0) + 1);
    }
  }
  let worst: ClassSummary['mostMissed'];
  for (const [id, m] of missed)
    if (m.missed > 0 && (!worst || m.missed > worst.missed)) worst = { id, ...m };
  if (worst) summary.mostMissed = worst;
  let common: ClassSummary['mostCommonMistake'];
  for (const [id, count] of mistakes) if (!common || count > common.count) common = { id, count };
  if (common) summary.mostCommonMistake = common;
  return summary;
}

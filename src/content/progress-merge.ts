/**
 * Two copies of one learner's progress → one that loses neither: what a tutor saves is merged
 * with what is on disk, so two tutors on one state folder (a lesson in each terminal) keep
 * each other's answers. Per record:
 *
 * - an exercise done in either copy stays done: `correct` beats `revealed` beats `attempted`;
 *   attempts are the larger count; the seed and last answer come from the newer record;
 * - a lesson keeps the union of the steps visited, stays completed once completed, and takes
 *   its step (the position) from the newer record;
 * - the resume point is the one whose lesson was used last;
 * - a record no newer than a reset that cleared it (`cleared`) is dropped, so a reset in one
 *   tutor is not undone by another tutor's older copy.
 *
 * On equal times the copy being saved (`mine`) wins. Pure; neither input is changed.
 */
import type {
  Cleared,
  ExerciseProgress,
  ExerciseStatus,
  LessonProgress,
  Progress,
} from './progress.js';

function time(stamp: string | undefined): number {
  return stamp === undefined ? Number.NEGATIVE_INFINITY : Date.parse(stamp);
}

function own<T>(record: Readonly<Record<string, T>> | undefined, id: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, id) ? record[id] : undefined;
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return time(b) >= time(a) ? b : a;
}

/** Per-id latest of two maps of times, leaving out what `all` already covers. */
function laterEach(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
  all: string | undefined,
): Record<string, string> | undefined {
  const ids = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];
  const entries = ids.flatMap((id) => {
    const at = later(own(a, id), own(b, id))!;
    return time(at) > time(all) ? [[id, at] as const] : [];
  });
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

function mergeCleared(a: Cleared | undefined, b: Cleared | undefined): Cleared | undefined {
  const all = later(a?.all, b?.all);
  const lessons = laterEach(a?.lessons, b?.lessons, all);
  const exercises = laterEach(a?.exercises, b?.exercises, all);
  if (all === undefined && lessons === undefined && exercises === undefined) return undefined;
  return {
    ...(all === undefined ? {} : { all }),
    ...(lessons === undefined ? {} : { lessons }),
    ...(exercises === undefined ? {} : { exercises }),
  };
}

const RANK: Record<ExerciseStatus, number> = { attempted: 0, revealed: 1, correct: 2 };

function mergeExercise(stored: ExerciseProgress, mine: ExerciseProgress): ExerciseProgress {
  const [older, newer] =
    time(mine.updatedAt) >= time(stored.updatedAt) ? [stored, mine] : [mine, stored];
  const seed = newer.seed ?? older.seed;
  const lastAnswer = newer.lastAnswer ?? older.lastAnswer;
  return {
    status: RANK[mine.status] >= RANK[stored.status] ? mine.status : stored.status,
    attempts: Math.max(mine.attempts, stored.attempts),
    ...(seed === undefined ? {} : { seed }),
    ...(lastAnswer === undefined ? {} : { lastAnswer }),
    updatedAt: newer.updatedAt,
  };
}

function mergeLesson(stored: LessonProgress, mine: LessonProgress): LessonProgress {
  const newer = time(mine.updatedAt) >= time(stored.updatedAt) ? mine : stored;
  return {
    step: newer.step,
    visited: [...new Set([...stored.visited, ...mine.visited])].sort((a, b) => a - b),
    completed: stored.completed || mine.completed,
    updatedAt: newer.updatedAt,
  };
}

/** Records of both, merged by `merge`, without those a reset cleared after they were written. */
function mergeRecords<T extends { readonly updatedAt: string }>(
  stored: Readonly<Record<string, T>>,
  mine: Readonly<Record<string, T>>,
  clearedAt: (id: string) => number,
  merge: (stored: T, mine: T) => T,
): Record<string, T> {
  const ids = [...new Set([...Object.keys(stored), ...Object.keys(mine)])];
  return Object.fromEntries(
    ids.flatMap((id) => {
      const kept = [own(stored, id), own(mine, id)].filter(
        (r): r is T => r !== undefined && time(r.updatedAt) > clearedAt(id),
      );
      if (kept.length === 0) return [];
      return [[id, kept.length === 2 ? merge(kept[0], kept[1]) : kept[0]] as const];
    }),
  );
}

/** Merge what is on disk (`stored`) with what a tutor is saving (`mine`). */
export function mergeProgress(stored: Progress, mine: Progress): Progress {
  const cleared = mergeCleared(stored.cleared, mine.cleared);
  const since = (at: string | undefined) => Math.max(time(cleared?.all), time(at));
  const lessonCleared = (id: string) => since(own(cleared?.lessons, id));
  const exerciseCleared = (id: string) => since(own(cleared?.exercises, id));
  const lessons = mergeRecords(stored.lessons, mine.lessons, lessonCleared, mergeLesson);
  const exercises = mergeRecords(stored.exercises, mine.exercises, exerciseCleared, mergeExercise);

  // A resume point is as recent as its lesson's record, which every step into it updates.
  const lastUsed = (p: Progress): number =>
    p.last === undefined
      ? Number.NEGATIVE_INFINITY
      : time(own(p.lessons, p.last.lesson)?.updatedAt);
  const candidates = [mine, stored].filter(
    (p) => p.last !== undefined && own(lessons, p.last.lesson) !== undefined,
  );
  const last = candidates.reduce<Progress | undefined>(
    (best, p) => (best === undefined || lastUsed(p) > lastUsed(best) ? p : best),
    undefined,
  )?.last;

  return {
    format: mine.format,
    lessons,
    exercises,
    ...(last === undefined ? {} : { last }),
    ...(cleared === undefined ? {} : { cleared }),
  };
}

/**
 * What a learner has done, as one small JSON document that is rewritten whole on every save
 * (see progress-store.ts). Every update here is pure: it returns a new `Progress` and leaves
 * its input untouched, so the tutor's reducer can hold it as state.
 *
 *     {
 *       "format": 1,
 *       "lessons": { "padding": { "step": 3, "visited": [0, 1, 2, 3], "completed": false, "updatedAt": "…" } },
 *       "exercises": { "padding.same-size": { "status": "correct", "attempts": 2, "seed": 7, "lastAnswer": "28", "updatedAt": "…" } },
 *       "last": { "lesson": "padding", "step": 3 },
 *       "cleared": { "all": "…", "lessons": { "pooling": "…" }, "exercises": { "pooling.max": "…" } }
 *     }
 *
 * `cleared` remembers when a reset cleared what, so that merging with another tutor's copy
 * (see progress-merge.ts) drops what was older than the reset instead of bringing it back.
 */
import {
  type Shape,
  ShapeError,
  countFromZero,
  exactly,
  list,
  object,
  oneOf,
  optional,
  record,
  text,
  timestamp,
  wholeNumber,
  yesNo,
} from './progress-shape.js';

/** The format this version writes and reads. Bump it when an old reader would misread a file. */
export const PROGRESS_FORMAT = 1;

const readLessonProgress = object({
  /** The step shown last (0-based). */
  step: countFromZero,
  /** Steps seen at least once, ascending. */
  visited: list(countFromZero),
  /** Set once the learner reaches the end of the lesson; never unset except by a reset. */
  completed: yesNo,
  updatedAt: timestamp,
});

const readExerciseProgress = object({
  /**
   * `attempted`: answered, never right yet. `correct`: answered right at some point.
   * `revealed`: the learner asked for the solution before getting it right.
   */
  status: oneOf(['correct', 'attempted', 'revealed']),
  /** Answers that parsed and were graded; format errors do not count. */
  attempts: countFromZero,
  /** Seed of a generated exercise, so the learner gets the same numbers back. */
  seed: optional(wholeNumber),
  /** The last answer, in the tutor's canonical syntax. */
  lastAnswer: optional(text),
  updatedAt: timestamp,
});

/** When a reset cleared everything (`all`), a lesson, or an exercise. Optional throughout. */
const readCleared = object({
  all: optional(timestamp),
  lessons: optional(record(timestamp)),
  exercises: optional(record(timestamp)),
});

const readProgress = object({
  format: exactly(PROGRESS_FORMAT),
  lessons: record(readLessonProgress),
  exercises: record(readExerciseProgress),
  /** Where to resume. */
  last: optional(object({ lesson: text, step: countFromZero })),
  /** Absent in files written before resets were recorded; they load as they are. */
  cleared: optional(readCleared),
});

export type LessonProgress = Shape<typeof readLessonProgress>;
export type ExerciseProgress = Shape<typeof readExerciseProgress>;
export type ExerciseStatus = ExerciseProgress['status'];
export type Progress = Shape<typeof readProgress>;
export type Cleared = Shape<typeof readCleared>;

export type ParsedProgress =
  | { readonly ok: true; readonly progress: Progress }
  /** `newer`: a `format` above ours, from a later cnn-tutor. `shape`: anything else wrong. */
  | { readonly ok: false; readonly problem: 'newer'; readonly format: number }
  | { readonly ok: false; readonly problem: 'shape'; readonly detail: string };

function field(data: unknown, name: string): unknown {
  return typeof data === 'object' && data !== null && Object.hasOwn(data, name)
    ? (data as Record<string, unknown>)[name]
    : undefined;
}

/**
 * Check data read from a progress file. `detail` names the first wrong field, e.g.
 * `lessons.padding.step: expected a whole number ≥ 0`; it is meant for a notice, in English.
 */
export function parseProgress(data: unknown): ParsedProgress {
  if (typeof data === 'object' && data !== null && 'format' in data) {
    const format = (data as { format: unknown }).format;
    if (typeof format === 'number' && Number.isInteger(format) && format > PROGRESS_FORMAT) {
      return { ok: false, problem: 'newer', format };
    }
  }
  // An id `__proto__` is refused outright: other tools reading the file may not be as careful.
  const cleared = field(data, 'cleared');
  const records = {
    lessons: field(data, 'lessons'),
    exercises: field(data, 'exercises'),
    'cleared.lessons': field(cleared, 'lessons'),
    'cleared.exercises': field(cleared, 'exercises'),
  };
  for (const [name, record] of Object.entries(records)) {
    if (typeof record === 'object' && record !== null && Object.hasOwn(record, '__proto__')) {
      return { ok: false, problem: 'shape', detail: `${name}.__proto__: not allowed as an id` };
    }
  }
  try {
    return { ok: true, progress: readProgress(data, []) };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, problem: 'shape', detail: error.message };
    throw error;
  }
}

/** Progress of someone who has not started. */
export function emptyProgress(): Progress {
  return { format: PROGRESS_FORMAT, lessons: {}, exercises: {} };
}

/** Forget everything, remembering when, so that older copies elsewhere do not bring it back. */
export function resetAll(now: Date): Progress {
  return { ...emptyProgress(), cleared: { all: now.toISOString() } };
}

/** Own entries only, so an id like `constructor` never reads Object.prototype. */
function entry<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** Remove `ids` from a record; computed keys keep `__proto__` an ordinary id. */
function without<T>(
  record: Readonly<Record<string, T>>,
  ids: ReadonlySet<string>,
): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => !ids.has(id)));
}

function expectStep(step: number): void {
  if (!Number.isInteger(step) || step < 0) {
    throw new RangeError(`Expected \`step\` to be a whole number ≥ 0, got ${String(step)}.`);
  }
}

/** The learner is now on `step` of `lesson`: remember it, mark it visited, resume there. */
export function recordStep(p: Progress, lesson: string, step: number, now: Date): Progress {
  expectStep(step);
  const before = entry(p.lessons, lesson);
  const visited = before?.visited.includes(step)
    ? before.visited
    : [...(before?.visited ?? []), step].sort((a, b) => a - b);
  return {
    ...p,
    lessons: {
      ...p.lessons,
      [lesson]: {
        step,
        visited,
        completed: before?.completed ?? false,
        updatedAt: now.toISOString(),
      },
    },
    last: { lesson, step },
  };
}

/** The learner reached the end of `lesson`. */
export function completeLesson(p: Progress, lesson: string, now: Date): Progress {
  const before = entry(p.lessons, lesson);
  return {
    ...p,
    lessons: {
      ...p.lessons,
      [lesson]: {
        step: before?.step ?? 0,
        visited: before?.visited ?? [],
        completed: true,
        updatedAt: now.toISOString(),
      },
    },
  };
}

export interface GradedAnswer {
  readonly correct: boolean;
  /** The answer as it should be shown again (canonical text from `formatParsedAnswer`). */
  readonly answer: string;
  /** Seed of the generated exercise instance, if any. */
  readonly seed?: number;
}

/**
 * Record a graded answer. Call it only for answers that parsed: a format error is not an
 * attempt. The first of `correct` / `revealed` sticks: a right answer stays right after wrong
 * tries, and a right answer typed after the solution was revealed stays `revealed`.
 */
export function recordAnswer(
  p: Progress,
  exerciseId: string,
  graded: GradedAnswer,
  now: Date,
): Progress {
  const before = entry(p.exercises, exerciseId);
  const settled = before !== undefined && before.status !== 'attempted';
  const status: ExerciseStatus = settled ? before.status : graded.correct ? 'correct' : 'attempted';
  const seed = graded.seed ?? before?.seed;
  const next: ExerciseProgress = {
    status,
    attempts: (before?.attempts ?? 0) + 1,
    ...(seed === undefined ? {} : { seed }),
    lastAnswer: graded.answer,
    updatedAt: now.toISOString(),
  };
  return { ...p, exercises: { ...p.exercises, [exerciseId]: next } };
}

/** The learner asked to see the solution. A solved exercise stays `correct`. */
export function recordReveal(p: Progress, exerciseId: string, now: Date, seed?: number): Progress {
  const before = entry(p.exercises, exerciseId);
  const keptSeed = seed ?? before?.seed;
  const next: ExerciseProgress = {
    ...before,
    status: before?.status === 'correct' ? 'correct' : 'revealed',
    attempts: before?.attempts ?? 0,
    ...(keptSeed === undefined ? {} : { seed: keptSeed }),
    updatedAt: now.toISOString(),
  };
  return { ...p, exercises: { ...p.exercises, [exerciseId]: next } };
}

/**
 * Start `lesson` over: forget its steps and the given exercises (and resume point, if there),
 * remembering when, so that older copies elsewhere do not bring them back.
 */
export function resetLesson(
  p: Progress,
  lessonId: string,
  exerciseIds: readonly string[],
  now: Date,
): Progress {
  const { last, cleared, ...rest } = p;
  const at = now.toISOString();
  const stamp = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, at]));
  return {
    ...rest,
    lessons: without(p.lessons, new Set([lessonId])),
    exercises: without(p.exercises, new Set(exerciseIds)),
    ...(last === undefined || last.lesson === lessonId ? {} : { last }),
    cleared: {
      ...cleared,
      lessons: { ...cleared?.lessons, ...stamp([lessonId]) },
      exercises: { ...cleared?.exercises, ...stamp(exerciseIds) },
    },
  };
}

export interface LessonSummary {
  /** Exercises finished: answered right or revealed. */
  readonly done: number;
  readonly correct: number;
  readonly revealed: number;
  readonly total: number;
  /**
   * `done / total`, from 0 to 1. A lesson without exercises counts 1 once completed, else 0.
   */
  readonly fraction: number;
  readonly completed: boolean;
}

/** How far the learner is in one lesson, given the ids of its exercises. */
export function lessonProgress(
  p: Progress,
  lessonId: string,
  exerciseIds: readonly string[],
): LessonSummary {
  const completed = entry(p.lessons, lessonId)?.completed ?? false;
  const ids = [...new Set(exerciseIds)];
  const statuses = ids.map((id) => entry(p.exercises, id)?.status);
  const correct = statuses.filter((s) => s === 'correct').length;
  const revealed = statuses.filter((s) => s === 'revealed').length;
  const done = correct + revealed;
  const total = ids.length;
  return {
    done,
    correct,
    revealed,
    total,
    fraction: total === 0 ? (completed ? 1 : 0) : done / total,
    completed,
  };
}

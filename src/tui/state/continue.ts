/**
 * Where "continue" goes: the lesson left unfinished, else the next lesson not yet finished,
 * else an exercise not yet solved, else the course is complete. A finished lesson's recap is
 * never where continuing leads.
 */
import type { Course, Lesson } from '../../content/course.js';
import type { Progress } from '../../content/progress.js';
import { own } from './selectors.js';

export type ContinueTarget =
  | { readonly kind: 'step'; readonly lesson: number; readonly step: number }
  | { readonly kind: 'complete' };

/** The steps of a lesson that hold an exercise not answered right (by the learner). */
function unsolvedSteps(lesson: Lesson, progress: Progress): number[] {
  return lesson.steps.flatMap((step, i) =>
    step.type === 'exercise' && own(progress.exercises, step.exerciseId)?.status !== 'correct'
      ? [i]
      : [],
  );
}

/** Lesson indices from `start`, wrapping around once. */
function from(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => (start + k) % count);
}

export function continueTarget(course: Course, progress: Progress): ContinueTarget {
  const count = course.lessons.length;
  const last = progress.last;
  const lastIndex = last ? course.lessons.findIndex((l) => l.id === last.lesson) : -1;
  if (last && lastIndex >= 0 && !own(progress.lessons, last.lesson)?.completed) {
    const steps = course.lessons[lastIndex].steps.length;
    return { kind: 'step', lesson: lastIndex, step: Math.min(last.step, steps - 1) };
  }
  const order = from(Math.max(0, lastIndex), count);
  for (const i of order) {
    const lesson = course.lessons[i];
    const saved = own(progress.lessons, lesson.id);
    if (!saved?.completed)
      return {
        kind: 'step',
        lesson: i,
        step: saved ? Math.min(saved.step, lesson.steps.length - 1) : 0,
      };
  }
  for (const i of order) {
    const [first] = unsolvedSteps(course.lessons[i], progress);
    if (first !== undefined) return { kind: 'step', lesson: i, step: first };
  }
  return { kind: 'complete' };
}

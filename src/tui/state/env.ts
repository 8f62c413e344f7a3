/** The reducer's environment for a loaded course: questions built by `instantiate`, cached. */
import type { Course, ExerciseDef } from '../../content/course.js';
import type { instantiate } from '../../content/instantiate.js';
import type { QuestionResult, TutorEnv } from './types.js';

export interface EnvOptions {
  readonly lang: string;
  readonly t: (key: string, params?: Record<string, string | number>) => string;
  /**
   * Builds the questions. Passed in rather than imported: the templates and their schemas load
   * after the first screen is drawn (see `tui/later.ts`).
   */
  readonly instantiate: typeof instantiate;
}

/**
 * Questions are cached per (exercise, seed): building one draws its numbers, and the screen
 * asks for it on every keystroke. A failure is kept as a message so the step can say so.
 */
export function createTutorEnv(course: Course, options: EnvOptions): TutorEnv {
  const cache = new Map<string, QuestionResult>();
  return {
    course,
    question(def: ExerciseDef, seed: number | undefined): QuestionResult {
      const key = `${def.id}#${def.generated ? String(seed) : ''}`;
      const cached = cache.get(key);
      if (cached) return cached;
      let result: QuestionResult;
      try {
        result = {
          ok: true,
          question: options.instantiate(def, { seed, lang: options.lang, t: options.t }),
        };
      } catch (error) {
        result = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      cache.set(key, result);
      return result;
    },
  };
}

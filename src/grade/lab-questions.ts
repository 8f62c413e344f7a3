/**
 * A student's questions for a lab: each exercise instantiated with the student's seed.
 * The key, the worksheet, the lab screen and the grader all start here, so all four see
 * the same numbers.
 */
import { instantiate } from '../content/instantiate.js';
import type { Question, TemplateText } from '../content/types.js';
import type { Lab, LabExercise } from './lab.js';
import { labCode, normalizeSecret, variantSeed } from './variant.js';

export type LabQuestion =
  | {
      readonly ok: true;
      readonly exercise: LabExercise;
      readonly seed?: number;
      readonly question: Question;
    }
  /** The template could not build this variant (a content bug: `check-content` finds these). */
  | {
      readonly ok: false;
      readonly exercise: LabExercise;
      readonly seed?: number;
      readonly error: string;
    };

export interface AccessOptions {
  /** The course secret; when given it decides the code and any other code is ignored. */
  readonly secret?: string;
  /** An access code handed to the student (canonical or as typed), used without a secret. */
  readonly code?: string;
}

/**
 * The access code whose variants this student gets: from the secret when there is one,
 * else the code given, else the public code (no secret). Canonical form.
 */
export function accessCode(lab: string, student: string, access: AccessOptions): string {
  const secret = normalizeSecret(access.secret);
  if (secret !== undefined || access.code === undefined) return labCode(secret, lab, student);
  return access.code;
}

export interface LabQuestionsOptions {
  /** Canonical access code (see `accessCode`). */
  readonly code: string;
  readonly lang: string;
  readonly t: TemplateText['t'];
}

export function labQuestions(
  lab: Lab,
  student: string,
  options: LabQuestionsOptions,
): LabQuestion[] {
  return lab.exercises.map((exercise) => labQuestion(lab, exercise, student, options));
}

export function labQuestion(
  lab: Lab,
  exercise: LabExercise,
  student: string,
  options: LabQuestionsOptions,
): LabQuestion {
  const seed = exercise.def.generated
    ? variantSeed(options.code, lab.id, exercise.id, student)
    : undefined;
  try {
    const question = instantiate(exercise.def, { seed, lang: options.lang, t: options.t });
    return { ok: true, exercise, seed, question };
  } catch (error) {
    return {
      ok: false,
      exercise,
      seed,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * Student ids name submission files (`<student>.<lab>.json`) and seed each student's
 * variant, so they are checked before they are used anywhere: letters, digits and `._@+-`,
 * starting with a letter or digit, at most 64 characters. That admits e-mail addresses and
 * roster numbers and rules out every path character (`/`, `\`, `..` at the start, `:`).
 */

export const STUDENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/;

/** Whether `id` may name a student: see `STUDENT_ID_PATTERN`; a trailing dot is refused (Windows drops it). */
export function isStudentId(id: string): boolean {
  return STUDENT_ID_PATTERN.test(id) && !id.endsWith('.');
}

/**
 * The form of a student id that seeds variants. Ids are compared without regard to case, so
 * `Alice` on the roster and `alice` typed in the tutor get the same questions.
 */
export function studentKey(id: string): string {
  return id.toLowerCase();
}

/** The default submission file name, `<student>.<lab>.json`; both ids must already be valid. */
export function submissionFileName(student: string, lab: string): string {
  if (!isStudentId(student))
    throw new RangeError(`Expected a valid student id, got ${JSON.stringify(student)}.`);
  return `${student}.${lab}.json`;
}

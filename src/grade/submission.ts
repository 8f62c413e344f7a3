/**
 * The submission file: what a student hands in, versioned.
 *
 * ```json
 * {"format": 1, "lab": "lab-1", "student": "alice", "code": "ABCD-EFGH-JKMN-PQRS",
 *  "answers": {"conv-first-window": "4", "conv-whole-map": "1 2; 3 4", "shape-random": [26, 26, 10]}}
 * ```
 *
 * `code` is optional (the access code of a lab with a course secret). An answer is the text
 * as typed in the tutor, or a JSON number, list of numbers (a shape or one grid row), list of
 * lists (a grid), or true/false (yes/no). Fields are checked strictly: a typo such as
 * `answer` is reported rather than read as "no answers".
 */
import type { Message } from '../i18n/index.js';
import { ID_PATTERN } from '../content/schema.js';
import { safeText } from '../untrusted/safe-text.js';
import { type JsonValue, JsonObject, toPlain } from '../untrusted/strict-json.js';
import { isStudentId } from './student-id.js';
import { formatCode, parseCode } from './variant.js';

export const SUBMISSION_FORMAT = 1;

const FIELDS = ['format', 'lab', 'student', 'code', 'answers'] as const;

export interface Submission {
  lab: string;
  student: string;
  /** The access code in the file, canonical (see `parseCode`). */
  code?: string;
  /** Exercise id → the answer as written, in file order (the first of a repeated id). */
  answers: Map<string, JsonValue>;
  /** Exercise ids answered more than once: the grader does not guess which one counts. */
  duplicateAnswers: ReadonlySet<string>;
}

export type SubmissionParse =
  | { readonly ok: true; readonly submission: Submission }
  | { readonly ok: false; readonly error: Message };

function fail(key: string, params?: Record<string, string | number>): SubmissionParse {
  return { ok: false, error: params ? { key, params } : { key } };
}

/** A parsed JSON value → a submission, or the first thing wrong with it. */
export function parseSubmission(value: JsonValue): SubmissionParse {
  if (!(value instanceof JsonObject)) return fail('grade.submission.notObject');
  if (value.duplicates.length > 0)
    return fail('grade.submission.duplicateField', { field: safeText(value.duplicates[0]) });
  const unknown = [...value.entries.keys()].find((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknown !== undefined)
    return fail('grade.submission.unknownField', { field: safeText(unknown) });
  const get = (k: string) => value.entries.get(k);

  const format = get('format');
  if (format === undefined) return fail('grade.submission.missingField', { field: 'format' });
  if (typeof format !== 'number') return fail('grade.submission.formatType');
  if (format !== SUBMISSION_FORMAT) {
    const shown = Number.isFinite(format) ? String(format) : 'a huge number';
    return fail(
      format > SUBMISSION_FORMAT
        ? 'grade.submission.formatNewer'
        : 'grade.submission.formatUnknown',
      { format: shown, known: SUBMISSION_FORMAT },
    );
  }

  const lab = get('lab');
  if (lab === undefined) return fail('grade.submission.missingField', { field: 'lab' });
  if (typeof lab !== 'string' || !ID_PATTERN.test(lab)) return fail('grade.submission.labInvalid');

  const student = get('student');
  if (student === undefined) return fail('grade.submission.missingField', { field: 'student' });
  if (typeof student !== 'string') return fail('grade.submission.studentType');
  if (!isStudentId(student))
    return fail('grade.submission.studentInvalid', { student: safeText(student) });

  const codeValue = get('code');
  let code: string | undefined;
  if (codeValue !== undefined) {
    code = typeof codeValue === 'string' ? parseCode(codeValue) : undefined;
    if (code === undefined) return fail('grade.submission.codeInvalid');
  }

  const answers = get('answers');
  if (answers === undefined) return fail('grade.submission.missingField', { field: 'answers' });
  if (!(answers instanceof JsonObject)) return fail('grade.submission.answersType');

  return {
    ok: true,
    submission: {
      lab,
      student,
      ...(code === undefined ? {} : { code }),
      answers: answers.entries,
      duplicateAnswers: new Set(answers.duplicates),
    },
  };
}

export interface SubmissionData {
  readonly lab: string;
  readonly student: string;
  readonly code?: string;
  /** In the order they should appear in the file (lab order reads best). */
  readonly answers: Iterable<readonly [string, JsonValue]>;
}

/** Pretty JSON with a trailing newline, fields in the documented order. */
export function serializeSubmission(data: SubmissionData): string {
  const answers = Object.create(null) as Record<string, unknown>;
  for (const [id, answer] of data.answers) answers[id] = toPlain(answer);
  const file = {
    format: SUBMISSION_FORMAT,
    lab: data.lab,
    student: data.student,
    ...(data.code === undefined ? {} : { code: formatCode(data.code) }),
    answers,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * One answer from a submission → a value the engine's answer can be compared with. Text goes
 * through the tutor's own `parseAnswer`, so an answer typed in the tutor is read the same way
 * here; JSON numbers, lists and true/false are accepted as the obvious values. The size of a
 * grid is not checked here: a grid of the wrong size is a wrong answer (and may match a named
 * mistake), not one that cannot be read.
 */
import { parseAnswer } from '../content/answer-parser.js';
import { answerValue } from '../content/answer-value.js';
import type { AnswerKind, AnswerValue, Question } from '../content/types.js';
import type { Message } from '../i18n/index.js';
import { safeParams } from '../untrusted/safe-text.js';
import { type JsonValue, JsonObject } from '../untrusted/strict-json.js';

/**
 * Longer answers are refused unread. A grid may be long (a 10,000-row grid should be told it has
 * the wrong size, not that it is long); a number, shape, letter or yes/no never needs 1,000
 * characters, and the tutor's parser is not linear on every long text of those kinds (100,000
 * dots as a yes/no answer take seconds), so the short kinds are cut off early.
 */
export const MAX_ANSWER_CHARS = 100_000;
export const MAX_SHORT_ANSWER_CHARS = 1_000;
/** The most cells a grid answer given as JSON lists may have. */
export const MAX_GRID_CELLS = 100_000;

export type AnswerReading =
  | { readonly ok: true; readonly value: AnswerValue }
  | { readonly ok: false; readonly status: 'unanswered' | 'invalid'; readonly error: Message };

/** What a kind expects, for "expected …, got a list" messages. Written out for the catalog check. */
const WRONG_TYPE: Readonly<Record<AnswerKind, string>> = {
  number: 'grade.answer.wrongType.number',
  shape: 'grade.answer.wrongType.shape',
  grid: 'grade.answer.wrongType.grid',
  choice: 'grade.answer.wrongType.choice',
  yesno: 'grade.answer.wrongType.yesno',
};

function invalid(key: string, params?: Record<string, string | number>): AnswerReading {
  return { ok: false, status: 'invalid', error: params ? { key, params } : { key } };
}

function wrongType(kind: AnswerKind): AnswerReading {
  return invalid(WRONG_TYPE[kind]);
}

export function readAnswer(question: Question, input: JsonValue): AnswerReading {
  const kind = question.kind;
  if (input === null)
    return { ok: false, status: 'unanswered', error: { key: 'grade.answer.empty' } };
  if (typeof input === 'string') return readText(question, input);
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return invalid('grade.answer.notFinite');
    if (kind === 'number') return { ok: true, value: { kind: 'number', value: input + 0 } };
    // A choice written as a number means what typing that number means: 1 is the first option.
    if (kind === 'choice') return readText(question, String(input));
    return wrongType(kind);
  }
  if (typeof input === 'boolean')
    return kind === 'yesno'
      ? { ok: true, value: { kind: 'yesno', value: input } }
      : wrongType(kind);
  if (input instanceof JsonObject) return wrongType(kind);
  if (kind === 'shape') return readShapeList(input);
  if (kind === 'grid') return readGridList(input);
  return wrongType(kind);
}

function readText(question: Question, text: string): AnswerReading {
  if (text.trim() === '')
    return { ok: false, status: 'unanswered', error: { key: 'grade.answer.empty' } };
  const limit = question.kind === 'grid' ? MAX_ANSWER_CHARS : MAX_SHORT_ANSWER_CHARS;
  if (text.length > limit) return invalid('grade.answer.tooLong', { length: text.length, limit });
  const parsed =
    question.kind === 'choice'
      ? parseAnswer('choice', text, {
          options: Math.min(26, Math.max(1, question.options?.length ?? 1)),
          labels: question.options ?? [],
        })
      : parseAnswer(question.kind, text);
  if (!parsed.ok) {
    const params = safeParams(parsed.error.params as Record<string, string | number> | undefined);
    return {
      ok: false,
      status: 'invalid',
      error: params ? { key: parsed.error.key, params } : { key: parsed.error.key },
    };
  }
  return { ok: true, value: answerValue(parsed.value) };
}

function readShapeList(list: JsonValue[]): AnswerReading {
  if (list.length === 0) return invalid('answer.shape.expected');
  if (list.length > 16) return invalid('grade.answer.shapeLength', { count: list.length });
  const dims: number[] = [];
  for (const d of list) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 1)
      return invalid('grade.answer.shapeSize', { position: dims.length + 1 });
    dims.push(d);
  }
  return { ok: true, value: { kind: 'shape', dims } };
}

/** `[1, 2, 3]` is one row; `[[1, 2], [3, 4]]` is two. */
function readGridList(list: JsonValue[]): AnswerReading {
  if (list.length === 0) return invalid('answer.grid.expected');
  const rowsIn: JsonValue[][] = list.some(Array.isArray) ? (list as JsonValue[][]) : [list];
  if (!rowsIn.every(Array.isArray)) return invalid('grade.answer.gridRows');
  const cells = rowsIn.reduce((n, row) => n + row.length, 0);
  if (cells > MAX_GRID_CELLS)
    return invalid('grade.answer.gridTooLarge', { cells, limit: MAX_GRID_CELLS });
  const first = rowsIn[0].length;
  if (first === 0) return invalid('answer.grid.expected');
  const rows: number[][] = [];
  for (const [r, row] of rowsIn.entries()) {
    if (row.length !== first)
      return invalid('answer.grid.ragged', { row: r + 1, count: row.length, first });
    const values: number[] = [];
    for (const [c, v] of row.entries()) {
      if (typeof v !== 'number')
        return invalid('grade.answer.gridCell', { row: r + 1, col: c + 1 });
      if (!Number.isFinite(v))
        return invalid('grade.answer.gridNotFinite', { row: r + 1, col: c + 1 });
      values.push(v + 0);
    }
    rows.push(values);
  }
  return { ok: true, value: { kind: 'grid', rows } };
}

/** The text of any answer from a file, for the tutor's answer field when a lab is resumed. */
export function answerInputText(input: JsonValue): string {
  if (input === null) return '';
  if (typeof input === 'string') return input;
  if (typeof input === 'boolean') return input ? 'yes' : 'no';
  if (typeof input === 'number') return String(input);
  if (input instanceof JsonObject) return '';
  return JSON.stringify(input, (_, v: unknown) => (v instanceof JsonObject ? null : v));
}

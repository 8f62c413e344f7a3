/**
 * Answers written back as text: the form a learner would type (`formatAnswer`), so that
 * `parseAnswer(kind, formatAnswer(kind, v))` gives `v` again. Used for answer keys, reports
 * and worksheets.
 */
import {
  ANSWER_KINDS,
  type Answer,
  type AnswerKind,
  MAX_OPTIONS,
  letter,
} from './answer-parser.js';

/** A shape to format: its sizes, or sizes with a leading batch marker. */
export type ShapeValue =
  readonly number[] | { readonly dims: readonly number[]; readonly batch?: boolean };

/**
 * A number as the tutor writes it: integers plain, others with up to 4 decimals and no
 * trailing zeros. Examples: `4` → `4`, `5/9` → `0.5556`, `0.5` → `0.5`, `-0.00001` → `0`.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value))
    throw new RangeError(`Expected a finite number, got ${String(value)}.`);
  if (Number.isInteger(value)) return String(value);
  // A non-integer is below 2^53, so toFixed writes it with a decimal point, never an exponent.
  const trimmed = value.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '-0' ? '0' : trimmed;
}

function expectDims(dims: readonly number[]): void {
  if (dims.length === 0 || !dims.every((d) => Number.isSafeInteger(d) && d >= 1)) {
    throw new RangeError(`Expected a shape of whole numbers ≥ 1, got [${dims.join(', ')}].`);
  }
}

/**
 * The canonical text of a value, in the syntax `parseAnswer` reads back:
 * number `0.5556`; shape `26x26x10` (with a batch marker `(None, 26, 26, 10)`);
 * grid `1 2; 3 4`; choice `c` (from index 2); yesno `yes` / `no`.
 * Throws for a value no answer could hold (NaN, an empty or ragged grid, index 26).
 */
export function formatAnswer(kind: 'number', value: number): string;
export function formatAnswer(kind: 'shape', value: ShapeValue): string;
export function formatAnswer(kind: 'grid', value: readonly (readonly number[])[]): string;
export function formatAnswer(kind: 'choice', value: number): string;
export function formatAnswer(kind: 'yesno', value: boolean): string;
export function formatAnswer(kind: AnswerKind, value: unknown): string;
export function formatAnswer(kind: AnswerKind, value: unknown): string {
  switch (kind) {
    case 'number':
      return formatNumber(value as number);
    case 'shape': {
      const shape = value as ShapeValue;
      const dims = 'dims' in shape ? shape.dims : (shape as readonly number[]);
      expectDims(dims);
      return 'dims' in shape && shape.batch ? `(None, ${dims.join(', ')})` : dims.join('x');
    }
    case 'grid': {
      const rows = value as readonly (readonly number[])[];
      if (
        rows.length === 0 ||
        rows[0].length === 0 ||
        rows.some((r) => r.length !== rows[0].length)
      ) {
        throw new RangeError('Expected a grid with at least one number and rows of equal length.');
      }
      return rows.map((row) => row.map(formatNumber).join(' ')).join('; ');
    }
    case 'choice': {
      const index = value as number;
      if (!Number.isInteger(index) || index < 0 || index >= MAX_OPTIONS) {
        throw new RangeError(
          `Expected a choice index from 0 to ${MAX_OPTIONS - 1}, got ${String(index)}.`,
        );
      }
      return letter(index);
    }
    case 'yesno':
      return value ? 'yes' : 'no';
    default:
      throw new TypeError(
        `Expected \`kind\` to be one of ${ANSWER_KINDS.join(', ')}, got ${String(kind)}.`,
      );
  }
}

/** The canonical text of a parsed answer, e.g. to echo it back or keep it in progress. */
export function formatParsedAnswer(answer: Answer): string {
  switch (answer.kind) {
    case 'number':
      return formatNumber(answer.value);
    case 'shape':
      return formatAnswer('shape', answer);
    case 'grid':
      return formatAnswer('grid', answer.rows);
    case 'choice':
      return formatAnswer('choice', answer.index);
    case 'yesno':
      return formatAnswer('yesno', answer.value);
  }
}

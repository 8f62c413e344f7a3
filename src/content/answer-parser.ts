/**
 * What a learner types, turned into a value the grader can compare, or into a message that
 * says which format is expected. A format problem is never a wrong answer: the learner gets
 * told how to type it and tries again, and no attempt is counted.
 *
 * `parseAnswer` never throws for any text. It throws only for a bad `context`, which is a
 * programming error (a choice exercise without its number of options).
 *
 * Accepted forms, per kind:
 *
 * - number: `4`, `-1`, `+2`, `0.55`, `.55`, `5.`, `-.5`, `5/9`, `-5 / 9`, `1e-3`, and `0,55`
 *   (decimal comma: only with exactly one comma and no dot); simple arithmetic too, such as
 *   `32*32*3`, `26 × 26 × 10` or `(5-3)/2+1` (arithmetic.ts parses it; it is never run as
 *   code). `1,280` is refused as ambiguous (one thousand two hundred eighty, or 1.28?) and the
 *   learner is asked to retype it.
 *   The Unicode minus `−` counts as `-`.
 * - shape: `3x3`, `3 X 3`, `26×26×10`, `(26, 26, 10)`, `[26,26,10]`, `26 26 10`, `(10,)`;
 *   a leading `None`, `null`, `?` or `_` is a batch marker: dropped, and `batch` is true.
 *   Every size is a whole number ≥ 1.
 * - grid: rows split by `;` or new lines, numbers by spaces and/or commas: `1 2; 3 4`,
 *   `1,2,3`, `[[1, 2], [3, 4]]`, `[1 2; 3 4]`. Each cell follows the number rules except
 *   that commas separate numbers, so decimals take a dot (`0.5`, not `0,5`); a row that mixes
 *   spaces with digit-comma-digit (`0,5 0,25`) is refused with a note about decimal commas.
 *   Blank rows are ignored. One row is fine (a vector). With `context.rows`/`cols`, another
 *   size is a format error that states the expected size.
 * - choice: `a`, `B`, `c)`, `(c)`, `c.`, or `1`..`n`; or an option's own text in any case
 *   (`xor`, `Sharpen`) when the caller passes the options' texts as `labels`.
 * - yesno: yes/no/y/n/true/false and Portuguese sim/não/nao/s, any case.
 */
import type { Message } from '../i18n/index.js';
import { evaluateArithmetic } from './arithmetic.js';

export type AnswerKind = 'number' | 'shape' | 'grid' | 'choice' | 'yesno';

export const ANSWER_KINDS: readonly AnswerKind[] = ['number', 'shape', 'grid', 'choice', 'yesno'];

export interface NumberAnswer {
  readonly kind: 'number';
  readonly value: number;
  /** What was typed, trimmed, e.g. `5/9`, for feedback such as "you typed 5/9 ≈ 0.5556". */
  readonly text: string;
}
export interface ShapeAnswer {
  readonly kind: 'shape';
  readonly dims: number[];
  /** True when the shape started with a batch marker (`None`, `?`, `_`, `null`). */
  readonly batch: boolean;
}
export interface GridAnswer {
  readonly kind: 'grid';
  readonly rows: number[][];
}
export interface ChoiceAnswer {
  readonly kind: 'choice';
  /** 0-based: `a` and `1` are index 0. */
  readonly index: number;
}
export interface YesNoAnswer {
  readonly kind: 'yesno';
  readonly value: boolean;
}
export type Answer = NumberAnswer | ShapeAnswer | GridAnswer | ChoiceAnswer | YesNoAnswer;

/** An i18n message key (in `src/i18n/messages/en.json`) that says what format is expected. */
export type AnswerError = Message;

export type ParseResult<T extends Answer = Answer> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AnswerError };

export interface AnswerContext {
  /** grid: the number of rows the answer must have. */
  readonly rows?: number;
  /** grid: the number of numbers in every row. */
  readonly cols?: number;
  /** choice: how many options there are (1 to 26); required for `choice`. */
  readonly options?: number;
  /** choice: the options' texts, so `xor` or `Sharpen` picks its option as well as its letter. */
  readonly labels?: readonly string[];
}

export interface GridContext {
  readonly rows?: number;
  readonly cols?: number;
}
export interface ChoiceContext {
  readonly options: number;
  readonly labels?: readonly string[];
}

export function parseAnswer(kind: 'number', text: string): ParseResult<NumberAnswer>;
export function parseAnswer(kind: 'shape', text: string): ParseResult<ShapeAnswer>;
export function parseAnswer(
  kind: 'grid',
  text: string,
  context?: GridContext,
): ParseResult<GridAnswer>;
export function parseAnswer(
  kind: 'choice',
  text: string,
  context: ChoiceContext,
): ParseResult<ChoiceAnswer>;
export function parseAnswer(kind: 'yesno', text: string): ParseResult<YesNoAnswer>;
export function parseAnswer(kind: AnswerKind, text: string, context?: AnswerContext): ParseResult;
export function parseAnswer(
  kind: AnswerKind,
  text: string,
  context: AnswerContext = {},
): ParseResult {
  switch (kind) {
    case 'number':
      return parseNumberAnswer(text);
    case 'shape':
      return parseShape(text);
    case 'grid':
      return parseGrid(text, context);
    case 'choice':
      return parseChoice(text, context.options, context.labels);
    case 'yesno':
      return parseYesNo(text);
    default:
      throw new TypeError(
        `Expected \`kind\` to be one of ${ANSWER_KINDS.join(', ')}, got ${String(kind)}.`,
      );
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers

type NumberResult =
  { ok: true; value: number } | { ok: false; problem: 'format' | 'zeroDivision' | 'notFinite' };

const UNSIGNED = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const PLAIN_NUMBER = new RegExp(`^[+-]?${UNSIGNED}$`);
const FRACTION = new RegExp(`^([+-]?)(${UNSIGNED})/(${UNSIGNED})$`);
/** `1,280`: a thousands separator to an English reader, a decimal comma to a Portuguese one. */
const AMBIGUOUS_COMMA = /^[+-]?[1-9]\d{0,2},\d{3}$/;

function fail(key: string, params?: Message['params']): { ok: false; error: AnswerError } {
  return { ok: false, error: params === undefined ? { key } : { key, params } };
}

/**
 * Unicode minus to ASCII, and every run of whitespace to one space. Collapsing first keeps
 * the later regular expressions linear on long runs of spaces.
 */
function tidy(text: string): string {
  return text
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One number token with a dot for decimals, spaces around `/` already removed. */
function parseNumberToken(token: string): NumberResult {
  let value: number;
  if (PLAIN_NUMBER.test(token)) {
    value = Number(token);
  } else {
    const fraction = FRACTION.exec(token);
    if (!fraction) return { ok: false, problem: 'format' };
    const denominator = Number(fraction[3]);
    if (denominator === 0) return { ok: false, problem: 'zeroDivision' };
    value = (fraction[1] === '-' ? -1 : 1) * (Number(fraction[2]) / denominator);
  }
  if (!Number.isFinite(value)) return { ok: false, problem: 'notFinite' };
  return { ok: true, value: value + 0 }; // `+ 0` turns -0 into 0: nobody means negative zero
}

/** A number token, or failing that simple arithmetic (`32*32*3`, `(5-3)/2+1`). */
function parseNumberOrArithmetic(token: string): NumberResult {
  const plain = parseNumberToken(token);
  if (plain.ok || plain.problem !== 'format') return plain;
  const arithmetic = evaluateArithmetic(token);
  return arithmetic.ok || arithmetic.problem !== 'format' ? arithmetic : plain;
}

function numberProblem(problem: 'format' | 'zeroDivision' | 'notFinite'): {
  ok: false;
  error: AnswerError;
} {
  if (problem === 'zeroDivision') return fail('answer.number.divideByZero');
  if (problem === 'notFinite') return fail('answer.number.tooLarge');
  return fail('answer.number.expected');
}

function parseNumberAnswer(text: string): ParseResult<NumberAnswer> {
  const typed = text.trim();
  const token = tidy(text).replace(/ ?\/ ?/g, '/');
  const commas = token.split(',').length - 1;
  let result: NumberResult;
  if (commas === 0) {
    result = parseNumberOrArithmetic(token);
  } else if (commas === 1 && !token.includes('.')) {
    if (AMBIGUOUS_COMMA.test(token)) {
      return fail('answer.number.ambiguousComma', {
        text: token,
        thousands: token.replace(',', ''),
        decimal: token.replace(',', '.'),
      });
    }
    result = parseNumberOrArithmetic(token.replace(',', '.'));
  } else {
    // 1,234,567 or 1,234.5: grouping separators, which we do not guess about.
    result = parseNumberToken(token.replaceAll(',', ''));
    if (result.ok) return fail('answer.number.grouping');
  }
  if (result.ok) return { ok: true, value: { kind: 'number', value: result.value, text: typed } };
  const words = token.split(' ');
  if (words.length > 1 && words.every((w) => parseNumberToken(w.replace(',', '.')).ok)) {
    return fail('answer.number.single');
  }
  return numberProblem(result.problem);
}

// ---------------------------------------------------------------------------------------------
// Shapes

const BATCH_MARKERS = new Set(['none', 'null', '?', '_']);
const CLOSING: Readonly<Record<string, string>> = { '(': ')', '[': ']' };

function parseShape(text: string): ParseResult<ShapeAnswer> {
  let body = tidy(text);
  const close = CLOSING[body[0]];
  if (close !== undefined && body.endsWith(close)) body = body.slice(1, -1).trim();
  if (/[()[\]]/.test(body)) return fail('answer.shape.expected');
  const tokens = body.split(/ ?[,x×X*] ?| /);
  // `(10,)` is how Python writes a one-dimensional shape.
  if (tokens.length > 1 && tokens[tokens.length - 1] === '' && body.endsWith(',')) tokens.pop();
  let batch = false;
  if (tokens.length > 0 && BATCH_MARKERS.has(tokens[0].toLowerCase())) {
    batch = true;
    tokens.shift();
  }
  if (tokens.length === 0 || tokens.some((t) => t === '')) return fail('answer.shape.expected');
  const dims: number[] = [];
  for (const token of tokens) {
    const parsed = parseNumberToken(token);
    if (!parsed.ok) return fail('answer.shape.expected');
    if (!Number.isSafeInteger(parsed.value) || parsed.value < 1) {
      return fail('answer.shape.wholeNumber', { text: token });
    }
    dims.push(parsed.value);
  }
  return { ok: true, value: { kind: 'shape', dims, batch } };
}

// ---------------------------------------------------------------------------------------------
// Grids

/** Index of the bracket closing the one at `open`, or -1. */
function matchingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return i;
  }
  return -1;
}

/** The text of each row, or undefined when brackets are used in a way we do not read. */
function splitRows(text: string): string[] | undefined {
  let body = text.trim();
  if (body.startsWith('[') && matchingBracket(body, 0) === body.length - 1)
    body = body.slice(1, -1);
  if (!/[[\]]/.test(body)) return body.split(/;|\r\n|\n|\r/);
  // [1, 2], [3, 4]: every row in brackets, only separators between them.
  const rows: string[] = [];
  const between = body.replace(/\[([^[\]]*)\]/g, (_, row: string) => {
    rows.push(row);
    return ';';
  });
  return /^[\s,;]*$/.test(between) ? rows : undefined;
}

/** The cells of one row; `undefined` for an empty cell between two separators (`1,,2`). */
function splitCells(row: string): string[] | undefined {
  const body = row.replace(/^[ ,]+|[ ,]+$/g, '');
  if (body === '') return [];
  const cells = body.split(/ ?, ?| /);
  return cells.includes('') ? undefined : cells;
}

function parseGridRows(text: string): ParseResult<GridAnswer> {
  const rowTexts = splitRows(text.replace(/\u2212/g, '-'));
  if (rowTexts === undefined) return fail('answer.grid.expected');
  const rows: number[][] = [];
  for (const rowText of rowTexts) {
    const line = rowText.replace(/\s+/g, ' ').replace(/ ?\/ ?/g, '/');
    // "0,5 0,25": decimal commas between spaces, which would read as four numbers.
    if (/\d,\d/.test(line) && /\d [-+]?\.?\d/.test(line))
      return fail('answer.grid.decimalComma', { row: rows.length + 1 });
    const cells = splitCells(line);
    if (cells === undefined) return fail('answer.grid.expected');
    if (cells.length === 0) continue;
    const row: number[] = [];
    for (const cell of cells) {
      const parsed = parseNumberToken(cell);
      if (!parsed.ok)
        return fail('answer.grid.cell', { row: rows.length + 1, col: row.length + 1, text: cell });
      row.push(parsed.value);
    }
    rows.push(row);
  }
  if (rows.length === 0) return fail('answer.grid.expected');
  const first = rows[0].length;
  const ragged = rows.findIndex((row) => row.length !== first);
  if (ragged >= 0)
    return fail('answer.grid.ragged', { row: ragged + 1, count: rows[ragged].length, first });
  return { ok: true, value: { kind: 'grid', rows } };
}

function sizeProblem(grid: number[][], context: GridContext): AnswerError | undefined {
  const typedRows = grid.length;
  const typedCols = grid[0].length;
  const { rows, cols } = context;
  if (rows !== undefined && cols !== undefined) {
    return rows === typedRows && cols === typedCols
      ? undefined
      : { key: 'answer.grid.wrongSize', params: { rows, cols, typedRows, typedCols } };
  }
  if (rows !== undefined && rows !== typedRows)
    return { key: 'answer.grid.wrongRows', params: { rows, typedRows } };
  if (cols !== undefined && cols !== typedCols)
    return { key: 'answer.grid.wrongCols', params: { cols, typedCols } };
  return undefined;
}

function parseGrid(text: string, context: GridContext): ParseResult<GridAnswer> {
  const parsed = parseGridRows(text);
  if (!parsed.ok) return parsed;
  const problem = sizeProblem(parsed.value.rows, context);
  if (problem === undefined) return parsed;
  // "0,5; 0,25" for a one-column grid: say what went wrong rather than count cells.
  const asDecimals = parseGridRows(text.replace(/(\d),(\d)/g, '$1.$2'));
  if (asDecimals.ok && sizeProblem(asDecimals.value.rows, context) === undefined) {
    return fail('answer.grid.decimalComma', { row: 1 });
  }
  return { ok: false, error: problem };
}

// ---------------------------------------------------------------------------------------------
// Choices and yes/no

export const MAX_OPTIONS = 26;

export function letter(index: number): string {
  return String.fromCharCode(97 + index);
}

/** An option's text as compared with what was typed: any case, no quotes or code marks. */
function labelKey(text: string): string {
  return tidy(text)
    .toLowerCase()
    .replace(/[`"“”'‘’]/g, '')
    .replace(/[.!]+$/, '')
    .trim();
}

function parseChoice(
  text: string,
  options: number | undefined,
  labels: readonly string[] = [],
): ParseResult<ChoiceAnswer> {
  if (options === undefined || !Number.isInteger(options) || options < 1 || options > MAX_OPTIONS) {
    throw new TypeError(
      `Expected \`context.options\` to be a whole number from 1 to ${MAX_OPTIONS}, got ${String(options)}.`,
    );
  }
  const params = {
    letters: Array.from({ length: options }, (_, i) => letter(i)).join(', '),
    last: letter(options - 1),
    count: options,
  };
  const typed = labelKey(text);
  const named = typed === '' ? [] : labels.flatMap((l, i) => (labelKey(l) === typed ? [i] : []));
  const match = /^\(?([a-z]|\d+)[).:]?$/.exec(tidy(text).toLowerCase());
  const index = !match
    ? undefined
    : /\d/.test(match[1])
      ? Number(match[1]) - 1
      : match[1].charCodeAt(0) - 97;
  const inRange = index !== undefined && index >= 0 && index < options;
  if (named.length === 1 && named[0] < options) {
    // `b` typed where option (a) reads "b": the letter and the text disagree, so ask.
    if (inRange && index !== named[0])
      return fail('answer.choice.ambiguous', {
        ...params,
        text: text.trim(),
        letter: letter(index),
        other: letter(named[0]),
      });
    return { ok: true, value: { kind: 'choice', index: named[0] } };
  }
  if (!match) return fail('answer.choice.expected', params);
  if (!inRange) return fail('answer.choice.outOfRange', { ...params, text: match[1] });
  return { ok: true, value: { kind: 'choice', index } };
}

const YES = new Set(['yes', 'y', 'true', 'sim', 's']);
const NO = new Set(['no', 'n', 'false', 'não', 'nao']);

/** Drop trailing characters from `chars` (a loop: the regex /[.!]+$/ is quadratic on long runs). */
function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

function parseYesNo(text: string): ParseResult<YesNoAnswer> {
  const word = trimEndOf(tidy(text).normalize('NFC').toLowerCase(), '.!');
  if (YES.has(word)) return { ok: true, value: { kind: 'yesno', value: true } };
  if (NO.has(word)) return { ok: true, value: { kind: 'yesno', value: false } };
  return fail('answer.yesno.expected');
}

// ---------------------------------------------------------------------------------------------
// Canonical text

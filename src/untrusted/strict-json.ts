/**
 * A JSON reader for untrusted input (files students hand in, calc requests), where
 * `JSON.parse` is too trusting:
 *
 * - two equal keys in one object: `JSON.parse` silently keeps the last; here every
 *   object remembers the keys it saw twice, so the grader can refuse to guess;
 * - `__proto__`, `constructor`: objects are `Map`s, so no key ever reaches a prototype;
 * - deep nesting: `[[[[…` 100,000 levels deep makes `JSON.parse` throw RangeError (or worse,
 *   a recursive walk of its result); here nesting stops at `maxDepth` with a message;
 * - `1e400`: a legal JSON number that is Infinity in a double; it is read as Infinity and the
 *   caller decides (an answer says "too large", a field says "expected 1").
 *
 * The grammar is RFC 8259's, nothing more: no comments, no trailing commas, no NaN. Never
 * throws for any input text; the result says what is wrong and where (line and column).
 */
import type { Message } from '../i18n/index.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** A JSON object: its entries in file order (the first value of a repeated key wins). */
export class JsonObject {
  readonly entries = new Map<string, JsonValue>();
  /** Keys that appeared more than once, each listed once, in order of first repetition. */
  readonly duplicates: string[] = [];
}

export type StrictJsonResult =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly error: Message };

export interface StrictJsonOptions {
  /** Deepest nesting of arrays and objects accepted (the top level is depth 1). @default 64 */
  readonly maxDepth?: number;
  /**
   * The catalog keys of the two errors, for a caller with its own words. Params: `line`,
   * `column` and `detail` (English) for `syntax`; `limit` for `tooDeep`.
   * @default { syntax: 'grade.json.syntax', tooDeep: 'grade.json.tooDeep' }, a submission's
   */
  readonly messages?: { readonly syntax: string; readonly tooDeep: string };
}

class JsonSyntaxError extends Error {
  constructor(
    readonly position: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

class TooDeepError extends Error {}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * The end of the JSON number at `start` (RFC 8259: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?),
 * or `start` when there is none. Scanned by hand: a request may hold millions of numbers, and
 * this is several times faster than a sticky regular expression.
 */
function numberEnd(text: string, start: number): number {
  let j = start;
  if (text.charCodeAt(j) === 0x2d) j++;
  const c = text.charCodeAt(j);
  if (c === 0x30) j++;
  else if (c >= 0x31 && c <= 0x39) while (isDigit(text.charCodeAt(++j)));
  else return start;
  if (text.charCodeAt(j) === 0x2e && isDigit(text.charCodeAt(j + 1)))
    while (isDigit(text.charCodeAt(++j)));
  const e = text.charCodeAt(j);
  if (e === 0x65 || e === 0x45) {
    let k = j + 1;
    const sign = text.charCodeAt(k);
    if (sign === 0x2b || sign === 0x2d) k++;
    if (isDigit(text.charCodeAt(k))) {
      while (isDigit(text.charCodeAt(++k)));
      j = k;
    }
  }
  return j;
}
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * The number in `text` from `start` to `end`: a whole number of up to 15 digits is added up
 * digit by digit (exact, and much faster than `Number(text.slice(…))`), anything else is
 * left to `Number`.
 */
function numberValue(text: string, start: number, end: number): number {
  const negative = text.charCodeAt(start) === 0x2d;
  const first = negative ? start + 1 : start;
  if (end - first <= 15) {
    let value = 0;
    let k = first;
    for (; k < end; k++) {
      const c = text.charCodeAt(k);
      if (!isDigit(c)) break;
      value = value * 10 + (c - 0x30);
    }
    if (k === end) return negative ? -value : value;
  }
  return Number(text.slice(start, end));
}

export function parseStrictJson(text: string, options: StrictJsonOptions = {}): StrictJsonResult {
  const maxDepth = options.maxDepth ?? 64;
  const messages = options.messages ?? {
    syntax: 'grade.json.syntax',
    tooDeep: 'grade.json.tooDeep',
  };
  let i = 0;

  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };

  const describe = (at: number): string => {
    if (at >= text.length) return 'the end of the file';
    const c = text[at];
    return /[\u0000-\u001f\u007f]/.test(c)
      ? `character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
      : `\`${c}\``;
  };

  const fail = (detail: string, at = i): never => {
    throw new JsonSyntaxError(at, detail);
  };

  const readString = (): string => {
    i++; // the opening quote
    let out = '';
    for (;;) {
      PLAIN_RUN.lastIndex = i;
      PLAIN_RUN.exec(text);
      out += text.slice(i, PLAIN_RUN.lastIndex);
      i = PLAIN_RUN.lastIndex;
      if (i >= text.length) fail('a text value is not closed with `"`');
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c !== '\\')
        fail(`${describe(i)} inside a text value (write it as an escape such as \\n)`);
      const e = text[i + 1];
      if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex))
          fail('`\\u` must be followed by four hexadecimal digits');
        out += String.fromCharCode(Number.parseInt(hex, 16));
        i += 6;
      } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
        out += ESCAPES[e];
        i += 2;
      } else {
        fail(`unknown escape \`\\${e ?? ''}\` in a text value`);
      }
    }
  };

  const readValue = (depth: number): JsonValue => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= maxDepth) throw new TooDeepError();
      return c === '{' ? readObject(depth + 1) : readArray(depth + 1);
    }
    if (c === '"') return readString();
    if (c === 't' && text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (c === 'f' && text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (c === 'n' && text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const end = numberEnd(text, i);
    if (end > i) {
      const value = numberValue(text, i, end);
      i = end;
      return value;
    }
    if (
      text.startsWith('NaN', i) ||
      text.startsWith('Infinity', i) ||
      text.startsWith('-Infinity', i)
    ) {
      return fail('NaN and Infinity are not JSON numbers');
    }
    return fail(`expected a value, found ${describe(i)}`);
  };

  const readArray = (depth: number): JsonValue[] => {
    i++;
    const items: JsonValue[] = [];
    skipSpace();
    if (text[i] === ']') {
      i++;
      return items;
    }
    for (;;) {
      items.push(readValue(depth));
      skipSpace();
      if (text[i] === ',') i++;
      else if (text[i] === ']') {
        i++;
        return items;
      } else fail(`expected \`,\` or \`]\` in a list, found ${describe(i)}`);
    }
  };

  const readObject = (depth: number): JsonObject => {
    i++;
    const object = new JsonObject();
    skipSpace();
    if (text[i] === '}') {
      i++;
      return object;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail(`expected a key in double quotes, found ${describe(i)}`);
      const key = readString();
      skipSpace();
      if (text[i] !== ':') fail(`expected \`:\` after the key, found ${describe(i)}`);
      i++;
      const value = readValue(depth);
      if (object.entries.has(key)) {
        if (!object.duplicates.includes(key)) object.duplicates.push(key);
      } else {
        object.entries.set(key, value);
      }
      skipSpace();
      if (text[i] === ',') i++;
      else if (text[i] === '}') {
        i++;
        return object;
      } else fail(`expected \`,\` or \`}\` in an object, found ${describe(i)}`);
    }
  };

  try {
    const value = readValue(0);
    skipSpace();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the data`);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof TooDeepError)
      return { ok: false, error: { key: messages.tooDeep, params: { limit: maxDepth } } };
    if (error instanceof JsonSyntaxError) {
      const { line, column } = position(text, error.position);
      return {
        ok: false,
        error: { key: messages.syntax, params: { line, column, detail: error.detail } },
      };
    }
    throw error;
  }
}

/** 1-based line and column of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    start = k + 1;
  }
  return { line, column: offset - start + 1 };
}

/** A plain JavaScript value (for tests and for writing back): objects become null-prototype records. */
export function toPlain(value: JsonValue): unknown {
  if (value instanceof JsonObject) {
    const out = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of value.entries) out[k] = toPlain(v);
    return out;
  }
  return Array.isArray(value) ? value.map(toPlain) : value;
}

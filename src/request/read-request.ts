/**
 * A calc request's text → plain JSON values, read by the strict parser: nesting deeper than
 * MAX_REQUEST_DEPTH is refused before anything walks it (a list nested 4,000 levels deep
 * would overflow the stack of every recursive step after parsing), a key given twice is
 * refused rather than guessed at (`JSON.parse` keeps the last), and `__proto__` is a plain
 * field name like any other.
 */
import type { Message } from '../i18n/index.js';
import { safeText } from '../untrusted/safe-text.js';
import { type JsonValue, JsonObject, parseStrictJson } from '../untrusted/strict-json.js';

/**
 * The deepest nesting a request may have: an array of pipeline requests with 3-channel
 * filters needs 8 (array, request, stages, stage, kernels, filter, channel, row).
 */
export const MAX_REQUEST_DEPTH = 32;

export type RequestJson =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: Message };

export function readRequestJson(text: string): RequestJson {
  const parsed = parseStrictJson(text, {
    maxDepth: MAX_REQUEST_DEPTH,
    messages: { syntax: 'cli.calc.not-json', tooDeep: 'cli.calc.too-deep' },
  });
  if (!parsed.ok) {
    const params = parsed.error.params;
    // The parser quotes the character it found: it may be any character of the input.
    const detail = params?.detail;
    return {
      ok: false,
      error: {
        key: parsed.error.key,
        params: typeof detail === 'string' ? { ...params, detail: safeText(detail, 120) } : params,
      },
    };
  }
  const repeated: string[] = [];
  const value = plain(parsed.value, '', repeated);
  if (repeated.length > 0)
    return {
      ok: false,
      error: { key: 'cli.calc.repeated-field', params: { field: safeText(repeated[0], 80) } },
    };
  return { ok: true, value };
}

/**
 * Objects become ordinary objects whose every key is an own property (so `__proto__` sets
 * nothing); repeated keys are listed by path. Recursion is bounded by MAX_REQUEST_DEPTH.
 */
function plain(value: JsonValue, path: string, repeated: string[]): unknown {
  if (Array.isArray(value)) {
    // In place: the parser's arrays are ours, and a row of numbers needs no copy.
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item !== null && typeof item === 'object')
        value[i] = plain(item, `${path}[${i}]`, repeated) as JsonValue;
    }
    return value;
  }
  if (!(value instanceof JsonObject)) return value;
  const at = (key: string) => (path ? `${path}.${key}` : key);
  for (const key of value.duplicates) repeated.push(at(key));
  const out: Record<string, unknown> = {};
  for (const [key, item] of value.entries)
    Object.defineProperty(out, key, {
      value: plain(item, at(key), repeated),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

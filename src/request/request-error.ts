/**
 * Why a calc request is refused, as a message code and its parameters, worded by the message
 * catalog (`calc.error.<code>`): `message` is the English, `text(t)` the learner's language.
 */
import { type MessageParams, createTranslator } from '../i18n/index.js';

/** Words with a catalog entry of their own, e.g. `{ key: 'calc.type.number' }`. */
export interface RequestWords {
  readonly key: string;
  readonly params?: RequestParams;
}
/** A parameter: a number, literal text (a field name, a JSON value), or words to translate. */
export type RequestParam = string | number | RequestWords;
export type RequestParams = Readonly<Record<string, RequestParam>>;

export const REQUEST_ERROR_CODES = [
  'not-an-object',
  'unknown-op',
  'unknown-fields',
  'unknown-fields-in',
  'missing',
  'missing-and-unknown',
  'invalid',
] as const;
export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

type Translate = (key: string, params?: MessageParams) => string;

let english: Translate | undefined;

export class RequestError extends Error {
  constructor(
    readonly code: RequestErrorCode,
    readonly params: RequestParams,
  ) {
    super();
    this.name = 'RequestError';
    english ??= createTranslator('en');
    this.message = this.text(english);
  }

  /** The message in the language of `t`. */
  text(t: Translate): string {
    return wordsText({ key: `calc.error.${this.code}`, params: this.params }, t);
  }
}

function wordsText(words: RequestWords, t: Translate): string {
  const params = Object.fromEntries(
    Object.entries(words.params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'object' ? wordsText(value, t) : value,
    ]),
  );
  return t(words.key, params);
}

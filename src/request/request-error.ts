/**
 * Why a calc request is refused, as a message code and its parameters, worded by the message
 * catalog (`calc.error.<code>`): `message` is the English, `text(t)` the learner's language.
 */
import { type Words, type WordsParams, englishText, wordsText } from '../i18n/index.js';

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

type Translate = Parameters<typeof wordsText>[1];

export class RequestError extends Error {
  constructor(
    readonly code: RequestErrorCode,
    readonly params: WordsParams,
  ) {
    super();
    this.name = 'RequestError';
    this.message = englishText(this.words());
  }

  /** The message in the language of `t`. */
  text(t: Translate): string {
    return wordsText(this.words(), t);
  }

  private words(): Words {
    return { key: `calc.error.${this.code}`, params: this.params };
  }
}

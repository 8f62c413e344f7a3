/**
 * An error as the learner reads it: a refused calc request (`calc.error.<code>`) or an engine
 * error with a code (`engine.error.<code>`) is worded by the message catalog in the
 * translator's language; any other error by its own message. The engine knows no catalog, so
 * this is where its codes become text, stripped of control characters.
 */
import { EngineError, type EngineParam, Phrase } from '../engine/index.js';
import type { MessageParams } from '../i18n/index.js';
import { safeText } from '../untrusted/safe-text.js';
import { RequestError } from './request-error.js';

export type ErrorTranslate = (key: string, params?: MessageParams) => string;

export function errorText(error: unknown, t: ErrorTranslate): string {
  // Field names and values in a message come from the request: a terminal escape in one
  // must reach the terminal as `?`, never as an escape.
  return safeText(rawErrorText(error, t), MAX_ERROR_LENGTH);
}

/** Longer than any message the catalog words; an unknown field's name is cut before this. */
const MAX_ERROR_LENGTH = 2000;

function rawErrorText(error: unknown, t: ErrorTranslate): string {
  if (error instanceof RequestError) return error.text(t);
  if (error instanceof EngineError && error.code !== undefined) {
    const params = Object.fromEntries(
      Object.entries(error.params).map(([name, value]) => [name, paramText(value, t)]),
    );
    return t(`engine.error.${error.code}`, params);
  }
  return error instanceof Error ? error.message : String(error);
}

function paramText(value: EngineParam, t: ErrorTranslate): string | number {
  if (value instanceof Phrase) return t(`engine.value.${value.code}`, value.params);
  if (value instanceof EngineError) return rawErrorText(value, t);
  return value;
}

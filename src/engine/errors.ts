/**
 * Errors the engine throws. Every message names the argument, says what was
 * expected and what came, so a learner (or a teacher writing a request) can act on it.
 *
 * An error a request or a content file can cause also carries a `code` and its `params`
 * (worded by error-messages.ts): the interface words it from the message catalog, in the learner's
 * language, while `message` stays the engine's own English.
 */
import {
  type EngineErrorCode,
  type EngineErrorParams,
  Phrase,
  type PhraseCode,
  type PhraseParams,
  engineErrorMessage,
} from './error-messages.js';

export {
  ENGINE_ERROR_CODES,
  type EngineErrorCode,
  type EngineErrorParams,
  PHRASE_CODES,
  Phrase,
  type PhraseCode,
  type PhraseParams,
} from './error-messages.js';

export function phrase<C extends PhraseCode>(code: C, params: PhraseParams<C>): Phrase {
  return new Phrase(code, params);
}

/** A parameter of a coded error: a number, literal text, a phrase, or the error it wraps. */
export type EngineParam = string | number | Phrase | EngineError;
export type EngineParams = Readonly<Record<string, EngineParam>>;

export class EngineError extends Error {
  /** The argument the problem is in, e.g. `kernels[1]` or `stride`. */
  readonly argument: string;
  /** What went wrong, for the message catalog (`engine.error.<code>`); unset for errors no input can cause. */
  readonly code: EngineErrorCode | undefined;
  readonly params: EngineParams;
  constructor(
    argument: string,
    message: string,
    code?: EngineErrorCode,
    params: EngineParams = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.argument = argument;
    this.code = code;
    this.params = params;
  }
}

/** A shape that does not fit: ragged grids, depth mismatch, kernel larger than the input. */
export class ShapeError extends EngineError {}

/** A value that is not allowed: NaN, Infinity, a stride of 0, an unknown padding mode. */
export class ValueError extends EngineError {}

/** A ShapeError with a code, worded by error-messages.ts. */
export function shapeError<C extends EngineErrorCode>(
  argument: string,
  code: C,
  params: EngineErrorParams<C>,
): ShapeError {
  return new ShapeError(argument, engineErrorMessage(code, params), code, params as EngineParams);
}

/** A ValueError with a code, worded by error-messages.ts. */
export function valueError<C extends EngineErrorCode>(
  argument: string,
  code: C,
  params: EngineErrorParams<C>,
): ValueError {
  return new ValueError(argument, engineErrorMessage(code, params), code, params as EngineParams);
}

/**
 * Any value as error messages show it: numbers and strings as literals (a string quoted and
 * cut at 30 characters), anything else as a phrase (`nothing`, `an array of length 3`).
 */
export function describeValue(value: unknown): string | Phrase {
  if (value === undefined) return phrase('nothing', {});
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return String(value);
  }
  if (typeof value === 'string')
    return JSON.stringify(value.length > 30 ? value.slice(0, 30) + '…' : value);
  if (Array.isArray(value)) return phrase('array', { length: value.length });
  if (typeof value === 'object') return phrase('object', {});
  return phrase('type', { type: typeof value });
}

/** Short, readable description of any value for error messages. */
export function describe(value: unknown): string {
  return String(describeValue(value));
}

export function expectPositiveInt(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw valueError(argument, 'not-positive-int', { argument, got: describeValue(value) });
  }
  return value;
}

export function expectNonNegativeInt(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw valueError(argument, 'not-non-negative-int', { argument, got: describeValue(value) });
  }
  return value;
}

export function expectFinite(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw valueError(argument, 'not-finite', { argument, got: describeValue(value) });
  }
  return value;
}

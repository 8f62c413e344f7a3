/**
 * Errors the engine throws. Every message names the argument, says what was
 * expected and what came, so a learner (or a teacher writing a request) can act on it.
 */
export class EngineError extends Error {
  /** The argument the problem is in, e.g. `kernels[1]` or `stride`. */
  readonly argument: string;
  constructor(argument: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.argument = argument;
  }
}

/** A shape that does not fit: ragged grids, depth mismatch, kernel larger than the input. */
export class ShapeError extends EngineError {}

/** A value that is not allowed: NaN, Infinity, a stride of 0, an unknown padding mode. */
export class ValueError extends EngineError {}

/** Short, readable description of any value for error messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return String(value);
  }
  if (typeof value === 'string')
    return JSON.stringify(value.length > 30 ? value.slice(0, 30) + '…' : value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

export function expectPositiveInt(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ValueError(
      argument,
      `Expected \`${argument}\` to be a whole number ≥ 1, got ${describe(value)}.`,
    );
  }
  return value;
}

export function expectNonNegativeInt(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ValueError(
      argument,
      `Expected \`${argument}\` to be a whole number ≥ 0, got ${describe(value)}.`,
    );
  }
  return value;
}

export function expectFinite(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(
      argument,
      `Expected \`${argument}\` to be a finite number, got ${describe(value)}.`,
    );
  }
  return value;
}

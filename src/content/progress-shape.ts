/**
 * Readers that check data from a progress file field by field and return a clean copy (unknown
 * fields dropped), or throw a `ShapeError` naming the first wrong field. Written by hand rather
 * than with zod: progress is read before the first screen is drawn, and loading zod costs more
 * start-up time than the whole of Home. The content schemas, read later, do use zod.
 */

/** The first wrong field: `path` from the top (`['lessons', 'padding', 'step']`) and what it should be. */
export class ShapeError extends Error {
  constructor(
    readonly path: readonly string[],
    readonly expected: string,
  ) {
    super(`${path.length > 0 ? `${path.join('.')}: ` : ''}expected ${expected}`);
    this.name = 'ShapeError';
  }
}

/** Checks `value` found at `path`; returns it (or a clean copy), or throws a `ShapeError`. */
export type Read<T> = (value: unknown, path: readonly string[]) => T;

function check<T>(ok: (value: unknown) => value is T, expected: string): Read<T> {
  return (value, path) => {
    if (!ok(value)) throw new ShapeError(path, expected);
    return value;
  };
}

export const wholeNumber: Read<number> = check(
  (v): v is number => Number.isSafeInteger(v),
  'a whole number',
);

export const countFromZero: Read<number> = check(
  (v): v is number => Number.isSafeInteger(v) && (v as number) >= 0,
  'a whole number ≥ 0',
);

export const text: Read<string> = check((v): v is string => typeof v === 'string', 'text');

export const yesNo: Read<boolean> = check(
  (v): v is boolean => typeof v === 'boolean',
  'true or false',
);

/** ISO 8601 with a zone, as `Date.toISOString` writes: 2025-01-31T09:45:00.000Z. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export const timestamp: Read<string> = check(
  (v): v is string =>
    typeof v === 'string' && ISO_DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)),
  'a date and time such as 2025-01-31T09:45:00.000Z',
);

export function exactly<const T extends string | number>(wanted: T): Read<T> {
  return check((v): v is T => v === wanted, JSON.stringify(wanted));
}

export function oneOf<const T extends string>(options: readonly T[]): Read<T> {
  return check(
    (v): v is T => typeof v === 'string' && (options as readonly string[]).includes(v),
    `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`,
  );
}

export function list<T>(item: Read<T>): Read<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new ShapeError(path, 'a list');
    return value.map((v, k) => item(v, [...path, String(k)]));
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Ids to values. Keys are defined, not assigned, so no id can reach a prototype. */
export function record<T>(item: Read<T>): Read<Record<string, T>> {
  return (value, path) => {
    if (!isPlainObject(value)) throw new ShapeError(path, 'an object of ids');
    const out: Record<string, T> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, {
        value: item(value[key], [...path, key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  };
}

/** Marks a field that may be missing (or undefined): it is then left out of the copy. */
export interface Optional<T> {
  readonly optional: Read<T>;
}

export function optional<T>(read: Read<T>): Optional<T> {
  return { optional: read };
}

type Fields = Record<string, Read<unknown> | Optional<unknown>>;

type ObjectOf<F extends Fields> = {
  -readonly [K in keyof F as F[K] extends Read<unknown> ? K : never]: F[K] extends Read<infer T>
    ? T
    : never;
} & {
  -readonly [K in keyof F as F[K] extends Optional<unknown> ? K : never]?: F[K] extends Optional<
    infer T
  >
    ? T
    : never;
};

/** An object with these fields; others are dropped. */
export function object<F extends Fields>(fields: F): Read<ObjectOf<F>> {
  return (value, path) => {
    if (!isPlainObject(value)) throw new ShapeError(path, 'an object');
    const out: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(fields)) {
      const given = Object.hasOwn(value, name) ? value[name] : undefined;
      if ('optional' in field) {
        if (given !== undefined) out[name] = field.optional(given, [...path, name]);
      } else out[name] = field(given, [...path, name]);
    }
    return out as ObjectOf<F>;
  };
}

/** The type a reader returns. */
export type Shape<R> = R extends Read<infer T> ? T : never;

/**
 * zod's issues with a calc request → one RequestError. zod's own English is never shown: each
 * issue code becomes catalog words (`calc.problem.*`, `calc.type.*`) with its numbers and names.
 * A missing field says so, and a misspelt one beside it is named too: `kernels` is missing,
 * and `kernel` is not a conv2d field.
 */
import type { z } from 'zod';
import { formatCount } from '../engine/index.js';
import { safeText } from '../untrusted/safe-text.js';
import { RequestError, type RequestWords } from './request-error.js';

type Issue = z.core.$ZodIssue;

/** "nothing", for a value that is not there. */
export const NOTHING: RequestWords = { key: 'engine.value.nothing' };

/** zod's type names that have words in the catalog; any other name is shown as it is. */
const TYPE_WORDS: Readonly<Record<string, RequestWords>> = {
  number: { key: 'calc.type.number' },
  int: { key: 'calc.type.int' },
  string: { key: 'calc.type.string' },
  boolean: { key: 'calc.type.boolean' },
  array: { key: 'calc.type.array' },
  tuple: { key: 'calc.type.tuple' },
  object: { key: 'calc.type.object' },
  null: { key: 'calc.type.null' },
};

function typeWords(name: string): RequestWords | string {
  return Object.hasOwn(TYPE_WORDS, name) ? TYPE_WORDS[name] : name;
}

/** A JSON value's type as zod names it: `number`, `array`, `null`, `Infinity`, … */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value))
    return Number.isNaN(value) ? 'NaN' : String(value);
  return typeof value;
}

export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
    '',
  );
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[key];
  return v;
}

/** A value as the message shows it after "got": JSON, cut at 40 characters, or "nothing". */
export function gotText(value: unknown): RequestWords | string {
  if (value === undefined) return NOTHING;
  return JSON.stringify(value)?.slice(0, 40) ?? String(value);
}

/** zod writes a literal as JSON-ish text: strings in double quotes, anything else as it is. */
function literal(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** What is wrong with `value` (the value at the issue's path), without the field's name. */
function problem(issue: Issue, value: unknown): RequestWords {
  switch (issue.code) {
    case 'invalid_type':
      return {
        key: 'calc.problem.type',
        params: { expected: typeWords(issue.expected), received: typeWords(typeName(value)) },
      };
    case 'invalid_value':
      return issue.values.length === 1
        ? { key: 'calc.problem.value', params: { value: literal(issue.values[0]) } }
        : { key: 'calc.problem.one-of', params: { values: issue.values.map(literal).join('|') } };
    case 'too_small':
    case 'too_big': {
      if (!issue.inclusive || issue.exact) break;
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'number')
        return small
          ? { key: 'calc.problem.number-too-small', params: { minimum: bound } }
          : { key: 'calc.problem.number-too-big', params: { maximum: bound } };
      if (issue.origin === 'array')
        return small
          ? { key: 'calc.problem.too-few-items', params: { minimum: bound } }
          : { key: 'calc.problem.too-many-items', params: { maximum: bound } };
      break;
    }
    case 'invalid_union': {
      // A field that takes several forms (a number or a pair, "valid" or "same" or a number…):
      // what each form would have needed, once each.
      const forms = new Map<string, RequestWords>();
      for (const branch of issue.errors) {
        if (branch.length === 0) continue;
        const form = problem(branch[0], valueAt(value, branch[0].path));
        forms.set(JSON.stringify(form), form);
      }
      return [...forms.values()].reduceRight((second, first) => ({
        key: 'calc.problem.either',
        params: { first, second },
      }));
    }
    case 'custom':
      if (issue.params?.problem === 'stage-op')
        return { key: 'calc.problem.stage-op', params: { ops: String(issue.params.ops) } };
      if (issue.params?.problem === 'whole-range')
        return {
          key: 'calc.problem.whole-range',
          params: { min: Number(issue.params.min), max: formatCount(Number(issue.params.max)) },
        };
      break;
  }
  return { key: 'calc.problem.invalid' };
}

function unknownFields(issue: Extract<Issue, { code: 'unrecognized_keys' }>): {
  count: number;
  fields: string;
} {
  // A field name is the request's own text: cut, and stripped of control characters.
  const names = issue.keys.map((k) => `\`${safeText(k, 40)}\``);
  return { count: issue.keys.length, fields: names.join(', ') };
}

function issueError(issue: Issue, value: unknown): RequestError {
  if (issue.code === 'unrecognized_keys') {
    return issue.path.length
      ? new RequestError('unknown-fields-in', {
          ...unknownFields(issue),
          path: fieldName(issue.path),
        })
      : new RequestError('unknown-fields', unknownFields(issue));
  }
  const got = valueAt(value, issue.path);
  return new RequestError('invalid', {
    field: fieldName(issue.path) || 'request',
    problem: problem(issue, got),
    got: gotText(got),
  });
}

/** A required field that is not there (zod says "expected nonoptional, received undefined"). */
function isMissing(issue: Issue, value: unknown): boolean {
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_union') return false;
  const parent = valueAt(value, issue.path.slice(0, -1));
  return (
    issue.path.length > 0 &&
    typeof parent === 'object' &&
    parent !== null &&
    valueAt(value, issue.path) === undefined
  );
}

const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean =>
  a.length === b.length && a.every((key, i) => key === b[i]);

/**
 * A missing field, together with the unknown fields of the same object when there are any:
 * the usual cause is a misspelling (`kernel` for `kernels`).
 */
function missingError(issues: readonly Issue[], value: unknown): RequestError | undefined {
  const first = issues[0];
  const missing = isMissing(first, value)
    ? first
    : first.code === 'unrecognized_keys'
      ? issues.find((i) => isMissing(i, value) && samePath(i.path.slice(0, -1), first.path))
      : undefined;
  if (missing === undefined) return undefined;
  const field = fieldName(missing.path);
  const parent = missing.path.slice(0, -1);
  const unknown = issues.find(
    (i): i is Extract<Issue, { code: 'unrecognized_keys' }> =>
      i.code === 'unrecognized_keys' && samePath(i.path, parent),
  );
  const op = (valueAt(value, parent) as { op?: unknown }).op;
  if (unknown === undefined || typeof op !== 'string')
    return new RequestError('missing', { field });
  return new RequestError('missing-and-unknown', { field, op, ...unknownFields(unknown) });
}

/** The one error to report for a request of `op` that its schema rejected with `issues`. */
export function requestIssueError(
  op: string,
  issues: readonly Issue[],
  value: unknown,
): RequestError {
  let list = issues;
  if (op === 'params' && issues[0].code === 'invalid_union' && issues[0].path.length === 0) {
    // A union of layers: the branch for the named layer says the most.
    const branches = issues[0].errors.filter(
      (branch) => !branch.some((i) => i.path[0] === 'layer'),
    );
    if (branches.length !== 1) {
      const layer = (value as { layer?: unknown }).layer;
      return new RequestError('invalid', {
        field: 'layer',
        problem: { key: 'calc.problem.params-layer' },
        got: gotText(layer),
      });
    }
    list = branches[0];
  }
  return missingError(list, value) ?? issueError(list[0], value);
}

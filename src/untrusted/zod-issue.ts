/**
 * zod's issues in the project's words: the one translator for everything checked with a schema
 * (content files, labs, exercise templates' `given` and `generate`, calc requests). An issue
 * becomes a missing field, unknown fields, or a value with a problem, worded by the catalog
 * (`issue.problem.*`, `issue.type.*`) or by the schema where it has words of its own
 * (`{ error: 'expected a kebab-case id …' }`). zod's own English is never shown. Each caller
 * keeps its packaging: a content problem gives a file, line and field; a calc request error
 * names its path.
 */
import { z } from 'zod';
import { formatCount } from '../engine/index.js';
import type { Words } from '../i18n/index.js';
import { safeText } from './safe-text.js';

type Issue = z.core.$ZodIssue;
export type PathKey = string | number;

/**
 * zod words an issue itself only when no schema did; this makes every such message the mark,
 * so a message that is not the mark is the schema's own words.
 */
const ZOD_WORDS = '\u0000zod';
z.config({ customError: () => ZOD_WORDS });

/** An issue read: what is wrong, and where (`path` is from the checked value's root). */
export type IssueReading =
  /** Fields the object at `path` does not have; the keys are cut and made safe to print. */
  | { readonly kind: 'unknown'; readonly path: PathKey[]; readonly keys: string[] }
  /** A required field that is not there. */
  | { readonly kind: 'missing'; readonly path: PathKey[] }
  /** A value that is there but wrong: what was expected, and the value as it came. */
  | {
      readonly kind: 'invalid';
      readonly path: PathKey[];
      readonly problem: Words | string;
      readonly got: Words | string;
    };

/** `['steps', 2, 'figure', 'input']` → `steps[2].figure.input`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
    '',
  );
}

export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** "nothing", for a value that is not there. */
export const NOTHING: Words = { key: 'engine.value.nothing' };

/** A value as a message shows it after "got": JSON, cut at 40 characters, or "nothing". */
export function gotWords(value: unknown): Words | string {
  if (value === undefined) return NOTHING;
  return JSON.stringify(value)?.slice(0, 40) ?? String(value);
}

/** `issue` about `root` (the value that was checked), read. */
export function readIssue(issue: Issue, root: unknown): IssueReading {
  const path = issue.path as PathKey[];
  if (issue.code === 'unrecognized_keys')
    return { kind: 'unknown', path, keys: issue.keys.map((key) => safeText(key, 40)) };
  if (isMissing(issue, root)) return { kind: 'missing', path };
  const value = valueAt(root, path);
  return { kind: 'invalid', path, problem: problemWords(issue, value), got: gotWords(value) };
}

/**
 * A required field that is not there: a wrong type (or no form of a union) where the object
 * has no such key. zod says "expected nonoptional, received undefined"; a schema's own words
 * for a wrong value (`expected a list of hints`) would not say it is missing either.
 */
function isMissing(issue: Issue, root: unknown): boolean {
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_union') return false;
  const parent = valueAt(root, issue.path.slice(0, -1));
  return (
    issue.path.length > 0 &&
    typeof parent === 'object' &&
    parent !== null &&
    valueAt(root, issue.path) === undefined
  );
}

/** zod's type names that have words in the catalog; any other name is shown as it is. */
const TYPE_WORDS: Readonly<Record<string, Words>> = {
  number: { key: 'issue.type.number' },
  int: { key: 'issue.type.int' },
  string: { key: 'issue.type.string' },
  boolean: { key: 'issue.type.boolean' },
  array: { key: 'issue.type.array' },
  tuple: { key: 'issue.type.tuple' },
  object: { key: 'issue.type.object' },
  null: { key: 'issue.type.null' },
};

function typeWords(name: string): Words | string {
  return Object.hasOwn(TYPE_WORDS, name) ? TYPE_WORDS[name] : name;
}

/** A value's type as zod names it: `number`, `array`, `null`, `Infinity`, … */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value))
    return Number.isNaN(value) ? 'NaN' : String(value);
  return typeof value;
}

/** zod writes a literal as JSON-ish text: strings in double quotes, anything else as it is. */
function literal(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** What is wrong with `value` (the value at the issue's path), without the field's name. */
export function problemWords(issue: Issue, value: unknown): Words | string {
  // A check that says what it needs in catalog words (a calc schema's refinements).
  if (issue.code === 'custom' && issue.params?.problem === 'stage-op')
    return { key: 'issue.problem.stage-op', params: { ops: String(issue.params.ops) } };
  if (issue.code === 'custom' && issue.params?.problem === 'whole-range')
    return {
      key: 'issue.problem.whole-range',
      params: { min: Number(issue.params.min), max: formatCount(Number(issue.params.max)) },
    };
  if (issue.message !== ZOD_WORDS) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return {
        key: 'issue.problem.type',
        params: { expected: typeWords(issue.expected), received: typeWords(typeName(value)) },
      };
    case 'invalid_value':
      return issue.values.length === 1
        ? { key: 'issue.problem.value', params: { value: literal(issue.values[0]) } }
        : { key: 'issue.problem.one-of', params: { values: issue.values.map(literal).join('|') } };
    case 'too_small':
    case 'too_big': {
      if (issue.exact) break;
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'number' && issue.inclusive)
        return small
          ? { key: 'issue.problem.number-too-small', params: { minimum: bound } }
          : { key: 'issue.problem.number-too-big', params: { maximum: bound } };
      if (issue.origin === 'number')
        return small
          ? { key: 'issue.problem.number-above', params: { minimum: bound } }
          : { key: 'issue.problem.number-below', params: { maximum: bound } };
      if (issue.origin === 'array' && issue.inclusive)
        return small
          ? { key: 'issue.problem.too-few-items', params: { minimum: bound } }
          : { key: 'issue.problem.too-many-items', params: { maximum: bound } };
      break;
    }
    case 'invalid_union': {
      // A field that takes several forms (a number or a pair, "valid" or "same" or a number…):
      // what each form would have needed, once each.
      const forms = new Map<string, Words | string>();
      for (const branch of issue.errors) {
        if (branch.length === 0) continue;
        const form = problemWords(branch[0], valueAt(value, branch[0].path));
        forms.set(JSON.stringify(form), form);
      }
      if (forms.size === 0) break;
      return [...forms.values()].reduceRight((second, first) => ({
        key: 'issue.problem.either',
        params: { first, second },
      }));
    }
  }
  return { key: 'issue.problem.invalid' };
}

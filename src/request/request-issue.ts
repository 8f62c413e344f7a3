/**
 * zod's issues with a calc request → one RequestError. The issues are read by the project's
 * one translator (untrusted/zod-issue.ts); this file picks the one to report and packages it.
 * A missing field says so, and a misspelt one beside it is named too: `kernels` is missing,
 * and `kernel` is not a conv2d field.
 */
import type { z } from 'zod';
import { fieldName, gotWords, readIssue, valueAt } from '../untrusted/zod-issue.js';
import { RequestError } from './request-error.js';

type Issue = z.core.$ZodIssue;

export { NOTHING } from '../untrusted/zod-issue.js';

function unknownFields(keys: readonly string[]): { count: number; fields: string } {
  return { count: keys.length, fields: keys.map((k) => `\`${k}\``).join(', ') };
}

function issueError(issue: Issue, value: unknown): RequestError {
  const reading = readIssue(issue, value);
  switch (reading.kind) {
    case 'unknown':
      return reading.path.length
        ? new RequestError('unknown-fields-in', {
            ...unknownFields(reading.keys),
            path: fieldName(reading.path),
          })
        : new RequestError('unknown-fields', unknownFields(reading.keys));
    case 'missing':
      return new RequestError('missing', { field: fieldName(reading.path) });
    case 'invalid':
      return new RequestError('invalid', {
        field: fieldName(reading.path) || 'request',
        problem: reading.problem,
        got: reading.got,
      });
  }
}

const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean =>
  a.length === b.length && a.every((key, i) => key === b[i]);

/**
 * A missing field, together with the unknown fields of the same object when there are any:
 * the usual cause is a misspelling (`kernel` for `kernels`).
 */
function missingError(issues: readonly Issue[], value: unknown): RequestError | undefined {
  const first = issues[0];
  const isMissing = (issue: Issue): boolean => readIssue(issue, value).kind === 'missing';
  const missing = isMissing(first)
    ? first
    : first.code === 'unrecognized_keys'
      ? issues.find((i) => isMissing(i) && samePath(i.path.slice(0, -1), first.path))
      : undefined;
  if (missing === undefined) return undefined;
  const field = fieldName(missing.path);
  const parent = missing.path.slice(0, -1);
  const unknown = issues
    .map((i) => readIssue(i, value))
    .find((r) => r.kind === 'unknown' && samePath(r.path, parent));
  const op = (valueAt(value, parent) as { op?: unknown }).op;
  if (unknown?.kind !== 'unknown' || typeof op !== 'string')
    return new RequestError('missing', { field });
  return new RequestError('missing-and-unknown', { field, op, ...unknownFields(unknown.keys) });
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
        got: gotWords(layer),
      });
    }
    list = branches[0];
  }
  return missingError(list, value) ?? issueError(list[0], value);
}

/** Turn untrusted JSON into a typed calc request, or one readable line saying what is wrong. */
import type { z } from 'zod';
import { type CalcRequest, OPS, type Op, schemas } from './schema.js';

export class RequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestError';
  }
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
    '',
  );
}

/** zod's first issue → "`stride`: expected a whole number ≥ 1, got 0". */
export function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? ` in \`${fieldName(issue.path)}\`` : '';
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}${where}`;
  }
  let got: unknown = value;
  for (const key of issue.path)
    got = got == null ? undefined : (got as Record<PropertyKey, unknown>)[key];
  const field = fieldName(issue.path) || 'request';
  const shown = got === undefined ? 'nothing' : (JSON.stringify(got)?.slice(0, 40) ?? String(got));
  return `\`${field}\`: ${issue.message.replace(/^Invalid input: /, '')} (got ${shown})`;
}

export function parseRequest(value: unknown): CalcRequest {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RequestError(
      `a request must be a JSON object with an "op" field, got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`,
    );
  }
  const op = (value as { op?: unknown }).op;
  if (typeof op !== 'string' || !(OPS as string[]).includes(op)) {
    throw new RequestError(
      `\`op\`: expected one of ${OPS.join(', ')}, got ${op === undefined ? 'nothing' : JSON.stringify(op)}`,
    );
  }
  const result = schemas[op as Op].safeParse(value);
  if (!result.success) {
    const issues = result.error.issues;
    // For params, a union: the branch for the named layer says the most.
    const issue =
      (issues[0].code === 'invalid_union' ? pickUnionIssue(op, issues[0], value) : undefined) ??
      issues[0];
    throw new RequestError(describeIssue(issue, value));
  }
  return result.data as CalcRequest;
}

function pickUnionIssue(
  op: string,
  issue: z.core.$ZodIssue,
  value: unknown,
): z.core.$ZodIssue | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  if (op !== 'params' || issue.path.length > 0) {
    // A field that takes several forms (a number or a pair, "valid" or "same" or a number…).
    const forms = [
      ...new Set(
        issue.errors
          .map((branch) => branch[0]?.message.replace(/^Invalid input: /, ''))
          .filter(Boolean),
      ),
    ];
    return { ...issue, message: forms.join(', or ') };
  }
  const layer = (value as { layer?: unknown }).layer;
  const branches = issue.errors.filter((branch) => !branch.some((i) => i.path[0] === 'layer'));
  if (branches.length === 1) return branches[0][0];
  return {
    code: 'custom',
    path: ['layer'],
    message: `expected "conv2d" or "dense"`,
    input: layer,
  } as z.core.$ZodIssue;
}

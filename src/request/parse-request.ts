/** Turn untrusted JSON into a typed calc request, or a RequestError saying what is wrong. */
import { RequestError } from './request-error.js';
import { NOTHING, requestIssueError } from './request-issue.js';
import { type CalcRequest, OPS, type Op, schemas } from './schema.js';

export { RequestError } from './request-error.js';

export function parseRequest(value: unknown): CalcRequest {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RequestError('not-an-object', {
      got: Array.isArray(value) ? { key: 'calc.value.an-array' } : String(JSON.stringify(value)),
    });
  }
  const op = (value as { op?: unknown }).op;
  if (typeof op !== 'string' || !(OPS as string[]).includes(op)) {
    throw new RequestError('unknown-op', {
      ops: OPS.join(', '),
      got: op === undefined ? NOTHING : JSON.stringify(op),
    });
  }
  const result = schemas[op as Op].safeParse(value);
  if (!result.success) throw requestIssueError(op, result.error.issues, value);
  return result.data as CalcRequest;
}

/**
 * A malformed calc request is refused with one line naming the field, worded by the message
 * catalog (`calc.error.*`), never by zod's own English.
 */
import { describe, expect, it } from 'vitest';
import { RequestError, parseRequest } from '../../src/request/parse-request.js';
import { REQUEST_ERROR_CODES } from '../../src/request/request-error.js';

function refusal(request: unknown): RequestError {
  try {
    parseRequest(request);
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(request)} to be refused`);
}

const CASES: [request: unknown, code: string, message: string][] = [
  [5, 'not-an-object', 'a request must be a JSON object with an "op" field, got 5'],
  [[], 'not-an-object', 'a request must be a JSON object with an "op" field, got an array'],
  [
    { op: 'nope' },
    'unknown-op',
    '`op`: expected one of conv2d, maxpool, avgpool, conv1d, relu, softmax, dense, outsize, params, summary, pipeline, got "nope"',
  ],
  [
    { x: 1 },
    'unknown-op',
    '`op`: expected one of conv2d, maxpool, avgpool, conv1d, relu, softmax, dense, outsize, params, summary, pipeline, got nothing',
  ],
  [{ op: 'softmax', input: [1], extra: 1 }, 'unknown-fields', 'unknown field `extra`'],
  [
    { op: 'relu', input: [[1]], extra: 1, more: 2 },
    'unknown-fields',
    'unknown fields `extra`, `more`',
  ],
  [
    { op: 'pipeline', input: [[1]], stages: [{ op: 'relu', x: 1 }] },
    'unknown-fields-in',
    'unknown field `x` in `stages[0]`',
  ],
  [{ op: 'conv2d', input: [[1]] }, 'missing', '`kernels` is missing'],
  [{ op: 'maxpool', input: [[1]] }, 'missing', '`size` is missing'],
  [{ op: 'outsize', f: 2 }, 'missing', '`n` is missing'],
  [
    { op: 'conv2d', input: [[1]], kernel: [[1]] },
    'missing-and-unknown',
    '`kernels` is missing, and `kernel` is not a conv2d field',
  ],
  [
    { op: 'conv2d', input: [[1]], kernel: [[1]], strides: 1 },
    'missing-and-unknown',
    '`kernels` is missing, and `kernel`, `strides` are not conv2d fields',
  ],
  [
    { op: 'pipeline', input: [[1]], stages: [{ op: 'maxpool', sizes: 2 }] },
    'missing-and-unknown',
    '`stages[0].size` is missing, and `sizes` is not a maxpool field',
  ],
  [
    { op: 'conv2d', input: [[1]], kernels: [[[1]]], stride: 0 },
    'invalid',
    '`stride`: expected a whole number from 1 to 1,000,000 (got 0)',
  ],
  [
    { op: 'outsize', n: 3.5, f: 2 },
    'invalid',
    '`n`: expected a whole number from 1 to 1,000,000 (got 3.5)',
  ],
  [
    { op: 'conv2d', input: [[1]], kernels: [[[1]]], padding: 'big' },
    'invalid',
    '`padding`: expected "valid", or expected "same", or expected a number, or expected a pair (got "big")',
  ],
  [
    { op: 'maxpool', input: [[1]], size: [2, 2, 2] },
    'invalid',
    '`size`: expected a number, or expected at most 2 items (got [2,2,2])',
  ],
  [
    { op: 'outsize', n: 3, f: 2, pad: [1] },
    'invalid',
    '`pad`: expected a number, or expected at least 2 items, or expected "valid", or expected "same" (got [1])',
  ],
  [{ op: 'softmax', input: [Infinity] }, 'invalid', '`input[0]`: expected a number (got null)'],
  [
    { op: 'params', layer: 'pool', kernel: 3 },
    'invalid',
    '`layer`: expected "conv2d" or "dense" (got "pool")',
  ],
  [
    { op: 'pipeline', input: [[1]], stages: [{ op: 'spin' }] },
    'invalid',
    '`stages[0].op`: expected a stage op: one of conv2d, relu, maxpool, avgpool, flatten, dense, softmax (got "spin")',
  ],
];

describe('calc request errors', () => {
  it.each(CASES)('%j → %s', (request, code, message) => {
    const error = refusal(request);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it('cover every code', () => {
    expect([...new Set(CASES.map(([, code]) => code))].sort()).toEqual(
      [...REQUEST_ERROR_CODES].sort(),
    );
  });

  it('are worded by the translator they are given', () => {
    const error = refusal({ op: 'conv2d', input: [[1]], kernel: [[1]] });
    const t = (key: string, params: Record<string, string | number> = {}) =>
      `${key}(${Object.entries(params)
        .map(([name, value]) => `${name}=${value}`)
        .join(', ')})`;
    expect(error.text(t)).toBe(
      'calc.error.missing-and-unknown(field=kernels, op=conv2d, count=1, fields=`kernel`)',
    );
    // Words inside a message come from the translator too.
    expect(refusal({ op: 'conv2d', input: [[1]], kernels: [[[1]]], scale: 'x' }).text(t)).toBe(
      'calc.error.invalid(field=scale, problem=issue.problem.type(expected=issue.type.number(), received=issue.type.string()), got="x")',
    );
  });
});

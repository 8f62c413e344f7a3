/**
 * The one translator of zod issues: every kind of issue the project's schemas meet, read and
 * worded in English as calc and the content loaders show it. zod's own English never shows.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contentIssue } from '../../src/content/issue-message.js';
import { englishText } from '../../src/i18n/index.js';
import { type IssueReading, fieldName, readIssue } from '../../src/untrusted/zod-issue.js';

const schema = z.strictObject({
  size: z.number().int().min(1).max(9),
  rate: z.number().positive().lt(1),
  mode: z.enum(['valid', 'same']),
  one: z.literal(1),
  list: z.array(z.number()).min(2).max(3),
  name: z.string(),
  either: z.union([z.number(), z.tuple([z.number(), z.number()])]),
  id: z.string().regex(/^[a-z]+$/, { error: 'expected a kebab-case id such as `lab-1`' }),
  whole: z.number().refine((v) => Number.isInteger(v) && v >= 1 && v <= 1_000_000, {
    params: { problem: 'whole-range', min: 1, max: 1_000_000 },
  }),
  nested: z.strictObject({ kernel: z.number() }),
});

const GOOD = {
  size: 3,
  rate: 0.5,
  mode: 'same',
  one: 1,
  list: [1, 2],
  name: 'n',
  either: 1,
  id: 'ok',
  whole: 4,
  nested: { kernel: 1 },
};

function reading(change: Record<string, unknown>): IssueReading {
  const value = { ...GOOD, ...change };
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected an issue');
  expect(r.error.issues).toHaveLength(1);
  return readIssue(r.error.issues[0], value);
}

/** The reading as calc words it (`field: problem (got …)`) and as content does (its message). */
function words(r: IssueReading): { field: string; calc: string; content: string } {
  const calc =
    r.kind === 'invalid'
      ? `${englishText(r.problem)} (got ${englishText(r.got)})`
      : r.kind === 'missing'
        ? 'missing'
        : `unknown ${r.keys.join(', ')}`;
  return { field: fieldName(r.path), calc, content: contentIssue(r).message };
}

const TABLE: [string, Record<string, unknown>, { field: string; calc: string; content: string }][] =
  [
    ['missing', { size: undefined }, { field: 'size', calc: 'missing', content: 'missing `size`' }],
    [
      'missing inside a field',
      { nested: {} },
      { field: 'nested.kernel', calc: 'missing', content: 'missing `kernel`' },
    ],
    [
      'wrong type',
      { name: 5 },
      {
        field: 'name',
        calc: 'expected text (got 5)',
        content: 'expected text (got 5)',
      },
    ],
    [
      'not a whole number',
      { size: 1.5 },
      {
        field: 'size',
        calc: 'expected a whole number (got 1.5)',
        content: 'expected a whole number (got 1.5)',
      },
    ],
    [
      'unknown key',
      { sise: 3 },
      { field: '', calc: 'unknown sise', content: 'unknown field `sise`' },
    ],
    [
      'unknown keys inside a field',
      { nested: { kernel: 1, kernal: 2, k: 3 } },
      { field: 'nested', calc: 'unknown kernal, k', content: 'unknown field `kernal` and `k`' },
    ],
    [
      'too small',
      { size: 0 },
      {
        field: 'size',
        calc: 'expected a number ≥ 1 (got 0)',
        content: 'expected a number ≥ 1 (got 0)',
      },
    ],
    [
      'too big',
      { size: 10 },
      {
        field: 'size',
        calc: 'expected a number ≤ 9 (got 10)',
        content: 'expected a number ≤ 9 (got 10)',
      },
    ],
    [
      'not above',
      { rate: 0 },
      {
        field: 'rate',
        calc: 'expected a number > 0 (got 0)',
        content: 'expected a number > 0 (got 0)',
      },
    ],
    [
      'not below',
      { rate: 1 },
      {
        field: 'rate',
        calc: 'expected a number < 1 (got 1)',
        content: 'expected a number < 1 (got 1)',
      },
    ],
    [
      'too few items',
      { list: [1] },
      {
        field: 'list',
        calc: 'expected at least 2 items (got [1])',
        content: 'expected at least 2 items (got [1])',
      },
    ],
    [
      'too many items',
      { list: [1, 2, 3, 4] },
      {
        field: 'list',
        calc: 'expected at most 3 items (got [1,2,3,4])',
        content: 'expected at most 3 items (got [1,2,3,4])',
      },
    ],
    [
      'bad enum',
      { mode: 'full' },
      {
        field: 'mode',
        calc: 'expected one of "valid"|"same" (got "full")',
        content: 'expected one of "valid"|"same" (got "full")',
      },
    ],
    [
      'bad literal',
      { one: 2 },
      { field: 'one', calc: 'expected 1 (got 2)', content: 'expected 1 (got 2)' },
    ],
    [
      'no form of a union',
      { either: 'x' },
      {
        field: 'either',
        calc: 'expected a number, or expected a pair (got "x")',
        content: 'expected a number, or expected a pair (got "x")',
      },
    ],
    [
      "custom: the schema's own words",
      { id: 'Lab 1' },
      {
        field: 'id',
        calc: 'expected a kebab-case id such as `lab-1` (got "Lab 1")',
        content: 'expected a kebab-case id such as `lab-1`',
      },
    ],
    [
      'custom: catalog words named by the check',
      { whole: 0 },
      {
        field: 'whole',
        calc: 'expected a whole number from 1 to 1,000,000 (got 0)',
        content: 'expected a whole number from 1 to 1,000,000 (got 0)',
      },
    ],
  ];

describe('the zod issue translator', () => {
  it.each(TABLE)('%s', (_, change, expected) => {
    expect(words(reading(change))).toEqual(expected);
  });

  it("never shows zod's own English", () => {
    for (const [, change] of TABLE) {
      const { calc, content } = words(reading(change));
      expect(`${calc} ${content}`).not.toMatch(/Invalid|Too small|Too big|received|\u0000/);
    }
  });

  it('makes an unknown key safe to print: control characters become ?, long ones are cut', () => {
    const r = reading({ ['\u001b[2Jx' + 'y'.repeat(50)]: 1 });
    expect(r.kind === 'unknown' && r.keys).toEqual([`?[2Jx${'y'.repeat(35)}…`]);
  });
});

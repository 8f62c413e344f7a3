/**
 * The template table of lessons/README.md against the templates themselves: one row per
 * registered template, its answer kind, and exactly the fields its `given` and `generate`
 * schemas accept. Course authors write exercises from that table, so a field it forgets or
 * one the code no longer takes would only show up as a check-content error.
 *
 * The schemas are private to each template file; every template validates both blocks through
 * `parseWith` first, so the test wraps `parseWith` to see the schema a template really uses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { templates } from '../../src/content/templates/index.js';
import type { AnswerKind, Template } from '../../src/content/types.js';
import { type TemplateRow, readTemplateTable } from '../helpers/readme-template-table.js';

const seen = vi.hoisted(() => [] as { schema: unknown; where: string }[]);

vi.mock('../../src/content/templates/shared.js', async (importOriginal) => {
  const shared = await importOriginal<typeof import('../../src/content/templates/shared.js')>();
  return {
    ...shared,
    parseWith: (schema: z.ZodType, value: unknown, where: 'given' | 'generate') => {
      seen.push({ schema, where });
      return shared.parseWith(schema, value, where);
    },
  };
});

/** The top-level field names a block schema accepts, whichever variant of a union. */
function fieldsOf(schema: unknown): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion) return [...new Set(schema.options.flatMap(fieldsOf))];
  if (schema instanceof z.ZodPipe) return fieldsOf(schema.in);
  throw new Error(`cannot read the fields of a ${(schema as z.ZodType).def.type} schema`);
}

/** The schema `parse` hands to parseWith for `where` (an empty block fails at it). */
function schemaOf(parse: (value: unknown) => unknown, where: 'given' | 'generate'): unknown {
  seen.length = 0;
  try {
    parse({});
  } catch {
    // An empty block is refused; the schema it was checked against is what the test wants.
  }
  const call = seen.find((c) => c.where === where);
  if (!call) throw new Error(`the ${where} block is not validated through parseWith`);
  return call.schema;
}

const acceptedGiven = (t: Template) => fieldsOf(schemaOf(t.parseGiven, 'given')).sort();
const acceptedGenerate = (t: Template) => fieldsOf(schemaOf(t.parseSettings, 'generate')).sort();

const KIND_WORDS: Record<AnswerKind, string> = {
  number: 'number',
  grid: 'grid',
  shape: 'shape',
  choice: 'choice',
  yesno: 'yes/no',
};

const table = readTemplateTable(readFileSync('lessons/README.md', 'utf8'));
const rowsNamed = (name: string): TemplateRow[] => table.filter((r) => r.template === name);

describe('lessons/README.md: the template table', () => {
  it('has exactly one row for every registered template, and no other', () => {
    const registered = Object.keys(templates).sort();
    expect(table.map((r) => r.template).sort()).toEqual(registered);
  });

  it('writes every field as code outside parentheses, and only fields', () => {
    expect(table.filter((r) => r.problems.length > 0)).toEqual([]);
  });

  describe.each(Object.values(templates).map((t) => [t.name, t] as const))('%s', (name, t) => {
    it('names the answer kind first', () => {
      for (const row of rowsNamed(name)) expect(row.answer).toBe(KIND_WORDS[t.kind]);
    });

    it('lists every field of `given`, and only those', () => {
      for (const row of rowsNamed(name)) expect(row.given).toEqual(acceptedGiven(t));
    });

    it('lists every field of `generate`, and only those', () => {
      for (const row of rowsNamed(name)) expect(row.generate).toEqual(acceptedGenerate(t));
    });
  });
});

/** Pieces every template uses: errors that name the field to fix, drawing from specs, prompts. */
import { z } from 'zod';
import { EngineError } from '../../engine/index.js';
import { fieldName, readIssue } from '../../untrusted/zod-issue.js';
import { contentIssue } from '../issue-message.js';
import { MAX_DRAWN } from '../limits.js';
import type { Rng } from '../random.js';

export class TemplateError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Parse with a schema; on failure throw a TemplateError naming the first bad field. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, where: 'given' | 'generate'): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  // A misspelt field shows up twice (unknown `kernal`, missing `kernel`): the unknown one says more.
  const issue = r.error.issues.find((i) => i.code === 'unrecognized_keys') ?? r.error.issues[0];
  const { path, message } = contentIssue(readIssue(issue, value));
  const field = fieldName([where, ...path]);
  throw new TemplateError(field, `\`${field}\`: ${message}`);
}

/**
 * An error the engine threw while checking inputs, as a TemplateError on the field it names
 * (`given.stride`), or on `where` itself when it names none. A template whose kernel field is
 * not the engine's `f` passes that field's name: `f` then becomes it, in the path and the message.
 */
export function engineError(
  error: unknown,
  where: 'given' | 'generate',
  kernel?: string,
): TemplateError {
  if (kernel === undefined) {
    const field = error instanceof EngineError ? `${where}.${error.argument}` : where;
    return new TemplateError(field, `\`${field}\`: ${(error as Error).message}`);
  }
  const field =
    error instanceof EngineError && error.argument !== 'f'
      ? `${where}.${error.argument}`
      : `${where}.${kernel}`;
  return new TemplateError(
    field,
    `\`${field}\`: ${(error as Error).message.replaceAll('`f`', `\`${kernel}\``)}`,
  );
}

/**
 * A number a generator draws sizes, counts and positions from: at most MAX_DRAWN, so that a
 * recipe cannot ask for a grid larger than one written out (`rows: [4, 100000]`).
 */
const drawn = z
  .number()
  .int()
  .max(MAX_DRAWN, {
    error: `at most ${MAX_DRAWN}: a generator draws sizes, counts and positions up to ${MAX_DRAWN}`,
  });

/** A whole number, or a range [min, max] to draw from. */
export const intOrRange = z.union([drawn, z.tuple([drawn, drawn])]);
export type IntOrRange = z.infer<typeof intOrRange>;

/** The smallest number a spec can draw. */
export function lowest(spec: IntOrRange): number {
  return typeof spec === 'number' ? spec : Math.min(...spec);
}

/** The largest number a spec can draw. */
export function highest(spec: IntOrRange): number {
  return typeof spec === 'number' ? spec : Math.max(...spec);
}

export function draw(rng: Rng, spec: IntOrRange): number {
  return typeof spec === 'number'
    ? spec
    : rng.int(Math.min(spec[0], spec[1]), Math.max(spec[0], spec[1]));
}

/**
 * An image's size drawn in this order: rows, cols (as many as rows when absent: a square),
 * channels (1 when absent). The order is part of every variant's identity: never change it.
 */
export function drawImageSize(
  rng: Rng,
  s: { readonly rows: IntOrRange; readonly cols?: IntOrRange; readonly channels?: IntOrRange },
): [rows: number, cols: number, channels: number] {
  const rows = draw(rng, s.rows);
  const cols = s.cols === undefined ? rows : draw(rng, s.cols);
  const channels = s.channels === undefined ? 1 : draw(rng, s.channels);
  return [rows, cols, channels];
}

/** Cell values: `{ range: [min, max] }` (whole numbers, both ends included) or `{ of: [-1, 1] }` (one of these). */
export const valueSpec = z.union([
  z.strictObject({ range: z.tuple([z.number().int(), z.number().int()]) }),
  z.strictObject({ of: z.array(z.number()).min(1) }),
]);
export type ValueSpec = z.infer<typeof valueSpec>;

export function drawValue(rng: Rng, spec: ValueSpec): number {
  if ('range' in spec) return rng.int(Math.min(...spec.range), Math.max(...spec.range));
  return rng.pick(spec.of);
}

export function drawGrid(rng: Rng, rows: number, cols: number, spec: ValueSpec): number[][] {
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => drawValue(rng, spec)),
  );
}

/** Fill `{name}` placeholders. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Zod pieces the templates' `given` and `generate` blocks share, and the checks made on them. */
import { z } from 'zod';
import { type IntOrRange, highest, lowest } from './shared.js';

/** A whole number ≥ 1: a size, a count, a step. */
export const whole = z.number().int().min(1);

/** A position, counted from 0. */
export const index = z.number().int().min(0);

/** A whole number (square) or [rows, columns]. */
export const pairOrWhole = z.union([whole, z.tuple([whole, whole])]);

/** A `pairOrWhole` value as [rows, columns]; `fallback` when the field is absent. */
export function pairOf(
  v: number | readonly [number, number] | undefined,
  fallback: readonly [number, number] = [1, 1],
): [number, number] {
  if (v === undefined) return [fallback[0], fallback[1]];
  return typeof v === 'number' ? [v, v] : [v[0], v[1]];
}

/** An image (H, W, C), channels last as Keras prints it. */
export const imageShape = z.tuple([whole, whole, whole]);

/** `valid`, `same` (TensorFlow's rule) or that many zeros on every side. */
export const padding = z.union([z.literal('valid'), z.literal('same'), z.number().int().min(0)], {
  error: 'expected `valid`, `same` or a whole number ≥ 0',
});
export type Padding = z.infer<typeof padding>;

type Ranges<K extends string> = { readonly [key in K]?: IntOrRange };

/** "`rows` must be at least 1" for each listed range that can draw less than 1, in that order. */
export function requireAtLeastOne<K extends string>(
  s: Ranges<K>,
  keys: readonly K[],
  ctx: z.RefinementCtx,
): void {
  for (const key of keys) {
    const spec = s[key];
    if (spec !== undefined && lowest(spec) < 1)
      ctx.addIssue({ code: 'custom', path: [key], message: `\`${key}\` must be at least 1` });
  }
}

/**
 * "A 5×5 kernel does not fit 3 rows" for each listed side whose smallest draw is below the
 * largest square `kernel`: with no padding that input has no output.
 */
export function requireKernelFits<K extends string>(
  s: Ranges<K> & { readonly kernel: IntOrRange },
  keys: readonly K[],
  ctx: z.RefinementCtx,
): void {
  const k = highest(s.kernel);
  for (const key of keys) {
    const spec = s[key];
    if (spec !== undefined && lowest(spec) < k)
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `a ${k}×${k} kernel does not fit ${lowest(spec)} ${key}; make the smallest \`${key}\` at least the largest \`kernel\``,
      });
  }
}

/**
 * The content files as `lessons/README.md` documents them: the course manifest, lessons,
 * exercise files and their translation overlays. Objects are strict so a typo (`titel:`)
 * is reported instead of silently ignored. Figures, demos' tensors and exercises' `given` /
 * `generate` blocks are only shaped here; the engine and the templates check their contents.
 */
import { z } from 'zod';
import { BASE_LANGUAGE, normalizeLanguageTag } from '../i18n/index.js';
import { MAX_DRAWN, MAX_LIST_ITEMS } from './limits.js';
import { LESSON_TOOLS } from './course.js';

/** Lesson and exercise ids: they name files and progress entries, so kebab-case only. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = z
  .string()
  .regex(ID_PATTERN, { error: 'expected a kebab-case id such as `conv-first-cell`' });

const format = z.literal(1, { error: '`format` must be 1 (the version of these file formats)' });

const nonEmpty = z.string().trim().min(1, { error: 'expected some text, got an empty string' });

/** A text field: a plain string (English) or `{ en: …, pt-BR: … }`, which must include `en`. */
export const textSchema = z.union(
  [
    nonEmpty,
    z
      .record(z.string(), nonEmpty)
      .refine((map) => Object.keys(map).some((k) => normalizeLanguageTag(k) === BASE_LANGUAGE), {
        error: `a text per language must include \`${BASE_LANGUAGE}\``,
      }),
  ],
  { error: 'expected text, or a map of language codes to text (with `en`)' },
);
export type Text = z.infer<typeof textSchema>;

export const manifestSchema = z.strictObject({
  format,
  /** Course order; each id is a file `lessons/<id>.yaml`. */
  lessons: z.array(id).min(1, { error: 'list at least one lesson' }),
});
export type ManifestFile = z.infer<typeof manifestSchema>;

const whole = z.number().int().min(1);

/** The first list inside `value` longer than MAX_LIST_ITEMS: its path and length. */
function longList(value: unknown): { path: Array<string | number>; length: number } | undefined {
  const seen = new Set<object>();
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    // An alias repeats one value: looked at once.
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v) && v.length > MAX_LIST_ITEMS) return { path, length: v.length };
    // Pushed last first, so the first long list in the file is the one reported.
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--)
      stack.push({ value: entries[i][1], path: [...path, entries[i][0]] });
  }
  return undefined;
}

/**
 * Data the engine or a template checks later (a figure, a grid, a `given` block), limited in
 * size here first, so that nothing is built from a list of thousands.
 */
const sizedData = z.unknown().superRefine((value, ctx) => {
  const long = longList(value);
  if (long)
    ctx.addIssue({
      code: 'custom',
      path: long.path,
      message: `${long.length} items; a list here may have at most ${MAX_LIST_ITEMS} (a grid at most ${MAX_LIST_ITEMS} rows and ${MAX_LIST_ITEMS} columns)`,
    });
});

export const demoSchema = z.strictObject({
  /** One grid; checked by the engine. */
  input: sizedData,
  kernel: sizedData,
  /** @default 1 */
  stride: whole.max(MAX_DRAWN, { error: `at most ${MAX_DRAWN}, the largest grid side` }).optional(),
  /** @default 'valid' */
  padding: z
    .union([z.literal('valid'), z.literal('same'), z.number().int().min(0)], {
      error: 'expected `valid`, `same` or a whole number ≥ 0',
    })
    // The demo draws every padded cell.
    .refine((p) => typeof p !== 'number' || p <= MAX_DRAWN, {
      error: `at most ${MAX_DRAWN} zeros on each side`,
    })
    .optional(),
  /** @default 0 */
  bias: z.number().optional(),
  /** How many output cells the learner is asked to predict. @default 0 */
  predict: z.number().int().min(0).optional(),
});
export type DemoFile = z.infer<typeof demoSchema>;

/** A picture drawn in shades: an MNIST digit, or a grid written in the lesson. */
export const pictureSchema = z
  .strictObject({
    /** `mnist`: a handwritten digit from the `mnist` package (28×28, values 0–1). */
    source: z
      .literal('mnist', { error: 'the only `source` is `mnist`; or give a `grid`' })
      .optional(),
    /** With `source: mnist`: which digit, 0 to 9. */
    digit: z.number().int().min(0).max(9).optional(),
    /** With `source: mnist`: which sample of that digit, from 0. @default 0 */
    index: z.number().int().min(0).optional(),
    /** Rows of pixel values, checked by the loader. */
    grid: sizedData.optional(),
    /** What the values mean: 0–255, 0–1 or −1 to 1. @default from the values (see lessons/README.md) */
    scale: z
      .union([z.literal('gray255'), z.literal('unit'), z.literal('signed')], {
        error: 'expected `gray255` (0–255), `unit` (0–1) or `signed` (−1 to 1)',
      })
      .optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.source === undefined) === (p.grid === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'give exactly one of `source: mnist` and `grid`',
      });
    if (p.source !== undefined && p.digit === undefined)
      ctx.addIssue({ code: 'custom', path: ['digit'], message: 'missing `digit` (0 to 9)' });
    if (p.grid !== undefined)
      for (const k of ['digit', 'index'] as const)
        if (p[k] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: [k],
            message: `\`${k}\` belongs to \`source: mnist\`, not to a \`grid\``,
          });
  });
export type PictureFile = z.infer<typeof pictureSchema>;

export const stepSchema = z
  .strictObject({
    title: textSchema.optional(),
    text: textSchema.optional(),
    /** A calc request, checked by `parseRequest` and computed once by the loader. */
    figure: sizedData.optional(),
    caption: textSchema.optional(),
    demo: demoSchema.optional(),
    picture: pictureSchema.optional(),
    exercise: id.optional(),
  })
  .superRefine((step, ctx) => {
    const present = (Object.keys(step) as Array<keyof typeof step>).filter(
      (k) => step[k] !== undefined,
    );
    if (step.exercise !== undefined) {
      const extra = present.find((k) => k !== 'exercise');
      if (extra)
        ctx.addIssue({
          code: 'custom',
          path: [extra],
          message: `an exercise step holds only \`exercise: <id>\`; \`${extra}\` belongs in the exercise file`,
        });
      return;
    }
    for (const k of ['title', 'text'] as const) {
      if (step[k] === undefined)
        ctx.addIssue({ code: 'custom', path: [k], message: `missing \`${k}\`` });
    }
    if (step.figure !== undefined && step.demo !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['demo'],
        message: 'a step shows at most one of `figure` and `demo`; split it into two steps',
      });
    }
    if (step.picture !== undefined && (step.figure !== undefined || step.demo !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['picture'],
        message:
          'a step shows at most one of `figure`, `demo` and `picture`; split it into two steps',
      });
    }
    if (step.caption !== undefined && step.figure === undefined && step.picture === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['caption'],
        message: '`caption` belongs to a `figure`, and this step has none',
      });
    }
  });
export type StepFile = z.infer<typeof stepSchema>;

export const lessonSchema = z.strictObject({
  format,
  id,
  title: textSchema,
  summary: textSchema,
  /** The screens the lesson opens besides its steps: the X/O trainer (`t`), the draw screen (`d`). */
  tools: z
    .array(z.enum(LESSON_TOOLS))
    .refine((tools) => new Set(tools).size === tools.length, { error: 'a tool is listed twice' })
    .optional(),
  steps: z.array(stepSchema).min(1, { error: 'a lesson needs at least one step' }),
});
export type LessonFile = z.infer<typeof lessonSchema>;

export const exerciseSchema = z
  .strictObject({
    id,
    title: textSchema,
    template: z.string(),
    prompt: textSchema,
    /** Fixed inputs, checked by the template's `parseGiven`. */
    given: sizedData.optional(),
    /** A recipe to draw inputs from a seed, checked by the template's `parseSettings`. */
    generate: sizedData.optional(),
    hints: z
      .array(textSchema, { error: 'expected a list of hints' })
      .min(2, { error: 'give at least two hints (one is shown per wrong try)' }),
    tolerance: z.number().min(0, { error: '`tolerance` must be ≥ 0' }).optional(),
  })
  .superRefine((exercise, ctx) => {
    const given = exercise.given !== undefined;
    const generate = exercise.generate !== undefined;
    if (given && generate)
      ctx.addIssue({
        code: 'custom',
        path: ['generate'],
        message: 'give exactly one of `given` and `generate`, not both',
      });
    if (!given && !generate)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'missing `given` (fixed inputs) or `generate` (a recipe); give exactly one',
      });
  });
export type ExerciseFile = z.infer<typeof exerciseSchema>;

export const exercisesFileSchema = z.strictObject({
  format,
  lesson: id,
  exercises: z.array(exerciseSchema),
});
export type ExercisesFile = z.infer<typeof exercisesFileSchema>;

/** `lessons/<id>.<lang>.yaml`: the lesson's text fields in one language, steps by position. */
export const lessonOverlaySchema = z.strictObject({
  format: format.optional(),
  id: id.optional(),
  title: nonEmpty.optional(),
  summary: nonEmpty.optional(),
  steps: z
    .array(
      z.union([
        z.null(),
        z.strictObject({
          title: nonEmpty.optional(),
          text: nonEmpty.optional(),
          caption: nonEmpty.optional(),
          /** May repeat the base step's exercise id, to keep positions readable; nothing to translate. */
          exercise: id.optional(),
        }),
      ]),
    )
    .optional(),
});
export type LessonOverlay = z.infer<typeof lessonOverlaySchema>;

/** `exercises/<lesson>.<lang>.yaml`: exercises' text fields in one language, by id. */
export const exercisesOverlaySchema = z.strictObject({
  format: format.optional(),
  lesson: id.optional(),
  exercises: z.array(
    z.strictObject({
      id,
      title: nonEmpty.optional(),
      prompt: nonEmpty.optional(),
      hints: z.array(nonEmpty).optional(),
    }),
  ),
});
export type ExercisesOverlay = z.infer<typeof exercisesOverlaySchema>;

/** Every field name the content files know, to suggest one for a typo. */
export const KNOWN_FIELDS: readonly string[] = [
  ...new Set(
    [
      manifestSchema,
      lessonSchema,
      stepSchema,
      demoSchema,
      pictureSchema,
      exercisesFileSchema,
      exerciseSchema,
    ].flatMap((schema) => Object.keys(schema.shape)),
  ),
];

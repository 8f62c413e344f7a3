/**
 * `cnn-tutor lesson ID --print [--seed N]`: a lesson as plain text, for reading without the
 * interactive interface, printing a handout, or a screen reader. Exercises never show their
 * answers; generated ones take their numbers from `--seed` (default 1), which the print names.
 */
import type { Lesson } from '../content/course.js';
import { createStyle } from '../render/index.js';
import { printLesson } from '../view/print-lesson.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { problemLine } from './list.js';
import { MAX_SEED, badPrintSeed, readWholeNumber } from './whole-number.js';

/** The seed a print uses without `--seed`: fixed, so two prints of a lesson are the same. */
export const DEFAULT_PRINT_SEED = 1;

export interface LessonPrintFlags {
  /** As typed after `--seed`, or as read; a whole number from 0 to 2³² − 1. */
  readonly seed?: string | number;
}

/** The lesson with id `id`, or the exit code after one line naming every lesson id. */
export function findLesson(
  ctx: CommandContext,
  id: string,
  err: (s: string) => void,
): Lesson | number {
  const { course, problems } = ctx.course();
  const lesson = course.lessons.find((l) => l.id === id);
  if (lesson) return lesson;
  err(ctx.t('print.unknown-lesson', { id, ids: course.lessons.map((l) => l.id).join(', ') }));
  // A lesson whose file failed to load is missing from the list: say why.
  for (const p of problems.filter((p) => p.file === `lessons/${id}.yaml`))
    err(`  ${problemLine(p)}`);
  return EXIT.usage;
}

export function runLessonPrint(
  ctx: CommandContext,
  id: string,
  flags: LessonPrintFlags,
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  const seed =
    flags.seed === undefined ? DEFAULT_PRINT_SEED : readWholeNumber(flags.seed, 0, MAX_SEED);
  if (seed === undefined) {
    err(badPrintSeed(ctx.t, flags.seed ?? ''));
    return EXIT.usage;
  }
  const lesson = findLesson(ctx, id, err);
  if (typeof lesson === 'number') return lesson;
  const printed = printLesson(
    lesson,
    ctx.course().course,
    { seed, lang: ctx.lang },
    {
      width: ctx.width,
      height: Number.POSITIVE_INFINITY,
      t: ctx.t,
      ascii: ctx.ascii,
      style: createStyle({ color: ctx.color }),
    },
  );
  out(printed.lines.join('\n'));
  for (const line of printed.broken) err(`cnn-tutor lesson: ${line}`);
  return printed.broken.length > 0 ? EXIT.failed : EXIT.ok;
}

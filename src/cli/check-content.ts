/** `cnn-tutor check-content`: load, build and answer every exercise; list every problem at once. */
import { checkContent } from '../content/check-content.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { problemLine } from './list.js';

export function runCheckContent(
  ctx: CommandContext,
  flags: { seeds?: number },
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  const problems = checkContent({ root: ctx.root, seeds: flags.seeds });
  if (problems.length === 0) {
    const { course } = ctx.course();
    out(
      ctx.t('cli.check.ok', { lessons: course.lessons.length, exercises: course.exercises.size }),
    );
    return EXIT.ok;
  }
  err(ctx.t('cli.content.problems', { n: problems.length }));
  for (const p of problems) err(`  ${problemLine(p)}`);
  return EXIT.failed;
}

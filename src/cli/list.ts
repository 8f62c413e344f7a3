/** `cnn-tutor list [--json]`: the course's lessons and exercises, in course order. */
import type { ContentProblem } from '../content/course.js';
import { getTemplate } from '../content/templates/index.js';
import type { AnswerKind } from '../content/types.js';
import type { CommandContext } from './context.js';

/** The answer kind of a template (number, shape, grid, choice, yesno). */
function kindOf(template: string): AnswerKind {
  return getTemplate(template)!.kind;
}
import { EXIT } from './io.js';

export function problemLine(p: ContentProblem): string {
  const where = `${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` (${p.field})` : ''}`;
  return `${where}: ${p.message}`;
}

export function runList(
  ctx: CommandContext,
  flags: { json?: boolean },
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  const { course, problems } = ctx.course();
  const exercises = course.lessons.flatMap((lesson) =>
    lesson.steps
      .flatMap((step) => (step.type === 'exercise' ? [course.exercises.get(step.exerciseId)!] : []))
      .map((def) => ({ lesson, def })),
  );
  if (flags.json) {
    out(
      JSON.stringify({
        lessons: course.lessons.map((l) => ({ id: l.id, title: l.title, steps: l.steps.length })),
        exercises: exercises.map(({ lesson, def }) => ({
          id: def.id,
          lesson: lesson.id,
          kind: kindOf(def.template),
          title: def.title,
          generated: def.generated,
        })),
      }),
    );
  } else {
    course.lessons.forEach((lesson, i) => {
      out(
        `${i + 1}. ${lesson.title} (${lesson.id}) — ${ctx.t('cli.list.steps', { n: lesson.steps.length })}`,
      );
      for (const { def } of exercises.filter((e) => e.lesson === lesson)) {
        out(
          `     ${def.id.padEnd(28)} ${kindOf(def.template).padEnd(7)} ${def.generated ? '⟳ ' : '  '}${def.title}`,
        );
      }
    });
    out('');
    out(ctx.t('cli.list.legend'));
  }
  if (problems.length > 0) {
    err(ctx.t('cli.content.problems', { n: problems.length }));
    for (const p of problems) err(`  ${problemLine(p)}`);
  }
  return EXIT.ok;
}

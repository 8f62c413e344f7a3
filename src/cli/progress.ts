/**
 * `cnn-tutor progress` prints what is done; `cnn-tutor reset [LESSON]` clears it after asking
 * (or with `--yes` when there is no terminal to ask in).
 */
import { createInterface } from 'node:readline/promises';
import type { Lesson } from '../content/course.js';
import { lessonProgress, resetAll, resetLesson, type Progress } from '../content/progress.js';
import { loadProgress, saveProgress } from '../storage/progress-store.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';

export function exerciseIds(lesson: Lesson): string[] {
  return lesson.steps.flatMap((s) => (s.type === 'exercise' ? [s.exerciseId] : []));
}

function bar(fraction: number, ascii: boolean, width = 20): string {
  const full = Math.round(fraction * width);
  return (ascii ? '#' : '█').repeat(full) + (ascii ? '-' : '░').repeat(width - full);
}

export async function runProgress(
  ctx: CommandContext,
  flags: { json?: boolean },
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const { course } = ctx.course();
  const loaded = await loadProgress(ctx.stateDir);
  if (loaded.notice) err(ctx.t.message(loaded.notice));
  // A FIFO or device where the file should be: said in the notice; nothing to show.
  if (loaded.notRegular) return EXIT.usage;
  const rows = course.lessons.map((lesson) => ({
    lesson,
    summary: lessonProgress(loaded.progress, lesson.id, exerciseIds(lesson)),
  }));
  if (flags.json) {
    out(
      JSON.stringify({
        file: loaded.file,
        lessons: rows.map(({ lesson, summary }) => ({
          id: lesson.id,
          title: lesson.title,
          done: summary.done,
          correct: summary.correct,
          revealed: summary.revealed,
          total: summary.total,
          completed: summary.completed,
        })),
        last: loaded.progress.last ?? null,
      }),
    );
    return EXIT.ok;
  }
  out(ctx.t('cli.progress.file', { file: loaded.file }));
  // Solved by the learner and only looked at ("show me") are counted apart.
  for (const { lesson, summary } of rows) {
    const solved =
      summary.total === 0 ? (summary.completed ? 1 : 0) : summary.correct / summary.total;
    const mark =
      summary.completed && summary.correct === summary.total ? (ctx.ascii ? '*' : '✓') : ' ';
    const shown =
      summary.revealed > 0 ? ` ${ctx.t('cli.progress.shown', { count: summary.revealed })}` : '';
    out(
      `${mark} ${bar(solved, ctx.ascii)} ${String(summary.correct).padStart(2)}/${String(summary.total).padEnd(2)} ${lesson.title}${shown}`,
    );
  }
  const correct = rows.reduce((n, r) => n + r.summary.correct, 0);
  const revealed = rows.reduce((n, r) => n + r.summary.revealed, 0);
  const total = rows.reduce((n, r) => n + r.summary.total, 0);
  out(ctx.t('cli.progress.total', { correct, revealed, total }));
  return EXIT.ok;
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|yes|s|sim)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export async function runReset(
  ctx: CommandContext,
  lessonId: string | undefined,
  flags: { yes?: boolean },
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const { course } = ctx.course();
  const lesson = lessonId === undefined ? undefined : course.lessons.find((l) => l.id === lessonId);
  if (lessonId !== undefined && !lesson) {
    err(
      ctx.t('cli.reset.unknown', { id: lessonId, ids: course.lessons.map((l) => l.id).join(', ') }),
    );
    return EXIT.usage;
  }
  const loaded = await loadProgress(ctx.stateDir);
  if (loaded.notice) err(ctx.t.message(loaded.notice));
  if (loaded.notRegular) return EXIT.usage;
  if (!loaded.canSave) {
    err(ctx.t('cli.reset.cannot', { file: loaded.file }));
    return EXIT.failed;
  }
  const what = lesson
    ? ctx.t('cli.reset.what-lesson', { title: lesson.title })
    : ctx.t('cli.reset.what-all');
  if (!flags.yes) {
    if (!process.stdin.isTTY) {
      err(ctx.t('cli.reset.needs-yes', { what }));
      return EXIT.usage;
    }
    if (!(await confirm(ctx.t('cli.reset.ask', { what, file: loaded.file })))) {
      out(ctx.t('cli.reset.kept'));
      return EXIT.ok;
    }
  }
  // The reset is recorded with its time, so a tutor still open elsewhere, whose next save
  // merges with the file, drops what was cleared instead of writing it back.
  const now = new Date();
  const next: Progress = lesson
    ? resetLesson(loaded.progress, lesson.id, exerciseIds(lesson), now)
    : resetAll(now);
  const saved = await saveProgress(ctx.stateDir, next);
  if (!saved.ok) {
    err(ctx.t.message(saved.error));
    return EXIT.failed;
  }
  out(ctx.t('cli.reset.done', { what }));
  return EXIT.ok;
}

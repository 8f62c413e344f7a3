/**
 * `cnn-tutor` with no command: the interactive tutor. It needs a terminal on both ends;
 * without one it says which commands work anyway, instead of Ink's raw-mode error.
 */
import { render } from 'ink';
import type { LoadedCourse } from '../content/course.js';
import { loadCourseCachedAsync } from '../storage/course-cache.js';
import { loadProgress, saveProgress } from '../storage/progress-store.js';
import { App, loadLater } from '../tui/index.js';
import type { BaseContext } from './base-context.js';
import { EXIT } from './io.js';
import { guardedStdin } from '../tui/shell/input/guarded-stdin.js';
import { ShellRoot } from '../tui/shell/ShellRoot.js';

/**
 * `startLesson`: open that lesson (an id the caller checked) instead of Home. `course`: the
 * course the caller loaded already; else it comes from the cache when it can (see
 * `course-cache.ts`), the quickest way to the first screen.
 */
export async function runTutor(
  ctx: BaseContext,
  err: (s: string) => void,
  options: { startLesson?: string; course?: LoadedCourse } = {},
): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    const which = !process.stdin.isTTY ? ctx.t('cli.tutor.stdin') : ctx.t('cli.tutor.stdout');
    err(ctx.t('cli.tutor.not-a-terminal', { which }));
    return EXIT.usage;
  }
  const { course, problems } =
    options.course ?? (await loadCourseCachedAsync({ root: ctx.root, lang: ctx.lang }));
  const loaded = await loadProgress(ctx.stateDir);
  // Home is drawn while the templates load; a lesson opened from the command line needs them first.
  const later = options.startLesson ? await loadLater() : undefined;
  const app = render(
    <ShellRoot bracketedPaste>
      <App
        course={course}
        problems={problems}
        progress={loaded.progress}
        progressNotice={loaded.notice}
        saveProgress={loaded.canSave ? (p) => saveProgress(ctx.stateDir, p) : () => ({ ok: true })}
        lang={ctx.lang}
        t={ctx.t}
        ascii={ctx.ascii}
        color={ctx.color}
        {...(options.startLesson ? { startLesson: options.startLesson } : {})}
        {...(later ? { later } : {})}
      />
    </ShellRoot>,
    // Ctrl+C is a command of the screens (it asks first when something typed would be lost).
    { exitOnCtrlC: false, stdin: guardedStdin(process.stdin) },
  );
  await app.waitUntilExit();
  return EXIT.ok;
}

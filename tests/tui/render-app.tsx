/**
 * The App mounted on a fake terminal of a chosen size (80×24 unless told) through the screen
 * harness, with an in-memory progress store.
 */
import type { Course } from '../../src/content/course.js';
import type { Progress } from '../../src/content/progress.js';
import { displayWidth } from '../../src/render/index.js';
import { App, type AppProps } from '../../src/tui/App.js';
import type { SaveOutcome } from '../../src/tui/hooks/use-progress.js';
import { mountScreen } from '../helpers/ink-screen.js';
import { fixtureCourse, freshProgress, NOW, t } from './fixture.js';

/** An in-memory progress store that records every save; `fail` makes saves fail. */
export function memoryStore(options: { fail?: boolean } = {}) {
  const saves: Progress[] = [];
  return {
    saves,
    fail: options.fail ?? false,
    save(p: Progress): SaveOutcome {
      saves.push(p);
      return this.fail
        ? {
            ok: false,
            error: {
              key: 'progress.save.failed',
              params: { file: '/ro/progress.json', error: 'EROFS: read-only file system' },
            },
          }
        : { ok: true };
    },
  };
}

export interface RenderAppOptions extends Partial<AppProps> {
  readonly columns?: number;
  readonly rows?: number;
  readonly course?: Course;
}

export function renderApp(options: RenderAppOptions = {}) {
  const { columns = 80, rows = 24, ...props } = options;
  const store = memoryStore();
  let seed = 1000;
  const screen = mountScreen(
    <App
      course={props.course ?? fixtureCourse()}
      problems={props.problems ?? []}
      progress={props.progress ?? freshProgress()}
      saveProgress={props.saveProgress ?? ((p) => store.save(p))}
      lang="en"
      t={props.t ?? t}
      ascii={props.ascii ?? false}
      color={props.color ?? false}
      newSeed={props.newSeed ?? (() => seed++)}
      now={props.now ?? (() => NOW)}
      playInterval={props.playInterval ?? 500}
      {...(props.progressNotice === undefined ? {} : { progressNotice: props.progressNotice })}
      {...(props.startLesson === undefined ? {} : { startLesson: props.startLesson })}
    />,
    { columns, rows, quiet: 15 },
  );
  // The tests read the last frame as text.
  return { ...screen, store, lastFrame: screen.frame };
}

/** Every line of `frame` is at most `width` columns, and there are fewer lines than `rows`. */
export function expectFits(frame: string, width: number, rows: number): void {
  const lines = frame.split('\n');
  const wide = lines.filter((l) => displayWidth(l) > width);
  if (wide.length > 0) throw new Error(`Lines wider than ${width}:\n${wide.join('\n')}`);
  if (lines.length > rows - 1) throw new Error(`${lines.length} lines for ${rows} rows:\n${frame}`);
}

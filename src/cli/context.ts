/** What every command needs to know about where it runs (see `base-context.ts`), and the course. */
import type { LoadedCourse } from '../content/course.js';
import { loadCourse } from '../content/load-course.js';
import { loadCourseCached } from '../storage/course-cache.js';
import { type BaseContext, type GlobalFlags, baseContext } from './base-context.js';

export { type GlobalFlags, PACKAGE_ROOT } from './base-context.js';

export interface CommandContext extends BaseContext {
  /** Loaded on first use; the content never changes during one run. */
  course(): LoadedCourse;
}

export function commandContext(
  flags: GlobalFlags,
  env: NodeJS.ProcessEnv = process.env,
): CommandContext {
  const base = baseContext(flags, env);
  let loaded: LoadedCourse | undefined;
  return {
    ...base,
    course: () => (loaded ??= loadCourseCached({ root: base.root, lang: base.lang }, loadCourse)),
  };
}

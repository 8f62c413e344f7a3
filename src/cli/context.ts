/**
 * What every command needs to know about where it runs: the course folder, the learner's
 * language and translator, where progress lives, and how wide the output may be.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCourseCached } from '../content/course-cache.js';
import { getTemplate } from '../content/templates/index.js';
import type { AnswerKind } from '../content/types.js';
import type { LoadedCourse } from '../content/course.js';
import { resolveStateDir } from '../content/state-dir.js';
import { type Translator, createTranslator, resolveLanguage } from '../i18n/index.js';
import { asciiWanted } from '../render/charset.js';
import { colorEnabled } from '../render/index.js';

/** The folder holding package.json, lessons/ and exercises/: the nearest one above this file. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lessons'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

export interface GlobalFlags {
  ascii?: boolean;
  /** Unicode even without a UTF-8 locale (`--ascii` wins over it). */
  unicode?: boolean;
  lang?: string;
  stateDir?: string;
  color?: boolean;
}

export interface CommandContext {
  root: string;
  lang: string;
  t: Translator;
  /** Plain ASCII output: `--ascii`, or no UTF-8 locale and no `--unicode` (see charset.ts). */
  ascii: boolean;
  color: boolean;
  width: number;
  stateDir: string;
  /** Loaded on first use; the content never changes during one run. */
  course(): LoadedCourse;
  /** The answer kind of a template (number, shape, grid, choice, yesno). */
  kindOf(template: string): AnswerKind;
}

export function commandContext(
  flags: GlobalFlags,
  env: NodeJS.ProcessEnv = process.env,
): CommandContext {
  const lang = resolveLanguage({ flag: flags.lang, env });
  const t = createTranslator(lang);
  let loaded: LoadedCourse | undefined;
  const root = env.CNN_TUTOR_COURSE_DIR ?? PACKAGE_ROOT;
  return {
    root,
    lang,
    t,
    ascii: asciiWanted(flags, env),
    color: flags.color ?? colorEnabled(env, Boolean(process.stdout.isTTY)),
    width: process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80,
    stateDir: resolveStateDir({ flag: flags.stateDir, env }),
    course: () => (loaded ??= loadCourseCached({ root, lang })),
    kindOf: (template) => getTemplate(template)!.kind,
  };
}

/**
 * What every command needs to know about where it runs, the course aside: the course folder,
 * the learner's language and translator, where progress lives, and how the output may look.
 * (The tutor loads the course itself, from its cache when it can: see `tutor.tsx`.)
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveStateDir } from '../storage/app-dirs.js';
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

export interface BaseContext {
  root: string;
  lang: string;
  t: Translator;
  /** Plain ASCII output: `--ascii`, or no UTF-8 locale and no `--unicode` (see charset.ts). */
  ascii: boolean;
  color: boolean;
  width: number;
  stateDir: string;
}

export function baseContext(flags: GlobalFlags, env: NodeJS.ProcessEnv = process.env): BaseContext {
  const lang = resolveLanguage({ flag: flags.lang, env });
  return {
    root: env.CNN_TUTOR_COURSE_DIR ?? PACKAGE_ROOT,
    lang,
    t: createTranslator(lang),
    ascii: asciiWanted(flags, env),
    color: flags.color ?? colorEnabled(env, Boolean(process.stdout.isTTY)),
    width: process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80,
    stateDir: resolveStateDir({ flag: flags.stateDir, env }),
  };
}

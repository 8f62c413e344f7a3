/**
 * The loaded course, kept between runs. Parsing and checking the YAML takes most of the
 * tutor's start-up, and the files rarely change: a run whose files (names, sizes, times),
 * language and program are the same as last time reads one JSON file instead. Any change
 * loads the course afresh and rewrites the cache. The cache is a convenience only: when it
 * cannot be read or written, the course is loaded as usual and nothing is said.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExerciseDef, LoadedCourse } from './course.js';
import { loadCourse } from './load-course.js';

const CACHE_FORMAT = 1;

export interface CachedLoadOptions {
  readonly root: string;
  readonly lang: string;
  /** Where cache files go. @default cacheDir() */
  readonly dir?: string;
}

/** `$CNN_TUTOR_CACHE_DIR`, else `$XDG_CACHE_HOME/cnn-tutor`, else `~/.cache/cnn-tutor`. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CNN_TUTOR_CACHE_DIR) return env.CNN_TUTOR_CACHE_DIR;
  const base =
    env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/')
      ? env.XDG_CACHE_HOME
      : join(homedir(), '.cache');
  return join(base, 'cnn-tutor');
}

/** Every content file with its size and time, plus the program itself: what the cache depends on. */
function fingerprint(root: string, lang: string): string {
  const hash = createHash('sha256');
  hash.update(`${CACHE_FORMAT}\0${lang}\0${root}\0`);
  const program = fileURLToPath(import.meta.url);
  const p = statSync(program);
  hash.update(`${program}\0${p.size}\0${p.mtimeMs}\0`);
  for (const folder of ['lessons', 'exercises']) {
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
        a.name.localeCompare(b.name),
      )) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else {
          const s = statSync(path);
          hash.update(`${path}\0${s.size}\0${s.mtimeMs}\0`);
        }
      }
    };
    try {
      walk(join(root, folder));
    } catch {
      hash.update(`${folder}: unreadable\0`);
    }
  }
  return hash.digest('hex');
}

interface CacheFile {
  format: number;
  key: string;
  course: { lessons: LoadedCourse['course']['lessons']; exercises: ExerciseDef[] };
  problems: LoadedCourse['problems'];
  languages: string[];
}

export function loadCourseCached(options: CachedLoadOptions): LoadedCourse {
  const dir = options.dir ?? cacheDir();
  const file = join(dir, `course-${options.lang.replace(/[^A-Za-z0-9-]/g, '_')}.json`);
  let key: string | undefined;
  try {
    key = fingerprint(options.root, options.lang);
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (cached.format === CACHE_FORMAT && cached.key === key) {
      return {
        course: {
          lessons: cached.course.lessons,
          exercises: new Map(cached.course.exercises.map((e) => [e.id, e])),
        },
        problems: cached.problems,
        languages: cached.languages,
      };
    }
  } catch {
    // No cache yet, or one we cannot use: load the course the usual way.
  }
  const loaded = loadCourse({ root: options.root, lang: options.lang });
  if (key !== undefined) {
    try {
      mkdirSync(dir, { recursive: true });
      const body: CacheFile = {
        format: CACHE_FORMAT,
        key,
        course: {
          lessons: loaded.course.lessons,
          exercises: [...loaded.course.exercises.values()],
        },
        problems: loaded.problems,
        languages: loaded.languages,
      };
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(body));
      renameSync(temp, file);
    } catch {
      // A read-only home or a full disk only costs speed.
    }
  }
  return loaded;
}

/**
 * The loaded course, kept between runs. Parsing and checking the YAML takes most of the
 * tutor's start-up, and the files rarely change: a run whose files (names, sizes, times),
 * language and program are the same as last time reads one JSON file instead. Any change
 * loads the course afresh and rewrites the cache. The cache is a convenience only: when it
 * cannot be read or written, the course is loaded as usual and nothing is said.
 *
 * This module reads and writes the cache only; the loader (YAML, schemas, templates: a good
 * part of the program) is imported when the cache cannot serve, so a start that finds the
 * cache never compiles it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import writeFileAtomic from 'write-file-atomic';
import type { ExerciseDef, LoadedCourse } from '../content/course.js';
import type { loadCourse } from '../content/load-course.js';
import { resolveCacheDir } from './app-dirs.js';

const CACHE_FORMAT = 3;

export interface CachedLoadOptions {
  readonly root: string;
  readonly lang: string;
  /** Where cache files go. @default resolveCacheDir() */
  readonly dir?: string;
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
  course: {
    lessons: LoadedCourse['course']['lessons'];
    exercises: ExerciseDef[];
    library: LoadedCourse['course']['library'];
  };
  problems: LoadedCourse['problems'];
  languages: string[];
}

function cacheFile(dir: string, lang: string): string {
  return join(dir, `course-${lang.replace(/[^A-Za-z0-9-]/g, '_')}.json`);
}

/** What the cache holds for these files, and the key a new cache would be written under. */
export interface CacheLookup {
  readonly loaded?: LoadedCourse;
  /** Undefined when the files could not even be listed: nothing will be cached then. */
  readonly key?: string;
}

export function readCachedCourse(options: CachedLoadOptions): CacheLookup {
  const file = cacheFile(options.dir ?? resolveCacheDir(), options.lang);
  let key: string | undefined;
  try {
    key = fingerprint(options.root, options.lang);
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (cached.format === CACHE_FORMAT && cached.key === key) {
      return {
        key,
        loaded: {
          course: {
            lessons: cached.course.lessons,
            exercises: new Map(cached.course.exercises.map((e) => [e.id, e])),
            library: cached.course.library,
          },
          problems: cached.problems,
          languages: cached.languages,
        },
      };
    }
  } catch {
    // No cache yet, or one we cannot use: the course is loaded the usual way.
  }
  return key === undefined ? {} : { key };
}

/** Keep `loaded` for the next run; a read-only home or a full disk only costs speed. */
export function writeCachedCourse(
  options: CachedLoadOptions,
  key: string,
  loaded: LoadedCourse,
): void {
  const dir = options.dir ?? resolveCacheDir();
  const file = cacheFile(dir, options.lang);
  try {
    mkdirSync(dir, { recursive: true });
    const body: CacheFile = {
      format: CACHE_FORMAT,
      key,
      course: {
        lessons: loaded.course.lessons,
        exercises: [...loaded.course.exercises.values()],
        library: loaded.course.library,
      },
      problems: loaded.problems,
      languages: loaded.languages,
    };
    // No fsync: a cache lost to a power cut is only loaded again, and the write stays as quick.
    writeFileAtomic.sync(file, JSON.stringify(body), { fsync: false });
  } catch {
    // Nothing to say: the next run loads the course again.
  }
}

/** `loaded` as the cache had it, else what `load` gives, kept for the next run. */
function throughCache(
  options: CachedLoadOptions,
  found: CacheLookup,
  load: typeof loadCourse,
): LoadedCourse {
  if (found.loaded) return found.loaded;
  const loaded = load({ root: options.root, lang: options.lang });
  if (found.key !== undefined) writeCachedCourse(options, found.key, loaded);
  return loaded;
}

/**
 * The course from the cache, else from the loader, which the caller passes in: importing it
 * here would make every importer of this module load it too, the tutor included.
 */
export function loadCourseCached(
  options: CachedLoadOptions,
  load: typeof loadCourse,
): LoadedCourse {
  return throughCache(options, readCachedCourse(options), load);
}

/** The course from the cache, or loaded (the loader imported only then) and cached. */
export async function loadCourseCachedAsync(options: CachedLoadOptions): Promise<LoadedCourse> {
  const found = readCachedCourse(options);
  if (found.loaded) return found.loaded;
  const { loadCourse } = await import('../content/load-course.js');
  return throughCache(options, found, loadCourse);
}

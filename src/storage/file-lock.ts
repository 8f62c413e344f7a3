/**
 * A lock per saved file (progress.json, a lab session file), so that two cnn-tutors writing
 * one file take turns: each re-reads the file and merges under the lock before it writes.
 *
 * The lock is a folder `<file>.lock` (proper-lockfile: creating a folder is atomic, and its
 * time is refreshed while held, so the lock of a killed process goes stale after `STALE_MS`).
 * Waiting is short (`SHORT_WAIT`, under a second): an interface must never hang on it,
 * so a lock still held after that is reported as busy and the caller says so.
 *
 * Every writer holds the lock while its temporary file exists, so a temporary file found by
 * someone holding the lock was left by a process that died mid-write: `removeStaleTempFiles`
 * deletes those.
 */
import { lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';

/** After this long without a refresh, a lock is taken to be a dead process's. */
export const STALE_MS = 5000;

/** Tries after the first while the lock is busy: about 0.7 s in all, in growing steps. */
export const SHORT_WAIT = 8;

const delay = (attempt: number) => Math.min(20 * 1.4 ** attempt, 200);

export interface LockOptions {
  /** How many more tries after the first while the lock is busy. @default SHORT_WAIT */
  readonly retries?: number;
}

function options(file: string): lockfile.LockOptions {
  return {
    stale: STALE_MS,
    realpath: false,
    lockfilePath: `${file}.lock`,
    // The default throws from a timer, which would end the process. A lock is held for a few
    // milliseconds, so losing it means a stalled machine; the write goes on as it would have.
    onCompromised: () => {},
  };
}

export type Locked<T> =
  | { readonly ok: true; readonly value: T }
  /** `busy`: another process holds the lock. `failed`: the lock could not be made (`cause`). */
  | { readonly ok: false; readonly reason: 'busy' | 'failed'; readonly cause: unknown };

function isBusy(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ELOCKED';
}

/** Run `task` holding the lock of `file`; the lock is released whatever `task` does. */
export async function withFileLock<T>(
  file: string,
  task: () => Promise<T>,
  lockOptions: LockOptions = {},
): Promise<Locked<T>> {
  const retries = lockOptions.retries ?? SHORT_WAIT;
  let release: () => Promise<void>;
  for (let attempt = 0; ; attempt++) {
    try {
      release = await lockfile.lock(file, options(file));
      break;
    } catch (cause) {
      // Only a busy lock is worth waiting for: a missing or read-only folder stays so.
      if (!isBusy(cause)) return { ok: false, reason: 'failed', cause };
      if (attempt >= retries) return { ok: false, reason: 'busy', cause };
      await new Promise((resolve) => setTimeout(resolve, delay(attempt)));
    }
  }
  try {
    return { ok: true, value: await task() };
  } finally {
    await release().catch(() => {});
  }
}

/** `withFileLock` for synchronous work, without waiting: a lock in use gives `busy`. */
export function withFileLockSync<T>(file: string, task: () => T): Locked<T> {
  let release: () => void;
  try {
    release = lockfile.lockSync(file, options(file));
  } catch (cause) {
    return { ok: false, reason: isBusy(cause) ? 'busy' : 'failed', cause };
  }
  try {
    return { ok: true, value: task() };
  } finally {
    try {
      release();
    } catch {
      // Already gone: nothing left to release.
    }
  }
}

/** write-file-atomic's temporary files for `file`: `<file>.<number>`. */
function isTempFileOf(name: string, file: string): boolean {
  const base = basename(file);
  return name.startsWith(`${base}.`) && /^\d+$/.test(name.slice(base.length + 1));
}

/**
 * Delete the temporary files of `file` left by a process killed mid-write. Call it only
 * while holding the lock of `file`. Returns the paths removed; never throws.
 */
export function removeStaleTempFiles(file: string): string[] {
  const dir = dirname(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!isTempFileOf(name, file)) continue;
    const path = join(dir, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      unlinkSync(path);
      removed.push(path);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

/**
 * Progress on disk: `<state dir>/progress.json`, pretty JSON, rewritten whole and atomically
 * (temporary file + rename), so a crash mid-save leaves the old file or the new one, never half.
 *
 * Two tutors may share a state folder (a lesson open in each of two terminals). A save therefore
 * takes the file's lock, re-reads the file, merges it with what it saves (progress-merge.ts) and
 * writes the union, so neither tutor's answers are lost. A lock still busy after a short wait
 * makes the save fail with a message (the next save writes everything again); it never hangs.
 *
 * A file we cannot use is never deleted or overwritten: it is renamed next to itself
 * (`progress.json.corrupt-2025-01-31T094501.123Z`, or `progress.json.newer-…` for a file from a
 * later cnn-tutor) and the learner is told where it went. Something that is not a regular
 * file (a FIFO, a device) is neither read nor moved nor replaced: it is reported, and this
 * session does not save.
 */
import { lstat, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Message } from '../i18n/index.js';
import { type LockOptions, removeStaleTempFiles, withFileLock } from './file-lock.js';
import {
  PROGRESS_FORMAT,
  type Progress,
  emptyProgress,
  parseProgress,
} from '../content/progress.js';
import { mergeProgress } from '../content/progress-merge.js';
import { readRegularFile } from './regular-file.js';

export const PROGRESS_FILE = 'progress.json';

export interface LoadResult {
  readonly progress: Progress;
  /** What went wrong with an existing file and where it went; show it once at start. */
  readonly notice?: Message;
  /**
   * False when an unusable file could not be moved aside and still sits at `file`, or when
   * `file` is not a regular file: saving would replace it, so the caller must not save.
   */
  readonly canSave: boolean;
  /** True when `file` is a FIFO, socket or device: refused, not read (see `notice`). */
  readonly notRegular?: true;
  readonly file: string;
}

export interface LoadOptions {
  /** Time used in the name of a moved-aside file. @default new Date() */
  readonly now?: Date;
}

export type SaveOptions = LockOptions;

export type SaveResult =
  | { readonly ok: true; readonly file: string }
  | { readonly ok: false; readonly file: string; readonly error: Message; readonly cause: unknown };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Rename `file` to a free name `<file>.<label>-<time>` (colons dropped, as Windows forbids
 * them), adding `-2`, `-3`… if that name is taken, and return the new path.
 */
async function moveAside(file: string, label: 'corrupt' | 'newer', now: Date): Promise<string> {
  const base = `${file}.${label}-${now.toISOString().replaceAll(':', '')}`;
  let target = base;
  for (let n = 2; await exists(target); n++) target = `${base}-${n}`;
  await rename(file, target);
  return target;
}

type Reading =
  | { readonly kind: 'ok'; readonly progress: Progress }
  | { readonly kind: 'missing' }
  | { readonly kind: 'not-regular' }
  | {
      readonly kind: 'unusable';
      readonly label: 'corrupt' | 'newer';
      readonly notice: (backup: string) => Message;
    };

async function readProgressFile(file: string): Promise<Reading> {
  const read = await readRegularFile(file);
  if (read.kind === 'missing' || read.kind === 'not-regular') return { kind: read.kind };
  if (read.kind === 'error') {
    const params = { file, error: errorText(read.error) };
    return {
      kind: 'unusable',
      label: 'corrupt',
      notice: (backup) => ({ key: 'progress.load.unreadable', params: { ...params, backup } }),
    };
  }
  const { text } = read;
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')); // a byte-order mark from a Windows editor
  } catch {
    return {
      kind: 'unusable',
      label: 'corrupt',
      notice: (backup) => ({ key: 'progress.load.notJson', params: { file, backup } }),
    };
  }
  const parsed = parseProgress(data);
  if (parsed.ok) return { kind: 'ok', progress: parsed.progress };
  if (parsed.problem === 'newer') {
    const params = { file, format: parsed.format, known: PROGRESS_FORMAT };
    return {
      kind: 'unusable',
      label: 'newer',
      notice: (backup) => ({ key: 'progress.load.newer', params: { ...params, backup } }),
    };
  }
  const params = { file, detail: parsed.detail };
  return {
    kind: 'unusable',
    label: 'corrupt',
    notice: (backup) => ({ key: 'progress.load.wrongShape', params: { ...params, backup } }),
  };
}

/**
 * Read the progress in `dir`. A missing file (or folder) gives fresh progress and no notice.
 * An unreadable file, a file that is not JSON or not progress, or one from a newer version is
 * moved aside and fresh progress comes back with a notice. A FIFO or device is left alone and
 * comes back with `notRegular` and `canSave: false`. Temporary files left by a tutor killed
 * while saving are removed. Never throws for file problems.
 */
export async function loadProgress(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const file = join(dir, PROGRESS_FILE);
  const load = () => loadUnlocked(file, options.now ?? new Date());
  // Under the lock, temporary files are stale (every writer holds it while writing): remove
  // them. Without it (a tutor saving right now, a read-only folder) load all the same.
  // No waiting here: start-up must stay quick, and a load needs no lock to be correct.
  const locked = await withFileLock(
    file,
    async () => {
      removeStaleTempFiles(file);
      return load();
    },
    { retries: 0 },
  );
  return locked.ok ? locked.value : load();
}

async function loadUnlocked(file: string, now: Date): Promise<LoadResult> {
  const reading = await readProgressFile(file);
  if (reading.kind === 'ok') return { progress: reading.progress, canSave: true, file };
  if (reading.kind === 'missing') return { progress: emptyProgress(), canSave: true, file };
  if (reading.kind === 'not-regular') {
    const notice = { key: 'progress.load.notRegular', params: { file } };
    return { progress: emptyProgress(), notice, canSave: false, notRegular: true, file };
  }
  try {
    const backup = await moveAside(file, reading.label, now);
    return { progress: emptyProgress(), notice: reading.notice(backup), canSave: true, file };
  } catch (error) {
    const notice = { key: 'progress.load.stuck', params: { file, error: errorText(error) } };
    return { progress: emptyProgress(), notice, canSave: false, file };
  }
}

/** Pretty JSON with a trailing newline, so the file reads well and diffs cleanly. */
export function serializeProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}

/**
 * Under the lock: merge with the file on disk and write the result. A file that has become
 * unusable since the tutor started (another program wrote it) is left for the next start to
 * move aside, with the learner told why this save did not happen.
 */
async function mergeAndWrite(file: string, progress: Progress): Promise<Message | undefined> {
  const reading = await readProgressFile(file);
  if (reading.kind === 'not-regular') return { key: 'progress.save.notRegular', params: { file } };
  if (reading.kind === 'unusable') return { key: 'progress.save.unusable', params: { file } };
  const merged = reading.kind === 'ok' ? mergeProgress(reading.progress, progress) : progress;
  await writeFileAtomic(file, serializeProgress(merged));
  return undefined;
}

function failed(file: string, error: Message, cause: unknown): SaveResult {
  return { ok: false, file, error, cause };
}

/**
 * Save `progress` to `dir` (created if needed): under the file's lock, merged with what is on
 * disk (so another tutor's answers stay), atomically. Problems come back as `{ ok: false }`:
 * `progress.save.busy` when the lock stays taken, `progress.save.notRegular` or
 * `progress.save.unusable` when the file has become a FIFO or something unreadable since the
 * start, `progress.save.failed` for the rest (a read-only folder…).
 */
export async function saveProgress(
  dir: string,
  progress: Progress,
  options: SaveOptions = {},
): Promise<SaveResult> {
  const file = join(dir, PROGRESS_FILE);
  const failure = (error: unknown) =>
    failed(file, { key: 'progress.save.failed', params: { file, error: errorText(error) } }, error);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    return failure(error);
  }
  let locked;
  try {
    locked = await withFileLock(file, () => mergeAndWrite(file, progress), options);
  } catch (error) {
    return failure(error);
  }
  if (!locked.ok) {
    return locked.reason === 'busy'
      ? failed(file, { key: 'progress.save.busy', params: { file } }, locked.cause)
      : failure(locked.cause);
  }
  return locked.value === undefined ? { ok: true, file } : failed(file, locked.value, undefined);
}

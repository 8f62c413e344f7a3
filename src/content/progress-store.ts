/**
 * Progress on disk: `<state dir>/progress.json`, pretty JSON, rewritten whole and atomically
 * (temporary file + rename), so a crash mid-save leaves the old file or the new one, never half.
 *
 * A file we cannot use is never deleted or overwritten: it is renamed next to itself
 * (`progress.json.corrupt-2025-01-31T094501.123Z`, or `progress.json.newer-…` for a file from a
 * later cnn-tutor) and the learner is told where it went.
 */
import { lstat, mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Message } from '../i18n/index.js';
import { PROGRESS_FORMAT, type Progress, emptyProgress, parseProgress } from './progress.js';

export const PROGRESS_FILE = 'progress.json';

export interface LoadResult {
  readonly progress: Progress;
  /** What went wrong with an existing file and where it went; show it once at start. */
  readonly notice?: Message;
  /**
   * False only when an unusable file could not be moved aside and still sits at `file`:
   * saving would overwrite it, so the caller must not save this session.
   */
  readonly canSave: boolean;
  readonly file: string;
}

export interface LoadOptions {
  /** Time used in the name of a moved-aside file. @default new Date() */
  readonly now?: Date;
}

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
  | {
      readonly kind: 'unusable';
      readonly label: 'corrupt' | 'newer';
      readonly notice: (backup: string) => Message;
    };

async function readProgressFile(file: string): Promise<Reading> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    // No file, or no folder (ENOTDIR: part of the path is a file; saving will say so).
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    const params = { file, error: errorText(error) };
    return {
      kind: 'unusable',
      label: 'corrupt',
      notice: (backup) => ({ key: 'progress.load.unreadable', params: { ...params, backup } }),
    };
  }
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
 * moved aside and fresh progress comes back with a notice. Never throws for file problems.
 */
export async function loadProgress(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const file = join(dir, PROGRESS_FILE);
  const reading = await readProgressFile(file);
  if (reading.kind === 'ok') return { progress: reading.progress, canSave: true, file };
  if (reading.kind === 'missing') return { progress: emptyProgress(), canSave: true, file };
  try {
    const backup = await moveAside(file, reading.label, options.now ?? new Date());
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
 * Write `progress` to `dir` (created if needed), atomically. Problems such as a read-only
 * folder come back as `{ ok: false, error }` with the message `progress.save.failed`.
 */
export async function saveProgress(dir: string, progress: Progress): Promise<SaveResult> {
  const file = join(dir, PROGRESS_FILE);
  try {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(file, serializeProgress(progress));
    return { ok: true, file };
  } catch (error) {
    return {
      ok: false,
      file,
      error: { key: 'progress.save.failed', params: { file, error: errorText(error) } },
      cause: error,
    };
  }
}

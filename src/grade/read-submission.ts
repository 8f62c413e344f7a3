/**
 * A submission file from disk, read defensively: a batch of student files is untrusted input,
 * and one bad file must cost one error line, never the batch. The size is checked before a
 * byte is read (a 50 MB file is refused unread), only regular files are opened (a FIFO would
 * block forever), the bytes must be UTF-8, and the JSON is read by `parseStrictJson`.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Message } from '../i18n/index.js';
import { parseStrictJson } from '../untrusted/strict-json.js';
import { type SubmissionParse, parseSubmission } from './submission.js';

/** The largest submission accepted: a full lab's answers take a few kilobytes. */
export const MAX_SUBMISSION_BYTES = 1024 * 1024;

/** Nesting deeper than this is refused: a submission needs 4 levels (object, answers, grid, row). */
export const MAX_SUBMISSION_DEPTH = 32;

export interface ReadSubmissionOptions {
  /** @default MAX_SUBMISSION_BYTES */
  readonly maxBytes?: number;
}

function failure(key: string, params?: Record<string, string | number>): SubmissionParse {
  return { ok: false, error: params ? { key, params } : { key } };
}

function fileProblem(error: unknown): SubmissionParse {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return failure('grade.file.missing');
  if (e.code === 'EACCES' || e.code === 'EPERM') return failure('grade.file.denied');
  return failure('grade.file.unreadable', { error: e.code ?? String(e.message) });
}

/** Read and check one submission file. Never throws. */
export function readSubmissionFile(
  path: string,
  options: ReadSubmissionOptions = {},
): SubmissionParse {
  const maxBytes = options.maxBytes ?? MAX_SUBMISSION_BYTES;
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return failure('grade.file.notFile');
    if (stat.size > maxBytes)
      return failure('grade.file.tooLarge', { size: stat.size, limit: maxBytes });
    const read = readBounded(path, maxBytes);
    if (read === 'not-file') return failure('grade.file.notFile');
    if (read === 'too-large')
      return failure('grade.file.tooLarge', { size: maxBytes + 1, limit: maxBytes });
    bytes = read;
  } catch (error) {
    return fileProblem(error);
  }
  return parseSubmissionBytes(bytes);
}

/**
 * At most `maxBytes` bytes of a regular file. O_NONBLOCK keeps a FIFO swapped in after the
 * stat from blocking the open, and the second stat (of the open file) refuses it.
 */
function readBounded(path: string, maxBytes: number): Buffer | 'not-file' | 'too-large' {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!fstatSync(fd).isFile()) return 'not-file';
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      // The file grew after the stat: refuse it rather than read without limit.
      if (length > maxBytes) return 'too-large';
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** The bytes of a submission file → a submission, or what is wrong with them. */
export function parseSubmissionBytes(bytes: Uint8Array): SubmissionParse {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return failure('grade.file.notUtf8');
  }
  if (text.trim() === '') return failure('grade.file.empty');
  const json = parseStrictJson(text, { maxDepth: MAX_SUBMISSION_DEPTH });
  if (!json.ok) return { ok: false, error: json.error satisfies Message };
  return parseSubmission(json.value);
}

/**
 * A submission file from disk, read defensively: a batch of student files is untrusted input,
 * and one bad file must cost one error line, never the batch. The size is checked before the
 * content is read (of a 50 MB file, only the first 4 KB are read, to recognise a report of
 * cnn-tutor's own in a folder), only regular files are opened (a FIFO would block forever),
 * the bytes must be UTF-8, and the JSON is read by `parseStrictJson`.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Message } from '../i18n/index.js';
import { isGeneratedJson, startsLikeGeneratedJson } from './output-signature.js';
import { type JsonValue, JsonObject, parseStrictJson, toPlain } from '../untrusted/strict-json.js';
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

/** A file found in a folder that is not graded: a link, or JSON that is not a submission. */
export interface SkippedRead {
  readonly ok: false;
  readonly skipped: Message;
}

type RawRead =
  | { readonly kind: 'bytes'; readonly bytes: Buffer }
  | { readonly kind: 'link' }
  | { readonly kind: 'too-large'; readonly size: number; readonly head: Buffer }
  | { readonly kind: 'failed'; readonly result: SubmissionParse };

/** How much of a file over the limit is read, to tell a report of cnn-tutor's own from a submission. */
const HEAD_BYTES = 4096;

/** Read and check one submission file. Never throws. */
export function readSubmissionFile(
  path: string,
  options: ReadSubmissionOptions = {},
): SubmissionParse {
  const raw = readRaw(path, options.maxBytes ?? MAX_SUBMISSION_BYTES, true);
  switch (raw.kind) {
    case 'bytes':
      return parseSubmissionBytes(raw.bytes);
    case 'too-large':
      return tooLarge(raw.size, options.maxBytes ?? MAX_SUBMISSION_BYTES);
    case 'link':
      return failure('grade.file.notFile');
    case 'failed':
      return raw.result;
  }
}

/**
 * Read a file found in a folder of submissions, where only submissions are graded: a symbolic
 * link is never followed (`bob.json → teacher-private.json` must not print the private file),
 * and JSON that is not a submission (cnn-tutor's own reports, `package.json`) is skipped.
 * A file that is not valid JSON is still a broken submission: a student's damaged file must
 * not vanish from the report. Never throws.
 */
export function readFolderFile(
  path: string,
  options: ReadSubmissionOptions = {},
): SubmissionParse | SkippedRead {
  const maxBytes = options.maxBytes ?? MAX_SUBMISSION_BYTES;
  const raw = readRaw(path, maxBytes, false);
  switch (raw.kind) {
    case 'link':
      return skipped('grade.skip.link');
    case 'failed':
      return raw.result;
    case 'too-large':
      return startsLikeGeneratedJson(raw.head.toString('utf8'))
        ? skipped('grade.skip.report')
        : tooLarge(raw.size, maxBytes);
    case 'bytes': {
      const json = parseSubmissionJson(raw.bytes);
      if (!json.ok) return json;
      if (isGeneratedJson(toPlain(json.value))) return skipped('grade.skip.report');
      if (!looksLikeSubmission(json.value)) return skipped('grade.skip.notSubmission');
      return parseSubmission(json.value);
    }
  }
}

/**
 * A JSON value a student may have meant as a submission: an object with any of the fields
 * only a submission has, or anything that is not an object at all (a list, a number: a
 * damaged file, reported as one).
 */
function looksLikeSubmission(value: JsonValue): boolean {
  if (!(value instanceof JsonObject)) return true;
  return ['answers', 'student', 'lab'].some((k) => value.entries.has(k));
}

function skipped(key: string): SkippedRead {
  return { ok: false, skipped: { key } };
}

function tooLarge(size: number, limit: number): SubmissionParse {
  return failure('grade.file.tooLarge', { size, limit });
}

/**
 * At most `maxBytes` bytes of a regular file (or the first bytes of a larger one). The size
 * is checked before the content is read; O_NONBLOCK keeps a FIFO swapped in after the stat
 * from blocking the open, and the second stat (of the open file) refuses it. Without
 * `followLinks`, a link is reported rather than opened, even one swapped in after the listing.
 */
function readRaw(path: string, maxBytes: number, followLinks: boolean): RawRead {
  let fd: number | undefined;
  try {
    const stat = followLinks ? statSync(path) : lstatSync(path);
    if (stat.isSymbolicLink()) return { kind: 'link' };
    if (!stat.isFile()) return { kind: 'failed', result: failure('grade.file.notFile') };
    fd = openSync(
      path,
      constants.O_RDONLY |
        (constants.O_NONBLOCK ?? 0) |
        (followLinks ? 0 : (constants.O_NOFOLLOW ?? 0)),
    );
    if (!fstatSync(fd).isFile()) return { kind: 'failed', result: failure('grade.file.notFile') };
    if (stat.size > maxBytes)
      return {
        kind: 'too-large',
        size: stat.size,
        head: followLinks ? Buffer.alloc(0) : readUpTo(fd, HEAD_BYTES),
      };
    const bytes = readUpTo(fd, maxBytes + 1);
    // The file grew after the stat: refuse it rather than read without limit.
    if (bytes.length > maxBytes)
      return { kind: 'too-large', size: bytes.length, head: bytes.subarray(0, HEAD_BYTES) };
    return { kind: 'bytes', bytes };
  } catch (error) {
    if (!followLinks && (error as NodeJS.ErrnoException).code === 'ELOOP') return { kind: 'link' };
    return { kind: 'failed', result: fileProblem(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readUpTo(fd: number, limit: number): Buffer {
  const buffer = Buffer.alloc(limit);
  let length = 0;
  while (length < limit) {
    const n = readSync(fd, buffer, length, limit - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

/** The bytes of a submission file → a submission, or what is wrong with them. */
export function parseSubmissionBytes(bytes: Uint8Array): SubmissionParse {
  const json = parseSubmissionJson(bytes);
  return json.ok ? parseSubmission(json.value) : json;
}

/** The bytes of a submission file → its JSON value, or what is wrong with them. */
function parseSubmissionJson(
  bytes: Uint8Array,
): { ok: true; value: JsonValue } | { ok: false; error: Message } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, error: { key: 'grade.file.notUtf8' } };
  }
  if (text.trim() === '') return { ok: false, error: { key: 'grade.file.empty' } };
  const json = parseStrictJson(text, { maxDepth: MAX_SUBMISSION_DEPTH });
  return json.ok ? { ok: true, value: json.value } : { ok: false, error: json.error };
}

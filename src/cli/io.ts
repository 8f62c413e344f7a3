/** Small I/O helpers the commands share: read a file or stdin, print, exit codes. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createTranslator, resolveLanguage } from '../i18n/index.js';
import { safeText } from '../untrusted/safe-text.js';
import type { Translate } from '../view/text.js';

/**
 * The most `readInput` reads: far more than any request or roster needs, and a bound, so a
 * device (`/dev/zero`) or a huge file costs one line instead of all the memory there is.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const MEGABYTE = 1024 * 1024;

/** Exit codes: 0 ran fine, 1 the run found problems (a check failed), 2 usage or input error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What a command reads with `readInput`; each has its own messages in the catalog. */
export type InputKind = 'request' | 'roster';

/** The example in the "nothing given" message: literal syntax, not prose. */
const PIPE_EXAMPLE = `echo '{"op":"relu","input":[[-1,2]]}' | cnn-tutor calc`;

function missingMessage(what: InputKind, t: Translate): string {
  const params = { example: PIPE_EXAMPLE };
  return what === 'roster'
    ? t('cli.io.roster.missing', params)
    : t('cli.io.request.missing', params);
}

function unreadableMessage(
  what: InputKind,
  path: string | undefined,
  reason: string,
  t: Translate,
): string {
  if (path === undefined)
    return what === 'roster'
      ? t('cli.io.roster.unreadable-stdin', { reason })
      : t('cli.io.request.unreadable-stdin', { reason });
  // The path is the user's text, echoed: a control character in it must not reach the terminal.
  const params = { path: safeText(path, 300), reason };
  return what === 'roster'
    ? t('cli.io.roster.unreadable', params)
    : t('cli.io.request.unreadable', params);
}

/** More than `limit` bytes: `size` when it is known (a regular file), else only that. */
class TooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly size?: number,
  ) {
    super('too large');
  }
}

/** Why a file could not be read, in words, on one line; an unexpected error keeps its own message. */
function reasonMessage(error: unknown, t: Translate): string {
  if (error instanceof TooLarge) {
    const limit = Math.floor(error.limit / MEGABYTE);
    return error.size === undefined
      ? t('cli.io.reason.too-large-stream', { limit })
      : t('cli.io.reason.too-large', { size: Math.ceil(error.size / MEGABYTE), limit });
  }
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return t('cli.io.reason.no-such-file');
    case 'EISDIR':
      return t('cli.io.reason.folder');
    case 'EACCES':
    case 'EPERM':
      return t('cli.io.reason.denied');
    default:
      return safeText(String((error as Error).message).replace(/\s+/g, ' '), 200);
  }
}

/** Wait a little without a busy loop, for a stdin opened non-blocking. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Everything `fd` holds, refusing a folder at once, a regular file over `limit` bytes before
 * reading it, and anything else (a pipe, a device) once it has given more than `limit`.
 */
function readBounded(fd: number, limit: number): Buffer {
  const stat = fstatSync(fd);
  if (stat.isDirectory())
    throw Object.assign(new Error('is a folder'), { code: 'EISDIR' }) as NodeJS.ErrnoException;
  if (stat.isFile() && stat.size > limit) throw new TooLarge(limit, stat.size);
  const chunks: Buffer[] = [];
  const scratch = Buffer.allocUnsafe(MEGABYTE);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, scratch, 0, Math.min(scratch.length, limit + 1 - total), null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        pause(5);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    // A copy: a pipe gives a few kilobytes at a time, and each chunk keeps only its own.
    chunks.push(Buffer.from(scratch.subarray(0, n)));
    total += n;
    if (total > limit) throw new TooLarge(limit);
  }
  return Buffer.concat(chunks, total);
}

/** UTF-8 text, without the byte-order mark some editors put first. */
function decode(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Read a whole text file, or stdin when `path` is undefined or '-', at most `maxBytes` of it
 * (a leading byte-order mark is dropped). Every failure is a `UsageError` of one line, whose
 * words come from `t`; without one, the language comes from the environment
 * (`CNN_TUTOR_LANG`, the locale).
 */
export function readInput(
  path: string | undefined,
  what: InputKind,
  t?: Translate,
  maxBytes = MAX_INPUT_BYTES,
): string {
  // Made only when there is something to say.
  const translator = (): Translate => t ?? createTranslator(resolveLanguage());
  const stdin = path === undefined || path === '-';
  if (stdin && process.stdin.isTTY) throw new UsageError(missingMessage(what, translator()));
  let fd: number | undefined;
  try {
    fd = stdin ? 0 : openSync(path, 'r');
    return decode(readBounded(fd, maxBytes));
  } catch (error) {
    const messages = translator();
    const reason = reasonMessage(error, messages);
    throw new UsageError(unreadableMessage(what, stdin ? undefined : path, reason, messages));
  } finally {
    if (fd !== undefined && !stdin) closeSync(fd);
  }
}

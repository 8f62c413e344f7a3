/**
 * Where an output goes, and whether it may go there. Every command that writes a file (`grade`,
 * `worksheet`, `key`, `lab-codes`, `gradescope`) decides with this module, under one rule:
 * nothing the user owns is lost or overwritten.
 *
 * - `-` is standard output, and `/dev/stdout`, `/dev/stderr`, `/dev/fd/1` and `/dev/fd/2` (or
 *   a link to one) are the command's own streams, written as they were opened.
 * - An output that is one of the command's inputs is refused, even with `--force`: it is the
 *   same file when it has the same device and inode (`./x.json`, `x.json`, a hard link, a
 *   symbolic link) or the same real path.
 * - An existing file that is not a regular file (a device, a FIFO, a terminal) is written into
 *   with a plain open and write, never replaced: a temporary file renamed over `/dev/full` or
 *   a FIFO would put a regular file in its place.
 * - An existing regular file is replaced only when nothing would be lost: it is empty, it
 *   already holds exactly what would be written, or it is an output of the same kind that
 *   cnn-tutor wrote (recognised from its content, see `grade/output-signature.ts`); otherwise
 *   only with `--force`.
 * - A regular file is written to a temporary file beside it and renamed into place, so a
 *   reader never sees half a report.
 */
import {
  closeSync,
  constants,
  openSync,
  readSync,
  readlinkSync,
  realpathSync,
  statSync,
} from 'node:fs';
import type { BigIntStats } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { safeText } from '../untrusted/safe-text.js';
import type { Message } from '../i18n/index.js';
import type { Translate } from '../view/text.js';
import { EXIT } from './io.js';
import type { Print } from './lab-args.js';

/** What an output is, for recognising an earlier one and for naming it in a refusal. */
export type OutputKind =
  | 'grade-text'
  | 'grade-json'
  | 'grade-junit'
  | 'grade-gradescope'
  | 'worksheet-md'
  | 'worksheet-json'
  | 'key-text'
  | 'key-json'
  | 'lab-codes'
  | 'gradescope-file'
  | 'gradescope-secret';

/** Where `--out` points, before anything is checked. */
export type OutputLocation =
  | { readonly kind: 'stdout' }
  | { readonly kind: 'stderr' }
  /** `path` is absolute; `shown` is as the user wrote it, for messages. */
  | { readonly kind: 'path'; readonly path: string; readonly shown: string };

export type OutputTarget =
  | { readonly kind: 'stdout' }
  | { readonly kind: 'stderr' }
  /** An existing file that is not a regular file: written into. */
  | { readonly kind: 'stream'; readonly path: string; readonly shown: string }
  /** A new regular file, or one that may be replaced. */
  | { readonly kind: 'file'; readonly path: string; readonly shown: string };

export interface Refusal {
  readonly refused: 'input' | 'exists';
  readonly shown: string;
  readonly output: OutputKind;
}

export interface OutputRules {
  readonly output: OutputKind;
  /** Absolute paths of every file the command reads. */
  readonly inputs: readonly string[];
  /** True when an existing file's text is an output of this kind that cnn-tutor wrote. */
  readonly ours: (text: string) => boolean;
  /** What would be written: a file that already holds exactly this may be replaced. */
  readonly content: string;
  /** `--force`: replace an existing file that is not ours (never an input). */
  readonly force?: boolean;
}

/** Larger existing files are not read to be recognised: replacing one takes `--force`. */
const MAX_RECOGNISED_BYTES = 64 * 1024 * 1024;

const OWN_STREAMS: Readonly<Record<string, 'stdout' | 'stderr'>> = {
  '/dev/stdout': 'stdout',
  '/dev/fd/1': 'stdout',
  '/proc/self/fd/1': 'stdout',
  '/dev/stderr': 'stderr',
  '/dev/fd/2': 'stderr',
  '/proc/self/fd/2': 'stderr',
};

/**
 * The command's own stream that `path` names, directly or through links. Opening
 * `/proc/self/fd/1` anew would not do: it fails for a socket (how many programs capture
 * output) and starts at the top of a file opened for appending.
 */
function ownStream(path: string): 'stdout' | 'stderr' | undefined {
  if (process.platform === 'win32') return undefined;
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const own = OWN_STREAMS[current];
    if (own !== undefined) return own;
    try {
      current = resolve(dirname(current), readlinkSync(current));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** `--out` as given → where it points. */
export function locateOutput(out: string, cwd: string): OutputLocation {
  if (out === '-') return { kind: 'stdout' };
  const path = resolve(cwd, out);
  const own = ownStream(path);
  if (own !== undefined) return { kind: own };
  return { kind: 'path', path, shown: out };
}

function statOf(path: string): BigIntStats | undefined {
  try {
    return statSync(path, { bigint: true });
  } catch {
    return undefined;
  }
}

function realpathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function isOneOf(path: string, stat: BigIntStats, inputs: readonly string[]): boolean {
  const real = realpathOf(path);
  return inputs.some((input) => {
    const s = statOf(input);
    if (s !== undefined && s.dev === stat.dev && s.ino === stat.ino) return true;
    return real !== undefined && realpathOf(input) === real;
  });
}

/** The text of an existing regular file, or undefined when it is too large or not text. */
function existingText(path: string, size: bigint): string | undefined {
  if (size > BigInt(MAX_RECOGNISED_BYTES)) return undefined;
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO swapped in since the stat must not block the open.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const buffer = Buffer.alloc(Number(size) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > Number(size)) return undefined;
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** May the output go there? The target to write, or why not. */
export function checkOutput(location: OutputLocation, rules: OutputRules): OutputTarget | Refusal {
  if (location.kind !== 'path') return location;
  const { path, shown } = location;
  const refuse = (refused: Refusal['refused']): Refusal => ({
    refused,
    shown,
    output: rules.output,
  });
  const stat = statOf(path);
  // Missing (or unreachable: writing it will say why): a new file.
  if (stat === undefined) return { kind: 'file', path, shown };
  if (isOneOf(path, stat, rules.inputs)) return refuse('input');
  if (!stat.isFile()) return { kind: 'stream', path, shown };
  if (rules.force || stat.size === 0n) return { kind: 'file', path, shown };
  const text = existingText(path, stat.size);
  if (text !== undefined && (text === rules.content || rules.ours(text)))
    return { kind: 'file', path, shown };
  return refuse('exists');
}

export function isRefusal(value: OutputTarget | Refusal): value is Refusal {
  return 'refused' in value;
}

/** How a refusal names what the existing file is not. */
const KIND_NAMES: Readonly<Record<OutputKind, Message>> = {
  'grade-text': { key: 'cli.output.kind.grade-text' },
  'grade-json': { key: 'cli.output.kind.grade-json' },
  'grade-junit': { key: 'cli.output.kind.grade-junit' },
  'grade-gradescope': { key: 'cli.output.kind.grade-gradescope' },
  'worksheet-md': { key: 'cli.output.kind.worksheet-md' },
  'worksheet-json': { key: 'cli.output.kind.worksheet-json' },
  'key-text': { key: 'cli.output.kind.key-text' },
  'key-json': { key: 'cli.output.kind.key-json' },
  'lab-codes': { key: 'cli.output.kind.lab-codes' },
  'gradescope-file': { key: 'cli.output.kind.gradescope-file' },
  'gradescope-secret': { key: 'cli.output.kind.gradescope-secret' },
};

/** The one line that says why an output was refused; it names the file and `--force`. */
export function refusalMessage(t: Translate, refusal: Refusal): string {
  const file = safeText(refusal.shown, 200);
  return refusal.refused === 'input'
    ? t('cli.output.isInput', { file })
    : t('cli.output.exists', { file, what: t(KIND_NAMES[refusal.output].key) });
}

export interface WriteOptions {
  /** Mode of a new regular file (an existing one keeps its own unless this is given). */
  readonly mode?: number;
  /** Where `stdout` and `stderr` targets are printed. */
  readonly out: Print;
  readonly err: Print;
}

/** Write `content` to the target. Throws the file system's error (with its `code`). */
export async function writeOutput(
  target: OutputTarget,
  content: string,
  options: WriteOptions,
): Promise<void> {
  switch (target.kind) {
    case 'stdout':
      options.out(content.trimEnd());
      return;
    case 'stderr':
      options.err(content.trimEnd());
      return;
    case 'stream': {
      // No O_CREAT, no O_TRUNC: the file is written into as it is, and never made anew.
      const handle = await open(target.path, constants.O_WRONLY);
      try {
        await handle.writeFile(content);
      } finally {
        await handle.close();
      }
      return;
    }
    case 'file':
      await writeFileAtomic(
        target.path,
        content,
        options.mode === undefined ? {} : { mode: options.mode },
      );
  }
}

/** The error of a failed write, as a short word for messages (`ENOSPC`). */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * Check, then write, one output of a command, printing what happened: the refusal, the write
 * error, or `wrote FILE` on stderr (nothing for standard output). The exit code.
 */
export async function deliverOutput(
  t: Translate,
  command: string,
  location: OutputLocation,
  rules: OutputRules,
  options: WriteOptions & { readonly before?: () => void },
): Promise<number> {
  const target = checkOutput(location, rules);
  if (isRefusal(target)) {
    options.err(`cnn-tutor ${command}: ${refusalMessage(t, target)}`);
    return EXIT.usage;
  }
  try {
    options.before?.();
    await writeOutput(target, rules.content, options);
  } catch (error) {
    const file = target.kind === 'file' || target.kind === 'stream' ? target.shown : '-';
    options.err(
      `cnn-tutor ${command}: ${t('lab.cli.writeFailed', { file, error: errorCode(error) })}`,
    );
    return EXIT.usage;
  }
  if (target.kind === 'file' || target.kind === 'stream')
    options.err(t('lab.cli.wrote', { file: target.shown }));
  return EXIT.ok;
}

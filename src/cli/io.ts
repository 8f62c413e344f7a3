/** Small I/O helpers the commands share: read a file or stdin, print, exit codes. */
import { readFileSync } from 'node:fs';
import { createTranslator, resolveLanguage } from '../i18n/index.js';
import type { Translate } from '../view/text.js';

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

function unreadableMessage(what: InputKind, path: string, reason: string, t: Translate): string {
  const params = { path, reason };
  return what === 'roster'
    ? t('cli.io.roster.unreadable', params)
    : t('cli.io.request.unreadable', params);
}

/** Why a file could not be read, in words; an unexpected error keeps its own message. */
function reasonMessage(error: unknown, t: Translate): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return t('cli.io.reason.no-such-file');
    case 'EISDIR':
      return t('cli.io.reason.folder');
    case 'EACCES':
      return t('cli.io.reason.denied');
    default:
      return (error as Error).message;
  }
}

/**
 * Read a whole text file, or stdin when `path` is undefined or '-'. The messages of the
 * `UsageError` it throws come from `t`; without one, the language comes from the environment
 * (`CNN_TUTOR_LANG`, the locale).
 */
export function readInput(path: string | undefined, what: InputKind, t?: Translate): string {
  // Made only when there is something to say.
  const translator = (): Translate => t ?? createTranslator(resolveLanguage());
  if (path === undefined || path === '-') {
    if (process.stdin.isTTY) throw new UsageError(missingMessage(what, translator()));
    return readFileSync(0, 'utf8');
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const messages = translator();
    throw new UsageError(unreadableMessage(what, path, reasonMessage(error, messages), messages));
  }
}

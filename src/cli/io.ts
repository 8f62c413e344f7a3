/** Small I/O helpers the commands share: read a file or stdin, print, exit codes. */
import { readFileSync } from 'node:fs';

/** Exit codes: 0 ran fine, 1 the run found problems (a check failed), 2 usage or input error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Read a whole text file, or stdin when `path` is undefined or '-'. */
export function readInput(path: string | undefined, what: string): string {
  if (path === undefined || path === '-') {
    if (process.stdin.isTTY) {
      throw new UsageError(
        `no ${what} given: pass a file, or pipe one in (for example: echo '{"op":"relu","input":[[-1,2]]}' | cnn-tutor calc)`,
      );
    }
    return readFileSync(0, 'utf8');
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new UsageError(`cannot read ${what} ${path}: ${reason}`);
  }
}

/**
 * Read a file only if it is a regular file. A FIFO (or a terminal, a socket) where a saved
 * file should be would make a plain read wait forever for a writer; opening with O_NONBLOCK
 * returns at once, and the open file's own stat says what it is, so nothing swapped in
 * between a check and the open can block us either.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export type RegularFileRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'missing' }
  /** A FIFO, socket or device. A folder is not this: reading it fails with EISDIR (`error`). */
  | { readonly kind: 'not-regular' }
  | { readonly kind: 'error'; readonly error: unknown };

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Never throws. No file, or no folder on the way (ENOTDIR), is `missing`. */
export async function readRegularFile(path: string): Promise<RegularFileRead> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'error', error };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() && !stat.isDirectory()) return { kind: 'not-regular' };
    return { kind: 'text', text: await handle.readFile('utf8') };
  } catch (error) {
    return { kind: 'error', error };
  } finally {
    await handle.close().catch(() => {});
  }
}

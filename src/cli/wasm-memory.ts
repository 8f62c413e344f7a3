/**
 * Under an address-space limit (`ulimit -v`) WebAssembly may fail to reserve memory, and Ink's
 * layout engine is WebAssembly: the interface cannot start. bin/cnn-tutor.js avoids this by
 * running Node without its WebAssembly trap handler; where that is not possible (a Node without
 * the option, the program started another way) the failure is said in one line instead of a
 * stack trace.
 */
import type { Translate } from '../view/text.js';
import { EXIT } from './io.js';

const WASM_MEMORY =
  /(?:out of memory|cannot allocate|could not allocate)[^\n]*wasm|wasm[^\n]*(?:out of memory|cannot allocate|could not allocate)/i;

/**
 * Whether `error` is WebAssembly failing to get memory: a RangeError from V8, or the error
 * Emscripten's loader (Ink's layout engine) aborts with, which quotes it.
 */
export function isWasmMemoryError(error: unknown): boolean {
  return error instanceof Error && WASM_MEMORY.test(`${error.message}`);
}

/**
 * Run `load` (an import of the interface); if WebAssembly runs out of memory meanwhile, also in
 * work the import starts but does not wait for, end the program with one line and exit code 2.
 */
export async function loadingInterface<T>(
  load: () => Promise<T>,
  t: Translate,
  err: (s: string) => void,
): Promise<T> {
  const fail = () => {
    err(t('tui.no-wasm-memory'));
    process.exit(EXIT.usage);
  };
  const handle = (error: unknown) => {
    if (isWasmMemoryError(error)) fail();
    // Anything else: as Node would have it, the stack and exit code 1.
    console.error(error);
    process.exit(EXIT.failed);
  };
  process.on('uncaughtException', handle);
  process.on('unhandledRejection', handle);
  // Emscripten's loader also writes the failure to the console (as warnings), before it throws.
  const { error: consoleError, warn: consoleWarn } = console;
  const quiet =
    (write: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      if (!args.some((a) => WASM_MEMORY.test(String(a)))) write(...args);
    };
  console.error = quiet(consoleError);
  console.warn = quiet(consoleWarn);
  try {
    return await load();
  } catch (error) {
    if (isWasmMemoryError(error)) fail();
    throw error;
  } finally {
    console.error = consoleError;
    console.warn = consoleWarn;
    process.off('uncaughtException', handle);
    process.off('unhandledRejection', handle);
  }
}

#!/usr/bin/env node
// Entry point. Runs the compiled program, dist/cli.js, and nothing else: it is built on
// install (npm's `prepare`), and `npm start` rebuilds it when a source file is newer.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli.js');

// Under an address-space limit (`ulimit -v`, set on some shared servers) the interface cannot
// start: for every WebAssembly memory (Ink's layout engine has one) V8 reserves about 10 GB of
// address space, so that out-of-bounds accesses trap in hardware, and the reservation fails.
// Without that trap handler V8 reserves only what the memory holds, so under a limit the
// program runs itself again with it turned off. (The flag is a Node option, read when V8
// starts: it cannot be set from inside. Without it, see wasm-memory.ts.)
const NO_TRAP_HANDLER = '--disable-wasm-trap-handler';

function addressSpaceLimited() {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max address space'));
    return line !== undefined && !/^Max address space\s+unlimited\b/.test(line);
  } catch {
    return false; // no /proc (macOS, Windows): nothing to do
  }
}

function runWithoutTrapHandler() {
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      NO_TRAP_HANDLER,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  // Signals the terminal sends reach both processes; others (kill PID) are passed on. This
  // process waits for the child and ends the way it ended.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    if (signal !== null) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
}

if (
  addressSpaceLimited() &&
  !process.execArgv.includes(NO_TRAP_HANDLER) &&
  !(process.env.NODE_OPTIONS ?? '').includes(NO_TRAP_HANDLER) &&
  process.allowedNodeEnvironmentFlags.has(NO_TRAP_HANDLER)
) {
  runWithoutTrapHandler();
} else if (!existsSync(built)) {
  process.stderr.write(
    'cnn-tutor: the program is not built (no dist/cli.js): run npm install, or npm run build.\n',
  );
  process.exitCode = 2;
} else {
  await import(pathToFileURL(built).href);
}

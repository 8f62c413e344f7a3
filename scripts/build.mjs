#!/usr/bin/env node
// Compiles the TypeScript sources into one ES module, dist/cli.js, so that the tutor starts
// without compiling anything on the fly. Runs on `npm install` (the `prepare` script), before
// the tests, and on `npm start` when a source file is newer than the build (`--if-stale`).
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * zod's messages in its 60-odd languages take half its code, and the tutor words its own
 * messages: only the English ones zod falls back to are bundled (they are compiled at every
 * start otherwise).
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(root, 'scripts/zod-locales.mjs') }
        : undefined,
    );
  },
};

export async function buildCli({ quiet = false } = {}) {
  // Another tutor may be starting from dist/ right now: every file is written beside its final
  // name and renamed into place, so a reader sees the old file or the new one, never none.
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'messages'), { recursive: true });
  const temp = join(dist, `.build-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  await build({
    entryPoints: { cli: join(root, 'src/cli.tsx') },
    outdir: temp,
    // The screens are imported on demand (see src/cli.tsx) and land in chunks of their own.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    // React's production build: the development one checks every render and is much slower.
    define: { 'process.env.NODE_ENV': '"production"' },
    // Packages are bundled too: resolving Ink's hundred little modules one by one costs more
    // start-up time than anything else. `mnist` stays outside, as it reads its data files at run time.
    external: ['mnist', 'mnist/*'],
    alias: { 'react-devtools-core': join(root, 'scripts/devtools-stub.mjs') },
    plugins: [zodEnglishOnly],
    // Some bundled packages are CommonJS and use require() and __filename; give the bundle those.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        'const require = __createRequire(import.meta.url);',
        'const __filename = __fileURLToPath(import.meta.url);',
        "const __dirname = __filename.replace(/[\\\\/][^\\\\/]*$/, '');",
      ].join(' '),
    },
    logLevel: quiet ? 'error' : 'warning',
  });
  // Message catalogs are read at run time from beside the module that loads them.
  const messages = join(root, 'src/i18n/messages');
  for (const name of readdirSync(messages)) {
    const part = join(dist, 'messages', `${name}.${process.pid}.tmp`);
    copyFileSync(join(messages, name), part);
    renameSync(part, join(dist, 'messages', name));
  }
  // Chunks have content hashes in their names: new ones never replace files in use.
  mkdirSync(join(dist, 'chunks'), { recursive: true });
  const chunks = readdirSync(join(temp, 'chunks'));
  for (const name of chunks) renameSync(join(temp, 'chunks', name), join(dist, 'chunks', name));
  renameSync(join(temp, 'cli.js'), join(dist, 'cli.js'));
  rmSync(temp, { recursive: true, force: true });
  // Chunks of earlier builds are no longer referenced.
  for (const name of readdirSync(join(dist, 'chunks'))) {
    if (!chunks.includes(name)) rmSync(join(dist, 'chunks', name), { force: true });
  }
}

/** When the newest file under `dir` was changed. */
function newestFile(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/cli.js is missing or older than a source file or a message catalog. */
export function isStale() {
  const built = join(root, 'dist', 'cli.js');
  return !existsSync(built) || statSync(built).mtimeMs < newestFile(join(root, 'src'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `--if-stale` (npm start): only when a source changed since the last build.
  if (!process.argv.includes('--if-stale') || isStale()) await buildCli();
}

#!/usr/bin/env node
// Compiles the TypeScript sources into one ES module, dist/cli.js, so that the tutor starts
// without compiling anything on the fly. Runs on `npm install` (the `prepare` script) and
// again by bin/cnn-tutor.js whenever a source file is newer than the build.
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildCli();
}

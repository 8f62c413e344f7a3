#!/usr/bin/env node
// Compiles the TypeScript sources into one ES module, dist/cli.js, so that the tutor starts
// without compiling anything on the fly. Runs on `npm install` (the `prepare` script) and
// again by bin/cnn-tutor.js whenever a source file is newer than the build.
import { copyFileSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli({ quiet = false } = {}) {
  // Another tutor may be starting from dist/ right now: every file is written beside its final
  // name and renamed into place, so a reader sees the old file or the new one, never none.
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'messages'), { recursive: true });
  const temp = join(dist, `cli.${process.pid}.tmp.js`);
  await build({
    entryPoints: [join(root, 'src/cli.tsx')],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    // Packages stay in node_modules: they are already JavaScript, and some read files beside them.
    packages: 'external',
    logLevel: quiet ? 'error' : 'warning',
  });
  // Message catalogs are read at run time from beside the module that loads them.
  const messages = join(root, 'src/i18n/messages');
  for (const name of readdirSync(messages)) {
    const part = join(dist, 'messages', `${name}.${process.pid}.tmp`);
    copyFileSync(join(messages, name), part);
    renameSync(part, join(dist, 'messages', name));
  }
  renameSync(temp, join(dist, 'cli.js'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildCli();
}

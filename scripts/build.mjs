#!/usr/bin/env node
// Compiles the TypeScript sources into one ES module, dist/cli.js, so that the tutor starts
// without compiling anything on the fly. Runs on `npm install` (the `prepare` script) and
// again by bin/cnn-tutor.js whenever a source file is newer than the build.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli({ quiet = false } = {}) {
  const dist = join(root, 'dist');
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await build({
    entryPoints: [join(root, 'src/cli.tsx')],
    outfile: join(dist, 'cli.js'),
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
  cpSync(join(root, 'src/i18n/messages'), join(dist, 'messages'), { recursive: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildCli();
}

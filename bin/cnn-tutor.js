#!/usr/bin/env node
// Entry point. Runs the compiled dist/cli.js; rebuilds it first when it is missing or when a
// source file has changed since it was built (so `npm start` after an edit runs the edit).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const src = join(root, 'src');
if (existsSync(src) && (!existsSync(built) || statSync(built).mtimeMs < newestSource(src))) {
  const { buildCli } = await import(pathToFileURL(join(root, 'scripts', 'build.mjs')).href);
  await buildCli({ quiet: true });
}
await import(pathToFileURL(built).href);

/**
 * A small course written to a temporary folder, for tests of the loader: files by their path
 * under the course root (`lessons/course.yaml`, `exercises/one.yaml`). The folders are removed
 * after the test file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A fresh empty folder, removed after the test file. */
export function scratchFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'cnn-tutor-course-'));
  roots.push(root);
  return root;
}

/** A course folder holding `files`; returns its root. */
export function writeCourse(files: Record<string, string>, root = scratchFolder()): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

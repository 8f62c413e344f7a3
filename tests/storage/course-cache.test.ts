import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCourse } from '../../src/content/load-course.js';
import { loadCourseCached, readCachedCourse } from '../../src/storage/course-cache.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-cache-'));
  roots.push(dir);
  return dir;
}

/** A one-lesson course with no exercises. */
function course(): string {
  const root = tempDir();
  const files: Record<string, string> = {
    'lessons/course.yaml': 'format: 1\nlessons: [one]\n',
    'lessons/one.yaml':
      'format: 1\nid: one\ntitle: One\nsummary: S\nsteps:\n  - title: T\n    text: X\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

describe('the course cache', () => {
  test('a second load reads what the first one wrote', () => {
    const root = course();
    const dir = tempDir();
    const first = loadCourseCached({ root, lang: 'en', dir }, loadCourse);
    expect(readdirSync(dir)).toEqual(['course-en.json']);
    const cached = readCachedCourse({ root, lang: 'en', dir }).loaded;
    expect(cached?.course.lessons).toEqual(first.course.lessons);
    const second = loadCourseCached({ root, lang: 'en', dir }, () => {
      throw new Error('the loader should not run');
    });
    expect(second.course.lessons.map((l) => l.id)).toEqual(['one']);
  });

  test('a write that cannot finish leaves no temporary file behind', () => {
    const root = course();
    const dir = tempDir();
    // A folder where the cache file goes: the final rename fails.
    mkdirSync(join(dir, 'course-en.json'));
    const loaded = loadCourseCached({ root, lang: 'en', dir }, loadCourse);
    expect(loaded.course.lessons.map((l) => l.id)).toEqual(['one']);
    expect(readdirSync(dir)).toEqual(['course-en.json']);
    expect(statSync(join(dir, 'course-en.json')).isDirectory()).toBe(true);
  });
});

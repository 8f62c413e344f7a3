/**
 * Content files written to break the loader: grids of thousands, generators drawing huge
 * sizes. Each must come back as one problem with its file and line, like a typo: never
 * gigabytes of memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { ContentProblem } from '../../src/content/course.js';
import { MAX_CONTENT_BYTES, MAX_DRAWN, MAX_LIST_ITEMS } from '../../src/content/limits.js';
import { loadCourse } from '../../src/content/load-course.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-hostile-'));
  roots.push(dir);
  return dir;
}

function writeCourse(files: Record<string, string>): string {
  const root = tempDir();
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const MANIFEST = 'format: 1\nlessons: [one]\n';
/** A lesson whose second step is `step` (its lines start at line 9). */
const lesson = (step: string): string =>
  `format: 1\nid: one\ntitle: One\nsummary: S\nsteps:\n  - title: T\n    text: X\n  - exercise: ex\n${step}`;
/** The exercise `ex`, whose `block` starts at line 8. */
const exercises = (block: string): string =>
  `format: 1\nlesson: one\nexercises:\n  - id: ex\n    title: E\n    template: conv2d-cell\n    prompt: P\n${block}    hints: [a, b]\n`;
const GIVEN = '    given: { input: [[1, 2], [3, 4]], kernels: [[[1]]], cell: [0, 0, 0] }\n';

const course = (files: { lesson?: string; exercises?: string; extra?: Record<string, string> }) =>
  writeCourse({
    'lessons/course.yaml': MANIFEST,
    'lessons/one.yaml': files.lesson ?? lesson(''),
    'exercises/one.yaml': files.exercises ?? exercises(GIVEN),
    ...files.extra,
  });

const line = (p: ContentProblem): string =>
  `${p.file}:${p.line ?? '-'}${p.field ? ` ${p.field}` : ''} — ${p.message}`;
const problemsOf = (root: string): string[] => loadCourse({ root }).problems.map(line);

describe('content size limits', () => {
  const grid = (rows: number, cols: number): string =>
    `[${Array.from({ length: rows }, () => `[${Array(cols).fill(1).join(',')}]`).join(',')}]`;

  test('a 2000×2000 figure: the file is refused unparsed, at the line where it passes the limit', () => {
    const root = course({
      lesson: lesson(
        `  - title: T\n    text: X\n    figure:\n      op: relu\n      input: ${grid(2000, 2000)}\n`,
      ),
    });
    expect(problemsOf(root)).toEqual([
      `lessons/one.yaml:13 — the file is 7,817 KB; a lesson or exercise file may be at most ${MAX_CONTENT_BYTES / 1024} KB (it passes that on this line). A grid has at most ${MAX_LIST_ITEMS} rows and ${MAX_LIST_ITEMS} columns; split a long lesson into two`,
    ]);
  });

  test.each([
    [
      'a figure of 100 rows',
      {
        lesson: lesson(
          `  - title: T\n    text: X\n    figure: { op: relu, input: ${grid(100, 2)} }\n`,
        ),
      },
      'lessons/one.yaml:11 steps[2].figure.input — 100 items',
    ],
    [
      'a demo of 65 columns',
      {
        lesson: lesson(
          `  - title: T\n    text: X\n    demo:\n      input: ${grid(3, 65)}\n      kernel: [[1]]\n`,
        ),
      },
      'lessons/one.yaml:12 steps[2].demo.input[0] — 65 items',
    ],
    [
      'a picture of 65 rows',
      { lesson: lesson(`  - title: T\n    text: X\n    picture:\n      grid: ${grid(65, 1)}\n`) },
      'lessons/one.yaml:12 steps[2].picture.grid — 65 items',
    ],
    [
      'a given grid of 70 rows',
      {
        exercises: exercises(
          `    given: { input: ${grid(70, 3)}, kernels: [[[1]]], cell: [0, 0, 0] }\n`,
        ),
      },
      'exercises/one.yaml:8 exercises[0].given.input — 70 items',
    ],
  ])('%s: the list, with the limit', (_name, files, where) => {
    expect(problemsOf(course(files))).toEqual([
      `${where}; a list here may have at most ${MAX_LIST_ITEMS} (a grid at most ${MAX_LIST_ITEMS} rows and ${MAX_LIST_ITEMS} columns)`,
    ]);
  });

  test('`generate: rows: [4, 100000]` is refused before anything is drawn', () => {
    const root = course({
      exercises: exercises(
        '    generate:\n      rows: [4, 100000]\n      kernel: 3\n      values: { range: [0, 9] }\n      weights: { range: [-1, 1] }\n',
      ),
    });
    expect(problemsOf(root)).toEqual([
      `exercises/one.yaml:9 exercises[0].generate.rows[1] — at most ${MAX_DRAWN}: a generator draws sizes, counts and positions up to ${MAX_DRAWN}`,
    ]);
  });

  test('a demo padded or strided beyond a grid side', () => {
    const root = course({
      lesson: lesson(
        '  - title: T\n    text: X\n    demo:\n      input: [[1]]\n      kernel: [[1]]\n      stride: 1000\n      padding: 100000\n',
      ),
    });
    expect(problemsOf(root)).toEqual([
      `lessons/one.yaml:14 steps[2].demo.stride — at most ${MAX_DRAWN}, the largest grid side`,
      `lessons/one.yaml:15 steps[2].demo.padding — at most ${MAX_DRAWN} zeros on each side`,
    ]);
  });

  test.skipIf(process.platform === 'win32')(
    'a named pipe where a lesson should be is refused, not waited on',
    () => {
      const root = course({});
      rmSync(join(root, 'lessons/one.yaml'));
      expect(spawnSync('mkfifo', [join(root, 'lessons/one.yaml')]).status).toBe(0);
      expect(problemsOf(root)).toEqual([
        'lessons/one.yaml:- — not a file: a lesson or exercise must be a .yaml file',
      ]);
    },
  );
});

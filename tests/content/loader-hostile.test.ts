/**
 * Content files written to break the loader: YAML aliases with no anchor, billion-laughs
 * blocks, grids of thousands, generators drawing huge sizes. Each must come back as one
 * problem with its file and line, like a typo, from every path that loads content: never a
 * stack trace, never gigabytes of memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content/check-content.js';
import type { ContentProblem } from '../../src/content/course.js';
import { loadCourseCached } from '../../src/storage/course-cache.js';
import {
  MAX_ALIASES,
  MAX_CONTENT_BYTES,
  MAX_DRAWN,
  MAX_LIST_ITEMS,
} from '../../src/content/limits.js';
import { loadCourse } from '../../src/content/load-course.js';
import { runCli } from '../cli/run-cli.js';
import { writeCourse as writeFiles } from '../helpers/course-folder.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-hostile-'));
  roots.push(dir);
  return dir;
}

function writeCourse(files: Record<string, string>): string {
  return writeFiles(files, tempDir());
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

/** `*a` repeated `n` times as a list, one per line. */
const aliasList = (n: number): string => `[${Array(n).fill('*a').join(', ')}]`;

/** Nine levels of nine aliases each: 9⁹ copies of the first list once expanded. */
const BILLION_LAUGHS = [
  'laughs:',
  '  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...'bcdefghi'
    .split('')
    .map((name, i) => `  - &${name} ${`[${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`}`),
].join('\n');

describe('YAML that cannot become data', () => {
  test('an alias with no anchor, in a lesson: its file, line and field', () => {
    const root = course({ lesson: lesson('  - title: *nope\n    text: X\n') });
    expect(problemsOf(root)).toEqual([
      'lessons/one.yaml:9 steps[2].title — alias `*nope` has no anchor: mark an earlier value `&nope`, or write the value out',
    ]);
  });

  test('an alias with no anchor, in an exercise file', () => {
    const root = course({
      exercises: exercises(
        '    given: { input: [[1, 2], [3, 4]], kernels: *kernels, cell: [0, 0, 0] }\n',
      ),
    });
    expect(problemsOf(root)).toEqual([
      'exercises/one.yaml:8 exercises[0].given.kernels — alias `*kernels` has no anchor: mark an earlier value `&kernels`, or write the value out',
      // As after a syntax error: the file defines nothing, so its lesson names an unknown exercise.
      'lessons/one.yaml:8 steps[1].exercise — unknown exercise `ex`: no exercise file defines it',
    ]);
  });

  test('an alias with no anchor, in a translation', () => {
    const root = course({ extra: { 'lessons/one.pt-BR.yaml': 'title: *titulo\n' } });
    expect(loadCourse({ root, lang: 'pt-BR' }).problems.map(line)).toEqual([
      'lessons/one.pt-BR.yaml:1 title — alias `*titulo` has no anchor: mark an earlier value `&titulo`, or write the value out',
    ]);
  });

  test('an alias inside the value it repeats', () => {
    const root = course({
      lesson: lesson('  - title: T\n    text: X\n    figure: &f { op: relu, input: *f }\n'),
    });
    expect(problemsOf(root)).toEqual([
      'lessons/one.yaml:11 steps[2].figure.input — alias `*f` is inside the value `&f` marks, so that value would contain itself',
    ]);
  });

  test('a billion-laughs block is refused where it passes the budget, without being expanded', () => {
    const root = course({ lesson: `${lesson('')}${BILLION_LAUGHS}\n` });
    expect(problemsOf(root)).toEqual([
      `lessons/one.yaml:12 laughs[2][4] — too many aliases: with \`*b\` this file repeats values more than ${MAX_ALIASES} times (an alias inside a repeated value counts again for each copy); write the values out`,
    ]);
  });

  test(`${MAX_ALIASES} copies through aliases are fine, one more is not`, () => {
    const repeats = (n: number) =>
      `${lesson('').replace('title: One', 'title: &a One')}repeats: ${aliasList(n)}\n`;
    // Within the budget the file becomes data: only the unknown field is left to report.
    expect(problemsOf(course({ lesson: repeats(MAX_ALIASES) }))).toEqual([
      'lessons/one.yaml:9 repeats — unknown field `repeats`',
    ]);
    expect(problemsOf(course({ lesson: repeats(MAX_ALIASES + 1) }))).toEqual([
      expect.stringMatching(
        new RegExp(`^lessons/one\\.yaml:9 repeats\\[${MAX_ALIASES}\\] — too many aliases`),
      ),
    ]);
  });

  test('an alias inside a repeated value counts once for each copy', () => {
    // 10 plain copies, then 11 for each `*b` (itself and the ten inside): the fourth passes.
    const text = `a: &a 1\nb: &b ${aliasList(10)}\nc: [*b, *b, *b, *b]\n`;
    expect(problemsOf(course({ lesson: text }))).toEqual([
      expect.stringMatching(/^lessons\/one\.yaml:3 c\[3\] — too many aliases: with `\*b`/),
    ]);
  });

  test('a list or map used as a key', () => {
    const root = course({ lesson: lesson('  - title: T\n    text: X\n    ? [a, b]\n    : 1\n') });
    expect(problemsOf(root)).toEqual([
      'lessons/one.yaml:11 steps[2] — a key must be a name, not a list or map (`[a, b]: …` or `? …`)',
    ]);
  });
});

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

describe('every path that loads the course reports instead of throwing', () => {
  const hostile = () =>
    course({
      lesson: `${lesson('  - title: *nope\n    text: X\n')}`,
      exercises: exercises(
        '    generate:\n      rows: [4, 100000]\n      kernel: 3\n      values: { range: [0, 9] }\n      weights: { range: [-1, 1] }\n',
      ),
    });
  const expected = [
    `exercises/one.yaml:9 exercises[0].generate.rows[1] — at most ${MAX_DRAWN}: a generator draws sizes, counts and positions up to ${MAX_DRAWN}`,
    'lessons/one.yaml:9 steps[2].title — alias `*nope` has no anchor: mark an earlier value `&nope`, or write the value out',
  ];

  test("the tutor's loader (through its cache, twice)", () => {
    const root = hostile();
    const dir = tempDir();
    for (let run = 0; run < 2; run++)
      expect(loadCourseCached({ root, lang: 'en', dir }, loadCourse).problems.map(line)).toEqual(
        expected,
      );
  });

  test('checkContent', () => {
    expect(checkContent({ root: hostile(), seeds: 2 }).map(line)).toEqual(expected);
  });

  test('`cnn-tutor check-content` lists them and exits 1', () => {
    const r = runCli(['check-content', '--seeds', '2'], {
      env: { CNN_TUTOR_COURSE_DIR: hostile(), CNN_TUTOR_CACHE_DIR: tempDir() },
    });
    expect(r).toEqual({
      status: 1,
      stdout: '',
      stderr: [
        '2 problems in the course content:',
        `  exercises/one.yaml:9 (exercises[0].generate.rows[1]): at most ${MAX_DRAWN}: a generator draws sizes, counts and positions up to ${MAX_DRAWN}`,
        '  lessons/one.yaml:9 (steps[2].title): alias `*nope` has no anchor: mark an earlier value `&nope`, or write the value out',
        '',
      ].join('\n'),
    });
  });
});

/** Lab files: the shipped labs load, and every problem names its file, line and field. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, test } from 'vitest';
import { rmSync } from 'node:fs';
import { LABS_DIR, MAX_LAB_BYTES, loadLab, parseLabRef } from '../../src/grade/load-lab.js';
import { ROOT, course } from './make-class.js';

const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-labs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(text: string, name = 'lab.yaml') {
  const file = join(dir, name);
  writeFileSync(file, text);
  return loadLab(file, { course: course(), root: ROOT });
}

function problems(text: string) {
  return load(text).problems.map((p) => ({ line: p.line, field: p.field, message: p.message }));
}

describe('shipped labs', () => {
  const ids = readdirSync(join(ROOT, LABS_DIR))
    .filter((n) => n.endsWith('.yaml'))
    .map((n) => n.replace(/\.yaml$/, ''));
  it('there is at least one', () => {
    expect(ids).toContain('lab-1');
  });
  test.each(ids)('%s loads without problems, by id', (id) => {
    const r = loadLab(id, { course: course(), root: ROOT });
    expect(r.problems).toEqual([]);
    expect(r.lab!.id).toBe(id);
    expect(r.lab!.exercises.length).toBeGreaterThanOrEqual(10);
  });
  it('lab-1 spans more than one lesson and has grids scored per cell', () => {
    const lab = loadLab('lab-1', { course: course(), root: ROOT }).lab!;
    expect(new Set(lab.exercises.map((e) => e.def.lesson)).size).toBeGreaterThan(1);
    expect(lab.exercises.some((e) => e.gridScoring === 'per-cell')).toBe(true);
  });
});

describe('a lab file', () => {
  it('loads with defaults: 1 point, all-or-nothing grids', () => {
    const r = load(
      'format: 1\nid: mini\ntitle: Mini\nexercises:\n  - id: conv-first-window\n  - id: conv-whole-map\n    points: 2.5\n    grid-scoring: per-cell\n',
    );
    expect(r.problems).toEqual([]);
    expect(r.lab!.exercises.map((e) => [e.id, e.number, e.points, e.gridScoring])).toEqual([
      ['conv-first-window', 1, 1, 'all-or-nothing'],
      ['conv-whole-map', 2, 2.5, 'per-cell'],
    ]);
    expect(r.lab!.maxScore).toBe(3.5);
    expect(r.lab!.source).toContain('id: mini');
  });

  it('sums points without float noise', () => {
    const r = load(
      'format: 1\nid: mini\ntitle: Mini\nexercises:\n  - id: conv-first-window\n    points: 0.1\n  - id: conv-whole-map\n    points: 0.2\n',
    );
    expect(r.lab!.maxScore).toBe(0.3);
  });

  test.each([
    [
      'format: 2\nid: x\ntitle: X\nexercises: [{id: conv-first-window}]\n',
      [
        {
          line: 1,
          field: 'format',
          message: '`format` must be 1 (the version of the lab file format)',
        },
      ],
    ],
    [
      'format: 1\nid: x\ntitel: X\nexercises: [{id: conv-first-window}]\n',
      [{ line: 3, field: 'titel', message: 'unknown field `titel` (did you mean `title`?)' }],
    ],
    [
      'format: 1\nid: x\ntitle: X\nexercises:\n  - id: conv-first-window\n    point: 2\n',
      [
        {
          line: 6,
          field: 'exercises[0].point',
          message: 'unknown field `point` (did you mean `points`?)',
        },
      ],
    ],
    [
      'format: 1\nid: X Y\ntitle: X\nexercises: [{id: conv-first-window}]\n',
      [{ line: 2, field: 'id', message: 'expected a kebab-case id such as `lab-1`' }],
    ],
    [
      'format: 1\nid: x\nexercises: [{id: conv-first-window}]\n',
      [{ line: 1, field: 'title', message: 'missing `title`' }],
    ],
    [
      'format: 1\nid: x\ntitle: X\nexercises: []\n',
      [{ line: 4, field: 'exercises', message: 'list at least one exercise' }],
    ],
    [
      'format: 1\nid: x\ntitle: X\nexercises:\n  - id: conv-first-window\n    points: 0\n',
      [{ line: 6, field: 'exercises[0].points', message: 'points must be more than 0' }],
    ],
    [
      'format: 1\nid: x\ntitle: X\nexercises:\n  - id: conv-first-window\n    points: two\n',
      [
        {
          line: 6,
          field: 'exercises[0].points',
          message: 'expected a number of points such as 1 or 2.5',
        },
      ],
    ],
    [
      'format: 1\nid: x\ntitle: X\ngrid-scoring: partial\nexercises: [{id: conv-first-window}]\n',
      [{ line: 4, field: 'grid-scoring', message: 'expected `all-or-nothing` or `per-cell`' }],
    ],
    [
      'format: 1\nid: x\ntitle: X\nexercises:\n  - id: conv-first-windw\n',
      [
        {
          line: 5,
          field: 'exercises[0].id',
          message:
            'no exercise `conv-first-windw` in the course (did you mean `conv-first-window`?); `cnn-tutor list` shows them all, and `cnn-tutor check-content` shows any that failed to load',
        },
      ],
    ],
    [
      'format: 1\nid: x\ntitle: X\nexercises:\n  - id: conv-first-window\n  - id: conv-whole-map\n  - id: conv-first-window\n',
      [
        {
          line: 7,
          field: 'exercises[2].id',
          message:
            'exercise `conv-first-window` is listed twice (first as exercises[0]); list each exercise once',
        },
      ],
    ],
    [
      'format: 1\nid: x\ntitle: [oops\n',
      [{ line: 4, field: '', message: expect.stringMatching(/^YAML syntax: /) }],
    ],
    [
      'format: 1\nid: x\ntitle: X\nexercises:\n  - id: *first\n',
      [
        {
          line: 5,
          field: 'exercises[0].id',
          message:
            'alias `*first` has no anchor: mark an earlier value `&first`, or write the value out',
        },
      ],
    ],
    [
      // Billion laughs: refused at the alias that passes the budget, never expanded.
      `format: 1\nid: x\ntitle: X\nexercises: [{id: conv-first-window}]\nlaughs:\n  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${'abcdefgh'
        .split('')
        .map((from, i) => `  - &${'bcdefghi'[i]} [${Array(9).fill(`*${from}`).join(', ')}]\n`)
        .join('')}`,
      [
        {
          line: 8,
          field: 'laughs[2][4]',
          message: expect.stringMatching(/^too many aliases: with `\*b` this file repeats values/),
        },
      ],
    ],
  ])('%j → problems', (text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('names the file as given', () => {
    const r = load('format: 1\n', 'named.yaml');
    expect(r.problems.every((p) => p.file === join(dir, 'named.yaml'))).toBe(true);
  });

  it('in the course, must have the id its file name says', () => {
    const root = join(dir, 'course');
    mkdirSync(join(root, LABS_DIR), { recursive: true });
    writeFileSync(
      join(root, LABS_DIR, 'week-2.yaml'),
      'format: 1\nid: week-3\ntitle: X\nexercises: [{id: conv-first-window}]\n',
    );
    expect(loadLab('week-2', { course: course(), root }).problems).toEqual([
      {
        file: 'exercises/labs/week-2.yaml',
        line: 2,
        field: 'id',
        message:
          "`id` is `week-3` but the file is named for `week-2`; make them the same (the id is part of every student's seed)",
      },
    ]);
    expect(loadLab('nope', { course: course(), root }).problems).toEqual([
      {
        file: 'exercises/labs/nope.yaml',
        field: '',
        message:
          'no lab `nope`: expected the file exercises/labs/nope.yaml in the course (or give a path to a lab file)',
      },
    ]);
  });

  it('refuses a missing file, a folder and a huge file with a clear message', () => {
    expect(
      loadLab(join(dir, 'missing.yaml'), { course: course(), root: ROOT }).problems[0].message,
    ).toBe('no such file');
    mkdirSync(join(dir, 'folder.yaml'), { recursive: true });
    expect(
      loadLab(join(dir, 'folder.yaml'), { course: course(), root: ROOT }).problems[0].message,
    ).toBe('not a file (a folder?): give the path of a lab .yaml file');
    writeFileSync(join(dir, 'huge.yaml'), 'x'.repeat(MAX_LAB_BYTES + 1));
    expect(
      loadLab(join(dir, 'huge.yaml'), { course: course(), root: ROOT }).problems[0].message,
    ).toBe(`the file is ${MAX_LAB_BYTES + 1} bytes; a lab file may be at most ${MAX_LAB_BYTES}`);
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe instead of waiting on it', () => {
    const fifo = join(dir, 'pipe.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(loadLab(fifo, { course: course(), root: ROOT }).problems).toEqual([
      {
        file: fifo,
        field: '',
        message: 'not a file (a folder?): give the path of a lab .yaml file',
      },
    ]);
  });
});

describe('parseLabRef', () => {
  test.each([
    ['lab-1', { kind: 'id', id: 'lab-1' }],
    ['labs/lab-1.yaml', { kind: 'path', path: 'labs/lab-1.yaml' }],
    ['lab-1.yaml', { kind: 'path', path: 'lab-1.yaml' }],
    ['../lab', { kind: 'path', path: '../lab' }],
    ['C:\\labs\\x.yml', { kind: 'path', path: 'C:\\labs\\x.yml' }],
  ])('%s', (text, ref) => {
    expect(parseLabRef(text)).toEqual(ref);
  });
});

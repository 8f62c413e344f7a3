/**
 * The course library (lessons/library.yaml): what lessons and exercises may name instead of
 * repeating numbers, and the message for every name that does not resolve.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { writeCourse } from '../helpers/course-folder.js';
import type { ContentProblem } from '../../src/content/course.js';
import {
  type Library,
  readFraction,
  readLibrary,
  resolveNames,
} from '../../src/content/library.js';
import { loadCourse } from '../../src/content/load-course.js';
import { ROOT } from '../e2e/pty-session.js';

const LIBRARY = `format: 1
kernels:
  cross: { name: Cross, grid: [[1, 0], [0, 1]] }
  blur: { name: { en: Blur, pt-BR: Desfoque }, grid: [[1, 1], [1, 1]], scale: 1/4 }
pictures:
  square: [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
networks:
  tiny:
    - { op: conv2d, kernels: [cross], scale: 1/2 }
    - { op: relu }
    - { op: flatten }
`;
const library: Library = readLibrary(writeCourse({ 'lessons/library.yaml': LIBRARY }), []);

describe('reading the library', () => {
  test('kernels keep their order, names per language and scale; networks are resolved', () => {
    expect(library.kernels.map((k) => [k.id, k.name, k.scale, k.scaleText])).toEqual([
      ['cross', { en: 'Cross' }, 1, undefined],
      ['blur', { en: 'Blur', 'pt-BR': 'Desfoque' }, 0.25, '1/4'],
    ]);
    expect(library.networks.tiny).toEqual([
      {
        op: 'conv2d',
        kernels: [
          [
            [1, 0],
            [0, 1],
          ],
        ],
        scale: 0.5,
      },
      { op: 'relu' },
      { op: 'flatten' },
    ]);
  });

  test('the course library names the image kernels in English and Portuguese', () => {
    const problems: ContentProblem[] = [];
    const course = readLibrary(ROOT, problems);
    expect(problems).toEqual([]);
    expect(course.kernels.find((k) => k.id === 'sharpen')!.name).toEqual({
      en: 'Sharpen',
      'pt-BR': 'Nitidez',
    });
    expect(course.kernels.find((k) => k.id === 'box-blur')!.scale).toBe(1 / 9);
  });

  test('a broken library is reported with its line, and the course still loads without it', () => {
    const root = writeCourse({
      'lessons/library.yaml': 'format: 1\npictures:\n  Bad Name: [[1]]\n',
      'lessons/course.yaml': 'format: 1\nlessons: [one]\n',
      'lessons/one.yaml':
        'format: 1\nid: one\ntitle: One\nsummary: S\nsteps:\n  - title: T\n    text: X\n',
    });
    const loaded = loadCourse({ root });
    expect(loaded.course.lessons.map((l) => l.id)).toEqual(['one']);
    expect(loaded.problems.map((p) => `${p.file}:${p.line}`)).toEqual(['lessons/library.yaml:3']);
  });

  test('a network naming a kernel the library lacks is named with its stage', () => {
    const problems: ContentProblem[] = [];
    readLibrary(
      writeCourse({
        'lessons/library.yaml':
          'format: 1\nnetworks:\n  n:\n    - { op: conv2d, kernels: [nope] }\n',
      }),
      problems,
    );
    expect(problems.map((p) => `${p.line} ${p.field} ${p.message}`)).toEqual([
      '4 networks.n[0].kernels[0] no kernel `nope` in the library: lessons/library.yaml names none',
    ]);
  });
});

describe('names in a figure or an exercise', () => {
  test('pictures, kernels, networks and fractions resolve to their numbers', () => {
    expect(
      resolveNames(
        { op: 'pipeline', input: 'square', stages: { network: 'tiny', through: 2 } },
        library,
      ),
    ).toEqual({
      value: {
        op: 'pipeline',
        input: [
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ],
        stages: [
          {
            op: 'conv2d',
            kernels: [
              [
                [1, 0],
                [0, 1],
              ],
            ],
            scale: 0.5,
          },
          { op: 'relu' },
        ],
      },
    });
    expect(resolveNames({ input: { from: ['square', [[0]]] } }, library)).toEqual({
      value: {
        input: {
          from: [
            [
              [1, 2, 3],
              [4, 5, 6],
              [7, 8, 9],
            ],
            [[0]],
          ],
        },
      },
    });
    expect(resolveNames({ kernels: ['blur'], scale: '1/4' }, library)).toEqual({
      value: {
        kernels: [
          [
            [1, 1],
            [1, 1],
          ],
        ],
        scale: 0.25,
      },
    });
    // Written-out numbers and other strings are left alone.
    const plain = { op: 'conv2d', input: [[1]], kernels: [[[2]]], kernel: 'sharpen', scale: 2 };
    expect(resolveNames(plain, library)).toEqual({ value: plain });
  });

  test.each([
    [{ input: 'circle' }, ['input'], 'no picture `circle` in the library: expected one of square'],
    [
      { kernels: [[[1]], 'edge'] },
      ['kernels', 1],
      'no kernel `edge` in the library: expected one of cross, blur',
    ],
    [
      { kernels: ['blur'] },
      ['kernels'],
      'the kernels named here are multiplied by 1/4: write `scale: 1/4` on this stage',
    ],
    [
      { kernels: ['blur'], scale: 1 },
      ['scale'],
      'the kernels named here are multiplied by 1/4: write `scale: 1/4` on this stage',
    ],
    [
      { stages: { network: 'huge' } },
      ['stages', 'network'],
      'no network `huge` in the library: expected one of tiny',
    ],
    [
      { stages: { network: 'tiny', through: 4 } },
      ['stages', 'through'],
      '`through` counts the stages to take: a whole number from 0 to 3',
    ],
    [
      { stages: { network: 'tiny', upTo: 1 } },
      ['stages'],
      '`stages` is a list of stages, or `{ network: <name>, through: <count> }` to take the first stages of a library network',
    ],
  ])('%j is refused at %j', (value, path, message) => {
    expect(resolveNames(value, library)).toEqual({ problem: { path, message } });
  });

  test('a fraction is the quotient JavaScript computes, so 1/9 is the same number as 0.1111111111111111', () => {
    expect(readFraction('1/9')).toBe(0.1111111111111111);
    expect(readFraction(' 1 / 16 ')).toBe(0.0625);
    expect(readFraction('1/0')).toBe('1/0');
    expect(readFraction('one/9')).toBe('one/9');
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (a, b) => {
          expect(readFraction(`${a}/${b}`)).toBe(a / b);
        },
      ),
    );
  });
});

describe('the kernel-match template', () => {
  test('reads its kernels from the course library, which the loader hands to each exercise', () => {
    const loaded = loadCourse({ root: ROOT });
    const course = readLibrary(ROOT, []);
    const defs = [...loaded.course.exercises.values()].filter((d) => d.template === 'kernel-match');
    expect(defs.length).toBeGreaterThan(0);
    for (const def of defs) expect(def.context?.kernels, def.id).toEqual(course.kernels);
    // Other templates get no context.
    expect(loaded.course.exercises.get('xo-match-first')?.context).toBeUndefined();
  });

  test('a kernel the library does not name is refused with the names it has', () => {
    const root = writeCourse({
      'lessons/library.yaml': LIBRARY,
      'lessons/course.yaml': 'format: 1\nlessons: [one]\n',
      'lessons/one.yaml': 'format: 1\nid: one\ntitle: One\nsummary: S\nsteps:\n  - exercise: km\n',
      'exercises/one.yaml': [
        'format: 1',
        'lesson: one',
        'exercises:',
        '  - id: km',
        '    title: K',
        '    template: kernel-match',
        '    prompt: P',
        '    given: { input: [[0, 1, 2], [3, 4, 5], [6, 7, 9]], kernel: sharpen, options: [sharpen, cross] }',
        '    hints: [a, b]',
        '',
      ].join('\n'),
    });
    expect(loadCourse({ root }).problems.map((p) => `${p.field} ${p.message}`)).toEqual([
      'exercises[0].given.kernel unknown kernel "sharpen"; expected one of cross, blur',
    ]);
  });
});

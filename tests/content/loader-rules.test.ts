/**
 * One rule of the file format per row: a tiny course written to a temporary folder, and the
 * exact problems the loader must report for it.
 */
import { describe, expect, test } from 'vitest';
import { writeCourse } from '../helpers/course-folder.js';
import { loadCourse } from '../../src/content/load-course.js';

const MANIFEST = 'format: 1\nlessons: [one]\n';
const lesson = (steps: string, head = 'format: 1\nid: one\ntitle: One\nsummary: S\n'): string =>
  `${head}steps:\n${steps}`;
const TEXT_STEP = '  - title: T\n    text: X\n';
const EXERCISE = (extra = '', id = 'ex') =>
  `  - id: ${id}\n    title: E\n    template: conv2d-cell\n    prompt: P\n${extra}    hints: [a, b]\n`;
const GIVEN = '    given: { input: [[1, 2], [3, 4]], kernels: [[[1]]], cell: [0, 0, 0] }\n';
const exercises = (items: string, lessonId = 'one') =>
  `format: 1\nlesson: ${lessonId}\nexercises:\n${items}`;

function problemsOf(files: Record<string, string>, lang = 'en'): string[] {
  return loadCourse({ root: writeCourse(files), lang }).problems.map(
    (p) => `${p.file}:${p.line ?? '-'}${p.field ? ` ${p.field}` : ''} — ${p.message}`,
  );
}

describe('lesson rules', () => {
  test.each([
    [
      'a step with a figure and a demo',
      `  - title: T\n    text: X\n    figure: { op: relu, input: [1] }\n    demo: { input: [[1]], kernel: [[1]] }\n`,
      [
        'lessons/one.yaml:9 steps[0].demo — a step shows at most one of `figure` and `demo`; split it into two steps',
      ],
    ],
    [
      'a caption without a figure',
      `  - title: T\n    text: X\n    caption: C\n`,
      [
        'lessons/one.yaml:8 steps[0].caption — `caption` belongs to a `figure`, and this step has none',
      ],
    ],
    [
      'an exercise step with a title',
      `  - exercise: ex\n    title: T\n`,
      [
        'lessons/one.yaml:7 steps[0].title — an exercise step holds only `exercise: <id>`; `title` belongs in the exercise file',
      ],
    ],
    [
      'a step without text',
      `  - title: T\n`,
      ['lessons/one.yaml:6 steps[0].text — missing `text`'],
    ],
    [
      'a text map without English',
      `  - title: { pt-BR: Olá }\n    text: X\n`,
      ['lessons/one.yaml:6 steps[0].title — a text per language must include `en`'],
    ],
  ])('%s', (_name, steps, expected) => {
    expect(
      problemsOf({ 'lessons/course.yaml': MANIFEST, 'lessons/one.yaml': lesson(steps) }),
    ).toEqual(expected);
  });

  test('a lesson declares the screens it opens; an unknown one or one listed twice is named', () => {
    const head = (tools: string) => `format: 1\nid: one\ntitle: One\nsummary: S\ntools: ${tools}\n`;
    const load = (tools: string) =>
      loadCourse({
        root: writeCourse({
          'lessons/course.yaml': MANIFEST,
          'lessons/one.yaml': lesson(TEXT_STEP, head(tools)),
        }),
      });
    const good = load('[trainer]');
    expect(good.problems).toEqual([]);
    expect(good.course.lessons[0].tools).toEqual(['trainer']);
    // The draw screen needs the hand-set network and pictures of lessons/library.yaml.
    const noLibrary = load('[trainer, draw]');
    expect(noLibrary.course.lessons[0].tools).toEqual(['trainer']);
    expect(noLibrary.problems.map((p) => `${p.line} ${p.field} ${p.message}`)).toEqual([
      '5 tools[1] the draw screen needs the network `xo-hand-set` and the 9×9 pictures `x`, `o`, `crooked-x` in lessons/library.yaml',
    ]);
    expect(
      loadCourse({
        root: writeCourse({
          'lessons/course.yaml': MANIFEST,
          'lessons/one.yaml': lesson(TEXT_STEP),
        }),
      }).course.lessons[0].tools,
    ).toEqual([]);
    expect(load('[piano]').problems.map((p) => `${p.line} ${p.field}`)).toEqual(['5 tools[0]']);
    expect(load('[draw, draw]').problems.map((p) => `${p.line} ${p.field} ${p.message}`)).toEqual([
      '5 tools a tool is listed twice',
    ]);
  });

  test('format must be 1, and an unknown op in a figure names the field', () => {
    expect(
      problemsOf({
        'lessons/course.yaml': 'format: 2\nlessons: [one]\n',
      }),
    ).toEqual([
      'lessons/course.yaml:1 format — `format` must be 1 (the version of these file formats)',
    ]);
    expect(
      problemsOf({
        'lessons/course.yaml': MANIFEST,
        'lessons/one.yaml': lesson(
          `${TEXT_STEP}  - title: F\n    text: X\n    figure: { op: convolve, input: [1] }\n`,
        ),
      }),
    ).toEqual([
      'lessons/one.yaml:10 steps[1].figure.op — the figure does not compute: `op`: expected one of conv2d, maxpool, avgpool, conv1d, relu, softmax, dense, outsize, params, summary, pipeline, got "convolve"',
    ]);
  });

  test.each([
    [
      'a kernel larger than the input',
      '{ input: [[1, 2], [3, 4]], kernel: [[1, 1, 1], [1, 1, 1], [1, 1, 1]] }',
      'steps[0].demo.kernel — the demo does not compute: The kernel is 3×3 but the padded input is only 2×2: the window does not fit. Use a smaller kernel or more padding.',
    ],
    [
      'a ragged input',
      '{ input: [[1, 2], [3]], kernel: [[1]] }',
      'steps[0].demo.input[1] — the demo does not compute: `input` is ragged: expected `input[1]` to be an array of length 2, got length 1.',
    ],
    [
      'channels instead of one grid',
      '{ input: [[[1]]], kernel: [[1]] }',
      'steps[0].demo.input — the demo does not compute: Expected `input` to be a grid (a list of rows), got a list of grids.',
    ],
    [
      'more predictions than cells',
      '{ input: [[1, 2], [3, 4]], kernel: [[1]], stride: 2, predict: 2 }',
      'steps[0].demo.predict — `predict` asks for 2 cells but the output has only 1×1 = 1',
    ],
  ])('a demo with %s is left out', (_name, demo, expected) => {
    const root = writeCourse({
      'lessons/course.yaml': MANIFEST,
      'lessons/one.yaml': lesson(`  - title: T\n    text: X\n    demo: ${demo}\n${TEXT_STEP}`),
    });
    const loaded = loadCourse({ root });
    expect(loaded.problems.map((p) => `${p.field} — ${p.message}`)).toEqual([expected]);
    expect(loaded.course.lessons[0].steps.map((s) => s.type)).toEqual(['text']);
  });

  test('file names, ids and the manifest must agree', () => {
    expect(
      problemsOf({
        'lessons/course.yaml': 'format: 1\nlessons: [one, one]\n',
        'lessons/one.yaml': lesson(TEXT_STEP, 'format: 1\nid: uno\ntitle: One\nsummary: S\n'),
        'lessons/two.yaml': lesson(TEXT_STEP, 'format: 1\nid: two\ntitle: Two\nsummary: S\n'),
        'lessons/Bad_Name.yaml': '',
        'lessons/three.pt-BR.yaml': 'title: Três\n',
        'lessons/README.md': 'not content',
      }),
    ).toEqual([
      'lessons/Bad_Name.yaml:- — unexpected file name: expected `<id>.yaml` or `<id>.<lang>.yaml` (a kebab-case id, a language such as `pt-BR`)',
      'lessons/course.yaml:2 lessons[1] — lesson `one` is listed twice',
      'lessons/one.yaml:2 id — `id` is `uno` but lessons/course.yaml lists it as `one`; they must match the file name',
      'lessons/three.pt-BR.yaml:- — translation of a lesson that does not exist: no lessons/three.yaml',
      'lessons/two.yaml:- — lesson `two` is not listed in lessons/course.yaml, so nobody can open it',
    ]);
  });
});

describe('exercise rules', () => {
  const course = (items: string, steps = '  - exercise: ex\n'): Record<string, string> => ({
    'lessons/course.yaml': MANIFEST,
    'lessons/one.yaml': lesson(steps),
    'exercises/one.yaml': exercises(items),
  });

  test.each([
    [
      'neither given nor generate',
      EXERCISE(),
      [
        'exercises/one.yaml:4 exercises[0] — missing `given` (fixed inputs) or `generate` (a recipe); give exactly one',
      ],
    ],
    [
      'both given and generate',
      EXERCISE(
        `${GIVEN}    generate: { rows: 3, kernel: 2, values: { of: [1] }, weights: { of: [1] } }\n`,
      ),
      [
        'exercises/one.yaml:9 exercises[0].generate — give exactly one of `given` and `generate`, not both',
      ],
    ],
    [
      'a negative tolerance',
      EXERCISE(`${GIVEN}    tolerance: -1\n`),
      ['exercises/one.yaml:9 exercises[0].tolerance — `tolerance` must be ≥ 0'],
    ],
    [
      'a typo in a generate block',
      EXERCISE(
        '    generate: { rows: 3, colls: 4, kernel: 2, values: { of: [1] }, weights: { of: [1] } }\n',
      ),
      ['exercises/one.yaml:8 exercises[0].generate.colls — unknown field `colls`'],
    ],
    [
      'an input the engine refuses',
      EXERCISE('    given: { input: [[1, 2], [3, 4]], kernels: [[[1, 2, 3]]], cell: [0, 0, 0] }\n'),
      [
        'exercises/one.yaml:8 exercises[0].given — The kernel is 1×3 but the padded input is only 2×2: the window does not fit. Use a smaller kernel or more padding.',
      ],
    ],
    [
      'an id that is not kebab-case',
      EXERCISE(GIVEN, 'Ex_1'),
      [
        'exercises/one.yaml:4 exercises[0].id — expected a kebab-case id such as `conv-first-cell`',
        'lessons/one.yaml:6 steps[0].exercise — unknown exercise `ex`: no exercise file defines it',
      ],
    ],
  ])('%s', (_name, items, expected) => {
    expect(problemsOf(course(items))).toEqual(expected);
  });

  test('a typo at the top of an exercise file is one problem, not two', () => {
    expect(
      problemsOf({
        'lessons/course.yaml': MANIFEST,
        'lessons/one.yaml': lesson(TEXT_STEP),
        'exercises/one.yaml': `format: 1\nlesson: one\nexercise:\n${EXERCISE(GIVEN)}`,
      }),
    ).toEqual([
      'exercises/one.yaml:3 exercise — unknown field `exercise` (did you mean `exercises`?)',
    ]);
  });

  test('a lesson without steps', () => {
    expect(
      problemsOf({
        'lessons/course.yaml': MANIFEST,
        'lessons/one.yaml': lesson('  []\n').replace('steps:\n  []', 'steps: []'),
      }),
    ).toEqual(['lessons/one.yaml:5 steps — a lesson needs at least one step']);
  });

  test('an exercise no lesson uses, and a file named after another lesson', () => {
    expect(
      problemsOf({
        'lessons/course.yaml': MANIFEST,
        'lessons/one.yaml': lesson(TEXT_STEP),
        'exercises/one.yaml': exercises(EXERCISE(GIVEN), 'other'),
      }),
    ).toEqual([
      'exercises/one.yaml:2 lesson — `lesson` is `other` but the file is named for `one`; name the file `exercises/other.yaml`',
      'exercises/one.yaml:4 exercises[0].id — exercise `ex` is not used by any lesson; add a step `- exercise: ex`',
    ]);
  });

  test('overlays: unknown ids, extra hints, extra steps, misaligned exercise steps', () => {
    const files = {
      ...course(EXERCISE(GIVEN), `  - exercise: ex\n${TEXT_STEP}`),
      'exercises/one.pt-BR.yaml':
        'exercises:\n  - id: nope\n    title: Não\n  - id: ex\n    hints: [um, dois, três]\n',
      'lessons/one.pt-BR.yaml': 'steps:\n  - exercise: other\n  - exercise: ex\n  - title: Sobra\n',
    };
    expect(problemsOf(files, 'pt-BR')).toEqual([
      'exercises/one.pt-BR.yaml:2 exercises[0].id — no exercise `nope` in exercises/one.yaml; overlays match exercises by id',
      'exercises/one.pt-BR.yaml:5 exercises[1].hints[2] — exercise `ex` has 2 hints; this file translates 3',
      'lessons/one.pt-BR.yaml:2 steps[0].exercise — step 0 of the lesson is exercise `ex`, not `other`; steps are matched by position',
      'lessons/one.pt-BR.yaml:3 steps[1].exercise — step 1 of the lesson is not an exercise step; steps are matched by position',
      'lessons/one.pt-BR.yaml:4 steps[2] — the lesson has 2 steps; this file translates 1 more',
    ]);
    // Overlays of other languages are not read for English (checkContent reads each language).
    expect(problemsOf(files, 'en')).toEqual([]);
    expect(
      loadCourse({ root: writeCourse(files), lang: 'pt-BR' }).course.exercises.get('ex')!.hints,
    ).toEqual(['um', 'dois']);
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { ContentProblem } from '../../src/content/course.js';
import { loadCourse } from '../../src/content/load-course.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/courses/${name}/`, import.meta.url));

/** Problems as `file:line field — message`, the way an author reads them. */
const lines = (problems: readonly ContentProblem[]): string[] =>
  problems.map((p) => `${p.file}:${p.line ?? '-'}${p.field ? ` ${p.field}` : ''} — ${p.message}`);

describe('loadCourse on the good fixture', () => {
  const { course, problems, languages } = loadCourse({ root: fixture('good'), lang: 'en' });

  test('reports nothing and loads every lesson in manifest order', () => {
    expect(problems).toEqual([]);
    expect(course.lessons.map((l) => [l.id, l.file, l.steps.map((s) => s.type)])).toEqual([
      [
        'convolution',
        'lessons/convolution.yaml',
        ['text', 'figure', 'demo', 'exercise', 'exercise', 'text'],
      ],
      ['feature-maps', 'lessons/feature-maps.yaml', ['text', 'exercise', 'exercise']],
    ]);
    expect([...course.exercises.keys()].sort()).toEqual([
      'conv-any-cell',
      'conv-first-cell',
      'conv-map',
      'conv-random-cell',
    ]);
    expect(languages).toEqual(['en', 'pt-BR']);
  });

  test('resolves text, figures and demos with their defaults', () => {
    const [first, figure, demo] = course.lessons[0].steps;
    expect(course.lessons[0].title).toBe('Convolution');
    expect(first).toEqual({
      type: 'text',
      title: 'A window over the image',
      text: 'A kernel is a small grid of weights.\n\nIt slides over the image.',
    });
    expect(figure).toMatchObject({
      type: 'figure',
      caption: "Every output cell is one window's sum.",
      request: { op: 'conv2d' },
    });
    expect(demo).toEqual({
      type: 'demo',
      title: 'Watch the window slide',
      text: 'Step through the cells.',
      demo: {
        input: [
          [1, 1, 1, 0],
          [0, 1, 1, 1],
          [0, 0, 1, 1],
          [0, 0, 1, 1],
        ],
        kernel: [
          [1, 0],
          [0, 1],
        ],
        stride: 1,
        padding: 'valid',
        bias: 0,
        predict: 2,
      },
    });
  });

  test('exercise definitions keep their recipe and where they are', () => {
    const def = course.exercises.get('conv-random-cell')!;
    expect(def).toMatchObject({
      lesson: 'convolution',
      template: 'conv2d-cell',
      generated: true,
      given: undefined,
      file: 'exercises/convolution.yaml',
      field: 'exercises[1]',
      hints: [
        "Find the window whose top-left corner is at the cell's row and column.",
        'Multiply pairs and add.',
      ],
    });
    expect(def.fieldLines).toMatchObject({ id: 15, generate: 19, hints: 24 });
  });
});

describe('translations', () => {
  const { course, problems } = loadCourse({ root: fixture('good'), lang: 'pt-BR' });
  const lesson = course.lessons[0];

  test('an overlay file wins over an inline map; missing fields fall back to English one by one', () => {
    expect(problems).toEqual([]);
    expect(lesson.title).toBe('Convolução (arquivo)');
    expect(lesson.summary).toBe('Uma janela, nove produtos, um número.');
    expect(lesson.steps[0]).toEqual({
      type: 'text',
      title: 'Uma janela sobre a imagem',
      text: 'Um kernel é uma pequena grade de pesos.',
    });
    // Step 1: only the caption is translated.
    expect(lesson.steps[1]).toMatchObject({
      title: 'The whole picture',
      caption: 'Cada célula da saída é a soma de uma janela.',
    });
    expect(course.lessons[1].title).toBe('Feature maps');
  });

  test('exercises are translated by id, hints by position', () => {
    expect(course.exercises.get('conv-random-cell')).toMatchObject({
      title: 'Qualquer janela',
      prompt: 'Calcule a célula ({row}, {col}) da saída.',
      hints: ['Encontre a janela.', 'Multiply pairs and add.'],
    });
    expect(course.exercises.get('conv-first-cell')!.title).toBe('The first window');
  });

  test('a language tag is matched loosely (pt_BR.UTF-8 style) and a region falls back to its language', () => {
    expect(loadCourse({ root: fixture('good'), lang: 'pt_BR' }).course.lessons[0].title).toBe(
      'Convolução (arquivo)',
    );
    expect(loadCourse({ root: fixture('good'), lang: 'de' }).course.lessons[0].title).toBe(
      'Convolution',
    );
  });
});

describe('loadCourse on the broken fixture', () => {
  const { course, problems } = loadCourse({ root: fixture('broken'), lang: 'pt-BR' });

  test('reports every problem with file, line and field', () => {
    expect(lines(problems)).toEqual([
      'exercises/basics.yaml:21 exercises[1].hints — give at least two hints (one is shown per wrong try)',
      // The list of templates grows; it is checked to name the two this course uses.
      expect.stringMatching(
        /^exercises\/basics\.yaml:25 exercises\[2\]\.template — unknown template `conv2d-cel` \(did you mean `conv2d-cell`\?\); expected one of .*conv2d-cell, conv2d-map/,
      ),
      'exercises/basics.yaml:31 exercises[3].id — duplicate id `dup-id`: already used in exercises/bad-figure.yaml line 4; ids must be unique in the course',
      'lessons/bad-figure.yaml:15 steps[1].figure.input[2] — the figure does not compute: `input` is ragged: expected `input[2]` to be an array of length 3, got length 2.',
      'lessons/basics.pt-BR.yaml:4 steps[0].txet — unknown field `txet` (did you mean `text`?)',
      'lessons/basics.yaml:9 steps[2].exercise — unknown exercise `no-such-exercise`: no exercise file defines it',
      'lessons/course.yaml:6 lessons[3] — lesson `missing-lesson` has no file lessons/missing-lesson.yaml',
      'lessons/syntax-error.yaml:8 — YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'lessons/typo.yaml:8 steps[1].titel — unknown field `titel` (did you mean `title`?)',
    ]);
  });

  test('the good lessons still load; broken steps and exercises are left out', () => {
    expect(
      course.lessons.map((l) => [
        l.id,
        l.steps.map((s) => (s.type === 'exercise' ? s.exerciseId : s.type)),
      ]),
    ).toEqual([
      // few-hints is broken (reported in its own file), no-such-exercise unknown: both steps dropped.
      ['basics', ['text', 'ok-exercise', 'dup-id']],
      ['bad-figure', ['text', 'text']],
    ]);
    expect([...course.exercises.keys()].sort()).toEqual(['dup-id', 'ok-exercise']);
    expect(course.exercises.get('dup-id')!.title).toBe('Second of two');
    // The broken overlay is ignored as a whole: English stays.
    expect(course.lessons[0].title).toBe('Basics');
  });
});

describe('smaller cases', () => {
  test('a missing course folder is one problem, not an exception', () => {
    expect(lines(loadCourse({ root: fixture('does-not-exist') }).problems)).toEqual([
      'lessons/course.yaml:- — missing: the course manifest lists the lessons in order (`format: 1`, `lessons: [...]`)',
    ]);
  });
});

/**
 * Picture steps: the schema's rules, MNIST digits loaded one file at a time, grids checked
 * against their scale and the 80-column screen, and a lesson that shows one.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPicture } from '../../src/content/lesson-media.js';
import { loadCourse } from '../../src/content/load-course.js';
import { stepSchema } from '../../src/content/schema.js';

const issues = (step: unknown) => {
  const r = stepSchema.safeParse(step);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the picture schema', () => {
  it('takes an MNIST digit or a grid, with a caption', () => {
    expect(
      issues({ title: 'A', text: 'B', picture: { source: 'mnist', digit: 3 }, caption: 'C' }),
    ).toEqual([]);
    expect(issues({ title: 'A', text: 'B', picture: { grid: [[0, 1]], scale: 'unit' } })).toEqual(
      [],
    );
  });

  it('says what is missing or misplaced', () => {
    expect(issues({ title: 'A', text: 'B', picture: { source: 'mnist' } })).toEqual([
      'picture.digit: missing `digit` (0 to 9)',
    ]);
    expect(issues({ title: 'A', text: 'B', picture: { scale: 'unit' } })).toEqual([
      'picture: give exactly one of `source: mnist` and `grid`',
    ]);
    expect(issues({ title: 'A', text: 'B', picture: { grid: [[1]], digit: 3 } })).toEqual([
      'picture.digit: `digit` belongs to `source: mnist`, not to a `grid`',
    ]);
    expect(
      issues({
        title: 'A',
        text: 'B',
        picture: { grid: [[1]] },
        figure: { op: 'relu', input: [[1]] },
      }),
    ).toEqual([
      'picture: a step shows at most one of `figure`, `demo` and `picture`; split it into two steps',
    ]);
    expect(issues({ title: 'A', text: 'B', picture: { grid: [[1]], scale: 'grey' } })[0]).toMatch(
      /^picture\.scale: expected `gray255`/,
    );
  });
});

describe('checkPicture', () => {
  it('loads one MNIST digit as 28 rows of 28 values from 0 to 1', () => {
    const r = checkPicture({ source: 'mnist', digit: 5, index: 0 });
    if (!('picture' in r)) throw new Error(r.error.message);
    const { grid, scale, min, max, source } = r.picture;
    expect([grid.length, grid[0].length]).toEqual([28, 28]);
    expect([scale, min, max]).toEqual(['unit', 0, 1]);
    expect(source).toEqual({ dataset: 'mnist', digit: 5, index: 0 });
    expect(Math.max(...grid.flat())).toBeLessThanOrEqual(1);
    expect(grid.flat().some((v) => v > 0.5)).toBe(true);
  });

  it('refuses a sample the package does not have', () => {
    expect(checkPicture({ source: 'mnist', digit: 3, index: 99999 })).toEqual({
      error: {
        path: ['index'],
        message: expect.stringMatching(/samples of digit 3 \(index 0 to \d+\), not 100000/),
      },
    });
  });

  it('guesses the scale from the values', () => {
    const scaleOf = (grid: number[][]) => {
      const r = checkPicture({ grid });
      return 'picture' in r ? [r.picture.scale, r.picture.min, r.picture.max] : r.error.message;
    };
    expect(scaleOf([[0, 1]])).toEqual(['unit', 0, 1]);
    expect(scaleOf([[0, 255]])).toEqual(['gray255', 0, 255]);
    expect(scaleOf([[-1, 1]])).toEqual(['signed', -1, 1]);
  });

  it('refuses values outside the scale, ragged grids and grids wider than 40 pixels', () => {
    expect(checkPicture({ grid: [[0, 2]], scale: 'unit' })).toEqual({
      error: {
        path: ['grid'],
        message: 'the values run from 0 to 2, outside `scale: unit` (0 to 1)',
      },
    });
    const ragged = checkPicture({ grid: [[0, 1], [1]] });
    expect('error' in ragged && ragged.error.path).toEqual(['grid', 1]);
    const wide = checkPicture({ grid: [Array.from({ length: 41 }, () => 0)] });
    expect('error' in wide && wide.error.message).toMatch(/41 pixels wide, 82 columns/);
  });
});

describe('a lesson with a picture step', () => {
  it('loads into a `picture` step with its caption', () => {
    const root = mkdtempSync(join(tmpdir(), 'cnn-tutor-picture-'));
    mkdirSync(join(root, 'lessons'));
    writeFileSync(join(root, 'lessons', 'course.yaml'), 'format: 1\nlessons:\n  - pics\n');
    writeFileSync(
      join(root, 'lessons', 'pics.yaml'),
      [
        'format: 1',
        'id: pics',
        'title: Pictures',
        'summary: Two pictures.',
        'steps:',
        '  - title: Grey',
        '    text: A grid.',
        '    picture: { grid: [[0, 128], [255, 64]] }',
        '    caption: Four pixels.',
        '  - title: Broken',
        '    text: Too bright.',
        '    picture: { grid: [[0, 300]], scale: gray255 }',
        '',
      ].join('\n'),
    );
    const { course, problems } = loadCourse({ root, lang: 'en' });
    expect(course.lessons[0].steps).toEqual([
      {
        type: 'picture',
        title: 'Grey',
        text: 'A grid.',
        picture: {
          grid: [
            [0, 128],
            [255, 64],
          ],
          scale: 'gray255',
          min: 0,
          max: 255,
        },
        caption: 'Four pixels.',
      },
    ]);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.field} — ${p.message}`)).toEqual([
      'lessons/pics.yaml:12 steps[1].picture.grid — the values run from 0 to 300, outside `scale: gray255` (0 to 255)',
    ]);
  });
});

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content/check-content.js';
import { perturb } from '../../src/content/check-question.js';
import type { ContentProblem } from '../../src/content/course.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/courses/${name}/`, import.meta.url));
const lines = (problems: readonly ContentProblem[]): string[] =>
  problems.map((p) => `${p.file}:${p.line ?? '-'}${p.field ? ` ${p.field}` : ''} — ${p.message}`);

describe('checkContent', () => {
  test('the good fixture has no problems (50 seeds per generated exercise, every language)', () => {
    expect(checkContent({ root: fixture('good') })).toEqual([]);
  });

  test('reports exercises that load but cannot be asked, with the seed that shows it', () => {
    const problems = checkContent({ root: fixture('check-problems') });
    expect(lines(problems)).toEqual([
      'exercises/checks.yaml:11 exercises[0].given.cell — the output is 1 map(s) of 3×3; cell [0, 3, 0] is outside it.',
      'exercises/checks.yaml:17 exercises[1].given — the right answer typed as `1` is marked wrong; the answer is not a round number: set a `tolerance` (e.g. 0.01)',
      expect.stringMatching(
        /^exercises\/checks\.yaml:27 exercises\[2\]\.given — the grid ".*" is 101 columns wide; it must fit in 80/,
      ),
      'exercises/checks.yaml:27 exercises[2].given — the answer grid is 101 columns wide; it must fit in 80 (use fewer columns or smaller numbers)',
      'exercises/checks.yaml:35 exercises[3].generate — seed 4: the template cannot build the question: The kernel is 3×3 but the padded input is only 2×2: the window does not fit. Use a smaller kernel or more padding.',
      'exercises/checks.yaml:44 exercises[4].prompt — [pt-BR] placeholder {linha} is not one the template fills',
    ]);
    expect(problems.find((p) => p.field === 'exercises[3].generate')?.seed).toBe(4);
  });

  test('the broken fixture reports what the loader reports, once', () => {
    const problems = checkContent({ root: fixture('broken'), seeds: 5 });
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual([
      'exercises/basics.yaml exercises[1].hints',
      'exercises/basics.yaml exercises[2].template',
      'exercises/basics.yaml exercises[3].id',
      'lessons/bad-figure.yaml steps[1].figure.input[2]',
      'lessons/basics.pt-BR.yaml steps[0].txet',
      'lessons/basics.yaml steps[2].exercise',
      'lessons/course.yaml lessons[3]',
      'lessons/syntax-error.yaml ',
      'lessons/typo.yaml steps[1].titel',
    ]);
  });

  test.skipIf(!existsSync(fileURLToPath(new URL('../../lessons/course.yaml', import.meta.url))))(
    'the shipped course has no problems',
    () => {
      expect(
        lines(checkContent({ root: fileURLToPath(new URL('../../', import.meta.url)) })),
      ).toEqual([]);
    },
  );
});

describe('perturb: an answer that must be marked wrong', () => {
  test.each([
    [{ kind: 'number', value: 4 }, 0, { kind: 'number', value: 5 }],
    [{ kind: 'number', value: 0.5 }, 0.01, { kind: 'number', value: 1.6 }],
    [
      {
        kind: 'grid',
        rows: [
          [1, 2],
          [3, 4],
        ],
      },
      0,
      {
        kind: 'grid',
        rows: [
          [2, 2],
          [3, 4],
        ],
      },
    ],
    [{ kind: 'shape', dims: [26, 26, 10] }, 0, { kind: 'shape', dims: [27, 26, 10] }],
    [{ kind: 'choice', index: 2 }, 0, { kind: 'choice', index: 0 }],
    [{ kind: 'yesno', value: true }, 0, { kind: 'yesno', value: false }],
  ] as const)('%j (tolerance %d) → %j', (answer, tolerance, expected) => {
    expect(perturb(structuredClone(answer) as never, tolerance, 3)).toEqual(expected);
  });
});

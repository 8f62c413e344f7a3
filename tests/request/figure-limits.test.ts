/**
 * Lessons and exercises obey calc's limits: a lesson figure or an exercise over them is a
 * problem check-content reports with its file, line and field, never a crash or a hang.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content/check-content.js';

const root = fileURLToPath(new URL('../fixtures/courses/over-limits/', import.meta.url));

describe('content over the limits', () => {
  test('each figure and exercise over a limit is reported where it is written', () => {
    const problems = checkContent({ root, seeds: 1 }).map(
      (p) => `${p.file}:${p.line} ${p.field} — ${p.message}`,
    );
    expect(problems).toEqual([
      'exercises/too-big.yaml:8 exercises[0].given — Too large: the padded input would hold 36,024,004 numbers (1×6002×6002), over the limit of 16,777,216.',
      'lessons/too-big.yaml:18 steps[1].figure.padding — the figure does not compute: Too large: the padded input would hold 36,024,004 numbers (1×6002×6002), over the limit of 16,777,216.',
      'lessons/too-big.yaml:24 steps[2].figure.size — the figure does not compute: `size`: expected a whole number from 1 to 1,000,000 (got 1000000000)',
      'lessons/too-big.yaml:30 steps[3].figure.input — the figure does not compute: avgpool: output[0][0][0] is not a finite number (the sum overflowed).',
    ]);
  });
});

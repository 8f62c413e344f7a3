/**
 * `cnn-tutor lesson ID --print`: the whole lesson as plain text, figures and demo computed by
 * the engine, exercises asked but never answered.
 */
import { describe, expect, it } from 'vitest';
import { runRequest } from '../../src/request/run-request.js';
import { type CommandContext, commandContext } from '../../src/cli/context.js';
import { DEFAULT_PRINT_SEED, runLessonPrint } from '../../src/cli/lesson-print.js';
import type { Lesson } from '../../src/content/course.js';
import { instantiate } from '../../src/content/instantiate.js';
import { toNested } from '../../src/engine/index.js';
import { displayWidth } from '../../src/render/index.js';
import { runCli } from './run-cli.js';

const base = commandContext({ color: false }, { ...process.env, NO_COLOR: '1' });
// One course for every test: loading it is the slow part.
const loaded = base.course();
const ctxWith = (flags: { ascii?: boolean; width?: number } = {}): CommandContext => ({
  ...base,
  ascii: flags.ascii ?? false,
  width: flags.width ?? 80,
  course: () => loaded,
});

function print(id: string, flags: { ascii?: boolean; width?: number; seed?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runLessonPrint(
    ctxWith(flags),
    id,
    { seed: flags.seed },
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, lines: out.join('\n').split('\n'), err };
}

function lesson(id: string): Lesson {
  return loaded.course.lessons.find((l) => l.id === id)!;
}

function stepTitle(l: Lesson, k: number): string {
  const step = l.steps[k];
  return step.type === 'exercise'
    ? loaded.course.exercises.get(step.exerciseId)!.title
    : step.title;
}

/** The lines of step k (0-based): from its header to the next step's header. */
function section(lines: string[], l: Lesson, k: number): string[] {
  const n = l.steps.length;
  const start = lines.indexOf(`Step ${k + 1} of ${n}: ${stepTitle(l, k)}`);
  const end =
    k + 1 < n ? lines.indexOf(`Step ${k + 2} of ${n}: ${stepTitle(l, k + 1)}`) : lines.length;
  expect(start).toBeGreaterThanOrEqual(0);
  return lines.slice(start, end);
}

const BOX_DRAWING = /[\u2500-\u257F]/;

describe('lesson --print: convolution', () => {
  const conv = lesson('convolution');
  const { code, lines, err } = print('convolution');

  it('prints every step in order with "Step k of n" and its title', () => {
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const n = conv.steps.length;
    let at = -1;
    for (let k = 0; k < n; k++) {
      const i = lines.indexOf(`Step ${k + 1} of ${n}: ${stepTitle(conv, k)}`);
      expect(i, `step ${k + 1}`).toBeGreaterThan(at);
      at = i;
    }
    expect(lines[0]).toBe('Convolution');
  });

  it('computes the 5×5 figure: its output grid and every window written out', () => {
    const figure = section(lines, conv, 1);
    expect(figure.some((l) => l.includes('│ 4 │ 3 │ 4 │'))).toBe(true);
    expect(figure.some((l) => l.includes('│ 2 │ 4 │ 3 │'))).toBe(true);
    expect(figure.some((l) => l.includes('│ 2 │ 3 │ 4 │'))).toBe(true);
    expect(figure).toContain(
      'out[0][0][0] = 1*1 + 1*0 + 1*1 + 0*0 + 1*1 + 1*0 + 0*1 + 0*0 + 1*1 = 4',
    );
  });

  it('prints the demo statically: the grids, every window and the output-size formula', () => {
    const k = conv.steps.findIndex((s) => s.type === 'demo');
    const demo = section(lines, conv, k);
    expect(demo.some((l) => l.includes('⊛') && l.includes('='))).toBe(true);
    expect(demo).toContain(
      'out[0][2][2] = 1*1 + 1*0 + 1*1 + 1*0 + 1*1 + 0*0 + 1*1 + 0*0 + 0*1 = 4',
    );
    expect(demo).toContain('Output size: (5 − 3 + 2·0)/1 + 1 = 3, so 3×3.');
  });

  it('does not give away the answer of conv-first-window', () => {
    const k = conv.steps.findIndex(
      (s) => s.type === 'exercise' && s.exerciseId === 'conv-first-window',
    );
    const def = loaded.course.exercises.get('conv-first-window')!;
    const given = def.given as {
      input: number[][];
      kernels: number[][][];
      cell: [number, number, number];
    };
    // The answer, straight from the engine.
    const [f, y, x] = given.cell;
    const result = runRequest({ op: 'conv2d', input: given.input, kernels: given.kernels });
    if (result.op !== 'conv2d') throw new Error('expected a conv2d result');
    const maps = toNested(result.output) as number[][][];
    const answer = maps[f][y][x];
    const question = instantiate(def, { lang: 'en', t: base.t });
    expect(question.expected()).toEqual({ kind: 'number', value: answer });

    const text = section(lines, conv, k);
    expect(text).toContain('Exercise conv-first-window');
    expect(text.some((l) => l.includes(`row ${y}, column ${x}`))).toBe(true);
    // The answer line is there, blank: a printed value would follow "Answer:".
    expect(text).toContain('Answer: ____________________');
    expect(text.join('\n')).not.toMatch(new RegExp(`Answer:\\s*\\(?${answer}\\b`));
    for (const line of question.solution()) expect(text.join('\n')).not.toContain(line.text);
  });

  it('asks every exercise without its answer or worked solution, with the seed it used', () => {
    conv.steps.forEach((step, k) => {
      if (step.type !== 'exercise') return;
      const def = loaded.course.exercises.get(step.exerciseId)!;
      const q = instantiate(def, { seed: DEFAULT_PRINT_SEED, lang: 'en', t: base.t });
      const text = section(lines, conv, k);
      const joined = text.join('\n');
      expect(text).toContain(
        def.generated
          ? `Exercise ${def.id}, numbers from seed ${DEFAULT_PRINT_SEED}`
          : `Exercise ${def.id}`,
      );
      for (const line of q.solution()) expect(joined, def.id).not.toContain(line.text);
      // After "Answer:" only blanks to fill in: no digit at all.
      const after = text.slice(text.findIndex((l) => l.startsWith('Answer:')));
      expect(after.length, def.id).toBeGreaterThan(0);
      expect(after.join('\n'), def.id).not.toMatch(/\d/);
      if (q.kind === 'grid')
        expect(after.filter((l) => l.includes('?')).length).toBe(q.gridSize!.rows);
    });
    expect(lines.join('\n')).toContain(`seed ${DEFAULT_PRINT_SEED}: cnn-tutor lesson convolution`);
  });

  it('fits 80 columns, and --ascii draws no box-drawing characters', () => {
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    expect(lines.join('\n')).toMatch(BOX_DRAWING);
    const ascii = print('convolution', { ascii: true });
    expect(ascii.code).toBe(0);
    expect(ascii.lines.join('\n')).not.toMatch(BOX_DRAWING);
    expect(ascii.lines.some((l) => l.includes('| 4 | 3 | 4 |'))).toBe(true);
  });

  it('--seed changes the numbers of generated exercises and says so', () => {
    const seven = print('convolution', { seed: '7' });
    expect(seven.code).toBe(0);
    expect(seven.lines).toContain('Exercise conv-any-cell, numbers from seed 7');
    expect(seven.lines).not.toEqual(lines);
    expect(print('convolution', { seed: '7' }).lines).toEqual(seven.lines);
  });
});

describe('lesson --print: errors', () => {
  it('an unknown lesson exits 2 with one line listing the lessons', () => {
    const r = print('convolutoin');
    expect(r.code).toBe(2);
    expect(r.lines).toEqual(['']);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain('"convolutoin"');
    for (const l of loaded.course.lessons) expect(r.err[0]).toContain(l.id);
  });

  it.each(['x', '-1', '1.5', '4294967296', ''])('--seed %j exits 2', (seed) => {
    const r = print('convolution', { seed });
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/--seed must be a whole number/);
  });
});

describe('lesson --print: every lesson', () => {
  it.each(loaded.course.lessons.map((l) => [l.id]))(
    '%s fits 80 columns, plain and --ascii',
    (id) => {
      for (const ascii of [false, true]) {
        const r = print(id, { ascii });
        expect(r.code).toBe(0);
        expect(r.err).toEqual([]);
        const l = lesson(id);
        expect(r.lines).toContain(
          `Step ${l.steps.length} of ${l.steps.length}: ${stepTitle(l, l.steps.length - 1)}`,
        );
        for (const line of r.lines)
          expect(displayWidth(line), `${id}: ${line}`).toBeLessThanOrEqual(80);
        if (ascii) expect(r.lines.join('\n')).not.toMatch(BOX_DRAWING);
      }
    },
  );
});

describe('cnn-tutor lesson (the real command line)', () => {
  it('prints a lesson, and rejects an unknown one with exit code 2', () => {
    const ok = runCli(['lesson', 'convolution', '--print']);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('Step 1 of ');
    expect(ok.stdout).toContain(
      'out[0][0][0] = 1*1 + 1*0 + 1*1 + 0*0 + 1*1 + 1*0 + 0*1 + 0*0 + 1*1 = 4',
    );
    expect(ok.stdout).not.toMatch(/\u001B\[/);

    const bad = runCli(['lesson', 'nope', '--print']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('convolution');
  });

  it('without --print and without a terminal, says how to print instead', () => {
    const r = runCli(['lesson', 'convolution']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('lesson ID --print');
  });
});

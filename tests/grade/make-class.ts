/**
 * Builds a class for tests and the grading benchmark: a lab file over real course exercises,
 * and submission files made from the engine's own key, some of them changed in known ways.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '../../src/content/load-course.js';
import type { Course } from '../../src/content/course.js';
import { createTranslator } from '../../src/i18n/index.js';
import { keyAnswer } from '../../src/grade/answer-key.js';
import type { Lab } from '../../src/grade/lab.js';
import { accessCode, labQuestions } from '../../src/grade/lab-questions.js';
import { loadLab } from '../../src/grade/load-lab.js';
import { serializeSubmission } from '../../src/grade/submission.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const t = createTranslator('en');

let cached: Course | undefined;
/** The real course, loaded once per test file. */
export function course(): Course {
  return (cached ??= loadCourse({ root: ROOT }).course);
}

/** Exercise ids in course order (lessons of the manifest), the first `count`. */
export function courseExerciseIds(count: number): string[] {
  const ids = course().lessons.flatMap((l) =>
    l.steps.flatMap((s) => (s.type === 'exercise' ? [s.exerciseId] : [])),
  );
  return ids.slice(0, count);
}

/** Write a lab file and load it. */
export function writeLab(
  dir: string,
  id: string,
  exercises: readonly { id: string; points?: number; grid?: 'per-cell' | 'all-or-nothing' }[],
  gridScoring: 'per-cell' | 'all-or-nothing' = 'per-cell',
): Lab {
  mkdirSync(dir, { recursive: true });
  const lines = [
    `format: 1`,
    `id: ${id}`,
    `title: Test lab ${id}`,
    `grid-scoring: ${gridScoring}`,
    `exercises:`,
  ];
  for (const e of exercises) {
    lines.push(`  - id: ${e.id}`);
    if (e.points !== undefined) lines.push(`    points: ${e.points}`);
    if (e.grid !== undefined) lines.push(`    grid-scoring: ${e.grid}`);
  }
  const file = join(dir, `${id}.yaml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const loaded = loadLab(file, { course: course(), root: ROOT });
  if (!loaded.lab) throw new Error(`test lab does not load: ${JSON.stringify(loaded.problems)}`);
  return loaded.lab;
}

/** The key's answers for one student: exercise id → answer text. */
export function keyFor(lab: Lab, student: string, secret?: string): Map<string, string> {
  const code = accessCode(lab.id, student, { secret });
  return new Map(
    labQuestions(lab, student, { code, lang: 'en', t }).map((q) => [
      q.exercise.id,
      q.ok ? keyAnswer(q.question) : '',
    ]),
  );
}

/** A wrong answer of the same kind, for a key answer text: one more, the next letter, yes↔no, one grid cell changed. */
export function wrongAnswer(answer: string): string {
  if (/^[a-z]$/.test(answer)) return answer === 'a' ? 'b' : 'a';
  if (answer === 'yes' || answer === 'no') return answer === 'yes' ? 'no' : 'yes';
  if (answer.includes(';') || (answer.includes(' ') && !answer.includes('x'))) {
    const cells = answer.split(/(\s+|;\s*)/);
    return [String(Number(cells[0]) + 100), ...cells.slice(1)].join('');
  }
  if (answer.includes('x')) return answer.replace(/^\d+/, (d) => String(Number(d) + 1));
  return String(Number(answer) + 100);
}

export interface ClassOptions {
  readonly secret?: string;
}

/**
 * `n` submission files in `dir`, as students `s000`, `s001`, …: every fourth one fully right,
 * then one with every answer wrong, one with half the answers missing, one with unreadable answers.
 */
export function writeClass(dir: string, lab: Lab, n: number, options: ClassOptions = {}): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let k = 0; k < n; k++) {
    const student = `s${String(k).padStart(3, '0')}`;
    const key = keyFor(lab, student, options.secret);
    const answers: Array<[string, string]> = [...key].flatMap(
      ([id, answer], i): Array<[string, string]> => {
        switch (k % 4) {
          case 1:
            return [[id, wrongAnswer(answer)]];
          case 2:
            return i % 2 === 0 ? [[id, answer]] : [];
          case 3:
            return [[id, i % 3 === 0 ? 'not an answer' : answer]];
          default:
            return [[id, answer]];
        }
      },
    );
    const code =
      options.secret === undefined
        ? undefined
        : accessCode(lab.id, student, { secret: options.secret });
    const file = join(dir, `${student}.${lab.id}.json`);
    writeFileSync(file, serializeSubmission({ lab: lab.id, student, code, answers }));
    files.push(file);
  }
  return files;
}

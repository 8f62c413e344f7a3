/**
 * Grading speed: a class of 500 submissions of a 20-exercise lab, graded in this process
 * (course and lab loaded once, questions built per student) and through the real command
 * (`cnn-tutor grade DIR --format json`, start-up included). Goal: under 10 s on 2 cores.
 * A quarter of the class is fully right, a quarter all wrong (so every named-mistake model
 * is computed), a quarter half unanswered, a quarter partly unreadable.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gradeFiles } from '../src/grade/grade-batch.js';
import {
  ROOT,
  course,
  courseExerciseIds,
  t,
  writeClass,
  writeLab,
} from '../tests/grade/make-class.js';
import type { BenchSection } from './section.js';
import { formatTable } from './timing.js';

const STUDENTS = 500;
const EXERCISES = 20;
const GOAL_SECONDS = 10;

export const grading: BenchSection = {
  name: 'grading',
  title: `Grading ${STUDENTS} submissions of a ${EXERCISES}-exercise lab (goal: under ${GOAL_SECONDS} s)`,
  async run({ json, progress }) {
    const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-bench-grading-'));
    try {
      const ids = courseExerciseIds(EXERCISES);
      const lab = writeLab(
        join(dir, 'labs'),
        'bench-lab',
        ids.map((id) => ({ id, points: 2 })),
      );
      progress(`writing ${STUDENTS} submissions of ${ids.length} exercises`);
      writeClass(join(dir, 'class'), lab, STUDENTS);

      progress('grading in process');
      const start = performance.now();
      const batch = gradeFiles([join(dir, 'class')], {
        course: course(),
        root: ROOT,
        lab,
        lang: 'en',
        t,
      });
      const inProcess = (performance.now() - start) / 1000;
      const graded = batch.results.filter((r) => r.error === undefined).length;

      progress('grading through the command line');
      const cliStart = performance.now();
      const run = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli.tsx',
          'grade',
          join(dir, 'class'),
          '--lab',
          join(dir, 'labs', 'bench-lab.yaml'),
          '--format',
          'json',
        ],
        {
          cwd: ROOT,
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        },
      );
      const cli = (performance.now() - cliStart) / 1000;
      if (run.status !== 0) throw new Error(`cnn-tutor grade exited ${run.status}: ${run.stderr}`);

      const result = {
        students: STUDENTS,
        exercises: ids.length,
        graded,
        in_process_s: round(inProcess),
        cli_s: round(cli),
        per_submission_ms: round((inProcess * 1000) / STUDENTS),
        goal_s: GOAL_SECONDS,
        ok: cli < GOAL_SECONDS,
      };
      if (json) {
        console.log(JSON.stringify({ section: 'grading', ...result }));
        return;
      }
      console.log(
        formatTable(
          ['run', 'submissions', 'exercises', 'seconds', 'ms / submission'],
          [
            [
              'in process (gradeFiles)',
              String(STUDENTS),
              String(ids.length),
              inProcess.toFixed(2),
              ((inProcess * 1000) / STUDENTS).toFixed(2),
            ],
            [
              'cnn-tutor grade DIR --format json',
              String(STUDENTS),
              String(ids.length),
              cli.toFixed(2),
              ((cli * 1000) / STUDENTS).toFixed(2),
            ],
          ],
        ),
      );
      console.log(`\n${result.ok ? 'within' : 'OVER'} the ${GOAL_SECONDS} s goal.`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Training benchmarks: the X/O network (time to 100% on its held-out set, final accuracy) on
 * several seeds in this process, and the digits CNN once in a child process, so that its peak
 * memory (RSS high-water mark, `process.resourceUsage().maxRSS`) is its own and not this
 * process's. Goals: X/O 100% held-out within 2 s; digits ≥ 95% held-out in < 60 s, peak < 300 MB.
 *
 * The child is this file run again with the same Node options (the tsx loader), and runs the
 * same code as `cnn-tutor train digits --json`.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runTrain } from '../src/cli/train.js';
import { XO_DEFAULTS, createXoTrainer } from '../src/train/xo.js';
import type { BenchSection } from './section.js';
import { formatTable, median } from './timing.js';

const XO_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const DIGITS_SEED = 1;
const CHILD_FLAG = '--digits-child';

export interface XoRun {
  seed: number;
  /** Drawing the images and building the trainer. */
  setup_seconds: number;
  /** Training time until the held-out set was first 100% right, or null if it never was. */
  seconds_to_perfect: number | null;
  epoch_of_perfect: number | null;
  epochs: number;
  train_seconds: number;
  test_accuracy: number;
}

export interface DigitsRun {
  epochs: number;
  train_seconds: number;
  test_accuracy: number;
  /** The child's peak resident memory, MB. */
  peak_rss_mb: number;
  /** The child's whole life: start-up, loading the digits, training, reporting. */
  wall_seconds: number;
}

export function measureXo(): XoRun[] {
  return XO_SEEDS.map((seed) => {
    const start = performance.now();
    const trainer = createXoTrainer({ seed });
    const setup = (performance.now() - start) / 1000;
    trainer.run({ epochs: XO_DEFAULTS.epochs });
    const last = trainer.history[trainer.history.length - 1];
    return {
      seed,
      setup_seconds: setup,
      seconds_to_perfect: trainer.firstPerfect?.seconds ?? null,
      epoch_of_perfect: trainer.firstPerfect?.epoch ?? null,
      epochs: last.epoch,
      train_seconds: last.seconds,
      test_accuracy: last.testAccuracy,
    };
  });
}

/** Run the digits training in a child process and read its JSON report. */
export function measureDigits(): Promise<DigitsRun> {
  const file = fileURLToPath(import.meta.url);
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, file, CHILD_FLAG], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`The digits child exited with code ${code}.`));
      try {
        const report = JSON.parse(stdout.trim().split('\n').pop() ?? '') as {
          epochs: number;
          train_seconds: number;
          test_accuracy: number;
          peak_rss_mb: number;
        };
        resolve({
          epochs: report.epochs,
          train_seconds: report.train_seconds,
          test_accuracy: report.test_accuracy,
          peak_rss_mb: report.peak_rss_mb,
          wall_seconds: (performance.now() - start) / 1000,
        });
      } catch (error) {
        reject(
          new Error(
            `Could not read the digits child's report: ${(error as Error).message}\n${stdout.slice(0, 500)}`,
          ),
        );
      }
    });
  });
}

export const training: BenchSection = {
  name: 'training',
  title: 'Training: X/O network and digits CNN',
  run: async ({ json, progress }) => {
    progress(`training: X/O on seeds ${XO_SEEDS[0]}–${XO_SEEDS[XO_SEEDS.length - 1]}`);
    const xo = measureXo();
    progress('training: digits in a child process');
    const digits = await measureDigits();
    const perfect = xo.flatMap((r) =>
      r.seconds_to_perfect === null ? [] : [r.seconds_to_perfect],
    );
    const summary = {
      xo_seeds: xo.length,
      xo_reached_100: perfect.length,
      xo_median_seconds_to_100: perfect.length === 0 ? null : round(median(perfect), 3),
      xo_max_seconds_to_100: perfect.length === 0 ? null : round(Math.max(...perfect), 3),
    };
    if (json) {
      console.log(
        JSON.stringify({
          section: 'training',
          ...summary,
          xo: xo.map((r) => ({
            ...r,
            setup_seconds: round(r.setup_seconds, 3),
            seconds_to_perfect:
              r.seconds_to_perfect === null ? null : round(r.seconds_to_perfect, 3),
            train_seconds: round(r.train_seconds, 3),
          })),
          digits: { ...digits, wall_seconds: round(digits.wall_seconds, 2) },
        }),
      );
      return;
    }
    console.log(
      formatTable(
        ['X/O seed', 'setup s', 's to 100%', 'epoch', 'epochs', 'train s', 'held-out'],
        xo.map((r) => [
          String(r.seed),
          r.setup_seconds.toFixed(3),
          r.seconds_to_perfect === null ? 'never' : r.seconds_to_perfect.toFixed(3),
          r.epoch_of_perfect === null ? '-' : String(r.epoch_of_perfect),
          String(r.epochs),
          r.train_seconds.toFixed(2),
          percent(r.test_accuracy),
        ]),
      ),
    );
    console.log(
      `X/O: ${perfect.length} of ${xo.length} seeds reached 100% held-out; median ${summary.xo_median_seconds_to_100 ?? '-'} s, slowest ${summary.xo_max_seconds_to_100 ?? '-'} s (goal: within 2 s).\n`,
    );
    console.log(
      formatTable(
        ['digits', 'epochs', 'train s', 'held-out', 'peak RSS MB', 'child wall s'],
        [
          [
            `seed ${DIGITS_SEED}`,
            String(digits.epochs),
            digits.train_seconds.toFixed(1),
            percent(digits.test_accuracy),
            digits.peak_rss_mb.toFixed(0),
            digits.wall_seconds.toFixed(1),
          ],
        ],
      ),
    );
    const ok =
      digits.test_accuracy >= 0.95 && digits.train_seconds < 60 && digits.peak_rss_mb < 300;
    console.log(
      ok
        ? 'Digits meet the goals (≥ 95%, < 60 s, < 300 MB).'
        : 'Digits miss a goal (≥ 95%, < 60 s, < 300 MB).',
    );
  },
};

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

// As the child: train the digits and print the JSON report on stdout.
if (
  process.argv.includes(CHILD_FLAG) &&
  process.argv[1] !== undefined &&
  pathToFileURL(process.argv[1]).href === import.meta.url
) {
  const code = await runTrain(
    'digits',
    { json: true, seed: DIGITS_SEED },
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
  process.exitCode = code;
}

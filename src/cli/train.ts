/**
 * `cnn-tutor train xo|digits [--epochs N] [--seed N] [--json]`: train a network without the
 * interface, for teachers and benchmarks. Prints one line per epoch (loss, training and
 * held-out accuracy, time), then a summary; with `--json`, one object instead, whose
 * `test_accuracy` (0–1) is the final held-out accuracy.
 *
 * Bad arguments exit 2 with one line on stderr and nothing on stdout; a run exits 0 whatever
 * accuracy it reaches (the numbers are the result); missing digit files exit 1.
 * The words come from the message catalog (`cli.train.*` keys).
 */
import { performance } from 'node:perf_hooks';
import { errorText } from '../request/error-text.js';
import { EngineError } from '../engine/index.js';
import { createTranslator, resolveLanguage } from '../i18n/index.js';
import { displayWidth, padStartTo } from '../render/index.js';
import { loadMnistDigits } from '../train/digits-data.js';
import { DIGITS_DEFAULTS, createDigitsTrainer } from '../train/digits.js';
import { parameterCount } from '../train/network.js';
import type { EpochMetrics, Trainer } from '../train/trainer.js';
import { XO_DEFAULTS, compareWithLectureFilters, createXoTrainer } from '../train/xo.js';
import type { Translate } from '../view/text.js';
import { EXIT } from './io.js';
import { TRAIN_RANGE, badTrainNumber, readWholeNumber } from './whole-number.js';

export type TrainKind = 'xo' | 'digits';

export interface TrainFlags {
  /** Whole number 1–1000 (a numeric string is accepted, as a command-line parser may pass one). */
  epochs?: number | string;
  /** Whole number 0–4294967295. @default 1 */
  seed?: number | string;
  json?: boolean;
}

class TrainUsageError extends Error {}

function wholeNumber(
  t: Translate,
  flag: keyof typeof TRAIN_RANGE,
  value: number | string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  const n = readWholeNumber(value, ...TRAIN_RANGE[flag]);
  if (n === undefined) throw new TrainUsageError(badTrainNumber(t, flag, value));
  return n;
}

/**
 * The per-epoch table: each column right-aligned to its heading or its numbers, whichever is
 * wider, two spaces apart.
 */
function epochTable(t: Translate) {
  const columns = [
    { heading: t('cli.train.column.epoch'), width: 5 },
    { heading: t('cli.train.column.loss'), width: 6 },
    { heading: t('cli.train.column.train'), width: 6 },
    { heading: t('cli.train.column.held-out'), width: 8 },
    { heading: t('cli.train.column.seconds'), width: 7 },
  ];
  const widths = columns.map((c) => Math.max(c.width, displayWidth(c.heading)));
  const row = (cells: string[]) => cells.map((cell, i) => padStartTo(cell, widths[i]));
  return {
    header: row(columns.map((c) => c.heading)).join('  '),
    line: (m: EpochMetrics) =>
      row([
        String(m.epoch),
        m.loss.toFixed(4),
        percent(m.trainAccuracy),
        percent(m.testAccuracy),
        m.seconds.toFixed(2),
      ]).join('  '),
  };
}

/** The name of a lecture filter as `compareWithLectureFilters` gives it, in words. */
function lectureFilterName(t: Translate, name: string): string {
  if (name === 'diagonal \\') return t('cli.train.lecture.diagonal-down');
  if (name === 'cross x') return t('cli.train.lecture.cross');
  if (name === 'diagonal /') return t('cli.train.lecture.diagonal-up');
  return name;
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}

function historyJson(m: EpochMetrics) {
  return {
    epoch: m.epoch,
    loss: round(m.loss, 6),
    train_accuracy: round(m.trainAccuracy, 6),
    test_loss: round(m.testLoss, 6),
    test_accuracy: round(m.testAccuracy, 6),
    learning_rate: round(m.learningRate, 8),
    seconds: round(m.seconds, 3),
  };
}

/** What to train, checked: the kind, the epochs if given, the seed (default 1). */
export interface TrainArguments {
  readonly kind: TrainKind;
  readonly epochs: number | undefined;
  readonly seed: number;
}

/**
 * The command line's arguments for a training, checked (the printed run and the live screen
 * share the rules); a string is what is wrong with them, in the catalog's words.
 */
export function trainArguments(
  kind: unknown,
  flags: TrainFlags,
  t: Translate,
): TrainArguments | string {
  try {
    if (kind !== 'xo' && kind !== 'digits') {
      const got = kind === undefined ? t('cli.train.nothing') : JSON.stringify(kind);
      throw new TrainUsageError(t('cli.train.bad-kind', { got }));
    }
    return {
      kind,
      epochs: wholeNumber(t, 'epochs', flags.epochs),
      seed: wholeNumber(t, 'seed', flags.seed) ?? 1,
    };
  } catch (error) {
    if (error instanceof TrainUsageError) return error.message;
    throw error;
  }
}

/**
 * Why the live screen cannot open on these ends, said before its module (and Ink, and its
 * WebAssembly) is loaded: both must be a terminal. Undefined when they are.
 */
export function liveTrainProblem(
  t: Translate,
  terminal: { readonly stdin: boolean; readonly stdout: boolean },
): string | undefined {
  if (terminal.stdin && terminal.stdout) return undefined;
  const which = !terminal.stdin ? t('cli.tutor.stdin') : t('cli.tutor.stdout');
  return t('train.screen.not-a-terminal', { which });
}

/**
 * Run one training and report it; resolves to the exit code. `t` is the command context's
 * translator; without one, the language comes from the environment (`CNN_TUTOR_LANG`, the locale).
 */
export async function runTrain(
  kindArgument: unknown,
  flags: TrainFlags,
  out: (s: string) => void,
  err: (s: string) => void,
  t: Translate = createTranslator(resolveLanguage()),
): Promise<number> {
  const args = trainArguments(kindArgument, flags, t);
  if (typeof args === 'string') {
    err(`cnn-tutor train: ${args}`);
    return EXIT.usage;
  }
  const { kind, seed } = args;
  const epochs = args.epochs ?? (kind === 'xo' ? XO_DEFAULTS.epochs : DIGITS_DEFAULTS.epochs);

  const setupStart = performance.now();
  let trainer: Trainer;
  try {
    trainer =
      kind === 'xo'
        ? createXoTrainer({ seed })
        : createDigitsTrainer({ seed, digits: loadMnistDigits() });
  } catch (error) {
    if (error instanceof EngineError) {
      err(`cnn-tutor train: ${errorText(error, t)}`);
      return EXIT.failed;
    }
    throw error;
  }
  const setupSeconds = (performance.now() - setupStart) / 1000;
  const table = epochTable(t);

  if (!flags.json) {
    out(
      t('cli.train.about', {
        kind: kind === 'xo' ? t('cli.train.kind.xo') : t('cli.train.kind.digits'),
        train: trainer.train.count,
        test: trainer.test.count,
        parameters: parameterCount(trainer.network),
        seed,
      }),
    );
    out(table.header);
  }
  const printEpoch = (m: EpochMetrics) => {
    if (!flags.json) out(table.line(m));
  };
  // One epoch per turn of the event loop, so signals and timers are not starved during a long run.
  for (let e = 0; e < epochs; e++) {
    trainer.run({ epochs: e + 1, onEpoch: printEpoch });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  const last = trainer.history[trainer.history.length - 1];
  const test = trainer.evaluate();
  const perfect = trainer.firstPerfect;
  const match = kind === 'xo' ? compareWithLectureFilters(trainer.filters()) : null;
  const peakMb = process.resourceUsage().maxRSS / 1024;

  if (flags.json) {
    out(
      JSON.stringify({
        kind,
        seed,
        epochs: trainer.history.length,
        train_seconds: round(last.seconds, 3),
        setup_seconds: round(setupSeconds, 3),
        test_accuracy: test.accuracy,
        test_loss: round(test.loss, 6),
        train_accuracy: round(last.trainAccuracy, 6),
        final_loss: round(last.loss, 6),
        train_count: trainer.train.count,
        test_count: trainer.test.count,
        parameters: parameterCount(trainer.network),
        batch_size: trainer.batchSize,
        optimizer: trainer.optimizerSpec,
        learning_rate_decay: trainer.learningRateDecay,
        first_perfect_epoch: perfect?.epoch ?? null,
        first_perfect_seconds: perfect === null ? null : round(perfect.seconds, 3),
        history: trainer.history.map(historyJson),
        confusion: test.confusion,
        classes: trainer.test.classNames,
        ...(match && {
          filter_match: {
            score: round(match.score, 4),
            pairs: match.matches.map((m) => ({
              learned: m.learned,
              lecture: m.lecture,
              correlation: round(m.correlation, 4),
            })),
          },
        }),
        peak_rss_mb: round(peakMb, 1),
      }),
    );
    return EXIT.ok;
  }
  out(
    t('cli.train.result', {
      accuracy: percent(test.accuracy),
      correct: test.correct,
      count: test.count,
      epochs: last.epoch,
      seconds: last.seconds.toFixed(2),
    }),
  );
  if (kind === 'xo') {
    out(
      perfect === null
        ? t('cli.train.never-perfect')
        : t('cli.train.first-perfect', {
            epoch: perfect.epoch,
            seconds: perfect.seconds.toFixed(2),
          }),
    );
    const pairs = match!.matches.map((m) =>
      t('cli.train.filter-pair', {
        learned: m.learned,
        lecture: lectureFilterName(t, m.lecture),
        correlation: m.correlation.toFixed(2),
      }),
    );
    out(t('cli.train.filters', { pairs: pairs.join(', ') }));
  }
  return EXIT.ok;
}

/**
 * `cnn-tutor train xo|digits [--epochs N] [--seed N] [--json]`: train a network without the
 * interface, for teachers and benchmarks. Prints one line per epoch (loss, training and
 * held-out accuracy, time), then a summary; with `--json`, one object instead, whose
 * `test_accuracy` (0–1) is the final held-out accuracy.
 *
 * Bad arguments exit 2 with one line on stderr and nothing on stdout; a run exits 0 whatever
 * accuracy it reaches (the numbers are the result); missing digit files exit 1.
 */
import { performance } from 'node:perf_hooks';
import { EngineError } from '../engine/index.js';
import { loadMnistDigits } from '../train/digits-data.js';
import { DIGITS_DEFAULTS, createDigitsTrainer } from '../train/digits.js';
import { parameterCount } from '../train/network.js';
import type { EpochMetrics, Trainer } from '../train/trainer.js';
import { XO_DEFAULTS, compareWithLectureFilters, createXoTrainer } from '../train/xo.js';
import { EXIT } from './io.js';

export type TrainKind = 'xo' | 'digits';

export interface TrainFlags {
  /** Whole number 1–1000 (a numeric string is accepted, as a command-line parser may pass one). */
  epochs?: number | string;
  /** Whole number 0–4294967295. @default 1 */
  seed?: number | string;
  json?: boolean;
}

const MAX_EPOCHS = 1000;

class TrainUsageError extends Error {}

function wholeNumber(
  name: string,
  value: number | string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw new TrainUsageError(
      `expected --${name} to be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
    );
  }
  return n;
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

/** Run one training and report it; resolves to the exit code. */
export async function runTrain(
  kind: unknown,
  flags: TrainFlags,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  let epochs: number;
  let seed: number;
  try {
    if (kind !== 'xo' && kind !== 'digits') {
      throw new TrainUsageError(
        `expected what to train to be "xo" or "digits", got ${kind === undefined ? 'nothing' : JSON.stringify(kind)}`,
      );
    }
    epochs =
      wholeNumber('epochs', flags.epochs, 1, MAX_EPOCHS) ??
      (kind === 'xo' ? XO_DEFAULTS.epochs : DIGITS_DEFAULTS.epochs);
    seed = wholeNumber('seed', flags.seed, 0, 2 ** 32 - 1) ?? 1;
  } catch (error) {
    if (error instanceof TrainUsageError) {
      err(`cnn-tutor train: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }

  const setupStart = performance.now();
  let trainer: Trainer;
  try {
    trainer =
      kind === 'xo'
        ? createXoTrainer({ seed })
        : createDigitsTrainer({ seed, digits: loadMnistDigits() });
  } catch (error) {
    if (error instanceof EngineError) {
      err(`cnn-tutor train: ${error.message}`);
      return EXIT.failed;
    }
    throw error;
  }
  const setupSeconds = (performance.now() - setupStart) / 1000;
  const title = kind === 'xo' ? 'X/O network' : 'digits CNN';

  if (!flags.json) {
    out(
      `${title}: ${trainer.train.count} training images, ${trainer.test.count} held out, ${parameterCount(trainer.network)} parameters, seed ${seed}`,
    );
    out('epoch    loss   train  held-out  seconds');
  }
  const printEpoch = (m: EpochMetrics) => {
    if (flags.json) return;
    out(
      `${String(m.epoch).padStart(5)}  ${m.loss.toFixed(4)}  ${percent(m.trainAccuracy).padStart(6)}  ${percent(m.testAccuracy).padStart(8)}  ${m.seconds.toFixed(2).padStart(7)}`,
    );
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
    `held-out accuracy ${percent(test.accuracy)} (${test.correct} of ${test.count}) after ${last.epoch} epoch${last.epoch === 1 ? '' : 's'}, ${last.seconds.toFixed(2)} s of training`,
  );
  if (kind === 'xo') {
    out(
      perfect === null
        ? 'the held-out set was never classified perfectly'
        : `first 100% on the held-out set after epoch ${perfect.epoch} (${perfect.seconds.toFixed(2)} s)`,
    );
    out(
      `learned filters vs the lectures' (correlation, sign shows a flipped filter): ${match!.matches.map((m) => `filter ${m.learned} ~ ${m.lecture} ${m.correlation.toFixed(2)}`).join(', ')}`,
    );
  }
  return EXIT.ok;
}

/**
 * The whole-number flags (`check-content --seeds`, `lesson --seed`, `train --epochs` and
 * `--seed`): one reading and one place for their ranges and refusals. Commander reads them with
 * `wholeNumberFlag`; the commands' functions, which scripts and tests call with strings too,
 * check them again with `readWholeNumber`, so both ways refuse the same values the same way.
 * Only digits count (spaces around them allowed): `1e3`, `0x10`, `-0` and `1.0`, which `Number`
 * takes, are refused like `abc`.
 *
 * This module is loaded with the command line itself: it imports no command's code.
 */
import { CommanderError } from 'commander';
import type { Translate } from '../view/text.js';
import { EXIT } from './io.js';

export const MAX_SEED = 2 ** 32 - 1;
export const MAX_EPOCHS = 1000;
/** Each seed builds and answers every generated exercise once: 10,000 take minutes, not hours. */
export const MAX_CHECK_SEEDS = 10_000;

/** `value` as a whole number from `min` to `max`, or undefined. */
export function readWholeNumber(
  value: number | string,
  min: number,
  max: number,
): number | undefined {
  const n = typeof value === 'string' && /^\s*\d{1,16}\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** A refused flag value; `main` prints the message as the command's one line and exits 2. */
export class FlagError extends CommanderError {
  constructor(message: string) {
    super(EXIT.usage, 'cnn-tutor.bad-flag', message);
  }
}

/**
 * Commander's `argParser` for a whole-number flag. The refusal is thrown past commander's own
 * "argument is invalid" wording, so each command keeps its one-line message.
 */
export function wholeNumberFlag(
  min: number,
  max: number,
  problem: (got: string) => string,
): (value: string) => number {
  return (value) => {
    const n = readWholeNumber(value, min, max);
    if (n === undefined) throw new FlagError(problem(value));
    return n;
  };
}

/** The ranges of `train --epochs` and `--seed`. */
export const TRAIN_RANGE: Readonly<Record<'epochs' | 'seed', readonly [number, number]>> = {
  epochs: [1, MAX_EPOCHS],
  seed: [0, MAX_SEED],
};

/** `train --epochs` or `--seed` refused, without the command's name. */
export function badTrainNumber(
  t: Translate,
  flag: keyof typeof TRAIN_RANGE,
  got: number | string,
): string {
  const [min, max] = TRAIN_RANGE[flag];
  return t('cli.train.bad-number', { flag, min, max, got: JSON.stringify(got) });
}

/** `lesson --seed` refused. */
export function badPrintSeed(t: Translate, got: number | string): string {
  return t('print.bad-seed', { seed: String(got) });
}

/** `check-content --seeds` refused. */
export function badCheckSeeds(t: Translate, got: string): string {
  return t('cli.check-content.bad-seeds', { max: MAX_CHECK_SEEDS, got: JSON.stringify(got) });
}

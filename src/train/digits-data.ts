/**
 * Handwritten digits from the `mnist` package: 10,000 images of 28×28 grey pixels (about a
 * thousand per digit), stored as one JSON file per digit, `{ "data": [784 numbers per image,
 * 0–1] }`.
 *
 * Loading is economical: one file at a time is read and parsed, its numbers are turned into
 * bytes at once (round(v · 255): the files hold 0–255 grey levels divided by 255 and rounded
 * to three decimals, so nothing is lost), and the parsed array is dropped before the next file.
 * The package's own entry point would parse all ten files, 41 MB of objects, at once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ValueError, describe, describeValue, seededRandom, valueError } from '../engine/index.js';
import { type Dataset, packedDataset, subset } from './dataset.js';

export const DIGIT_SIZE = 28;
export const DIGIT_CLASSES: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const PIXELS = DIGIT_SIZE * DIGIT_SIZE;

/** Every digit image in the package, as bytes. */
export interface MnistDigits {
  /** count · 784 grey levels, 0 (white) – 255 (ink), image after image, row by row. */
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
}

/** Where the package keeps its per-digit files. */
export function mnistDigitsDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
}

/**
 * Read the ten digit files one after another.
 * Throws a ValueError naming the file when it is missing or not the expected shape.
 */
export function loadMnistDigits(directory: string = mnistDigitsDirectory()): MnistDigits {
  const parts: Uint8Array[] = [];
  const counts: number[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = join(directory, `${digit}.json`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw valueError('mnist', 'data-unreadable', { file, reason });
    }
    let values: unknown;
    try {
      values = (JSON.parse(text) as { data?: unknown } | null)?.data;
    } catch (error) {
      throw valueError('mnist', 'data-not-json', { file, reason: (error as Error).message });
    }
    if (!Array.isArray(values) || values.length === 0 || values.length % PIXELS !== 0) {
      throw valueError('mnist', 'data-malformed', { file, got: describeValue(values) });
    }
    const bytes = new Uint8Array(values.length);
    const list = values as unknown[];
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
        throw valueError('mnist', 'data-not-unit', { file, got: describeValue(v), position: i });
      }
      bytes[i] = Math.round(v * 255);
    }
    values = undefined; // let the parsed array go before the next file is read
    parts.push(bytes);
    counts.push(bytes.length / PIXELS);
  }
  const count = counts.reduce((a, b) => a + b, 0);
  const pixels = new Uint8Array(count * PIXELS);
  const labels = new Uint8Array(count);
  let at = 0;
  parts.forEach((bytes, digit) => {
    pixels.set(bytes, at * PIXELS);
    labels.fill(digit, at, at + counts[digit]);
    at += counts[digit];
  });
  return { pixels, labels, count };
}

/** All digits as one dataset, pixels read as 0–1. */
export function digitsDataset(digits: MnistDigits, name = 'digits'): Dataset {
  return packedDataset(
    name,
    [1, DIGIT_SIZE, DIGIT_SIZE],
    digits.pixels,
    digits.labels,
    DIGIT_CLASSES,
    1 / 255,
  );
}

export interface DigitsSplitOptions {
  /** @default 1 */
  readonly seed?: number;
  /** Held-out images, spread evenly over the ten digits. @default 1000 */
  readonly testCount?: number;
  /** Training images, spread evenly over the digits. @default every image not held out */
  readonly trainCount?: number;
}

/**
 * A deterministic split: each digit's images are shuffled with the seed, the first of them are
 * held out (testCount / 10 per digit) and training draws from the rest, so no image is in both.
 * Example: the defaults on the package's 10,000 images → 9,000 to train on, 1,000 held out.
 */
export function splitDigits(
  digits: MnistDigits,
  options: DigitsSplitOptions = {},
): { train: Dataset; test: Dataset } {
  const seed = options.seed ?? 1;
  const testCount = options.testCount ?? 1000;
  const random = seededRandom(seed);
  const byDigit: number[][] = DIGIT_CLASSES.map(() => []);
  for (let k = 0; k < digits.count; k++) byDigit[digits.labels[k]].push(k);
  byDigit.forEach((list) => random.shuffle(list));
  const testPer = spread(testCount, 'testCount');
  const spare = byDigit.map((list, d) => list.length - testPer[d]);
  const trainCount = options.trainCount ?? spare.reduce((a, b) => a + b, 0);
  const trainPer = options.trainCount === undefined ? spare : spread(trainCount, 'trainCount');
  byDigit.forEach((list, d) => {
    if (testPer[d] + trainPer[d] > list.length) {
      // Only a programming mistake reaches this (the project's own code passes these): no code.
      throw new ValueError(
        options.trainCount === undefined ? 'testCount' : 'trainCount',
        `Digit ${d} has ${list.length} images, too few for ${testPer[d]} held out and ${trainPer[d]} to train on; ask for fewer.`,
      );
    }
  });
  const test: number[] = [];
  const train: number[] = [];
  byDigit.forEach((list, d) => {
    test.push(...list.slice(0, testPer[d]));
    train.push(...list.slice(testPer[d], testPer[d] + trainPer[d]));
  });
  const all = digitsDataset(digits);
  // The held-out images in digit order would be fine; the training order is shuffled by the trainer.
  return { train: subset(all, train, 'digits-train'), test: subset(all, test, 'digits-test') };
}

/** n images over ten digits as evenly as possible (the first digits get one more). */
function spread(n: number, name: string): number[] {
  if (!Number.isInteger(n) || n < 0)
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ValueError(
      name,
      `Expected \`${name}\` to be a whole number ≥ 0, got ${describe(n)}.`,
    );
  return DIGIT_CLASSES.map((_, d) => Math.floor(n / 10) + (d < n % 10 ? 1 : 0));
}

/**
 * `runTrain`, the command-line training: the JSON report's shape, the per-epoch text, and one
 * clear line with exit code 2 for every kind of bad argument.
 */
import { describe, expect, it } from 'vitest';
import { runTrain } from '../../src/cli/train.js';

async function capture(kind: unknown, flags: Parameters<typeof runTrain>[1]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTrain(
    kind,
    flags,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out, err };
}

describe('runTrain xo', () => {
  it('prints ONE JSON object with the final held-out accuracy, time and epochs', async () => {
    const { code, out, err } = await capture('xo', { epochs: 3, seed: 2, json: true });
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    const report = JSON.parse(out[0]);
    expect(report).toMatchObject({
      kind: 'xo',
      seed: 2,
      epochs: 3,
      train_count: 400,
      test_count: 100,
      parameters: 56,
      batch_size: 10,
      classes: ['X', 'O'],
    });
    expect(report.test_accuracy).toBeGreaterThanOrEqual(0);
    expect(report.test_accuracy).toBeLessThanOrEqual(1);
    expect(report.test_accuracy).toBe(report.history[2].test_accuracy);
    expect(typeof report.train_seconds).toBe('number');
    expect(report.train_seconds).toBeLessThan(2);
    expect(report.history).toHaveLength(3);
    expect(Object.keys(report.history[0]).sort()).toEqual([
      'epoch',
      'learning_rate',
      'loss',
      'seconds',
      'test_accuracy',
      'test_loss',
      'train_accuracy',
    ]);
    expect(report.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(100);
    expect(report.filter_match.pairs).toHaveLength(3);
    expect(report.peak_rss_mb).toBeGreaterThan(0);
    expect(report.optimizer).toEqual({ type: 'adam', learningRate: 0.03 });
  });

  it('prints a line per epoch and a summary without --json; numeric strings are fine', async () => {
    const { code, out } = await capture('xo', { epochs: '2', seed: '1' });
    expect(code).toBe(0);
    expect(out[0]).toBe('X/O network: 400 training images, 100 held out, 56 parameters, seed 1');
    expect(out[1]).toBe('epoch    loss   train  held-out  seconds');
    expect(out[2]).toMatch(/^ {4}1 {2}\d\.\d{4} +\d+\.\d% +\d+\.\d% +\d+\.\d{2}$/);
    expect(out[4]).toMatch(
      /^held-out accuracy \d+\.\d% \(\d+ of 100\) after 2 epochs, \d+\.\d\d s of training$/,
    );
    expect(out).toHaveLength(7);
  });
});

describe('runTrain digits', () => {
  it('trains one epoch on the package’s digits and reports as JSON', async () => {
    const { code, out } = await capture('digits', { epochs: 1, json: true });
    expect(code).toBe(0);
    const report = JSON.parse(out[0]);
    expect(report).toMatchObject({
      kind: 'digits',
      seed: 1,
      epochs: 1,
      train_count: 9000,
      test_count: 1000,
      parameters: 13_610,
    });
    expect(report.test_accuracy).toBeGreaterThan(0.85);
    expect(report.classes).toHaveLength(10);
    expect(report.filter_match).toBeUndefined();
  });
});

describe('runTrain bad arguments', () => {
  it.each([
    ['xoo', {}, 'cnn-tutor train: expected what to train to be "xo" or "digits", got "xoo"'],
    [undefined, {}, 'cnn-tutor train: expected what to train to be "xo" or "digits", got nothing'],
    [
      'xo',
      { epochs: 0 },
      'cnn-tutor train: expected --epochs to be a whole number from 1 to 1000, got 0',
    ],
    [
      'xo',
      { epochs: 'abc' },
      'cnn-tutor train: expected --epochs to be a whole number from 1 to 1000, got "abc"',
    ],
    [
      'xo',
      { epochs: 2.5 },
      'cnn-tutor train: expected --epochs to be a whole number from 1 to 1000, got 2.5',
    ],
    [
      'digits',
      { epochs: '1001' },
      'cnn-tutor train: expected --epochs to be a whole number from 1 to 1000, got "1001"',
    ],
    [
      'xo',
      { seed: '-1' },
      'cnn-tutor train: expected --seed to be a whole number from 0 to 4294967295, got "-1"',
    ],
    [
      'xo',
      { seed: 4294967296 },
      'cnn-tutor train: expected --seed to be a whole number from 0 to 4294967295, got 4294967296',
    ],
  ])('%s %j → exit 2, one line, nothing on stdout', async (kind, flags, message) => {
    const { code, out, err } = await capture(kind, flags);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([message]);
  });
});

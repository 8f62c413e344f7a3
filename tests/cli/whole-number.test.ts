/**
 * The whole-number flags, read by commander through one parser: a bad value is one line on
 * stderr, nothing on stdout, exit 2, before the command runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWholeNumber } from '../../src/cli/whole-number.js';
import { runCli } from './run-cli.js';

describe('readWholeNumber', () => {
  it('reads every whole number in range, written in digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => {
        expect(readWholeNumber(String(n), 0, 2 ** 32 - 1)).toBe(n);
        expect(readWholeNumber(` ${n} `, 0, 2 ** 32 - 1)).toBe(n);
        expect(readWholeNumber(n, 0, 2 ** 32 - 1)).toBe(n);
      }),
    );
  });

  it.each([
    '',
    ' ',
    'abc',
    '1e3',
    '0x10',
    '-0',
    '-1',
    '1.0',
    '1.5',
    '+1',
    '4294967296',
    '9'.repeat(40),
  ])('refuses %j', (text) => {
    expect(readWholeNumber(text, 0, 2 ** 32 - 1)).toBeUndefined();
  });

  it('refuses numbers out of range or not whole', () => {
    expect(readWholeNumber(0, 1, 10)).toBeUndefined();
    expect(readWholeNumber(11, 1, 10)).toBeUndefined();
    expect(readWholeNumber(2.5, 1, 10)).toBeUndefined();
    expect(readWholeNumber(Number.NaN, 1, 10)).toBeUndefined();
  });
});

describe('a bad whole-number flag on the command line', () => {
  it.each([
    [
      ['check-content', '--seeds', 'abc'],
      'cnn-tutor check-content: expected --seeds to be a whole number from 1 to 10000, got "abc"',
    ],
    [
      ['check-content', '--seeds', '0'],
      'cnn-tutor check-content: expected --seeds to be a whole number from 1 to 10000, got "0"',
    ],
    [
      ['check-content', '--seeds', '99999999999'],
      'cnn-tutor check-content: expected --seeds to be a whole number from 1 to 10000, got "99999999999"',
    ],
    [
      ['lesson', 'convolution', '--print', '--seed', '1.5'],
      'cnn-tutor lesson: --seed must be a whole number from 0 to 4294967295, got "1.5".',
    ],
    [
      ['train', 'xo', '--epochs', '1e3'],
      'cnn-tutor train: expected --epochs to be a whole number from 1 to 1000, got "1e3"',
    ],
    [
      ['train', 'xo', '--seed', '-1', '--no-live'],
      'cnn-tutor train: expected --seed to be a whole number from 0 to 4294967295, got "-1"',
    ],
  ])('%j: one line, exit 2', (args, line) => {
    const r = runCli(args, { env: { CNN_TUTOR_LANG: 'en' } });
    expect(r.stderr).toBe(`${line}\n`);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
  });
});

/**
 * Without a UTF-8 locale every command writes plain ASCII, as with `--ascii`; with one, or with
 * `--unicode`, the box drawing and symbols come back. Runs the built program (bin/cnn-tutor.js).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const stateDir = mkdtempSync(join(tmpdir(), 'cnn-tutor-charset-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

const CONV = JSON.stringify({
  op: 'conv2d',
  input: [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ],
  kernels: [
    [
      [1, 0],
      [0, -1],
    ],
  ],
});

/** A command, with the input it reads. */
const COMMANDS: ReadonlyArray<readonly [args: string[], input: string]> = [
  [['calc'], CONV],
  [['calc'], '{"op":"conv2d"'],
  [['list'], ''],
  [['lesson', 'convolution', '--print'], ''],
  [['progress'], ''],
  [['--help'], ''],
];

function run(args: readonly string[], input: string, locale: NodeJS.ProcessEnv): string {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CNN_TUTOR_STATE_DIR: stateDir };
  for (const name of ['LC_ALL', 'LC_CTYPE', 'LANG', 'FORCE_COLOR']) delete env[name];
  const r = spawnSync(process.execPath, ['bin/cnn-tutor.js', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...env, CNN_TUTOR_LANG: 'en', ...locale },
    timeout: 25_000,
  });
  return r.stdout + r.stderr;
}

const ASCII = /^[\u0000-\u007F]*$/;

describe('LANG=C: every command writes ASCII, the same as with --ascii', () => {
  test.each(COMMANDS)('%j', (args, input) => {
    const output = run(args, input, { LANG: 'C' });
    expect(output.length).toBeGreaterThan(0);
    expect(output).toMatch(ASCII);
    expect(output).toBe(run([...args, '--ascii'], input, { LANG: 'C.UTF-8' }));
  });
});

test.each([{ LC_ALL: 'POSIX', LANG: 'en_US.UTF-8' }, { LC_CTYPE: 'C', LANG: 'C.UTF-8' }, {}])(
  'no UTF-8 locale (%j): ASCII',
  (locale) => {
    expect(run(['calc'], CONV, locale)).toMatch(ASCII);
  },
);

test.each([{ LC_ALL: 'C.UTF-8' }, { LANG: 'en_US.UTF-8' }, { LANG: 'C', unicode: '1' }])(
  'UTF-8 (%j): box drawing and symbols',
  ({ unicode, ...locale }) => {
    const output = run(['calc', ...(unicode ? ['--unicode'] : [])], CONV, locale);
    expect(output).toMatch(/┌───┬/);
    expect(output).toContain('×');
  },
);

/** `cnn-tutor progress` and `reset` on a state folder whose progress file is not a regular file. */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, constants, lstatSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The real command line, killed if it has not finished in 15 s: a command that hangs on
 * the FIFO then fails the test (status null) instead of stalling the suite.
 */
function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/cnn-tutor.js', ...args], {
    cwd: root,
    input: '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    timeout: 15_000,
    killSignal: 'SIGKILL',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(process.platform === 'win32')('a FIFO as progress.json', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-fifo-'));
    file = join(dir, 'progress.json');
    execFileSync('mkfifo', [file]);
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('`progress` says so in one line and exits 2, without waiting on it', () => {
    const r = cli(['progress', '--state-dir', dir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${file} is not a regular file (a pipe or a device?), so cnn-tutor neither reads nor replaces it. Move it away, or keep progress elsewhere with --state-dir.\n`,
    );
    expect(lstatSync(file).isFIFO()).toBe(true);
  });

  it('`progress --json` and `reset --yes` refuse it the same way, and leave it in place', () => {
    for (const args of [
      ['progress', '--json'],
      ['reset', '--yes'],
    ]) {
      const r = cli([...args, '--state-dir', dir]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`${file} is not a regular file`);
    }
    expect(lstatSync(file).isFIFO()).toBe(true);
    // Nothing is stuck reading it: a writer that does not wait finds no reader.
    expect(() => closeSync(openSync(file, constants.O_WRONLY | constants.O_NONBLOCK))).toThrow(
      /ENXIO/,
    );
  });
});

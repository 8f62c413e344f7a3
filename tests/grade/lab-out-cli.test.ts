/**
 * `cnn-tutor lab … --out FILE [--force]` on the real command line: the file answers are saved
 * in is a regular file that is this student's submission for this lab, or is replaced only
 * with --force; standard output, a FIFO and the lab file itself are refused (exit 2, one line).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './make-class.js';

const base = mkdtempSync(join(tmpdir(), 'cnn-tutor-lab-out-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let n = 0;
const fresh = () => mkdtempSync(join(base, `${n++}-`));

/** The installed program, run in a folder of its own (a wrong `-` would land there). */
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'cnn-tutor.js'), ...args], {
    cwd: fresh(),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CNN_TUTOR_LANG: 'en', CNN_TUTOR_SECRET: '' },
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ANSWER = ['--answer', 'tensor-shape-random=2x3x4'];
const lab = (out: string, ...more: string[]) =>
  cli(['lab', 'lab-1', '--student', 'alice', '--out', out, ...ANSWER, ...more]);

describe('lab --out', () => {
  it('saves in a new file', () => {
    const file = join(fresh(), 'mine.json');
    expect(lab(file)).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      lab: 'lab-1',
      student: 'alice',
    });
  });

  it('refuses standard output in one line', () => {
    const r = lab('-');
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toBe(
      'cnn-tutor lab: --out -: lab answers are saved in a file, to be resumed and handed in, not on standard output. Name a file with --out.\n',
    );
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a FIFO at once, even with --force, and leaves it in place',
    () => {
      const fifo = join(fresh(), 'pipe');
      execFileSync('mkfifo', [fifo]);
      const r = lab(fifo, '--force');
      expect(r).toMatchObject({ status: 2, stdout: '' });
      expect(r.stderr).toBe(
        `cnn-tutor lab: ${fifo} is not a regular file (a folder, a device or a pipe?), so lab answers cannot be saved in it, even with --force. Name another file with --out.\n`,
      );
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    },
  );

  it('refuses the lab file itself, even with --force', () => {
    const dir = fresh();
    const labFile = join(dir, 'lab-1.yaml');
    copyFileSync(join(ROOT, 'exercises', 'labs', 'lab-1.yaml'), labFile);
    const before = readFileSync(labFile, 'utf8');
    const r = cli(['lab', labFile, '--student', 'alice', '--out', labFile, '--force', ...ANSWER]);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toBe(
      `cnn-tutor lab: ${labFile} is the lab file itself, so it is not replaced with answers, even with --force. Name another file with --out.\n`,
    );
    expect(readFileSync(labFile, 'utf8')).toBe(before);
  });

  it('refuses another student’s file, naming --force, and replaces it with --force', () => {
    const file = join(fresh(), 'answers.json');
    const bobs = '{"format": 1, "lab": "lab-1", "student": "bob", "answers": {"conv-any-cell": 7}}';
    writeFileSync(file, bobs);
    const r = lab(file);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toBe(
      `cnn-tutor lab: ${file} holds bob's answers. Move it away, save to another file with --out, or replace it with --force.\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe(bobs);

    expect(lab(file, '--force')).toMatchObject({ status: 0, stderr: '' });
    const now = JSON.parse(readFileSync(file, 'utf8'));
    expect(now).toMatchObject({ lab: 'lab-1', student: 'alice' });
    expect(Object.keys(now.answers)).toEqual(['tensor-shape-random']);
  });
});

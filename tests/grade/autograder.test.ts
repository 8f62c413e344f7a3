/**
 * `cnn-tutor gradescope LAB --out DIR`, and its run_autograder run for real (bash), with the
 * Gradescope paths moved to temporary folders through the documented variables.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandContext } from '../../src/cli/context.js';
import { runGradescope } from '../../src/cli/gradescope.js';
import { loadLab } from '../../src/grade/load-lab.js';
import { serializeSubmission } from '../../src/grade/submission.js';
import { accessCode } from '../../src/grade/lab-questions.js';
import { ROOT, course, keyFor } from './make-class.js';

const base = mkdtempSync(join(tmpdir(), 'cnn-tutor-gradescope-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const ctx = commandContext({}, { CNN_TUTOR_LANG: 'en' });
const lab = loadLab('lab-1', { course: course(), root: ROOT }).lab!;

async function make(dir: string, secret?: string): Promise<string[]> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runGradescope(
    ctx,
    'lab-1',
    { out: dir, ...(secret ? { secret } : {}) },
    '9.9.9',
    (s) => out.push(s),
    (s) => err.push(s),
    {},
  );
  expect({ code, err }).toEqual({ code: 0, err: [] });
  return out;
}

function runAutograder(source: string, submission: string, results: string) {
  const r = spawnSync('bash', [join(source, 'run_autograder')], {
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CNN_TUTOR_AUTOGRADER_SOURCE: source,
      CNN_TUTOR_SUBMISSION_DIR: submission,
      CNN_TUTOR_RESULTS_DIR: results,
      CNN_TUTOR_COMMAND: `${process.execPath} ${join(ROOT, 'bin', 'cnn-tutor.js')}`,
    },
    cwd: ROOT,
  });
  return {
    status: r.status,
    results: JSON.parse(readFileSync(join(results, 'results.json'), 'utf8')) as {
      score: number;
      output: string;
      tests: Array<{ status: string }>;
    },
    stderr: r.stderr,
  };
}

describe('cnn-tutor gradescope', () => {
  it('writes executable setup.sh and run_autograder, and the lab', async () => {
    const dir = join(base, 'plain');
    const printed = await make(dir);
    expect(printed.join('\n')).toContain('Zip the files themselves');
    for (const name of ['setup.sh', 'run_autograder'])
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o755);
    // The lab as it is, under a line that marks it as cnn-tutor's (with a checksum).
    const [seal, ...rest] = readFileSync(join(dir, 'lab.yaml'), 'utf8').split('\n');
    expect(seal).toMatch(/^# cnn-tutor gradescope sha256:[0-9a-f]{64}$/);
    expect(rest.join('\n')).toBe(lab.source);
    const setup = readFileSync(join(dir, 'setup.sh'), 'utf8');
    expect(setup).toContain('https://deb.nodesource.com/setup_20.x');
    expect(setup).toContain('npm install --global "cnn-tutor@9.9.9"');
    expect(() => statSync(join(dir, 'lab-secret'))).toThrow();
    for (const name of ['setup.sh', 'run_autograder'])
      expect(spawnSync('bash', ['-n', join(dir, name)]).status).toBe(0);
  });

  it('run_autograder grades a submission into results.json', async () => {
    const source = join(base, 'plain');
    const submission = join(base, 'submission');
    const results = join(base, 'results');
    mkdirSync(submission);
    writeFileSync(
      join(submission, 'alice.lab-1.json'),
      serializeSubmission({ lab: 'lab-1', student: 'alice', answers: keyFor(lab, 'alice') }),
    );
    const r = runAutograder(source, submission, results);
    expect(r.status).toBe(0);
    expect(r.results.score).toBe(lab.maxScore);
    expect(r.results.tests).toHaveLength(lab.exercises.length);
    expect(r.results.tests.every((x) => x.status === 'passed')).toBe(true);

    writeFileSync(join(submission, 'alice.lab-1.json'), '{"format": 1');
    const bad = runAutograder(source, submission, results);
    expect(bad.status).toBe(0);
    expect(bad.results).toMatchObject({ score: 0, tests: [] });
    expect(bad.results.output).toMatch(
      /^Your submission could not be graded\. The file is not valid JSON/,
    );
  });

  it('with a secret: stores it privately, and grades with it', async () => {
    const source = join(base, 'secret');
    await make(source, 'class secret');
    expect(statSync(join(source, 'lab-secret')).mode & 0o777).toBe(0o600);
    const submission = join(base, 'submission-secret');
    mkdirSync(submission);
    const code = accessCode(lab.id, 'bob', { secret: 'class secret' });
    writeFileSync(
      join(submission, 'bob.lab-1.json'),
      serializeSubmission({
        lab: 'lab-1',
        student: 'bob',
        code,
        answers: keyFor(lab, 'bob', 'class secret'),
      }),
    );
    const r = runAutograder(source, submission, join(base, 'results-secret'));
    expect(r.results.score).toBe(lab.maxScore);
    expect(r.results.output).not.toContain('not checked');
  });

  it('always leaves a results.json, even when cnn-tutor cannot run', () => {
    const results = join(base, 'results-broken');
    const r = spawnSync('bash', [join(base, 'plain', 'run_autograder')], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        CNN_TUTOR_AUTOGRADER_SOURCE: join(base, 'plain'),
        CNN_TUTOR_SUBMISSION_DIR: base,
        CNN_TUTOR_RESULTS_DIR: results,
        CNN_TUTOR_COMMAND: 'false',
      },
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(results, 'results.json'), 'utf8'))).toEqual({
      score: 0,
      output:
        'The autograder could not grade this submission (cnn-tutor exit code 1). Please tell your teacher.',
      tests: [],
    });
  });
});

/**
 * A folder is graded from the files that are submissions. cnn-tutor's own reports, other JSON
 * and symbolic links are listed as skipped, never failed and never in the mean; a damaged
 * student file is still a failed submission; a file named on the command line is always graded.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandContext } from '../../src/cli/context.js';
import { runGrade } from '../../src/cli/grade.js';
import { runWorksheet } from '../../src/cli/worksheet.js';
import type { Lab } from '../../src/grade/lab.js';
import { loadLab } from '../../src/grade/load-lab.js';
import { serializeSubmission } from '../../src/grade/submission.js';
import { runCli } from '../cli/run-cli.js';
import { ROOT, course, keyFor, t } from './make-class.js';
import { findAll, parseXml } from './xml-check.js';

const base = mkdtempSync(join(tmpdir(), 'cnn-tutor-folder-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const ctx = commandContext({}, { CNN_TUTOR_LANG: 'en' });
const env = { CNN_TUTOR_LANG: 'en', CNN_TUTOR_SECRET: '' };
let lab: Lab;
let count = 0;

beforeAll(() => {
  lab = loadLab('lab-1', { course: course(), root: ROOT }).lab!;
});

/** A folder with full-marks submissions for the students named. */
function folder(...students: string[]): string {
  const dir = join(base, `subs-${++count}`);
  mkdirSync(dir, { recursive: true });
  for (const s of students)
    writeFileSync(
      join(dir, `${s}.json`),
      serializeSubmission({ lab: 'lab-1', student: s, answers: keyFor(lab, s) }),
    );
  return dir;
}

async function grade(paths: string[], flags: Record<string, unknown>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runGrade(
    ctx,
    paths,
    flags,
    (s) => out.push(s),
    (s) => err.push(s),
    {},
    base,
  );
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('a report in the submissions folder', () => {
  it('grade subs/ --out subs/, then grade subs/ --fail-under 60: the report is skipped, not failed', () => {
    const subs = folder('alice', 'bob');
    const first = runCli(['grade', `${subs}/`, '--format', 'json', '--out', `${subs}/`], { env });
    expect(first).toMatchObject({ status: 0, stdout: '' });
    const next = runCli(['grade', `${subs}/`, '--fail-under', '60'], { env });
    expect(next.stderr).toBe('');
    expect(next.status).toBe(0);
    expect(next.stdout).toContain(
      `${join(subs, 'grades.json')}: skipped. It is a report written by cnn-tutor, not a submission.\n`,
    );
    expect(next.stdout).toContain('Class: 2 files, 2 graded, 0 not graded, and 1 file skipped\n');
    expect(next.stdout).toMatch(/mean \S+ \/ \S+ \(100%\)/);
  });

  it('every report format of cnn-tutor, a worksheet, and a report too large to read, are skipped', async () => {
    const subs = folder('alice');
    for (const format of ['json', 'gradescope', 'junit', 'text'])
      expect((await grade([subs], { format, out: `${subs}/` })).code).toBe(0);
    const sheet = await runWorksheet(
      ctx,
      'lab-1',
      { student: 'alice', format: 'json', out: join(subs, 'sheet.json') },
      () => {},
      () => {},
      {},
      base,
    );
    expect(sheet).toBe(0);
    // A big class's report is over the 1 MB a submission may be: recognised from its start.
    const report = JSON.parse(readFileSync(join(subs, 'grades.json'), 'utf8'));
    report.submissions = Array.from({ length: 400 }, () => report.submissions[0]);
    writeFileSync(join(subs, 'big-grades.json'), JSON.stringify(report, null, 2));
    expect(readFileSync(join(subs, 'big-grades.json')).length).toBeGreaterThan(1024 * 1024);
    const r = await grade([subs], { format: 'json', failUnder: '60' });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.submissions.map((s: { student: string }) => s.student)).toEqual(['alice']);
    expect(
      json.skipped.map((s: { file: string; reason_key: string }) => [
        s.file.replace(/^.*\//, ''),
        s.reason_key,
      ]),
    ).toEqual([
      ['big-grades.json', 'grade.skip.report'],
      ['grades.json', 'grade.skip.report'],
      ['results.json', 'grade.skip.report'],
      ['sheet.json', 'grade.skip.report'],
    ]);
    expect(json.summary).toMatchObject({ files: 1, graded: 1, not_graded: 0, skipped: 4 });
  });

  it('other JSON is skipped; a damaged student file still fails; a file named on the command line is graded', async () => {
    const subs = folder('alice');
    writeFileSync(join(subs, 'package.json'), '{"name": "my-lab", "version": "1.0.0"}\n');
    // A student's files: cut short, and a typo in a field name.
    writeFileSync(join(subs, 'bob.json'), '{"format": 1, "lab": "lab-1", "student": "bob", "ans');
    writeFileSync(
      join(subs, 'carol.json'),
      '{"format": 1, "lab": "lab-1", "student": "carol", "answer": {}}',
    );
    const r = await grade([subs], { format: 'json', failUnder: '60' });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(
      json.submissions.map((s: { file: string; error_key: string | null }) => [
        s.file.replace(/^.*\//, ''),
        s.error_key,
      ]),
    ).toEqual([
      ['alice.json', null],
      ['bob.json', 'grade.json.syntax'],
      ['carol.json', 'grade.submission.unknownField'],
    ]);
    expect(json.skipped).toEqual([
      {
        file: join(subs, 'package.json'),
        reason: t('grade.skip.notSubmission'),
        reason_key: 'grade.skip.notSubmission',
      },
    ]);
    const named = await grade([join(subs, 'package.json')], { format: 'json' });
    expect(JSON.parse(named.stdout).submissions[0].error_key).toBe('grade.submission.unknownField');
  });

  it('the JUnit and Gradescope reports show a skipped file without counting it', async () => {
    const subs = folder('alice');
    writeFileSync(join(subs, 'package.json'), '{"name": "my-lab"}\n');
    const junit = parseXml((await grade([subs], { format: 'junit' })).stdout);
    const skipped = findAll(junit, 'skipped');
    expect(skipped.map((s) => s.attributes.message)).toEqual([t('grade.skip.notSubmission')]);
    expect(findAll(junit, 'testsuites')[0].attributes).toMatchObject({
      failures: '0',
      errors: '0',
      skipped: '1',
    });
    const gs = JSON.parse((await grade([subs], { format: 'gradescope' })).stdout);
    expect(gs.score).toBe(lab.maxScore);
    expect(gs.output).toContain(`package.json was not graded. ${t('grade.skip.notSubmission')}`);
  });
});

describe('links in a folder are not followed', () => {
  it('bob.json → teacher-private.json: nothing of the private file is read or printed', async () => {
    const subs = folder('alice');
    const secret = join(base, `teacher-private-${count}.json`);
    writeFileSync(secret, '{"TEACHER ONLY: exam answers 4, 7, 12": true}\n');
    symlinkSync(secret, join(subs, 'bob.json'));
    const r = runCli(['grade', subs, '--fail-under', '60'], { env });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('TEACHER');
    expect(r.stdout).toContain(`${join(subs, 'bob.json')}: skipped. ${t('grade.skip.link')}`);
    for (const format of ['json', 'junit', 'gradescope']) {
      const other = await grade([subs], { format, failUnder: '60' });
      expect({ format, code: other.code }).toEqual({ format, code: 0 });
      expect(other.stdout + other.stderr).not.toContain('TEACHER');
      expect(other.stdout).toContain('bob.json');
    }
  });

  it('a link named on the command line is followed: the user chose that file', async () => {
    const subs = folder();
    const real = join(base, `real-${count}.json`);
    writeFileSync(
      real,
      serializeSubmission({ lab: 'lab-1', student: 'dan', answers: keyFor(lab, 'dan') }),
    );
    symlinkSync(real, join(subs, 'dan.json'));
    const r = await grade([join(subs, 'dan.json')], { format: 'json' });
    expect(JSON.parse(r.stdout).submissions[0]).toMatchObject({ student: 'dan', percent: 100 });
  });
});

/**
 * The real program, as a teacher and a student use it: exit codes, stdout against stderr,
 * files written only where asked.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/grade/load-lab.js';
import { ROOT, course, keyFor, wrongAnswer } from './make-class.js';

const base = mkdtempSync(join(tmpdir(), 'cnn-tutor-cli-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'cnn-tutor.js'), ...args], {
    cwd: options.cwd ?? base,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',
      CNN_TUTOR_LANG: 'en',
      CNN_TUTOR_SECRET: '',
      ...options.env,
    },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('teacher: key, then grade', () => {
  it('the key as JSON grades at 100%, and a changed copy below --fail-under exits 1', () => {
    const key = cli(['key', 'lab-1', '--student', 'alice', '--json']);
    expect(key).toMatchObject({ status: 0, stderr: '' });
    const file = join(base, 'alice.json');
    writeFileSync(file, key.stdout);
    const graded = cli(['grade', file, '--fail-under', '100']);
    expect(graded).toMatchObject({ status: 0, stderr: '' });
    expect(graded.stdout.split('\n')[0]).toMatch(
      /^.*alice\.json: alice, lab-1: (\d+(\.\d+)?) \/ \1 points \(100%\)$/,
    );

    const submission = JSON.parse(key.stdout) as { answers: Record<string, string> };
    const [first] = Object.keys(submission.answers);
    submission.answers[first] = wrongAnswer(submission.answers[first]);
    writeFileSync(join(base, 'alice-wrong.json'), JSON.stringify(submission));
    const below = cli(['grade', join(base, 'alice-wrong.json'), '--fail-under', '100%']);
    expect(below.status).toBe(1);
    expect(below.stderr).toBe(
      'cnn-tutor grade: 1 of 1 file scored under 100% (files that could not be graded count as 0%).\n',
    );
    expect(below.stdout).not.toContain('Expected:');
    expect(cli(['grade', join(base, 'alice-wrong.json'), '--show-expected']).stdout).toContain(
      `Expected: ${JSON.parse(key.stdout).answers[first]}`,
    );
  });

  it('the text key lists every exercise with its points and answer', () => {
    const r = cli(['key', 'lab-1', '--student', 'alice']);
    expect(r.status).toBe(0);
    const lab = loadLab('lab-1', { course: course(), root: ROOT }).lab!;
    expect(r.stdout.split('\n')[0]).toBe(
      `Answer key for alice: ${lab.title} (lab-1). For instructors only.`,
    );
    const key = keyFor(lab, 'alice');
    for (const e of lab.exercises) {
      const points = `${e.points} point${e.points === 1 ? '' : 's'}`;
      expect(r.stdout).toContain(
        `${String(e.number).padStart(3)}. ${e.id.padEnd(Math.max(...lab.exercises.map((x) => x.id.length)))}  ${points.padEnd(10)}  ${key.get(e.id)}\n`,
      );
    }
  });

  it('a secret from CNN_TUTOR_SECRET: codes for the class, keys with the code, grading that checks it', () => {
    const env = { CNN_TUTOR_SECRET: 'the class secret' };
    const codes = cli(['lab-codes', 'lab-1', '--student', 'alice', '--student', 'bob'], { env });
    expect(codes.status).toBe(0);
    expect(codes.stdout).toMatch(
      /^alice\t[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\nbob\t[0-9A-Z-]{19}\n$/,
    );
    const key = cli(['key', 'lab-1', '--student', 'bob', '--json'], { env });
    expect(JSON.parse(key.stdout).code).toBe(codes.stdout.split('\n')[1].split('\t')[1]);
    const dir = join(base, 'secret-class');
    mkdirSync(dir);
    writeFileSync(join(dir, 'bob.lab-1.json'), key.stdout);
    const json = JSON.parse(cli(['grade', dir, '--format', 'json'], { env }).stdout);
    expect(json.submissions[0]).toMatchObject({ student: 'bob', percent: 100, warnings: [] });
    expect(cli(['lab-codes', 'lab-1', '--student', 'alice']).status).toBe(2);
  });

  it('--out: only that file is written; a folder gets the format’s default name', () => {
    const dir = join(base, 'out-class');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'carol.lab-1.json'),
      cli(['key', 'lab-1', '--student', 'carol', '--json']).stdout,
    );
    const r = cli([
      'grade',
      dir,
      '--format',
      'gradescope',
      '--out',
      join(base, 'gs-results') + '/',
    ]);
    expect(r).toMatchObject({ status: 0, stdout: '' });
    expect(
      JSON.parse(readFileSync(join(base, 'gs-results', 'results.json'), 'utf8')).tests.length,
    ).toBeGreaterThan(0);
    // The report may live in the folder being graded: the next run skips it, and replaces it.
    expect(cli(['grade', dir, '--format', 'json', '--out', join(dir, 'grades.json')]).status).toBe(
      0,
    );
    const again = JSON.parse(cli(['grade', dir, '--format', 'json']).stdout);
    expect(again.submissions.map((s: { file: string }) => s.file.replace(/^.*\//, ''))).toEqual([
      'carol.lab-1.json',
    ]);
    expect(again.skipped).toEqual([
      {
        file: join(dir, 'grades.json'),
        reason: 'It is a report written by cnn-tutor, not a submission.',
        reason_key: 'grade.skip.report',
      },
    ]);
    expect(cli(['grade', dir, '--format', 'json', '--out', `${dir}/`]).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['carol.lab-1.json', 'grades.json']);
  });
});

describe('student: lab, worksheet, grade', () => {
  it('saves answers to <student>.<lab>.json in the current folder, then grades them without revealing answers', () => {
    const cwd = join(base, 'student');
    mkdirSync(cwd);
    const lab = loadLab('lab-1', { course: course(), root: ROOT }).lab!;
    const [first, second] = lab.exercises;
    const answer = keyFor(lab, 'dan').get(first.id)!;
    const r = cli(
      [
        'lab',
        'lab-1',
        '--student',
        'dan',
        '--answer',
        `${first.id}=${answer}`,
        '--answer',
        `${second.id}=???`,
      ],
      { cwd },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^cnn-tutor lab: ${second.id}: not saved\\. .+\n$`));
    expect(r.stdout).toMatch(/for dan: 1 of \d+ answered, saved in .*dan\.lab-1\.json/);
    expect(readdirSync(cwd)).toEqual(['dan.lab-1.json']);
    expect(JSON.parse(readFileSync(join(cwd, 'dan.lab-1.json'), 'utf8'))).toEqual({
      format: 1,
      lab: 'lab-1',
      student: 'dan',
      answers: { [first.id]: answer },
    });
    const graded = cli(['grade', 'dan.lab-1.json'], { cwd });
    expect(graded.status).toBe(0);
    expect(graded.stdout).toContain(
      `  ✓ ${first.points} / ${first.points}  ${' '.repeat(String(lab.exercises.length).length - 1)}1. ${first.def.title} (${first.id})`,
    );
    expect(graded.stdout).not.toContain('Expected');
  });

  it('a worksheet in Markdown and JSON', () => {
    const md = cli(['worksheet', 'lab-1', '--student', 'dan']);
    expect(md.status).toBe(0);
    expect(md.stdout.split('\n')[0]).toBe(
      `# ${loadLab('lab-1', { course: course(), root: ROOT }).lab!.title}`,
    );
    const json = cli(['worksheet', 'lab-1', '--student', 'dan', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ lab: 'lab-1', student: 'dan' });
  });
});

describe('usage and lab-file errors exit 2, with one message on stderr and nothing on stdout', () => {
  const broken = join(base, 'broken-lab.yaml');
  writeFileSync(
    broken,
    'format: 1\nid: broken\ntitle: Broken\nexercises:\n  - id: conv-first-windw\n',
  );
  const unanchored = join(base, 'alias-lab.yaml');
  writeFileSync(unanchored, 'format: 1\nid: alias\ntitle: *title\nexercises: []\n');
  it.each([
    [
      ['grade', 'x.json', '--format', 'xml'],
      'cnn-tutor grade: unknown --format "xml"; expected one of text, json, gradescope, junit.\n',
    ],
    [
      ['grade', 'x.json', '--fail-under', '150'],
      'cnn-tutor grade: --fail-under takes a percentage from 0 to 100, got "150".\n',
    ],
    [
      ['key', 'lab-1'],
      'cnn-tutor key: say who you are with --student ID (letters, digits and . _ @ + -).\n',
    ],
    [
      ['key', 'lab-1', '--student', '../etc'],
      'cnn-tutor key: "../etc" is not a valid student id: use letters, digits and . _ @ + - (at most 64, starting with a letter or digit).\n',
    ],
    [
      ['worksheet', 'lab-1', '--student', 'a', '--format', 'pdf'],
      'cnn-tutor worksheet: unknown --format "pdf"; expected one of md, json.\n',
    ],
    [
      ['key', 'lab-99', '--student', 'a'],
      'cnn-tutor key: the lab cannot be used: 1 problem.\n  exercises/labs/lab-99.yaml: no lab `lab-99`: expected the file exercises/labs/lab-99.yaml in the course (or give a path to a lab file)\n',
    ],
    [
      ['grade', 'x.json', '--lab', broken],
      `cnn-tutor grade: the lab cannot be used: 1 problem.\n  ${broken}:5 (exercises[0].id): no exercise \`conv-first-windw\` in the course (did you mean \`conv-first-window\`?); \`cnn-tutor list\` shows them all, and \`cnn-tutor check-content\` shows any that failed to load\n`,
    ],
    [
      ['grade', 'x.json', '--lab', unanchored],
      `cnn-tutor grade: the lab cannot be used: 1 problem.\n  ${unanchored}:3 (title): alias \`*title\` has no anchor: mark an earlier value \`&title\`, or write the value out\n`,
    ],
    [
      ['gradescope', 'lab-1'],
      'cnn-tutor gradescope: say where to write the autograder files with --out DIR.\n',
    ],
  ])('%j', (args, stderr) => {
    expect(cli(args)).toEqual({ status: 2, stdout: '', stderr });
  });
});

/**
 * `--out` of every command that writes (grade, worksheet, key, lab-codes, gradescope), attacked
 * the ways a teacher's slip or a CI script does: the output is one of the inputs, an existing
 * file of someone else's, a customised script, a FIFO, a device. Nothing the user owns is lost,
 * a device or FIFO is written into and stays what it was, and a refusal is exit 2 with one
 * line naming the file and --force.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandContext } from '../../src/cli/context.js';
import { runGrade } from '../../src/cli/grade.js';
import { runGradescope } from '../../src/cli/gradescope.js';
import { runKey } from '../../src/cli/key.js';
import { runLabCodes } from '../../src/cli/lab-codes.js';
import { runWorksheet } from '../../src/cli/worksheet.js';
import type { Lab } from '../../src/grade/lab.js';
import { loadLab } from '../../src/grade/load-lab.js';
import { serializeSubmission } from '../../src/grade/submission.js';
import { ROOT, course, keyFor } from './make-class.js';

const base = mkdtempSync(join(tmpdir(), 'cnn-tutor-out-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const ctx = commandContext({}, { CNN_TUTOR_LANG: 'en' });
let lab: Lab;
let dirCount = 0;

beforeAll(() => {
  lab = loadLab('lab-1', { course: course(), root: ROOT }).lab!;
});

/** A fresh folder with alice's and bob's submissions. */
function classFolder(): { dir: string; subs: string; alice: string; bob: string } {
  const dir = join(base, `case-${++dirCount}`);
  const subs = join(dir, 'subs');
  mkdirSync(subs, { recursive: true });
  const alice = join(subs, 'alice.json');
  const bob = join(subs, 'bob.json');
  for (const [file, student] of [
    [alice, 'alice'],
    [bob, 'bob'],
  ])
    writeFileSync(
      file,
      serializeSubmission({ lab: 'lab-1', student, answers: keyFor(lab, student) }),
    );
  return { dir, subs, alice, bob };
}

interface Run {
  code: number;
  out: string[];
  err: string[];
}

type Command = (out: (s: string) => void, err: (s: string) => void) => Promise<number>;

async function run(command: Command): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out, err };
}

const grade = (paths: string[], flags: Record<string, unknown>, cwd: string) =>
  run((out, err) => runGrade(ctx, paths, flags, out, err, {}, cwd));

/** A refusal: exit 2, nothing on stdout, one line on stderr that names the file and --force. */
function expectRefused(r: Run, command: string, file: string): void {
  expect(r.code).toBe(2);
  expect(r.out).toEqual([]);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).toMatch(new RegExp(`^cnn-tutor ${command}: `));
  expect(r.err[0]).toContain(file);
  expect(r.err[0]).toContain('--force');
}

describe('grade --out never replaces a file being graded', () => {
  it('grade self.json --out self.json: refused, even with --force, and the submission is intact', async () => {
    const { dir, alice } = classFolder();
    const self = join(dir, 'self.json');
    writeFileSync(self, readFileSync(alice));
    const before = readFileSync(self, 'utf8');
    expectRefused(await grade(['self.json'], { out: 'self.json' }, dir), 'grade', 'self.json');
    expectRefused(
      await grade(['self.json'], { out: './self.json', force: true }, dir),
      'grade',
      './self.json',
    );
    // A hard link is the same file under another name.
    linkSync(self, join(dir, 'hard.json'));
    expectRefused(await grade([self], { out: 'hard.json' }, dir), 'grade', 'hard.json');
    expect(readFileSync(self, 'utf8')).toBe(before);
  });

  it('grade subs/ --out subs/bob.json: bob is graded, and not overwritten', async () => {
    const { dir, bob } = classFolder();
    const before = readFileSync(bob, 'utf8');
    const r = await grade(['subs/'], { out: 'subs/bob.json', format: 'json' }, dir);
    expectRefused(r, 'grade', 'subs/bob.json');
    expect(readFileSync(bob, 'utf8')).toBe(before);
  });

  it('the lab file read with --lab is an input too', async () => {
    const { dir } = classFolder();
    const labFile = join(dir, 'my-lab.yaml');
    writeFileSync(labFile, lab.source);
    const r = await grade(['subs'], { lab: 'my-lab.yaml', out: 'my-lab.yaml', force: true }, dir);
    expectRefused(r, 'grade', 'my-lab.yaml');
    expect(readFileSync(labFile, 'utf8')).toBe(lab.source);
  });
});

describe('grade --out replaces only a report of the same format', () => {
  it('an earlier report is replaced; a file of anyone else’s takes --force', async () => {
    const { dir } = classFolder();
    for (const format of ['json', 'text', 'junit', 'gradescope']) {
      const out = `report.${format}`;
      for (let k = 0; k < 2; k++) {
        const r = await grade(['subs/alice.json'], { out, format }, dir);
        expect({ format, code: r.code, err: r.err }).toEqual({
          format,
          code: 0,
          err: [`wrote ${out}`],
        });
      }
    }
    // A report of another format is not this format's to replace.
    expectRefused(
      await grade(['subs/alice.json'], { out: 'report.json', format: 'text' }, dir),
      'grade',
      'report.json',
    );
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my notes on the class\n');
    expectRefused(await grade(['subs'], { out: 'notes.txt' }, dir), 'grade', 'notes.txt');
    expect(readFileSync(notes, 'utf8')).toBe('my notes on the class\n');
    expect((await grade(['subs'], { out: 'notes.txt', force: true }, dir)).code).toBe(0);
    expect(readFileSync(notes, 'utf8')).toMatch(/^# cnn-tutor grade\n.*alice\.json: alice, lab-1/);
  });

  it('an empty file (mktemp) may be written', async () => {
    const { dir } = classFolder();
    writeFileSync(join(dir, 'tmp.xml'), '');
    expect((await grade(['subs'], { out: 'tmp.xml', format: 'junit' }, dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'tmp.xml'), 'utf8')).toMatch(
      /<testsuites name="cnn-tutor grade"/,
    );
  });

  it('- is standard output', async () => {
    const { dir } = classFolder();
    const r = await grade(['subs/alice.json'], { out: '-', format: 'json' }, dir);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(JSON.parse(r.out.join('\n')).submissions[0].student).toBe('alice');
    expect(readdirSync(dir)).toEqual(['subs']);
  });
});

/** Read a FIFO the way another program would: `cat`, started before the writer. */
function readFifo(fifo: string): { child: ChildProcess; text: Promise<string> } {
  const child = spawn('cat', [fifo]);
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { child, text: new Promise((resolve) => child.on('close', () => resolve(text))) };
}

describe('an existing file that is not a regular file is written into, never replaced', () => {
  it('a FIFO (mkfifo) receives the report and stays a FIFO', async () => {
    const { dir } = classFolder();
    const fifo = join(dir, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = readFifo(fifo);
    const r = await grade(['subs/alice.json'], { out: fifo, format: 'json' }, dir);
    const stillFifo = lstatSync(fifo).isFIFO();
    // Had the FIFO been replaced, cat would wait for a writer forever.
    if (!stillFifo) reader.child.kill();
    expect({ code: r.code, stillFifo }).toEqual({ code: 0, stillFifo: true });
    expect(JSON.parse(await reader.text).submissions[0].student).toBe('alice');
  });

  let device: string | undefined;
  beforeAll(() => {
    // /dev/full's own device numbers, in a folder of the test's: a regression must not be able
    // to replace the machine's /dev/full. Making a device needs root (CI containers are).
    const path = join(base, 'full');
    try {
      execFileSync('mknod', [path, 'c', '1', '7'], { stdio: 'ignore' });
      device = path;
    } catch {
      device = undefined;
    }
  });

  it('a device (/dev/full) is written into: the write fails with ENOSPC, and the device remains', async (context) => {
    if (device === undefined) context.skip();
    const { dir } = classFolder();
    const r = await grade(['subs/alice.json'], { out: device }, dir);
    expect(r).toEqual({
      code: 2,
      out: [],
      err: [`cnn-tutor grade: cannot write ${device} (ENOSPC).`],
    });
    expect(lstatSync(device!).isCharacterDevice()).toBe(true);
  });

  it('a link to /dev/stdout writes to standard output and stays a link', async () => {
    const { dir } = classFolder();
    const link = join(dir, 'to-stdout');
    symlinkSync('/dev/stdout', link);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli.tsx',
        'grade',
        join(dir, 'subs', 'alice.json'),
        '--format',
        'json',
        '--out',
        link,
      ],
      { cwd: ROOT, env: { ...process.env, CNN_TUTOR_LANG: 'en', NO_COLOR: '1' } },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(stdout).submissions[0].student).toBe('alice');
  });
});

describe('worksheet, key and lab-codes --out', () => {
  it('worksheet --out notes.md keeps the notes; a worksheet replaces its own earlier copy', async () => {
    const { dir } = classFolder();
    const notes = join(dir, 'notes.md');
    writeFileSync(notes, '# My notes\n');
    const sheet = (out: string, flags: Record<string, unknown> = {}) =>
      run((o, e) => runWorksheet(ctx, 'lab-1', { student: 'alice', out, ...flags }, o, e, {}, dir));
    expectRefused(await sheet(notes), 'worksheet', notes);
    expect(readFileSync(notes, 'utf8')).toBe('# My notes\n');
    const md = join(dir, 'lab-1.md');
    expect((await sheet(md)).code).toBe(0);
    expect((await sheet(md)).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toMatch(/^<!-- cnn-tutor worksheet -->\n# /);
    // A JSON worksheet is not a Markdown one.
    expectRefused(await sheet(md, { format: 'json' }), 'worksheet', md);
    expect((await sheet(notes, { force: true })).code).toBe(0);
    expect(readFileSync(notes, 'utf8')).toContain(lab.title);
  });

  it('key --json --out: the same key again is fine, a student’s submission is not replaced', async () => {
    const { dir, alice } = classFolder();
    const key = (out: string, flags: Record<string, unknown> = {}) =>
      run((o, e) =>
        runKey(ctx, 'lab-1', { student: 'alice', json: true, out, ...flags }, o, e, {}, dir),
      );
    expect((await key('key.json')).code).toBe(0);
    expect((await key('key.json')).code).toBe(0);
    const mine = serializeSubmission({ lab: 'lab-1', student: 'alice', answers: [] });
    writeFileSync(alice, mine);
    expectRefused(await key(alice), 'key', alice);
    expect(readFileSync(alice, 'utf8')).toBe(mine);
  });

  it('lab-codes --roster roster.txt --out roster.txt: the roster is kept, even with --force', async () => {
    const { dir } = classFolder();
    const roster = join(dir, 'roster.txt');
    writeFileSync(roster, 'alice\nbob\n');
    const codes = (out: string, flags: Record<string, unknown> = {}) =>
      run((o, e) =>
        runLabCodes(ctx, 'lab-1', { roster, secret: 'class secret', out, ...flags }, o, e, {}, dir),
      );
    expectRefused(await codes('roster.txt', { force: true }), 'lab-codes', 'roster.txt');
    expect(readFileSync(roster, 'utf8')).toBe('alice\nbob\n');
    expect((await codes('codes.tsv')).code).toBe(0);
    expect((await codes('codes.tsv')).code).toBe(0);
    expect(readFileSync(join(dir, 'codes.tsv'), 'utf8')).toMatch(
      /^# cnn-tutor lab-codes\nalice\t[0-9A-Z-]{19}\nbob\t[0-9A-Z-]{19}\n$/,
    );
  });
});

describe('gradescope --out DIR', () => {
  const make = (dir: string, flags: Record<string, unknown> = {}) =>
    run((o, e) => runGradescope(ctx, 'lab-1', { out: dir, ...flags }, '9.9.9', o, e, {}, base));

  it('rewrites its own files, refuses a customised setup.sh and then writes nothing', async () => {
    const dir = join(base, 'ag');
    expect((await make(dir)).code).toBe(0);
    expect((await make(dir)).code).toBe(0);
    const setup = join(dir, 'setup.sh');
    const custom = readFileSync(setup, 'utf8').replace(
      'set -euo pipefail',
      'set -euo pipefail\nexport HTTPS_PROXY=http://proxy.school:3128',
    );
    writeFileSync(setup, custom);
    const labFile = join(dir, 'lab.yaml');
    const labBefore = statSync(labFile).mtimeMs;
    const r = await make(dir, { secret: 'a new secret' });
    expectRefused(r, 'gradescope', join(dir, 'setup.sh'));
    expect(readFileSync(setup, 'utf8')).toBe(custom);
    // One refused file writes none: not the lab, not the secret.
    expect(statSync(labFile).mtimeMs).toBe(labBefore);
    expect(readdirSync(dir).sort()).toEqual(['lab.yaml', 'run_autograder', 'setup.sh']);
    expect((await make(dir, { force: true })).code).toBe(0);
    expect(readFileSync(setup, 'utf8')).not.toContain('proxy.school');
  });

  it('the secret is replaced only by the same secret', async () => {
    const dir = join(base, 'ag-secret');
    expect((await make(dir, { secret: 'first' })).code).toBe(0);
    expect((await make(dir, { secret: 'first' })).code).toBe(0);
    expectRefused(await make(dir, { secret: 'second' }), 'gradescope', join(dir, 'lab-secret'));
    expect(readFileSync(join(dir, 'lab-secret'), 'utf8')).toBe('first');
  });
});

/** What the lab screen uses: open (and resume), check syntax, save atomically. */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeFiles } from '../../src/grade/grade-batch.js';
import {
  type LabSession,
  answerSyntaxProblem,
  answeredCount,
  openLabSession,
  saveLabAnswer,
} from '../../src/grade/lab-session.js';
import { accessCode } from '../../src/grade/lab-questions.js';
import { loadLab } from '../../src/grade/load-lab.js';
import { formatCode } from '../../src/grade/variant.js';
import { ROOT, course, keyFor, t } from './make-class.js';

const base = mkdtempSync(join(tmpdir(), 'cnn-tutor-session-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const lab = loadLab('lab-1', { course: course(), root: ROOT }).lab!;
let n = 0;
const fresh = () => {
  const dir = join(base, String(n++));
  mkdirSync(dir);
  return dir;
};

function open(cwd: string, extra: Partial<Parameters<typeof openLabSession>[0]> = {}): LabSession {
  const r = openLabSession({ lab, student: 'alice', cwd, lang: 'en', t, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.session;
}

describe('openLabSession', () => {
  it('builds the questions the grader uses, for <student>.<lab>.json in the folder', () => {
    const cwd = fresh();
    const s = open(cwd);
    expect(s.file).toBe(join(cwd, 'alice.lab-1.json'));
    expect(s.questions.map((q) => q.exercise.id)).toEqual(lab.exercises.map((e) => e.id));
    expect(s.questions.every((q) => q.ok)).toBe(true);
    expect(s.answers.size).toBe(0);
    expect(s.code).toBeUndefined();
    expect(readdirSync(cwd)).toEqual([]); // nothing written until an answer is saved
  });

  it('refuses bad student ids and codes', () => {
    expect(openLabSession({ lab, student: '../x', cwd: fresh(), lang: 'en', t })).toEqual({
      ok: false,
      error: { key: 'lab.error.student', params: { student: '../x' } },
    });
    expect(
      openLabSession({ lab, student: 'alice', code: 'nope', cwd: fresh(), lang: 'en', t }),
    ).toEqual({ ok: false, error: { key: 'lab.error.code' } });
  });

  it('never resumes, or overwrites, a file that is not this student’s submission for this lab', () => {
    const cwd = fresh();
    const file = join(cwd, 'alice.lab-1.json');
    const cases: Array<[string, string]> = [
      ['not json', 'lab.resume.unusable'],
      ['{"format": 1, "lab": "lab-2", "student": "alice", "answers": {}}', 'lab.resume.otherLab'],
      ['{"format": 1, "lab": "lab-1", "student": "bob", "answers": {}}', 'lab.resume.otherStudent'],
    ];
    for (const [text, key] of cases) {
      writeFileSync(file, text);
      const r = openLabSession({ lab, student: 'alice', cwd, lang: 'en', t });
      expect(r.ok ? 'opened' : r.error.key).toBe(key);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  });
});

describe('saving answers', () => {
  it('writes a valid submission after every answer, resumes it, and grades it', async () => {
    const cwd = fresh();
    let s = open(cwd);
    const key = keyFor(lab, 'alice');
    for (const [id, answer] of key) {
      const saved = await saveLabAnswer(s, id, `  ${answer}  `);
      if (!saved.ok) throw new Error(JSON.stringify(saved.error));
      s = saved.session;
      const file = JSON.parse(readFileSync(s.file, 'utf8'));
      expect(file.answers[id]).toBe(answer);
    }
    expect(answeredCount(s)).toBe(lab.exercises.length);
    expect(readdirSync(cwd)).toEqual(['alice.lab-1.json']); // no temporary files left behind

    const resumed = open(cwd);
    expect([...resumed.answers]).toEqual([...key]);
    const graded = gradeFiles([resumed.file], { course: course(), root: ROOT, lab, lang: 'en', t });
    expect(graded.results[0].score).toBe(lab.maxScore);
  });

  it('keeps lab order, removes an answer saved empty, and does not change the session it was given', async () => {
    const cwd = fresh();
    const s0 = open(cwd);
    const [a, b] = lab.exercises;
    const s1 = (await saveLabAnswer(s0, b.id, '2')) as { ok: true; session: LabSession };
    const s2 = (await saveLabAnswer(s1.session, a.id, '1')) as { ok: true; session: LabSession };
    expect(Object.keys(JSON.parse(readFileSync(s2.session.file, 'utf8')).answers)).toEqual([
      a.id,
      b.id,
    ]);
    expect(s0.answers.size).toBe(0);
    const s3 = (await saveLabAnswer(s2.session, a.id, '   ')) as { ok: true; session: LabSession };
    expect(Object.keys(JSON.parse(readFileSync(s3.session.file, 'utf8')).answers)).toEqual([b.id]);
  });

  it('keeps answers to exercises the lab no longer has', async () => {
    const cwd = fresh();
    const [a, b] = lab.exercises.map((e) => e.id);
    writeFileSync(
      join(cwd, 'alice.lab-1.json'),
      `{"format": 1, "lab": "lab-1", "student": "alice", "answers": {"old-exercise": [1, 2], "${b}": 4}}`,
    );
    const s = open(cwd);
    expect(s.answers.get(b)).toBe('4');
    const saved = (await saveLabAnswer(s, a, '3')) as { ok: true; session: LabSession };
    expect(Object.entries(JSON.parse(readFileSync(saved.session.file, 'utf8')).answers)).toEqual([
      [a, '3'],
      [b, '4'],
      ['old-exercise', '[1,2]'],
    ]);
  });

  it('says when the file cannot be written, and for an exercise not in the lab', async () => {
    const s = open(fresh(), { file: join(base, 'no-such-folder', 'x.json') });
    const r = await saveLabAnswer(s, lab.exercises[0].id, '4');
    expect(r).toEqual({
      ok: false,
      error: {
        key: 'lab.save.failed',
        params: { file: join(base, 'no-such-folder', 'x.json'), error: 'ENOENT' },
      },
    });
    expect(await saveLabAnswer(s, 'nope', '4')).toEqual({
      ok: false,
      error: { key: 'lab.save.unknownExercise', params: { id: 'nope' } },
    });
  });

  it('stores the access code of a lab with a secret, and resumes with it', async () => {
    const cwd = fresh();
    const code = accessCode(lab.id, 'alice', { secret: 's3cret' });
    const s = open(cwd, { code: formatCode(code).toLowerCase() });
    expect(s.code).toBe(code);
    await saveLabAnswer(s, lab.exercises[0].id, '4');
    expect(JSON.parse(readFileSync(s.file, 'utf8')).code).toBe(formatCode(code));
    expect(open(cwd).code).toBe(code);
    const other = openLabSession({
      lab,
      student: 'alice',
      cwd,
      code: formatCode(accessCode(lab.id, 'bob', { secret: 's3cret' })),
      lang: 'en',
      t,
    });
    expect(other.ok ? 'opened' : other.error.key).toBe('lab.resume.otherCode');
  });
});

describe('answerSyntaxProblem', () => {
  it('tells how to type an answer, never whether it is right', () => {
    const s = open(fresh());
    const number = s.questions.find((q) => q.ok && q.question.kind === 'number')!;
    expect(answerSyntaxProblem(number, 'four')).toEqual({ key: 'answer.number.expected' });
    expect(answerSyntaxProblem(number, '12345')).toBeUndefined();
    expect(answerSyntaxProblem(number, '')).toBeUndefined();
  });
});

type Saved = { ok: true; session: LabSession };
const answersIn = (file: string) => JSON.parse(readFileSync(file, 'utf8')).answers;

describe('two lab screens on one file', () => {
  it('lose nothing when their saves interleave, and each sees the other’s answers', async () => {
    const cwd = fresh();
    const [a, b, c, d] = lab.exercises.map((e) => e.id);
    let one = open(cwd);
    let two = open(cwd);
    one = ((await saveLabAnswer(one, a, '1')) as Saved).session;
    two = ((await saveLabAnswer(two, b, '2')) as Saved).session;
    one = ((await saveLabAnswer(one, c, '3')) as Saved).session;
    two = ((await saveLabAnswer(two, d, '4')) as Saved).session;
    expect(answersIn(one.file)).toEqual({ [a]: '1', [b]: '2', [c]: '3', [d]: '4' });
    expect([...two.answers]).toEqual([
      [a, '1'],
      [b, '2'],
      [c, '3'],
      [d, '4'],
    ]);
    // A change made in the other screen since is newer than what this one read: it stays.
    two = ((await saveLabAnswer(two, a, '10')) as Saved).session;
    one = ((await saveLabAnswer(one, b, '20')) as Saved).session;
    expect(answersIn(one.file)).toEqual({ [a]: '10', [b]: '20', [c]: '3', [d]: '4' });
  });

  it('lose nothing when both save at the same moments', async () => {
    const cwd = fresh();
    const ids = lab.exercises.map((e) => e.id);
    // As the screen does, one save at a time; one that finds the file busy is tried again.
    const run = async (mine: string[]) => {
      let s = open(cwd);
      for (const id of mine) {
        let saved = await saveLabAnswer(s, id, '5');
        while (!saved.ok && saved.error.key === 'lab.save.busy')
          saved = await saveLabAnswer(s, id, '5');
        s = (saved as Saved).session;
      }
    };
    await Promise.all([run(ids.filter((_, i) => i % 2 === 0)), run(ids.filter((_, i) => i % 2))]);
    expect(Object.keys(answersIn(join(cwd, 'alice.lab-1.json')))).toEqual(ids);
    expect(readdirSync(cwd)).toEqual(['alice.lab-1.json']);
  });

  it('a save says so, and writes nothing, while the other screen holds the lock', async () => {
    const cwd = fresh();
    const s = open(cwd);
    mkdirSync(`${s.file}.lock`);
    expect(await saveLabAnswer(s, lab.exercises[0].id, '4')).toEqual({
      ok: false,
      error: { key: 'lab.save.busy', params: { file: s.file } },
    });
    expect(existsSync(s.file)).toBe(false);
  });

  it('a save never overwrites a file that something else put in place of the submission', async () => {
    const cwd = fresh();
    const s = open(cwd);
    writeFileSync(s.file, '{"format": 1, "lab": "lab-1", "student": "bob", "answers": {}}');
    expect(await saveLabAnswer(s, lab.exercises[0].id, '4')).toEqual({
      ok: false,
      error: { key: 'lab.save.notOurs', params: { file: s.file } },
    });
    expect(answersIn(s.file)).toEqual({});
  });
});

describe('temporary files left by a lab screen killed while saving', () => {
  it('are removed when the lab is opened again; other files are not', () => {
    const cwd = fresh();
    const kept = ['alice.lab-1.json.bak', 'bob.lab-1.json.123', 'notes.txt'];
    for (const name of [...kept, 'alice.lab-1.json.3141592653'])
      writeFileSync(join(cwd, name), 'half');
    open(cwd);
    expect(readdirSync(cwd).sort()).toEqual(kept.sort());
  });

  it('are kept while another screen holds the lock (it may be writing that file)', () => {
    const cwd = fresh();
    mkdirSync(join(cwd, 'alice.lab-1.json.lock'));
    writeFileSync(join(cwd, 'alice.lab-1.json.2718281828'), 'being written');
    open(cwd);
    expect(existsSync(join(cwd, 'alice.lab-1.json.2718281828'))).toBe(true);
  });

  it('are removed when the lock beside them has gone stale (the screen died holding it)', () => {
    const cwd = fresh();
    const lock = join(cwd, 'alice.lab-1.json.lock');
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    writeFileSync(join(cwd, 'alice.lab-1.json.2718281828'), 'half');
    open(cwd);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('the file to save in (--out)', () => {
  const refused = (extra: Partial<Parameters<typeof openLabSession>[0]>) => {
    const r = openLabSession({ lab, student: 'alice', cwd: fresh(), lang: 'en', t, ...extra });
    return r.ok ? undefined : r.error;
  };

  it('is never standard output', () => {
    expect(refused({ file: '-' })).toEqual({ key: 'lab.out.stdout' });
    expect(refused({ file: '-', force: true })).toEqual({ key: 'lab.out.stdout' });
    expect(t('lab.out.stdout')).toBe(
      '--out -: lab answers are saved in a file, to be resumed and handed in, not on standard output. Name a file with --out.',
    );
  });

  it.skipIf(process.platform === 'win32')(
    'is never a FIFO, a device or a folder, even with --force, and is left as it is',
    () => {
      const cwd = fresh();
      const fifo = join(cwd, 'pipe');
      execFileSync('mkfifo', [fifo]);
      for (const file of [fifo, '/dev/null', cwd])
        for (const force of [false, true])
          expect(refused({ file, force })).toEqual({ key: 'lab.out.notRegular', params: { file } });
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    },
  );

  it('is never the lab file it was opened from, even with --force', () => {
    const cwd = fresh();
    const labFile = join(cwd, 'my-lab.yaml');
    writeFileSync(labFile, 'format: 1');
    for (const force of [false, true])
      expect(refused({ file: labFile, inputs: [labFile], force })).toEqual({
        key: 'lab.out.isInput',
        params: { file: labFile },
      });
    expect(readFileSync(labFile, 'utf8')).toBe('format: 1');
  });

  it('replaces another lab’s or student’s file, or a non-submission, only with --force', async () => {
    const texts = [
      'not json',
      '{"format": 1, "lab": "lab-2", "student": "alice", "answers": {"x": 1}}',
      '{"format": 1, "lab": "lab-1", "student": "bob", "answers": {"x": 1}}',
    ];
    for (const text of texts) {
      const cwd = fresh();
      const file = join(cwd, 'alice.lab-1.json');
      writeFileSync(file, text);
      expect(refused({ cwd, file })).toBeDefined();
      expect(t.message(refused({ cwd, file })!)).toMatch(/replace it with --force\.$/);
      const r = openLabSession({ lab, student: 'alice', cwd, file, force: true, lang: 'en', t });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.resumed).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(text); // nothing written before an answer
      const saved = (await saveLabAnswer(r.session, lab.exercises[0].id, '4')) as Saved;
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
        lab: 'lab-1',
        student: 'alice',
        answers: { [lab.exercises[0].id]: '4' },
      });
      expect(saved.session.replace).toBeUndefined();
    }
  });
});

/**
 * Bad submissions, every kind the issue lists: each gets a clear message of its own in every
 * report format, the rest of the batch is graded normally, nothing crashes or hangs, and
 * nothing is written except the report named by --out.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandContext } from '../../src/cli/context.js';
import { runGrade } from '../../src/cli/grade.js';
import { gradeFiles } from '../../src/grade/grade-batch.js';
import type { SubmissionResult } from '../../src/grade/grade-submission.js';
import type { Lab } from '../../src/grade/lab.js';
import { loadLab } from '../../src/grade/load-lab.js';
import { serializeSubmission } from '../../src/grade/submission.js';
import { ROOT, course, keyFor, t, wrongAnswer } from './make-class.js';
import { findAll, parseXml } from './xml-check.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/submissions/', import.meta.url));
const LAB_FILE = fileURLToPath(new URL('./labs/fixture-lab.yaml', import.meta.url));
const base = mkdtempSync(join(tmpdir(), 'cnn-tutor-bad-'));
const batch = join(base, 'batch');
afterAll(() => rmSync(base, { recursive: true, force: true }));

let lab: Lab;

/** File name → the error key that file must get (the whole file is not graded). */
const FILE_ERRORS: Record<string, string> = {
  'not-json.json': 'grade.json.syntax',
  'wrong-shape.json': 'grade.submission.notObject',
  'wrong-shape-answers.json': 'grade.submission.answersType',
  'format-2.json': 'grade.submission.formatNewer',
  'format-string.json': 'grade.submission.formatType',
  'unknown-field.json': 'grade.submission.unknownField',
  'missing-student.json': 'grade.submission.missingField',
  'path-student.json': 'grade.submission.studentInvalid',
  'wrong-lab.json': 'grade.submission.wrongLab',
  'duplicate-field.json': 'grade.submission.duplicateField',
  'proto-top.json': 'grade.submission.unknownField',
  'huge.json': 'grade.file.tooLarge',
  'deep.json': 'grade.json.tooDeep',
  'deep-answer.json': 'grade.json.tooDeep',
  'latin1.json': 'grade.file.notUtf8',
  'folder.json': 'grade.file.notFile',
  'fifo.json': 'grade.file.notFile',
  'empty.json': 'grade.file.empty',
};

/** Files of the folder that are not graded and not failed either: they are listed as skipped. */
const SKIPPED: Record<string, string> = {
  // A link, here to a file that is gone: links in a folder are never followed.
  'vanished.json': 'grade.skip.link',
};

/** Files that are graded; the checks run on their results. */
const GRADED = [
  'alice.fixture-lab.json',
  'bob.fixture-lab.json',
  'bom.json',
  'per-answer.json',
  'duplicate-answer.json',
  'proto-answers.json',
  'big-grid.json',
];

beforeAll(() => {
  lab = loadLab(LAB_FILE, { course: course(), root: ROOT }).lab!;
  mkdirSync(batch, { recursive: true });
  cpSync(FIXTURES, batch, { recursive: true });
  const key = keyFor(lab, 'alice');
  writeFileSync(
    join(batch, 'alice.fixture-lab.json'),
    serializeSubmission({ lab: lab.id, student: 'alice', answers: key }),
  );
  const bob = [...keyFor(lab, 'bob')].map(
    ([id, a], k) => [id, k % 2 === 0 ? a : wrongAnswer(a)] as [string, string],
  );
  writeFileSync(
    join(batch, 'bob.fixture-lab.json'),
    serializeSubmission({ lab: lab.id, student: 'bob', answers: bob }),
  );
  writeFileSync(
    join(batch, 'bom.json'),
    `\uFEFF${serializeSubmission({ lab: lab.id, student: 'bom', answers: keyFor(lab, 'bom') })}`,
  );
  // 50 MB without writing 50 MB: a sparse file.
  writeFileSync(join(batch, 'huge.json'), '{');
  truncateSync(join(batch, 'huge.json'), 50 * 1024 * 1024);
  writeFileSync(join(batch, 'deep.json'), `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  writeFileSync(
    join(batch, 'deep-answer.json'),
    `{"format": 1, "lab": "fixture-lab", "student": "dp", "answers": {"conv-first-window": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
  );
  writeFileSync(
    join(batch, 'latin1.json'),
    Buffer.from(
      '{"format": 1, "lab": "fixture-lab", "student": "jos\xe9", "answers": {}}',
      'latin1',
    ),
  );
  symlinkSync(join(batch, 'gone-before-it-was-read.json'), join(batch, 'vanished.json'));
  mkdirSync(join(batch, 'folder.json'));
  execFileSync('mkfifo', [join(batch, 'fifo.json')]);
  writeFileSync(join(batch, 'empty.json'), '');
  const rows = (n: number) => Array.from({ length: n }, () => '1').join('; ');
  writeFileSync(
    join(batch, 'big-grid.json'),
    JSON.stringify({
      format: 1,
      lab: 'fixture-lab',
      student: 'bg',
      answers: {
        'conv-whole-map': rows(10_000),
        'two-filters-map': Array.from({ length: 10_000 }, () => [1]),
      },
    }),
  );
});

function byFile(results: readonly SubmissionResult[]): Map<string, SubmissionResult> {
  return new Map(results.map((r) => [r.file.replace(/^.*[\\/]/, ''), r]));
}

describe('a batch with every kind of bad submission', () => {
  let results: Map<string, SubmissionResult>;
  let skipped: Map<string, string>;
  beforeAll(() => {
    const graded = gradeFiles([batch], { course: course(), root: ROOT, lab, lang: 'en', t });
    results = byFile(graded.results);
    skipped = new Map(graded.skipped.map((s) => [s.file.replace(/^.*[\\/]/, ''), s.reason.key]));
  });

  it('lists every file once, the bad ones with their own error', () => {
    expect([...results.keys()].sort()).toEqual([...Object.keys(FILE_ERRORS), ...GRADED].sort());
    expect(Object.fromEntries(skipped)).toEqual(SKIPPED);
    for (const [file, key] of Object.entries(FILE_ERRORS)) {
      const r = results.get(file)!;
      expect({ file, key: r.error?.key, score: r.score, exercises: r.exercises.length }).toEqual({
        file,
        key,
        score: 0,
        exercises: 0,
      });
      expect(t(r.error!.key, r.error!.params)).not.toMatch(/⟨|\{\w+\}/);
    }
  });

  it('grades the good files normally', () => {
    expect(results.get('alice.fixture-lab.json')!.score).toBe(lab.maxScore);
    expect(results.get('bom.json')!.score).toBe(lab.maxScore);
    const bob = results.get('bob.fixture-lab.json')!;
    expect(bob.score).toBeGreaterThan(0);
    expect(bob.score).toBeLessThan(lab.maxScore);
  });

  it('says what is wrong with each answer', () => {
    const r = results.get('per-answer.json')!;
    const got = Object.fromEntries(
      r.exercises.map((e) => [e.id, `${e.status} ${e.feedback[0].key}`]),
    );
    expect(got).toEqual({
      'conv-first-window': 'unanswered grade.answer.empty',
      'conv-any-cell': 'invalid answer.number.expected',
      'conv-whole-map': 'invalid answer.grid.ragged',
      'conv1d-either-way': 'invalid grade.answer.gridCell',
      'kernel-which-random': 'invalid answer.choice.outOfRange',
      'channels-cell-random': 'invalid answer.number.expected',
      'two-filters-map': 'invalid grade.answer.gridNotFinite',
      'shape-random': 'invalid grade.answer.wrongType.shape',
      'size-stride': 'invalid grade.answer.notFinite',
      'size-fits': 'invalid grade.answer.wrongType.yesno',
      'keep-padding': 'invalid answer.number.expected',
      'same-stride-size': 'invalid answer.number.tooLarge',
      'same-map-random': 'unanswered grade.answer.empty',
      'size-dilated': 'invalid grade.answer.wrongType.number',
      'params-conv-random': 'invalid grade.answer.wrongType.number',
      'params-dense-random': 'unanswered grade.answer.empty',
      'rf-random': 'unanswered grade.answer.missing',
      'summary-layer-shape': 'unanswered grade.answer.missing',
    });
    expect(r.score).toBe(0);
    for (const e of r.exercises)
      expect(t(e.feedback[0].key, e.feedback[0].params)).not.toMatch(/⟨|\{\w+\}/);
  });

  it('refuses to guess between two answers to one exercise', () => {
    const r = results.get('duplicate-answer.json')!;
    expect(r.exercises[0]).toMatchObject({
      id: 'conv-first-window',
      status: 'invalid',
      score: 0,
      feedback: [{ key: 'grade.answer.duplicate' }],
    });
    expect(r.exercises[1].status).not.toBe('invalid');
  });

  it('keeps __proto__ and constructor away from prototypes, as unknown exercises', () => {
    const r = results.get('proto-answers.json')!;
    expect(r.exercises[0].status).toBe('correct');
    expect(r.warnings).toEqual([
      {
        key: 'grade.warning.unknownExercises',
        params: { count: 3, ids: '“__proto__”, “constructor”, “conv-first-windw”' },
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a 10,000-row grid is a wrong answer of the wrong size, as text or as lists', () => {
    const r = results.get('big-grid.json')!;
    for (const id of ['conv-whole-map', 'two-filters-map']) {
      const e = r.exercises.find((x) => x.id === id)!;
      expect(e.status).toBe('wrong');
      expect(e.feedback[0]).toMatchObject({
        key: 'grade.feedback.wrongSize',
        params: { typedRows: 10_000, typedCols: 1 },
      });
    }
  });

  it('a file named on the command line that is gone is reported as missing', () => {
    const r = gradeFiles([join(batch, 'vanished.json')], {
      course: course(),
      root: ROOT,
      lab,
      lang: 'en',
      t,
    }).results;
    expect(r.map((x) => x.error)).toEqual([{ key: 'grade.file.missing' }]);
  });

  it('a path that cannot be read (here: through a file, ENOTDIR) is reported and the rest still graded', () => {
    const unreadable = join(batch, 'alice.fixture-lab.json', 'inner.json');
    const r = gradeFiles([unreadable, join(batch, 'alice.fixture-lab.json')], {
      course: course(),
      root: ROOT,
      lab,
      lang: 'en',
      t,
    }).results;
    expect(r[0].error).toEqual({ key: 'grade.file.unreadable', params: { error: 'ENOTDIR' } });
    expect(r[1].score).toBe(lab.maxScore);
  });

  it.skipIf(process.getuid?.() === 0)(
    'a file without read permission is reported (not as root, who may read anything)',
    () => {
      const locked = join(base, 'locked.json');
      writeFileSync(locked, '{}');
      chmodSync(locked, 0o000);
      expect(
        gradeFiles([locked], { course: course(), root: ROOT, lab, lang: 'en', t }).results[0].error,
      ).toEqual({ key: 'grade.file.denied' });
    },
  );

  it('without --lab, a file for a lab the course does not have is not graded', () => {
    const r = byFile(
      gradeFiles([join(batch, 'wrong-lab.json')], { course: course(), root: ROOT, lang: 'en', t })
        .results,
    );
    expect(r.get('wrong-lab.json')!.error).toEqual({
      key: 'grade.submission.unknownLab',
      params: { lab: 'lab-9' },
    });
  });
});

describe('every report format', () => {
  const ctx = commandContext({}, { CNN_TUTOR_LANG: 'en' });

  async function report(
    format: string,
    paths: string[],
    outDir: string,
  ): Promise<{ code: number; text: string; stderr: string }> {
    const err: string[] = [];
    const out: string[] = [];
    const target = join(outDir, `report-${format}`);
    const code = await runGrade(
      ctx,
      paths,
      { lab: LAB_FILE, format, out: target },
      (s) => out.push(s),
      (s) => err.push(s),
      {},
      base,
    );
    expect(out).toEqual([]);
    return { code, text: readFileSync(target, 'utf8'), stderr: err.join('\n') };
  }

  function snapshot(dir: string): string[] {
    return readdirSync(dir, { recursive: true, withFileTypes: false })
      .map(String)
      .sort()
      .map((name) => {
        const path = join(dir, name);
        try {
          const s = statSync(path);
          return `${name} ${s.size} ${s.mtimeMs}`;
        } catch {
          return `${name} (dangling)`;
        }
      });
  }

  it('gives each bad file its message, and writes nothing but --out', async () => {
    const outDir = join(base, 'out');
    mkdirSync(outDir);
    const before = snapshot(base).filter((line) => !line.startsWith('out'));
    const json = await report('json', [batch], outDir);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.text) as {
      submissions: Array<{
        file: string;
        error: string | null;
        error_key: string | null;
        score: number;
        max_score: number;
        exercises: unknown[];
      }>;
      skipped: Array<{ file: string; reason: string; reason_key: string }>;
      summary: Record<string, unknown>;
    };
    const entries = new Map(parsed.submissions.map((s) => [s.file.replace(/^.*[\\/]/, ''), s]));
    expect(entries.size).toBe(Object.keys(FILE_ERRORS).length + GRADED.length);
    expect(
      Object.fromEntries(parsed.skipped.map((s) => [s.file.replace(/^.*[\\/]/, ''), s.reason_key])),
    ).toEqual(SKIPPED);
    for (const [file, key] of Object.entries(FILE_ERRORS)) {
      expect(entries.get(file)).toMatchObject({ error_key: key, score: 0, exercises: [] });
      expect(entries.get(file)!.error).toEqual(expect.any(String));
    }
    expect(parsed.summary).toMatchObject({
      files: entries.size,
      graded: GRADED.length,
      not_graded: Object.keys(FILE_ERRORS).length,
      skipped: Object.keys(SKIPPED).length,
    });

    const text = await report('text', [batch], outDir);
    const junit = await report('junit', [batch], outDir);
    const suites = findAll(parseXml(junit.text), 'testsuite');
    expect(suites.length).toBe(entries.size + Object.keys(SKIPPED).length);
    for (const s of parsed.skipped) {
      expect(text.text).toContain(`${s.file}: skipped. ${s.reason}`);
      const suite = suites.find((x) => x.attributes.name === s.file)!;
      expect(findAll(suite, 'skipped')[0].attributes.message).toBe(s.reason);
    }
    for (const file of Object.keys(FILE_ERRORS)) {
      const message = entries.get(file)!.error!;
      expect(text.text).toContain(`${file}: not graded. ${message}`);
      const suite = suites.find((s) =>
        new RegExp(`[\\/]${file.replace('.', '\\.')}\\)?$`).test(s.attributes.name),
      )!;
      expect(findAll(suite, 'error')[0].attributes.message).toBe(message);
    }
    // Gradescope grades one student's upload: each bad file on its own. (A folder named on the
    // command line is searched, not read, so `folder.json` alone means "no submission found".)
    for (const file of Object.keys(FILE_ERRORS)) {
      const gs = await report('gradescope', [join(batch, file)], outDir);
      const results = JSON.parse(gs.text) as { score: number; output: string; tests: unknown[] };
      expect(results).toMatchObject({ score: 0, tests: [] });
      expect(results.output).toContain(
        file === 'folder.json' ? t('grade.gradescope.none') : entries.get(file)!.error!,
      );
    }
    expect(snapshot(base).filter((line) => !line.startsWith('out'))).toEqual(before);
    expect(readdirSync(outDir).sort()).toEqual([
      'report-gradescope',
      'report-json',
      'report-junit',
      'report-text',
    ]);
  });

  it('per-answer problems appear in every format', async () => {
    const outDir = join(base, 'out-answers');
    mkdirSync(outDir);
    const file = join(batch, 'per-answer.json');
    const text = (await report('text', [file], outDir)).text;
    const gs = JSON.parse((await report('gradescope', [file], outDir)).text) as {
      tests: Array<{ name: string; output: string; status: string; score: number }>;
    };
    const junit = parseXml((await report('junit', [file], outDir)).text);
    const json = JSON.parse((await report('json', [file], outDir)).text) as {
      submissions: Array<{ exercises: Array<{ id: string; feedback: string }> }>;
    };
    for (const e of json.submissions[0].exercises) {
      expect(text).toContain(e.feedback);
      const test = gs.tests.find((x) => x.name.endsWith(`(${e.id})`))!;
      expect(test).toMatchObject({ output: e.feedback, status: 'failed', score: 0 });
      const testcase = findAll(junit, 'testcase').find((c) =>
        c.attributes.name.startsWith(`${test.name.split('.')[0]}. ${e.id}:`),
      )!;
      const problem = [...findAll(testcase, 'failure'), ...findAll(testcase, 'error')][0];
      expect(problem.text).toBe(e.feedback);
    }
  });
});

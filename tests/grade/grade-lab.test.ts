/**
 * End to end through the library: the engine's key for a student scores full marks, and
 * changed copies score exactly what the lab's rules say (per-cell credit, all or nothing,
 * named mistakes, access codes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareAnswers } from '../../src/content/check-answer.js';
import type { AnswerValue } from '../../src/content/types.js';
import { answerText } from '../../src/content/answer-value.js';
import {
  type GradeOptions,
  type SubmissionResult,
  gradeSubmission,
  roundScore,
} from '../../src/grade/grade-submission.js';
import type { Lab } from '../../src/grade/lab.js';
import { accessCode, labQuestions } from '../../src/grade/lab-questions.js';
import { loadLab } from '../../src/grade/load-lab.js';
import type { JsonValue } from '../../src/untrusted/strict-json.js';
import type { Submission } from '../../src/grade/submission.js';
import { ROOT, course, keyFor, t, wrongAnswer, writeLab } from './make-class.js';

const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-grade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lab1 = loadLab('lab-1', { course: course(), root: ROOT }).lab!;
const options: GradeOptions = { lang: 'en', t };

function submission(
  lab: Lab,
  student: string,
  answers: Iterable<[string, JsonValue]>,
  code?: string,
): Submission {
  return {
    lab: lab.id,
    student,
    ...(code === undefined ? {} : { code }),
    answers: new Map(answers),
    duplicateAnswers: new Set(),
  };
}

function grade(lab: Lab, s: Submission, extra: Partial<GradeOptions> = {}): SubmissionResult {
  return gradeSubmission(`${s.student}.json`, lab, s, { ...options, ...extra });
}

const isGrid = (answer: string) => answer.includes(';') || (/ /.test(answer) && !/x/.test(answer));
const cellCount = (answer: string) =>
  answer.split(';').length * answer.split(';')[0].trim().split(/\s+/).length;

describe('the key', () => {
  it.each(['alice', 'bob', 'Carol', 'd.e@x.org'])('scores full marks for %s', (student) => {
    const r = grade(lab1, submission(lab1, student, keyFor(lab1, student)));
    expect(r.error).toBeUndefined();
    expect(r.exercises.map((e) => e.status)).toEqual(lab1.exercises.map(() => 'correct'));
    expect(r.score).toBe(lab1.maxScore);
    expect(r.warnings).toEqual([]);
  });

  it('is different for different students (their own numbers)', () => {
    const a = keyFor(lab1, 'alice');
    const b = keyFor(lab1, 'bob');
    const generated = lab1.exercises.filter((e) => e.def.generated).map((e) => e.id);
    expect(generated.filter((id) => a.get(id) !== b.get(id)).length).toBeGreaterThan(
      generated.length / 2,
    );
    // …so alice's answers are mostly wrong for bob.
    expect(grade(lab1, submission(lab1, 'bob', a)).score).toBeLessThan(lab1.maxScore);
  });

  it('is the same whatever the case of the student id', () => {
    expect([...keyFor(lab1, 'ALICE')]).toEqual([...keyFor(lab1, 'alice')]);
  });

  it('scores full marks when answers are JSON numbers, lists and booleans', () => {
    const code = accessCode(lab1.id, 'alice', {});
    const answers = labQuestions(lab1, 'alice', { code, lang: 'en', t }).map(
      (q): [string, JsonValue] => {
        if (!q.ok) throw new Error(q.error);
        const v: AnswerValue = q.question.expected();
        switch (v.kind) {
          case 'number':
            return [q.exercise.id, v.value];
          case 'shape':
            return [q.exercise.id, v.dims];
          case 'grid':
            return [q.exercise.id, v.rows.length === 1 ? v.rows[0] : v.rows];
          case 'yesno':
            return [q.exercise.id, v.value];
          case 'choice':
            return [q.exercise.id, v.index + 1];
        }
      },
    );
    expect(grade(lab1, submission(lab1, 'alice', answers)).score).toBe(lab1.maxScore);
  });
});

describe('changed answers', () => {
  const key = keyFor(lab1, 'alice');

  it.each(lab1.exercises.map((e) => [e.id, e] as const))(
    '%s wrong: exactly its points lost (per-cell share for grids)',
    (id, exercise) => {
      const answer = key.get(id)!;
      const changed = new Map(key).set(id, wrongAnswer(answer));
      const r = grade(lab1, submission(lab1, 'alice', changed));
      const e = r.exercises.find((x) => x.id === id)!;
      if (isGrid(answer)) {
        const cells = cellCount(answer);
        const share = roundScore((exercise.points * (cells - 1)) / cells);
        expect(e).toMatchObject({ score: share, status: 'partial', wrongCells: [[0, 0]], cells });
        expect(e.feedback[0]).toEqual({
          key: 'grade.feedback.cells',
          params: { wrong: 1, total: cells, cells: '(0, 0)' },
        });
      } else {
        expect(e).toMatchObject({ score: 0, status: 'wrong' });
        expect(e.feedback[0]).toEqual({ key: 'grade.feedback.wrong' });
      }
      expect(r.score).toBe(roundScore(lab1.maxScore - exercise.points + e.score));
      expect(r.exercises.filter((x) => x.id !== id).every((x) => x.status === 'correct')).toBe(
        true,
      );
    },
  );

  it('all or nothing: one wrong cell costs the whole grid', () => {
    const strict = writeLab(
      join(dir, 'strict'),
      'lab-1',
      lab1.exercises.map((e) => ({ id: e.id, points: e.points })),
      'all-or-nothing',
    );
    const grid = lab1.exercises.find((e) => isGrid(key.get(e.id)!))!;
    const r = grade(
      strict,
      submission(strict, 'alice', new Map(key).set(grid.id, wrongAnswer(key.get(grid.id)!))),
    );
    expect(r.exercises.find((x) => x.id === grid.id)).toMatchObject({
      score: 0,
      status: 'wrong',
      wrongCells: [[0, 0]],
    });
    expect(r.score).toBe(roundScore(strict.maxScore - grid.points));
  });

  it('per cell: k wrong cells of n earn points × (n − k) / n', () => {
    const grid = lab1.exercises.find((e) => e.id === 'conv-whole-map')!;
    const rows = key
      .get(grid.id)!
      .split(';')
      .map((r) => r.trim().split(/\s+/).map(Number));
    const n = rows.length * rows[0].length;
    for (let k = 0; k <= n; k++) {
      const changed = rows.map((row, r) => row.map((v, c) => (r * row.length + c < k ? v + 1 : v)));
      const e = grade(
        lab1,
        submission(lab1, 'alice', new Map<string, JsonValue>(key).set(grid.id, changed)),
      ).exercises.find((x) => x.id === grid.id)!;
      expect(e.score).toBe(roundScore((grid.points * (n - k)) / n));
      expect(e.status).toBe(k === 0 ? 'correct' : k === n ? 'wrong' : 'partial');
      expect(e.wrongCells?.length ?? 0).toBe(k);
    }
  });

  it('names the common mistake an answer matches', () => {
    // The first exercise (of a number kind) with a mistake model that differs from the answer.
    const q = labQuestions(lab1, 'alice', {
      code: accessCode(lab1.id, 'alice', {}),
      lang: 'en',
      t,
    }).find(
      (x) =>
        x.ok &&
        x.question.kind === 'number' &&
        x.question
          .mistakes()
          .some((m) => !compareAnswers(m.answer, x.question.expected(), 0).equal),
    )!;
    if (!q.ok) throw new Error(q.error);
    const expected = q.question.expected();
    const model = q.question.mistakes().find((m) => !compareAnswers(m.answer, expected, 0).equal)!;
    const r = grade(
      lab1,
      submission(lab1, 'alice', new Map(key).set(q.exercise.id, answerText(model.answer))),
    );
    const e = r.exercises.find((x) => x.id === q.exercise.id)!;
    expect(e).toMatchObject({ status: 'wrong', mistake: model.id });
    expect(e.feedback).toEqual([{ key: 'grade.feedback.wrong' }, { key: `mistake.${model.id}` }]);
  });

  it('a grid of the wrong size is wrong, and says which size was expected', () => {
    const id = 'conv-whole-map';
    const r = grade(lab1, submission(lab1, 'alice', new Map(key).set(id, '1 2; 3 4')));
    const e = r.exercises.find((x) => x.id === id)!;
    const rows = key.get(id)!.split(';');
    expect(e).toMatchObject({ score: 0, status: 'wrong' });
    expect(e.wrongCells).toBeUndefined();
    expect(e.feedback[0]).toEqual({
      key: 'grade.feedback.wrongSize',
      params: {
        rows: rows.length,
        cols: rows[0].trim().split(/\s+/).length,
        typedRows: 2,
        typedCols: 2,
      },
    });
  });

  it('never shows the expected answer unless asked', () => {
    const wrong = new Map([...key].map(([id, a]) => [id, wrongAnswer(a)] as [string, string]));
    const hidden = grade(lab1, submission(lab1, 'alice', wrong));
    for (const e of hidden.exercises) {
      expect(e.expected).toBeUndefined();
      expect(e.feedback.map((m) => m.key)).not.toContain('grade.feedback.expected');
    }
    const shown = grade(lab1, submission(lab1, 'alice', wrong), { showExpected: true });
    for (const e of shown.exercises) {
      expect(e.expected).toBe(key.get(e.id));
      expect(e.feedback.at(-1)).toEqual({
        key: 'grade.feedback.expected',
        params: { answer: key.get(e.id) },
      });
    }
  });
});

describe('access codes and the course secret', () => {
  const secret = 'classroom secret';
  const code = accessCode(lab1.id, 'alice', { secret });
  const key = keyFor(lab1, 'alice', secret);

  it('the secret changes the numbers', () => {
    expect(grade(lab1, submission(lab1, 'alice', key, code), { secret }).score).toBe(lab1.maxScore);
    expect(grade(lab1, submission(lab1, 'alice', key)).score).toBeLessThan(lab1.maxScore);
  });

  it('without the secret, the code in the file is used and flagged as not checked', () => {
    const r = grade(lab1, submission(lab1, 'alice', key, code));
    expect(r.score).toBe(lab1.maxScore);
    expect(r.warnings).toEqual([{ key: 'grade.warning.codeUnverified' }]);
  });

  it("with the secret, someone else's code is refused and the student's own numbers are used", () => {
    const bobCode = accessCode(lab1.id, 'bob', { secret });
    const bobKey = keyFor(lab1, 'bob', secret);
    const r = grade(lab1, submission(lab1, 'alice', bobKey, bobCode), { secret });
    expect(r.warnings).toEqual([{ key: 'grade.warning.codeMismatch' }]);
    expect(r.score).toBeLessThan(lab1.maxScore);
  });

  it('with the secret, a file without a code is noted', () => {
    expect(grade(lab1, submission(lab1, 'alice', key), { secret }).warnings).toEqual([
      { key: 'grade.warning.codeMissing' },
    ]);
  });
});

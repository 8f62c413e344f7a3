import { describe, expect, it } from 'vitest';
import {
  type Progress,
  completeLesson,
  emptyProgress,
  lessonProgress,
  parseProgress,
  recordAnswer,
  recordReveal,
  recordStep,
  resetAll,
  resetLesson,
} from '../../src/content/progress.js';

const t1 = new Date('2025-01-31T09:45:01.123Z');
const t2 = new Date('2025-02-01T10:00:00.000Z');

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('recordStep', () => {
  it('remembers the step, the steps visited (ascending, once each) and where to resume', () => {
    let p = recordStep(emptyProgress(), 'padding', 2, t1);
    p = recordStep(p, 'padding', 0, t1);
    p = recordStep(p, 'padding', 2, t2);
    expect(p).toEqual({
      format: 1,
      lessons: {
        padding: {
          step: 2,
          visited: [0, 2],
          completed: false,
          updatedAt: '2025-02-01T10:00:00.000Z',
        },
      },
      exercises: {},
      last: { lesson: 'padding', step: 2 },
    });
  });

  it('does not change its input', () => {
    const before = deepFreeze(recordStep(emptyProgress(), 'a', 0, t1));
    expect(() => recordStep(before, 'a', 1, t2)).not.toThrow();
    expect(before.lessons.a.visited).toEqual([0]);
  });

  it('treats ids that are Object.prototype names as ordinary ids', () => {
    const p = recordStep(recordStep(emptyProgress(), 'constructor', 1, t1), 'toString', 3, t1);
    expect(Object.keys(p.lessons)).toEqual(['constructor', 'toString']);
    expect(p.lessons['constructor'].visited).toEqual([1]);
  });

  it('refuses a step that is not a whole number ≥ 0', () => {
    expect(() => recordStep(emptyProgress(), 'a', -1, t1)).toThrow(
      'Expected `step` to be a whole number ≥ 0, got -1.',
    );
  });
});

describe('completeLesson', () => {
  it('marks a lesson done and keeps it done when steps are revisited', () => {
    let p = completeLesson(recordStep(emptyProgress(), 'a', 4, t1), 'a', t1);
    p = recordStep(p, 'a', 1, t2);
    expect(p.lessons.a).toMatchObject({ step: 1, visited: [1, 4], completed: true });
  });
});

describe('recordAnswer and recordReveal', () => {
  const wrong = { correct: false, answer: '3' };
  const right = { correct: true, answer: '4' };

  it('counts attempts and keeps the last answer and the seed', () => {
    let p = recordAnswer(emptyProgress(), 'e1', { ...wrong, seed: 7 }, t1);
    p = recordAnswer(p, 'e1', wrong, t2);
    expect(p.exercises.e1).toEqual({
      status: 'attempted',
      attempts: 2,
      seed: 7,
      lastAnswer: '3',
      updatedAt: '2025-02-01T10:00:00.000Z',
    });
  });

  it('keeps a correct answer correct after later wrong ones and after a reveal', () => {
    let p = recordAnswer(emptyProgress(), 'e1', right, t1);
    p = recordAnswer(p, 'e1', wrong, t1);
    p = recordReveal(p, 'e1', t1);
    expect(p.exercises.e1).toMatchObject({ status: 'correct', attempts: 2, lastAnswer: '3' });
  });

  it('keeps a revealed exercise revealed when the answer is typed afterwards', () => {
    let p = recordAnswer(emptyProgress(), 'e1', wrong, t1);
    p = recordReveal(p, 'e1', t1);
    p = recordAnswer(p, 'e1', right, t2);
    expect(p.exercises.e1).toMatchObject({ status: 'revealed', attempts: 2, lastAnswer: '4' });
  });

  it('records a reveal without any attempt', () => {
    const p = recordReveal(emptyProgress(), 'e1', t1, 42);
    expect(p.exercises.e1).toEqual({
      status: 'revealed',
      attempts: 0,
      seed: 42,
      updatedAt: t1.toISOString(),
    });
  });
});

describe('resets', () => {
  const p = deepFreeze(
    recordAnswer(
      recordAnswer(
        recordStep(recordStep(emptyProgress(), 'b', 0, t1), 'a', 1, t1),
        'a.1',
        { correct: true, answer: '1' },
        t1,
      ),
      'b.1',
      { correct: true, answer: '1' },
      t1,
    ),
  );

  it('resetLesson forgets the lesson, its exercises and the resume point in it, and says when', () => {
    const r = resetLesson(p, 'a', ['a.1'], t2);
    expect(Object.keys(r.lessons)).toEqual(['b']);
    expect(Object.keys(r.exercises)).toEqual(['b.1']);
    expect(r.last).toBeUndefined();
    const at = t2.toISOString();
    expect(r.cleared).toEqual({ lessons: { a: at }, exercises: { 'a.1': at } });
  });

  it('resetLesson keeps a resume point in another lesson, and earlier resets', () => {
    const r = resetLesson(resetLesson(p, 'b', ['b.1'], t1), 'a', [], t2);
    expect(resetLesson(p, 'b', ['b.1'], t2).last).toEqual({ lesson: 'a', step: 1 });
    expect(r.cleared?.lessons).toEqual({ b: t1.toISOString(), a: t2.toISOString() });
  });

  it('resetAll starts over, saying when', () => {
    expect(resetAll(t2)).toEqual({
      format: 1,
      lessons: {},
      exercises: {},
      cleared: { all: t2.toISOString() },
    });
  });

  it('a reset reads back from JSON; a file without resets (older tutors) still loads', () => {
    const r = resetLesson(p, 'a', ['a.1'], t2);
    expect(parseProgress(JSON.parse(JSON.stringify(r)))).toEqual({ ok: true, progress: r });
    expect(parseProgress(JSON.parse(JSON.stringify(p)))).toEqual({ ok: true, progress: p });
  });
});

describe('lessonProgress', () => {
  it('counts exercises answered right or revealed as done', () => {
    let p = recordAnswer(emptyProgress(), 'x.1', { correct: true, answer: '1' }, t1);
    p = recordReveal(p, 'x.2', t1);
    p = recordAnswer(p, 'x.3', { correct: false, answer: '1' }, t1);
    p = recordAnswer(p, 'other', { correct: true, answer: '1' }, t1);
    expect(lessonProgress(p, 'x', ['x.1', 'x.2', 'x.3', 'x.4'])).toEqual({
      done: 2,
      correct: 1,
      revealed: 1,
      total: 4,
      fraction: 0.5,
      completed: false,
    });
  });

  it('gives a lesson without exercises 1 once completed, else 0', () => {
    expect(lessonProgress(emptyProgress(), 'x', []).fraction).toBe(0);
    expect(lessonProgress(completeLesson(emptyProgress(), 'x', t1), 'x', []).fraction).toBe(1);
  });

  it('does not mistake inherited names for progress', () => {
    expect(lessonProgress(emptyProgress(), 'toString', ['toString', 'hasOwnProperty']).done).toBe(
      0,
    );
  });
});

describe('parseProgress', () => {
  const valid: Progress = recordAnswer(
    recordStep(emptyProgress(), 'a', 1, t1),
    'a.1',
    { correct: true, answer: '1', seed: 3 },
    t1,
  );

  it('accepts what the update functions produce, after a JSON round trip', () => {
    expect(parseProgress(JSON.parse(JSON.stringify(valid)))).toEqual({ ok: true, progress: valid });
  });

  it('drops fields it does not know, at every level, and keeps a missing optional one missing', () => {
    const data = JSON.parse(JSON.stringify(valid));
    data.note = 'from an editor';
    data.lessons.a.colour = 'blue';
    data.exercises['a.1'].extra = [1, 2];
    const parsed = parseProgress(data);
    expect(parsed).toEqual({ ok: true, progress: valid });
    if (parsed.ok)
      expect(Object.keys(parsed.progress)).toEqual(['format', 'lessons', 'exercises', 'last']);
  });

  it.each([
    [
      {
        format: 1,
        lessons: { a: { step: -1, visited: [], completed: false, updatedAt: t1.toISOString() } },
        exercises: {},
      },
      'lessons.a.step: expected a whole number ≥ 0',
    ],
    [
      {
        format: 1,
        lessons: {},
        exercises: { e: { status: 'done', attempts: 0, updatedAt: t1.toISOString() } },
      },
      'exercises.e.status: expected one of "correct", "attempted", "revealed"',
    ],
    [
      {
        format: 1,
        lessons: {},
        exercises: { e: { status: 'correct', attempts: 1, updatedAt: '2025-13-45T99:00:00Z' } },
      },
      'exercises.e.updatedAt: expected a date and time such as 2025-01-31T09:45:00.000Z',
    ],
    [
      {
        format: 1,
        lessons: {
          a: { step: 0, visited: [0, 'one'], completed: false, updatedAt: t1.toISOString() },
        },
        exercises: {},
      },
      'lessons.a.visited.1: expected a whole number ≥ 0',
    ],
    [
      { format: 1, lessons: {}, exercises: {}, last: { lesson: 3, step: 0 } },
      'last.lesson: expected text',
    ],
    [7, 'expected an object'],
  ])('says which field is wrong and what it should be: %j', (data, detail) => {
    expect(parseProgress(data)).toEqual({ ok: false, problem: 'shape', detail });
  });

  it('reads a newer format as newer, whatever else is in the file', () => {
    expect(parseProgress({ format: 2, anything: true })).toEqual({
      ok: false,
      problem: 'newer',
      format: 2,
    });
  });

  it.each([
    [null, ''],
    [[], ''],
    [{}, 'format: '],
    [{ format: '1', lessons: {}, exercises: {} }, 'format: '],
    [{ format: 0, lessons: {}, exercises: {} }, 'format: '],
    [{ format: 1.5, lessons: {}, exercises: {} }, 'format: '],
    [{ format: 1, lessons: [], exercises: {} }, 'lessons: '],
    [
      {
        format: 1,
        lessons: { a: { step: -1, visited: [], completed: false, updatedAt: t1.toISOString() } },
        exercises: {},
      },
      'lessons.a.step: ',
    ],
    [
      {
        format: 1,
        lessons: {},
        exercises: { e: { status: 'done', attempts: 1, updatedAt: t1.toISOString() } },
      },
      'exercises.e.status: ',
    ],
    [
      {
        format: 1,
        lessons: {},
        exercises: { e: { status: 'correct', attempts: 1, updatedAt: 'yesterday' } },
      },
      'exercises.e.updatedAt: ',
    ],
  ])('refuses %j, naming the field', (data, where) => {
    const result = parseProgress(data);
    expect(result.ok).toBe(false);
    if (!result.ok && result.problem === 'shape')
      expect(result.detail.startsWith(where)).toBe(true);
    else expect.unreachable('expected a shape problem');
  });

  it('refuses an id __proto__ rather than let it become a prototype', () => {
    const text = `{"format":1,"lessons":{"__proto__":{"step":0,"visited":[0],"completed":false,"updatedAt":"${t1.toISOString()}"}},"exercises":{}}`;
    expect(parseProgress(JSON.parse(text))).toEqual({
      ok: false,
      problem: 'shape',
      detail: 'lessons.__proto__: not allowed as an id',
    });
  });

  it('refuses an id __proto__ among the resets too', () => {
    const text = `{"format":1,"lessons":{},"exercises":{},"cleared":{"exercises":{"__proto__":"${t1.toISOString()}"}}}`;
    expect(parseProgress(JSON.parse(text))).toEqual({
      ok: false,
      problem: 'shape',
      detail: 'cleared.exercises.__proto__: not allowed as an id',
    });
  });
});

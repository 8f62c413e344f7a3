/** Merging two tutors' copies of one learner's progress: nothing done in either is lost. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Progress,
  completeLesson,
  emptyProgress,
  parseProgress,
  recordAnswer,
  recordReveal,
  recordStep,
  resetAll,
  resetLesson,
} from '../../src/content/progress.js';
import { mergeProgress } from '../../src/content/progress-merge.js';

const at = (minute: number) => new Date(Date.UTC(2025, 0, 31, 9, minute));
const right = (answer: string) => ({ correct: true, answer });
const wrong = (answer: string) => ({ correct: false, answer });

describe('mergeProgress', () => {
  it('keeps the exercises and lessons of both copies', () => {
    const a = recordAnswer(
      recordStep(emptyProgress(), 'tensors', 2, at(1)),
      't.1',
      right('3'),
      at(2),
    );
    const b = recordStep(emptyProgress(), 'pixels', 4, at(3));
    const merged = mergeProgress(a, b);
    expect(Object.keys(merged.lessons).sort()).toEqual(['pixels', 'tensors']);
    expect(merged.exercises['t.1']).toEqual(a.exercises['t.1']);
    expect(merged.lessons.tensors).toEqual(a.lessons.tensors);
    expect(merged.lessons.pixels).toEqual(b.lessons.pixels);
  });

  it.each([
    ['correct', 'attempted', 'correct'],
    ['attempted', 'revealed', 'revealed'],
    ['revealed', 'correct', 'correct'],
  ] as const)('%s and %s give %s, whichever side each is on', (one, other, expected) => {
    const make = (status: 'correct' | 'attempted' | 'revealed', minute: number): Progress =>
      status === 'revealed'
        ? recordReveal(emptyProgress(), 'e', at(minute))
        : recordAnswer(
            emptyProgress(),
            'e',
            status === 'correct' ? right('4') : wrong('5'),
            at(minute),
          );
    expect(mergeProgress(make(one, 1), make(other, 2)).exercises.e.status).toBe(expected);
    expect(mergeProgress(make(other, 2), make(one, 1)).exercises.e.status).toBe(expected);
  });

  it('takes the larger attempt count, and the last answer and seed of the newer record', () => {
    let a = recordAnswer(emptyProgress(), 'e', { ...wrong('1'), seed: 3 }, at(1));
    a = recordAnswer(a, 'e', wrong('2'), at(2));
    a = recordAnswer(a, 'e', wrong('7'), at(3));
    const b = recordAnswer(emptyProgress(), 'e', { ...right('9'), seed: 8 }, at(5));
    expect(mergeProgress(a, b).exercises.e).toEqual({
      status: 'correct',
      attempts: 3,
      seed: 8,
      lastAnswer: '9',
      updatedAt: at(5).toISOString(),
    });
  });

  it('joins the steps visited, keeps a lesson completed, and takes the newer position', () => {
    const a = completeLesson(recordStep(emptyProgress(), 'x', 5, at(1)), 'x', at(1));
    const b = recordStep(recordStep(emptyProgress(), 'x', 0, at(2)), 'x', 2, at(3));
    expect(mergeProgress(a, b).lessons.x).toEqual({
      step: 2,
      visited: [0, 2, 5],
      completed: true,
      updatedAt: at(3).toISOString(),
    });
    expect(mergeProgress(b, a).lessons.x.step).toBe(2);
  });

  it('resumes where the learner was last, in whichever copy that was', () => {
    const a = recordStep(emptyProgress(), 'tensors', 3, at(4));
    const b = recordStep(emptyProgress(), 'pixels', 1, at(2));
    expect(mergeProgress(a, b).last).toEqual({ lesson: 'tensors', step: 3 });
    expect(mergeProgress(b, a).last).toEqual({ lesson: 'tensors', step: 3 });
  });

  it('drops what a reset cleared when it is older than the reset, and keeps what is newer', () => {
    const old = recordAnswer(
      recordAnswer(recordStep(emptyProgress(), 'a', 1, at(1)), 'a.1', right('1'), at(1)),
      'b.1',
      right('1'),
      at(1),
    );
    const reset = resetLesson(old, 'a', ['a.1'], at(2));
    // Another tutor, opened before the reset, saves its older copy: the reset holds.
    const merged = mergeProgress(reset, old);
    expect(Object.keys(merged.lessons)).toEqual([]);
    expect(Object.keys(merged.exercises)).toEqual(['b.1']);
    expect(merged.last).toBeUndefined();
    // Work done after the reset stays.
    const after = recordAnswer(old, 'a.1', wrong('2'), at(3));
    expect(mergeProgress(reset, after).exercises['a.1']).toMatchObject({ lastAnswer: '2' });
    expect(mergeProgress(resetAll(at(2)), old)).toEqual(resetAll(at(2)));
  });

  it('keeps the latest reset of each kind, and drops those a full reset covers', () => {
    const one = resetLesson(emptyProgress(), 'a', ['a.1'], at(1));
    const two = resetLesson(resetAll(at(2)), 'b', [], at(3));
    expect(mergeProgress(one, two).cleared).toEqual({
      all: at(2).toISOString(),
      lessons: { b: at(3).toISOString() },
    });
  });

  it('treats ids that are Object.prototype names as ordinary ids', () => {
    const text = `{"format":1,"lessons":{},"exercises":{"constructor":{"status":"correct","attempts":1,"updatedAt":"${at(1).toISOString()}"}}}`;
    const parsed = parseProgress(JSON.parse(text));
    if (!parsed.ok) throw new Error('expected progress');
    const merged = mergeProgress(emptyProgress(), parsed.progress);
    expect(Object.keys(merged.exercises)).toEqual(['constructor']);
  });
});

describe('mergeProgress, for any two copies', () => {
  const action = fc.oneof(
    fc.record({
      kind: fc.constant('step' as const),
      lesson: fc.constantFrom('a', 'b'),
      step: fc.nat(4),
    }),
    fc.record({
      kind: fc.constant('answer' as const),
      id: fc.constantFrom('e1', 'e2', 'e3'),
      correct: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('reveal' as const), id: fc.constantFrom('e1', 'e2', 'e3') }),
  );
  type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;
  const play = (actions: readonly Action[], start: number): Progress =>
    actions.reduce((p, a, i) => {
      const now = at(start + i * 2);
      if (a.kind === 'step') return recordStep(p, a.lesson, a.step, now);
      if (a.kind === 'answer')
        return recordAnswer(p, a.id, { correct: a.correct, answer: 'x' }, now);
      return recordReveal(p, a.id, now);
    }, emptyProgress());

  it('loses no exercise, no step visited and no solved status; merging a copy with itself changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 12 }),
        fc.array(action, { maxLength: 12 }),
        (x, y) => {
          const a = play(x, 0);
          const b = play(y, 1);
          const merged = mergeProgress(a, b);
          for (const side of [a, b]) {
            for (const [id, record] of Object.entries(side.exercises)) {
              expect(merged.exercises[id]).toBeDefined();
              if (record.status !== 'attempted')
                expect(merged.exercises[id].status).not.toBe('attempted');
              expect(merged.exercises[id].attempts).toBeGreaterThanOrEqual(record.attempts);
            }
            for (const [id, lesson] of Object.entries(side.lessons))
              expect(merged.lessons[id].visited).toEqual(expect.arrayContaining(lesson.visited));
          }
          expect(parseProgress(JSON.parse(JSON.stringify(merged))).ok).toBe(true);
          expect(mergeProgress(a, a)).toEqual(a);
        },
      ),
    );
  });
});

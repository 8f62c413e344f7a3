/** Answer values as the templates build them, and the lists of slips (common mistakes) they keep. */
import type { AnswerValue, MistakeId, MistakeModel } from '../types.js';

export function shapeAnswer(dims: readonly number[]): AnswerValue {
  return { kind: 'shape', dims: [...dims] };
}

export function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function sameShape(a: AnswerValue, b: AnswerValue): boolean {
  return a.kind === 'shape' && b.kind === 'shape' && sameDims(a.dims, b.dims);
}

/**
 * Slips in the order they are tried, each kept only when its value differs from the expected
 * one and from every slip kept before it (the first, most specific name wins).
 */
export function distinctSlips<T>(
  expected: T,
  same: (a: T, b: T) => boolean,
  answer: (value: T) => AnswerValue,
) {
  const list: MistakeModel[] = [];
  const kept: T[] = [];
  const add = (id: MistakeId, value: T): void => {
    if (same(value, expected) || kept.some((k) => same(k, value))) return;
    kept.push(value);
    list.push({ id, answer: answer(value) });
  };
  /** `add` for a changed rule that may have no answer here (it throws): nothing to recognise then. */
  const tryAdd = (id: MistakeId, compute: () => T): void => {
    let value: T;
    try {
      value = compute();
    } catch {
      return;
    }
    add(id, value);
  };
  return { list, add, tryAdd };
}

/** `distinctSlips` of numbers. */
export function numberSlips(expected: number) {
  return distinctSlips(
    expected,
    (a, b) => a === b,
    (value): AnswerValue => ({ kind: 'number', value }),
  );
}

/** `distinctSlips` of shapes, given as their dims. */
export function shapeSlips(expected: readonly number[]) {
  return distinctSlips(expected, sameDims, shapeAnswer);
}

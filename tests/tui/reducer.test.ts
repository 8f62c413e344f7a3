import { describe, expect, test } from 'vitest';
import { predictionCells } from '../../src/view/demo-model.js';
import {
  currentDemo,
  currentExercise,
  hasUnsavedInput,
  initialState,
  reduce,
} from '../../src/tui/state/reducer.js';
import { type Action, SCROLL_END, type TutorState } from '../../src/tui/state/types.js';
import { fixtureEnv, freshProgress, NOW, stamp } from './fixture.js';
import type { Key } from 'ink';
import { NO_KEY } from './keys.js';

const env = fixtureEnv();

function run(state: TutorState, ...actions: Action[]): TutorState {
  return actions.reduce((s, a) => reduce(s, a, env), state);
}

const start = (): TutorState => initialState(env, { progress: freshProgress() });
const open = (index = 0): Action => ({ type: 'lesson/open', index, at: stamp() });
const next: Action = { type: 'step/move', delta: 1, at: stamp() };
const prev: Action = { type: 'step/move', delta: -1, at: stamp() };
const demoNext: Action = { type: 'demo/step', delta: 1, at: stamp() };
const demoPrev: Action = { type: 'demo/step', delta: -1, at: stamp() };
const submit: Action = { type: 'answer/submit', at: stamp() };
const edit = (text: string): Action => ({ type: 'field/insert', text });

describe('home and navigation', () => {
  test('starts on Home with the cursor on the last lesson', () => {
    const progress = { ...freshProgress(), last: { lesson: 'padding', step: 1 } };
    const s = initialState(env, { progress, notice: 'moved aside' });
    expect(s).toMatchObject({ screen: 'home', selected: 1, notice: 'moved aside' });
  });

  test('the cursor stays on the list', () => {
    expect(run(start(), { type: 'home/move', delta: -1 }).selected).toBe(0);
    expect(run(start(), { type: 'home/move', delta: 5 }).selected).toBe(1);
  });

  test('opening a lesson records the step and clears the notice', () => {
    const s = run(initialState(env, { progress: freshProgress(), notice: 'x' }), open());
    expect(s).toMatchObject({ screen: 'lesson', lesson: 0, step: 0, notice: undefined });
    expect(s.progress.last).toEqual({ lesson: 'convolution', step: 0 });
    expect(s.progress.lessons.convolution).toEqual({
      step: 0,
      visited: [0],
      completed: false,
      updatedAt: NOW.toISOString(),
    });
  });

  test('steps move forward and back, never before the first', () => {
    const s = run(start(), open(), prev, next, next);
    expect(s.step).toBe(2);
    expect(s.progress.lessons.convolution.visited).toEqual([0, 1, 2]);
  });

  test('moving past the last step completes the lesson and goes Home to the next lesson', () => {
    const s = run(start(), open(1), next, next);
    expect(s).toMatchObject({ screen: 'home', selected: 1 });
    expect(s.progress.lessons.padding.completed).toBe(true);
  });

  test('a lesson resumes where it was left; continue opens the last lesson', () => {
    const s = run(start(), open(), next, next, { type: 'lesson/leave' });
    expect(s).toMatchObject({ screen: 'home', selected: 0 });
    expect(run(s, open()).step).toBe(2);
    expect(run({ ...s, selected: 1 }, { type: 'lesson/continue', at: stamp() })).toMatchObject({
      lesson: 0,
      step: 2,
    });
  });

  test('scrolling is clamped, and the end sentinel scrolls up from the real end', () => {
    const s = run(start(), open(), { type: 'scroll', delta: 5, max: 3 });
    expect(s.scroll).toBe(3);
    expect(run(s, { type: 'scroll', delta: -10, max: 3 }).scroll).toBe(0);
    expect(run({ ...s, scroll: SCROLL_END }, { type: 'scroll', delta: -1, max: 4 }).scroll).toBe(3);
  });
});

describe('exercises', () => {
  const atCell = (): TutorState => run(start(), open(), next, next);

  test('an exercise step starts with the answer line focused', () => {
    expect(currentExercise(atCell(), env)?.session).toMatchObject({
      draft: '',
      focus: 'answer',
      attempts: 0,
    });
  });

  test('an answer that does not parse is not a try and says what is expected', () => {
    const s = run(atCell(), edit('five'), submit);
    const { session } = currentExercise(s, env)!;
    expect(session.attempts).toBe(0);
    expect(session.feedback).toEqual({
      kind: 'format',
      message: { key: 'answer.number.expected' },
    });
    expect(s.progress.exercises['conv-first-cell']).toBeUndefined();
  });

  test('a wrong answer names the mistake, counts, and is saved; a right one solves it', () => {
    const wrong = run(atCell(), edit('4'), submit);
    expect(currentExercise(wrong, env)!.session).toMatchObject({
      attempts: 1,
      wrong: 1,
      focus: 'answer',
      feedback: { kind: 'graded', correct: false, mistake: 'bias-forgotten' },
    });
    expect(wrong.scroll).toBe(SCROLL_END);
    expect(wrong.progress.exercises['conv-first-cell']).toMatchObject({
      status: 'attempted',
      attempts: 1,
      lastAnswer: '4',
    });
    const right = run(wrong, { type: 'field/set', field: 'conv-first-cell', text: '5' }, submit);
    expect(currentExercise(right, env)!.session).toMatchObject({
      attempts: 2,
      wrong: 1,
      solved: true,
      focus: 'keys',
    });
    expect(right.progress.exercises['conv-first-cell']).toMatchObject({
      status: 'correct',
      attempts: 2,
      lastAnswer: '5',
    });
  });

  test('an empty answer does nothing', () => {
    const s = atCell();
    expect(run(s, edit('  '), submit).exercises).toEqual({
      ...s.exercises,
      'conv-first-cell': { ...s.exercises['conv-first-cell'], draft: '  ', cursor: 2 },
    });
  });

  test('show me reveals the solution and records it', () => {
    const s = run(atCell(), { type: 'exercise/reveal', at: stamp() });
    expect(currentExercise(s, env)!.session).toMatchObject({ revealed: true, focus: 'keys' });
    expect(s.progress.exercises['conv-first-cell'].status).toBe('revealed');
  });

  test('a generated exercise gets the seed of the step move, and a new variant on request', () => {
    const s = run(start(), open(1), { type: 'step/move', delta: 1, at: stamp(42) });
    expect(currentExercise(s, env)!.session.seed).toBe(42);
    const variant = run(s, edit('3'), { type: 'exercise/new-variant', seed: 43 });
    expect(currentExercise(variant, env)!.session).toMatchObject({
      seed: 43,
      draft: '',
      attempts: 0,
    });
  });

  test('a fixed exercise ignores "new variant"', () => {
    const s = atCell();
    expect(run(s, { type: 'exercise/new-variant', seed: 1 })).toBe(s);
  });

  test('a saved seed is used again', () => {
    const progress = {
      ...freshProgress(),
      exercises: {
        'conv-random-cell': {
          status: 'attempted' as const,
          attempts: 1,
          seed: 99,
          updatedAt: NOW.toISOString(),
        },
      },
    };
    const s = run(initialState(env, { progress }), open(1), {
      type: 'step/move',
      delta: 1,
      at: stamp(5),
    });
    expect(currentExercise(s, env)!.session.seed).toBe(99);
  });
});

describe('grid answers and the grid editor', () => {
  const atMap = (): TutorState => run(start(), open(), next, next, next);

  test('wrong cells are listed', () => {
    const s = run(atMap(), edit('2 4; 0 2'), submit);
    const feedback = currentExercise(s, env)!.session.feedback;
    expect(feedback).toMatchObject({ kind: 'graded', correct: false, wrongCells: [[0, 1]] });
  });

  test('a grid of the wrong size is not a try unless a mistake explains it', () => {
    const s = run(atMap(), edit('1 2 3; 4 5 6'), submit);
    const { session } = currentExercise(s, env)!;
    expect(session.attempts).toBe(0);
    expect(session.feedback).toMatchObject({
      kind: 'size',
      message: { key: 'answer.grid.wrongSize' },
    });
  });

  test('the editor reads the typed line, moves, types and writes the line back', () => {
    let s = run(atMap(), edit('2 2; 0'), { type: 'grid/open' });
    expect(currentExercise(s, env)!.session.grid).toEqual({
      cells: [
        ['2', '2'],
        ['0', ''],
      ],
      row: 0,
      col: 0,
    });
    s = run(
      s,
      { type: 'grid/move', rows: 1, cols: 1 },
      { type: 'grid/type', text: '2x' },
      { type: 'grid/erase' },
      { type: 'grid/type', text: '2' },
    );
    expect(currentExercise(s, env)!.session.grid?.cells).toEqual([
      ['2', '2'],
      ['0', '2'],
    ]);
    const closed = run(s, { type: 'grid/close' });
    expect(currentExercise(closed, env)!.session).toMatchObject({
      draft: '2 2; 0 2',
      focus: 'answer',
      grid: undefined,
    });
  });

  test('Enter in the editor checks the grid', () => {
    const s = run(atMap(), { type: 'grid/open' }, { type: 'grid/type', text: '2 5 0 2' }, submit);
    expect(currentExercise(s, env)!.session).toMatchObject({
      solved: true,
      focus: 'keys',
      draft: '2 5; 0 2',
    });
  });
});

describe('the answer line', () => {
  const atCell = (): TutorState => run(start(), open(), next, next);
  const field = (s: TutorState) => {
    const { draft, cursor } = currentExercise(s, env)!.session;
    return { draft, cursor };
  };

  test("takes the field's text as its input reports it, cursor after it", () => {
    let s = run(atCell(), edit('5/9'));
    expect(field(s)).toEqual({ draft: '5/9', cursor: 3 });
    s = run(s, { type: 'field/set', field: 'conv-first-cell', text: '−15/9' });
    expect(field(s)).toEqual({ draft: '−15/9', cursor: 5 });
    s = run(s, { type: 'field/set', field: 'conv-first-cell', text: '' });
    expect(field(s)).toEqual({ draft: '', cursor: 0 });
  });

  test("takes a field's text only while that field has focus", () => {
    const s = run(atCell(), edit('3'));
    // An input on its way out (another exercise's, or this one after Esc) reports late.
    expect(run(s, { type: 'field/set', field: 'conv-map', text: '9' })).toBe(s);
    const left = run(s, { type: 'answer/focus', focus: 'keys' });
    expect(run(left, { type: 'field/set', field: 'conv-first-cell', text: '9' })).toBe(left);
  });

  test("leaves text to the field's own input once it listens, and types it until then", () => {
    const s = run(atCell(), edit('12'));
    const view = { scrollable: false, tooSmall: false, maxScroll: 0, page: 10 };
    const press = (input: string, held: Partial<Key>, field?: string): Action => ({
      type: 'key',
      input,
      key: { ...NO_KEY, ...held },
      view,
      at: stamp(),
      ...(field === undefined ? {} : { field }),
    });
    for (const held of ['leftArrow', 'rightArrow', 'backspace', 'delete'] as const) {
      expect(run(s, press('', { [held]: true }, 'conv-first-cell'))).toBe(s);
    }
    expect(run(s, press('3', {}, 'conv-first-cell'))).toBe(s);
    expect(field(run(s, press('3', {})))).toEqual({ draft: '123', cursor: 3 });
    // The input listening is another field's (the screen has not redrawn yet): typed here.
    expect(field(run(s, press('3', {}, 'conv-map')))).toEqual({ draft: '123', cursor: 3 });
  });

  test('a pasted grid keeps its rows; control characters are dropped', () => {
    expect(field(run(atCell(), edit('1 2\r\n3 4\u0007')))).toEqual({
      draft: '1 2; 3 4',
      cursor: 8,
    });
  });

  test('keys do nothing to the answer while it does not have focus', () => {
    const s = run(atCell(), { type: 'answer/focus', focus: 'keys' });
    expect(run(s, edit('4'))).toBe(s);
  });
});

describe('keys go through the keymap against the state they apply to', () => {
  const view = { scrollable: false, tooSmall: false, maxScroll: 0, page: 10 };
  const press = (input: string, key: Partial<Key> = {}): Action => ({
    type: 'key',
    input,
    key: { ...NO_KEY, ...key },
    view,
    at: stamp(),
  });

  test('a letter right after moving onto an exercise is typed, not a shortcut', () => {
    // Both keys are reduced before any redraw: `n` must see the exercise step `l` led to.
    const s = run(start(), open(), next, press('l'), press('n'));
    expect(s.step).toBe(2);
    expect(currentExercise(s, env)!.session.draft).toBe('n');
  });

  test('typing, Enter and Esc in an exercise', () => {
    const s = run(start(), open(), next, next, press('4'), press('\r', { return: true }));
    expect(currentExercise(s, env)!.session).toMatchObject({
      attempts: 1,
      feedback: { kind: 'graded', correct: false },
    });
    const left = run(s, press('', { escape: true, meta: true }), press('s'));
    expect(currentExercise(left, env)!.session).toMatchObject({ focus: 'keys', revealed: true });
  });

  test('a paste arrives as one key and is typed whole', () => {
    const s = run(start(), open(), next, next, next, press('2 5\n0 2'));
    expect(currentExercise(s, env)!.session.draft).toBe('2 5; 0 2');
  });

  test('Ctrl+C and unknown keys', () => {
    expect(run(start(), press('c', { ctrl: true })).quitting).toBe(true);
    const s = start();
    expect(run(s, press('z'))).toBe(s);
  });

  test('the too-small screen only quits', () => {
    const small = { ...view, tooSmall: true };
    const s = start();
    expect(
      reduce(
        s,
        { type: 'key', input: '\r', key: { ...NO_KEY, return: true }, view: small, at: stamp() },
        env,
      ),
    ).toBe(s);
    expect(
      reduce(s, { type: 'key', input: 'q', key: NO_KEY, view: small, at: stamp() }, env).quitting,
    ).toBe(true);
  });
});

describe('quitting', () => {
  test('quits at once when nothing is half-typed', () => {
    expect(run(start(), { type: 'quit' }).quitting).toBe(true);
  });

  test('asks first when an answer is half-typed, not when it was already checked', () => {
    const typed = run(start(), open(), next, next, edit('4'));
    expect(hasUnsavedInput(typed)).toBe(true);
    expect(run(typed, { type: 'quit' })).toMatchObject({
      overlay: 'quit-confirm',
      quitting: false,
    });
    expect(run(typed, { type: 'quit' }, { type: 'quit' }).quitting).toBe(true);
    expect(run(typed, { type: 'quit' }, { type: 'overlay/close' }).overlay).toBeUndefined();
    expect(hasUnsavedInput(run(typed, submit))).toBe(false);
  });
});

describe('the sliding-window demo', () => {
  const atDemo = (): TutorState => run(start(), open(), next);
  const demo = (s: TutorState) => currentDemo(s, env)!.session;

  test('predictions are spread evenly and never the first cell', () => {
    expect(predictionCells(9, 2)).toEqual([3, 6]);
    expect(predictionCells(9, 0)).toEqual([]);
    expect(predictionCells(2, 5)).toEqual([1]);
    expect(predictionCells(1, 1)).toEqual([]);
  });

  test('→ reveals cells until a prediction is due; a right guess reveals it', () => {
    let s = run(atDemo(), demoNext, demoNext, demoNext);
    expect(demo(s)).toMatchObject({ revealed: 3, asking: false });
    s = run(s, demoNext);
    expect(demo(s)).toMatchObject({ revealed: 3, asking: true });
    s = run(s, { type: 'field/insert', text: 'lots' }, { type: 'demo/predict' });
    expect(demo(s)).toMatchObject({ asking: true, error: { key: 'answer.number.expected' } });
    s = run(s, { type: 'field/set', field: 'convolution#1', text: '2' }, { type: 'demo/predict' });
    expect(demo(s)).toMatchObject({
      revealed: 4,
      asking: false,
      answered: [3],
      last: { cell: 3, guess: 2, value: 2, correct: true },
    });
  });

  test('a wrong guess says so; going back and forth does not ask again', () => {
    let s = run(
      atDemo(),
      demoNext,
      demoNext,
      demoNext,
      demoNext,
      { type: 'field/insert', text: '7' },
      { type: 'demo/predict' },
    );
    expect(demo(s).last).toEqual({ cell: 3, guess: 7, value: 2, correct: false });
    s = run(s, demoPrev, demoNext);
    expect(demo(s)).toMatchObject({ revealed: 4, asking: false });
  });

  test('← at the first cell goes to the previous step; → at the end to the next', () => {
    expect(run(atDemo(), demoPrev).step).toBe(0);
    const end = run(atDemo(), { type: 'demo/end' });
    expect(demo(end)).toMatchObject({ revealed: 9, asking: false });
    expect(run(end, demoNext).step).toBe(2);
  });

  test('stride and padding start over with the new output size', () => {
    let s = run(atDemo(), demoNext, { type: 'demo/stride', delta: 1 });
    expect(demo(s)).toMatchObject({ stride: 2, revealed: 0 });
    s = run(s, { type: 'demo/stride', delta: 1 }, { type: 'demo/stride', delta: 1 });
    expect(demo(s).stride).toBe(3);
    s = run(s, { type: 'demo/stride', delta: -1 }, { type: 'demo/stride', delta: -1 });
    expect(demo(s).stride).toBe(1);
    s = run(s, { type: 'demo/padding' });
    expect(demo(s).padding).toBe('same');
    s = run(s, { type: 'demo/padding' }, { type: 'demo/padding' }, { type: 'demo/padding' });
    expect(demo(s).padding).toBe('valid');
  });

  test('play advances on each tick and stops at a prediction', () => {
    let s = run(atDemo(), { type: 'demo/play' });
    expect(demo(s).playing).toBe(true);
    s = run(s, { type: 'demo/tick' }, { type: 'demo/tick' }, { type: 'demo/tick' });
    expect(demo(s)).toMatchObject({ revealed: 3, playing: true });
    s = run(s, { type: 'demo/tick' });
    expect(demo(s)).toMatchObject({ revealed: 3, asking: true, playing: false });
    s = run(s, { type: 'demo/skip' });
    expect(demo(s)).toMatchObject({ revealed: 4, asking: false, answered: [3] });
  });

  test('leaving the step pauses the demo', () => {
    const s = run(atDemo(), { type: 'demo/play' }, next);
    expect(Object.values(s.demos)[0].playing).toBe(false);
  });
});

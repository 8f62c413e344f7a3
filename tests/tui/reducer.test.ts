import { describe, expect, test } from 'vitest';
import { predictionCells } from '../../src/view/demo-model.js';
import {
  currentDemo,
  currentExercise,
  hasUnsavedInput,
  initialState,
} from '../../src/tui/state/reducer.js';
import type { TutorState } from '../../src/tui/state/types.js';
import { freshProgress, NOW, stamp } from './fixture.js';
import { KEYS } from '../helpers/fake-terminal.js';
import {
  CELL,
  DEMO,
  MAP,
  atCell,
  atDemo,
  atMap,
  demoNext,
  demoPrev,
  driveTutor,
  env,
  next,
  open,
  prev,
  run,
  start,
  submit,
  typeIn,
} from './tutor-driver.js';

const CTRL_T = '\x14';

describe('home and navigation', () => {
  test('starts on Home with the cursor on the last lesson', () => {
    const progress = { ...freshProgress(), last: { lesson: 'padding', step: 1 } };
    const s = initialState(env, { progress, notice: 'moved aside' });
    expect(s).toMatchObject({ screen: 'home', selected: 1, notice: 'moved aside', tools: [] });
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
});

describe('the tools over a lesson (trainer, draw) are a stack', () => {
  test('each opens over the one before; closing shows the one under it again', () => {
    const lesson = run(start(), open());
    const both = run(
      lesson,
      { type: 'tool/open', tool: 'train' },
      { type: 'tool/open', tool: 'draw' },
    );
    expect(both.tools).toEqual(['train', 'draw']);
    expect(run(both, { type: 'tool/close' }).tools).toEqual(['train']);
    expect(run(both, { type: 'tool/close' }, { type: 'tool/close' })).toMatchObject({
      tools: [],
      screen: 'lesson',
      step: 0,
    });
  });

  test('a tool already open under the top one is gone back to, not opened twice', () => {
    const s = run(
      start(),
      open(),
      { type: 'tool/open', tool: 'train' },
      { type: 'tool/open', tool: 'draw' },
      { type: 'tool/open', tool: 'train' },
    );
    expect(s.tools).toEqual(['train']);
  });

  test('no tool opens on Home', () => {
    const s = start();
    expect(run(s, { type: 'tool/open', tool: 'draw' })).toBe(s);
  });
});

describe('exercises', () => {
  test('an exercise step starts with the answer line focused', () => {
    expect(currentExercise(atCell(), env)?.session).toMatchObject({
      draft: '',
      focus: 'answer',
      attempts: 0,
    });
  });

  test('an answer that does not parse is not a try and says what is expected', () => {
    const s = run(atCell(), typeIn(CELL, 'five'), submit);
    const { session } = currentExercise(s, env)!;
    expect(session.attempts).toBe(0);
    expect(session.feedback).toEqual({
      kind: 'format',
      message: { key: 'answer.number.expected' },
    });
    expect(s.progress.exercises[CELL]).toBeUndefined();
  });

  test('a wrong answer names the mistake, counts, and is saved; a right one solves it', () => {
    const wrong = run(atCell(), typeIn(CELL, '4'), submit);
    expect(currentExercise(wrong, env)!.session).toMatchObject({
      attempts: 1,
      wrong: 1,
      focus: 'answer',
      feedback: { kind: 'graded', correct: false, mistake: 'bias-forgotten' },
    });
    expect(wrong.progress.exercises[CELL]).toMatchObject({
      status: 'attempted',
      attempts: 1,
      lastAnswer: '4',
    });
    const right = run(wrong, typeIn(CELL, '5'), submit);
    expect(currentExercise(right, env)!.session).toMatchObject({
      attempts: 2,
      wrong: 1,
      solved: true,
      focus: 'keys',
    });
    expect(right.progress.exercises[CELL]).toMatchObject({
      status: 'correct',
      attempts: 2,
      lastAnswer: '5',
    });
  });

  test('an empty answer does nothing', () => {
    const typed = run(atCell(), typeIn(CELL, '  '));
    expect(run(typed, submit)).toBe(typed);
    expect(currentExercise(typed, env)!.session.draft).toBe('  ');
  });

  test('show me reveals the solution and records it', () => {
    const s = run(atCell(), { type: 'exercise/reveal', at: stamp() });
    expect(currentExercise(s, env)!.session).toMatchObject({ revealed: true, focus: 'keys' });
    expect(s.progress.exercises[CELL].status).toBe('revealed');
  });

  test('the hint key shows the next hint, after those the wrong answers showed', () => {
    const hint = { type: 'exercise/hint' } as const;
    expect(currentExercise(run(atCell(), hint), env)!.session.hintsAsked).toBe(1);
    const wrong = run(atCell(), typeIn(CELL, '4'), submit);
    expect(currentExercise(run(wrong, hint), env)!.session.hintsAsked).toBe(2);
  });

  test('a generated exercise gets the seed of the step move, and a new variant on request', () => {
    const s = run(start(), open(1), { type: 'step/move', delta: 1, at: stamp(42) });
    expect(currentExercise(s, env)!.session.seed).toBe(42);
    const variant = run(s, typeIn('conv-random-cell', '3'), {
      type: 'exercise/new-variant',
      seed: 43,
    });
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
  test('wrong cells are listed', () => {
    const s = run(atMap(), typeIn(MAP, '2 4; 0 2'), submit);
    const feedback = currentExercise(s, env)!.session.feedback;
    expect(feedback).toMatchObject({ kind: 'graded', correct: false, wrongCells: [[0, 1]] });
  });

  test('a grid of the wrong size is not a try unless a mistake explains it', () => {
    const s = run(atMap(), typeIn(MAP, '1 2 3; 4 5 6'), submit);
    const { session } = currentExercise(s, env)!;
    expect(session.attempts).toBe(0);
    expect(session.feedback).toMatchObject({
      kind: 'size',
      message: { key: 'answer.grid.wrongSize' },
    });
  });

  test('the editor reads the typed line, moves, types and writes the line back', () => {
    let s = run(atMap(), typeIn(MAP, '2 2; 0'), { type: 'grid/open' });
    expect(currentExercise(s, env)!.session.grid).toEqual({
      cells: [
        ['2', '2'],
        ['0', ''],
      ],
      row: 0,
      col: 0,
      fresh: true,
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

  test('the first key in a cell the cursor just reached replaces it; the next ones add to it', () => {
    const s = run(atMap(), typeIn(MAP, '2 2; 0 9'), { type: 'grid/open' });
    const typed = run(s, { type: 'grid/type', text: '1' }, { type: 'grid/type', text: '0' });
    expect(currentExercise(typed, env)!.session.grid?.cells[0]).toEqual(['10', '2']);
    // Backspace edits what is there instead.
    const erased = run(s, { type: 'grid/next' }, { type: 'grid/erase' });
    expect(currentExercise(erased, env)!.session.grid?.cells[0]).toEqual(['2', '']);
    const again = run(
      typed,
      { type: 'grid/move', rows: 1, cols: 1 },
      { type: 'grid/type', text: '7' },
    );
    expect(currentExercise(again, env)!.session.grid?.cells[1]).toEqual(['0', '7']);
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
  const draft = (s: TutorState): string => currentExercise(s, env)!.session.draft;

  test("takes the field's text as the field reports it", () => {
    let s = run(atCell(), typeIn(CELL, '5/9'));
    expect(draft(s)).toBe('5/9');
    s = run(s, typeIn(CELL, '−15/9'));
    expect(draft(s)).toBe('−15/9');
    expect(draft(run(s, typeIn(CELL, '')))).toBe('');
  });

  test("takes a field's text only while that field has focus", () => {
    const s = run(atCell(), typeIn(CELL, '3'));
    // A field on its way out (another exercise's, or this one after Esc) reports late.
    expect(run(s, typeIn(MAP, '9'))).toBe(s);
    expect(run(s, typeIn(DEMO, '9'))).toBe(s);
    const left = run(s, { type: 'answer/focus', focus: 'keys' });
    expect(run(left, typeIn(CELL, '9'))).toBe(left);
  });

  test('the grid editor takes no text from the answer field', () => {
    const s = run(atMap(), { type: 'grid/open' });
    expect(run(s, typeIn(MAP, '1 2; 3 4'))).toBe(s);
  });
});

describe('keys, each against the state the one before left', () => {
  test('a letter right after moving onto an exercise is typed, not a shortcut', () => {
    // `l` in the demo moves on to the exercise: the `n` after it must meet the answer line.
    const d = driveTutor(atDemo()).press('l', 'n');
    expect(d.state.step).toBe(2);
    expect(currentExercise(d.state, env)!.session.draft).toBe('n');
  });

  test('typing, Enter and Esc in an exercise; then s shows the solution', () => {
    const d = driveTutor(atCell()).press('4', KEYS.enter);
    expect(currentExercise(d.state, env)!.session).toMatchObject({
      attempts: 1,
      feedback: { kind: 'graded', correct: false },
    });
    d.press(KEYS.escape, 's');
    expect(currentExercise(d.state, env)!.session).toMatchObject({
      focus: 'keys',
      revealed: true,
    });
  });

  test('a paste arrives as one key and is typed whole, its rows kept', () => {
    const d = driveTutor(atMap()).press('2 5\n0 2');
    expect(currentExercise(d.state, env)!.session.draft).toBe('2 5; 0 2');
    d.press(KEYS.enter);
    expect(currentExercise(d.state, env)!.session.solved).toBe(true);
  });

  test('a paste on Home is no command; keys typed fast in one chunk are each a key', () => {
    const pasted = driveTutor().press('quit, continue');
    expect(pasted.shell.quitting).toBe(false);
    expect(pasted.state).toEqual(start());
    expect(driveTutor().press('jjq').shell.quitting).toBe(true);
    expect(driveTutor().press('jj').state.selected).toBe(1);
  });

  test('Ctrl+C quits; an unknown key does nothing', () => {
    expect(driveTutor().press(KEYS.ctrlC).shell.quitting).toBe(true);
    const s = start();
    const d = driveTutor(s).press('z', '\x1b[15~');
    expect(d.state).toBe(s);
    expect(d.shell.quitting).toBe(false);
  });

  test('the too-small screen only quits', () => {
    const s = start();
    const d = driveTutor(s, { width: 40, height: 10 }).press(KEYS.enter, KEYS.down, '?');
    expect(d.state).toBe(s);
    expect(d.shell.chrome.overlay).toBeUndefined();
    expect(d.press('q').shell.quitting).toBe(true);
  });

  test('← and p go back a step; h does not (it is the hint key in an exercise)', () => {
    expect(driveTutor(run(start(), open())).press(KEYS.right).state.step).toBe(1);
    const figure = run(start(), open(), next, next, next, next);
    expect(figure.step).toBe(4);
    const d = driveTutor(figure);
    expect(d.press('h').state).toBe(figure);
    expect(d.press('p').state.step).toBe(3);
    expect(driveTutor(figure).press(KEYS.left).state.step).toBe(3);
  });

  test('h shows a hint in an exercise, Ctrl+T while typing; none once all are shown', () => {
    const d = driveTutor(atCell()).press(KEYS.escape, 'h');
    expect(currentExercise(d.state, env)!.session).toMatchObject({ hintsAsked: 1, focus: 'keys' });
    d.press(KEYS.enter, '7', CTRL_T);
    expect(currentExercise(d.state, env)!.session).toMatchObject({
      hintsAsked: 2,
      draft: '7',
      focus: 'answer',
    });
    const all = d.state;
    d.press(CTRL_T, KEYS.escape, 'h');
    expect(currentExercise(d.state, env)!.session.hintsAsked).toBe(2);
    expect(d.state.step).toBe(all.step);
  });

  test('no hint is offered once the exercise is solved', () => {
    const d = driveTutor(atCell()).press('5', KEYS.enter, 'h');
    expect(currentExercise(d.state, env)!.session).toMatchObject({ solved: true, hintsAsked: 0 });
  });
});

describe('quitting', () => {
  test('quits at once when nothing is half-typed', () => {
    expect(driveTutor(run(start(), open())).press('q').shell.quitting).toBe(true);
  });

  test('asks first when an answer is half-typed, not when it was already checked', () => {
    const typed = run(atCell(), typeIn(CELL, '4'));
    expect(hasUnsavedInput(typed)).toBe(true);
    const d = driveTutor(typed).press(KEYS.ctrlC);
    expect(d.shell).toMatchObject({ chrome: { overlay: 'quit-confirm' }, quitting: false });
    expect(d.press('n').shell.chrome.overlay).toBeUndefined();
    expect(d.state).toBe(typed);
    expect(d.press(KEYS.ctrlC, KEYS.ctrlC).shell.quitting).toBe(true);
    expect(driveTutor(typed).press(KEYS.ctrlC, 'y').shell.quitting).toBe(true);
    expect(hasUnsavedInput(run(typed, submit))).toBe(false);
  });

  test('a half-typed prediction counts as unsaved too', () => {
    const asking = run(atDemo(), demoNext, demoNext, demoNext, demoNext);
    expect(hasUnsavedInput(asking)).toBe(false);
    expect(hasUnsavedInput(run(asking, typeIn(DEMO, '3')))).toBe(true);
  });
});

describe('the sliding-window demo', () => {
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
    s = run(s, typeIn(DEMO, 'lots'), { type: 'demo/predict' });
    expect(demo(s)).toMatchObject({ asking: true, error: { key: 'answer.number.expected' } });
    s = run(s, typeIn(DEMO, '2'));
    expect(demo(s).error).toBeUndefined();
    s = run(s, { type: 'demo/predict' });
    expect(demo(s)).toMatchObject({
      revealed: 4,
      asking: false,
      answered: [3],
      last: { cell: 3, guess: 2, value: 2, correct: true },
    });
  });

  test('a wrong guess says so; going back and forth does not ask again', () => {
    let s = run(atDemo(), demoNext, demoNext, demoNext, demoNext, typeIn(DEMO, '7'), {
      type: 'demo/predict',
    });
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

  test('the keys: → steps, + and - the stride, p the padding, Space plays, Enter checks', () => {
    const d = driveTutor(atDemo()).press(KEYS.right, '+');
    expect(demo(d.state)).toMatchObject({ revealed: 0, stride: 2 });
    d.press('-', 'p', ' ');
    expect(demo(d.state)).toMatchObject({ stride: 1, padding: 'same', playing: true });
    d.press(' ', 'e');
    expect(demo(d.state)).toMatchObject({ playing: false, revealed: 25 });
    const asking = driveTutor(atDemo()).press(KEYS.right, KEYS.right, KEYS.right, KEYS.right);
    expect(demo(asking.state).asking).toBe(true);
    // Letters typed into the prediction are never the demo's commands.
    asking.press('p', '+', 'e');
    expect(demo(asking.state)).toMatchObject({ draft: 'p+e', padding: 'valid', stride: 1 });
    asking.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, '2', KEYS.enter);
    expect(demo(asking.state).last).toMatchObject({ cell: 3, correct: true });
    const skipped = driveTutor(run(atDemo(), demoNext, demoNext, demoNext, demoNext));
    expect(demo(skipped.press(KEYS.escape).state)).toMatchObject({ revealed: 4, answered: [3] });
  });
});

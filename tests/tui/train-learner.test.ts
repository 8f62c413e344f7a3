/**
 * What a learner trying the trainer and the draw screen asked for: votes that say when they
 * mean nothing, filters called alike only when they are, and training that can be watched.
 */
import { describe, expect, test } from 'vitest';
import { forward } from '../../src/train/network.js';
import { blankPicture, initialDrawState } from '../../src/tui/train/draw-reducer.js';
import { drawScreen } from '../../src/tui/train/draw-screen.js';
import { pictureTensor, verdict } from '../../src/tui/train/draw-view.js';
import { readLibrary } from '../../src/content/library.js';
import { type HandSet, handSetOf } from '../../src/tui/train/hand-set.js';
import { ROOT } from '../e2e/pty-session.js';
import { createXoSession } from '../../src/tui/train/session.js';
import { freezeNetwork, takeSnapshot } from '../../src/tui/train/snapshot.js';
import { initialTrainerState } from '../../src/tui/train/trainer-reducer.js';
import { trainerScreen } from '../../src/tui/train/trainer-screen.js';
import { driveScreen } from './shell-driver.js';

const HAND_SET = handSetOf(readLibrary(ROOT, []), 'en') as HandSet;
const START_PICTURES = HAND_SET.pictures;
const handSet = HAND_SET.network;
const diagonal = blankPicture().map((row, r) => row.map((v, c) => (r === c ? 1 : v)));
const says = (picture: readonly (readonly number[])[]) =>
  verdict(handSet, forward(handSet, pictureTensor(picture)), START_PICTURES);

describe('what a vote says', () => {
  test("the lectures' X and O fit their classes", () => {
    expect(says(START_PICTURES.x)).toMatchObject({ kind: 'fits', label: 0 });
    expect(says(START_PICTURES.o)).toMatchObject({ kind: 'fits', label: 1 });
    expect(says(START_PICTURES.crooked)).toMatchObject({ kind: 'fits', label: 0 });
  });

  test('a blank grid is a tie; a single line leans to X without being one', () => {
    expect(says(blankPicture())).toEqual({ kind: 'tie' });
    const line = says(diagonal);
    expect(line.kind).toBe('weak');
    expect(line.kind === 'weak' && line.share).toBeLessThan(0.8);
  });

  /** A screen's text as one line: the votes stand beside the picture, wrapped. */
  const flat = (text: string): string => text.replace(/[│┌┐└┘─·█\[\]]/g, ' ').replace(/\s+/g, ' ');

  test('the draw screen says so in words', () => {
    const blank = driveScreen(drawScreen(HAND_SET), initialDrawState());
    expect(blank.text()).toContain('a tie: it cannot tell X from O here');
    expect(blank.text()).not.toContain('says X (50.0%)');
    const line = driveScreen(drawScreen(HAND_SET), initialDrawState({ pixels: diagonal }));
    expect(flat(line.text())).toMatch(
      /leans to X \(86\.9%\), but its vote is only 73\.3% of what the lectures' X gets: neither class really fits/,
    );
  });

  test('when the two networks disagree, the screen points it out', () => {
    // A network that says O whatever it sees: the hand-set one's weights with the votes swapped.
    const swapped = (handSetOf(readLibrary(ROOT, []), 'en') as HandSet).network;
    const dense = swapped.params.find((p) => p !== null && p.weights.shape.length === 2)!.weights;
    const [rows, cols] = dense.shape;
    expect(rows).toBe(2);
    const votes = Float64Array.from(dense.data);
    dense.data.set(votes.subarray(cols), 0);
    dense.data.set(votes.subarray(0, cols), cols);
    const trained = { ...freezeNetwork(createXoSession().trainer), network: swapped };
    const s = driveScreen(
      drawScreen(HAND_SET),
      initialDrawState({ pixels: START_PICTURES.x, trained }),
      { width: 120, height: 40 },
    );
    expect(flat(s.text())).toContain(
      'The two networks disagree: the hand-set one says X, the trained one O.',
    );
  });
});

describe('the trainer', () => {
  const session = () => createXoSession();
  const state = (options: { again?: boolean } = {}) => {
    const s = session();
    return initialTrainerState({
      kind: 'xo',
      snapshot: takeSnapshot(s, { probe: true }),
      epochs: s.epochs,
      seed: s.seed,
      ...options,
    });
  };

  test('starts slow and says, after r, that it waits for Space', () => {
    const s = driveScreen(trainerScreen, state());
    expect(s.text()).toContain('training · slow ·');
    s.press('r');
    expect(s.text()).toContain('New random weights, nothing learned yet: Space starts learning');
    s.press(' ');
    expect(s.text()).not.toContain('New random weights');
  });

  test('a network that learned unseen starts a new run from the next seed, and says why', () => {
    const s = state({ again: true });
    expect(s.requests).toEqual([{ kind: 'reset', seed: 2 }]);
    expect(s.note).toBe('again');
    expect(driveScreen(trainerScreen, s).text().replace(/\s+/g, ' ')).toContain(
      'it starts again here from new random weights',
    );
  });

  test('random filters are not called alike: ≈ only from a similarity of 0.5', () => {
    const text = driveScreen(trainerScreen, state(), { width: 120, height: 60 }).text();
    const similarities = [...text.matchAll(/similarity ([−+]\d\.\d\d)(: not alike \(yet\))?/g)];
    expect(similarities.length).toBe(3);
    for (const [, value, unlike] of similarities) {
      const r = Number(value.replace('−', '-'));
      expect(unlike === undefined, value).toBe(r >= 0.5);
    }
    expect(text.match(/≈/g)?.length ?? 0).toBe(similarities.filter(([, , u]) => !u).length);
  });
});

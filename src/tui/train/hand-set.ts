/**
 * The X/O lesson's network with its hand-set numbers (lessons/xo-network.yaml): the lectures'
 * three filters, match = sum of products / 9, ReLU, two 2×2 "same" poolings, and the vote
 * weights the lesson sets by hand. It is the trainer's `XO_MODEL` with those numbers put in, so
 * the engine computes both networks the same way and the draw screen can compare them.
 *
 * tests/tui/draw.test.tsx checks these numbers and pictures against the lesson file.
 */
import type { Network } from '../../train/network.js';
import { initNetwork } from '../../train/network.js';
import { LECTURE_X } from '../../train/xo-data.js';
import { LECTURE_FILTERS, XO_MODEL } from '../../train/xo.js';

/** The lesson's filter order: filter 0, 1, 2 of the slides. */
export const LECTURE_FILTER_ORDER = ['diagonal \\', 'cross x', 'diagonal /'] as const;

/**
 * The lesson's hand-set votes, one row per class (X, O), one weight per feature in flatten
 * order (map 0's four cells, then map 1's, then map 2's): a clean X lights up five features
 * fully, a clean O four.
 */
export const HAND_SET_VOTES: readonly (readonly number[])[] = [
  [1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0],
  [0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1],
];

/** The lesson's O: a ring of +1 on −1. */
export const LECTURE_O: readonly (readonly number[])[] = [
  [-1, -1, -1, -1, -1, -1, -1, -1, -1],
  [-1, -1, -1, 1, 1, 1, -1, -1, -1],
  [-1, -1, 1, -1, -1, -1, 1, -1, -1],
  [-1, 1, -1, -1, -1, -1, -1, 1, -1],
  [-1, 1, -1, -1, -1, -1, -1, 1, -1],
  [-1, 1, -1, -1, -1, -1, -1, 1, -1],
  [-1, -1, 1, -1, -1, -1, 1, -1, -1],
  [-1, -1, -1, 1, 1, 1, -1, -1, -1],
  [-1, -1, -1, -1, -1, -1, -1, -1, -1],
];

/** The lectures' crooked X ("X or X?"). */
export const CROOKED_X: readonly (readonly number[])[] = [
  [-1, -1, -1, -1, -1, -1, -1, -1, -1],
  [-1, -1, -1, -1, -1, -1, 1, -1, -1],
  [-1, 1, -1, -1, -1, 1, -1, -1, -1],
  [-1, -1, 1, 1, -1, 1, -1, -1, -1],
  [-1, -1, -1, -1, 1, -1, -1, -1, -1],
  [-1, -1, -1, 1, -1, 1, 1, -1, -1],
  [-1, -1, -1, 1, -1, -1, -1, 1, -1],
  [-1, -1, 1, -1, -1, -1, -1, -1, -1],
  [-1, -1, -1, -1, -1, -1, -1, -1, -1],
];

export { LECTURE_X };

/** The pictures the draw screen can start from. */
export const START_PICTURES = { x: LECTURE_X, o: LECTURE_O, crooked: CROOKED_X } as const;

/** The X/O network with the lesson's numbers: the filters above, the hand-set votes, no biases. */
export function handSetNetwork(): Network {
  // Seeded only to get the shapes; every number is replaced below.
  const net = initNetwork(XO_MODEL, 0);
  const conv = net.layers.findIndex((l) => l.spec.type === 'conv2d');
  const dense = net.layers.findIndex((l) => l.spec.type === 'dense');
  const filters = net.params[conv]!;
  filters.weights.data.set(LECTURE_FILTER_ORDER.flatMap((name) => LECTURE_FILTERS[name].flat()));
  filters.bias?.data.fill(0);
  const votes = net.params[dense]!;
  votes.weights.data.set(HAND_SET_VOTES.flat());
  votes.bias?.data.fill(0);
  return net;
}

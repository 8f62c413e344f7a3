/**
 * Data augmentation: small changes to training images that keep their class, so a small set
 * teaches more. Each function here returns an `augment` for `TrainerOptions`.
 */
import { type Random, type Tensor, ValueError, describe, volumeIndex } from '../engine/index.js';

/**
 * Move the whole image by a whole number of pixels, up to `max` each way on each axis (drawn
 * uniformly, no move included); cells shifted in from outside are 0 (background for digits).
 * Example: with max 1, a digit lands in one of 9 positions around where it was.
 */
export function randomShift(max = 1): (image: Tensor, random: Random) => Tensor {
  if (!Number.isInteger(max) || max < 0) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ValueError('max', `Expected \`max\` to be a whole number ≥ 0, got ${describe(max)}.`);
  }
  return (image, random) => {
    const dy = random.int(-max, max);
    const dx = random.int(-max, max);
    return dy === 0 && dx === 0 ? image : shiftImage(image, dy, dx);
  };
}

/** The (C,H,W) image moved dy rows down and dx columns right; uncovered cells are 0. */
export function shiftImage(image: Tensor, dy: number, dx: number): Tensor {
  const [C, H, W] = image.shape;
  const out = new Float64Array(image.data.length);
  for (let c = 0; c < C; c++) {
    for (let y = Math.max(0, dy); y < Math.min(H, H + dy); y++) {
      const to = volumeIndex(image.shape, c, y, 0);
      const from = volumeIndex(image.shape, c, y - dy, 0);
      for (let x = Math.max(0, dx); x < Math.min(W, W + dx); x++)
        out[to + x] = image.data[from + x - dx];
    }
  }
  return { shape: [...image.shape], data: out };
}

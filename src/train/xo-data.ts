/**
 * X and O images on the lectures' 9×9 grid of ±1 (+1 ink, −1 background), drawn from a
 * description rather than copied, so they can be shifted, rotated, resized, drawn thicker or
 * thinner, lose pixels and gain specks, all from a seed.
 *
 * Drawing: pixel (r, c) is ink when its centre lies within `stroke` pixels of the shape. The X
 * is the two diagonals from (1,1) to (7,7) and from (1,7) to (7,1); the O a circle of radius 3
 * around the centre (4,4). Before measuring, the pixel centre is moved by the inverse of the
 * variation (shift, then rotation about the centre, then size). With no variation and a
 * stroke of 0.5 the X is exactly the lectures' X (its neighbours off the diagonal are
 * 0.71 px away), and the O a ring of 16 pixels.
 */
import { type Random, ValueError, describe, gridIndex, seededRandom } from '../engine/index.js';
import { type Dataset, packedDataset } from './dataset.js';

export const XO_SIZE = 9;
export const XO_CLASSES: readonly string[] = ['X', 'O'];

/** The lectures' X: −1 background, +1 on both diagonals of the inner 7×7. */
export const LECTURE_X: readonly (readonly number[])[] = [
  [-1, -1, -1, -1, -1, -1, -1, -1, -1],
  [-1, 1, -1, -1, -1, -1, -1, 1, -1],
  [-1, -1, 1, -1, -1, -1, 1, -1, -1],
  [-1, -1, -1, 1, -1, 1, -1, -1, -1],
  [-1, -1, -1, -1, 1, -1, -1, -1, -1],
  [-1, -1, -1, 1, -1, 1, -1, -1, -1],
  [-1, -1, 1, -1, -1, -1, 1, -1, -1],
  [-1, 1, -1, -1, -1, -1, -1, 1, -1],
  [-1, -1, -1, -1, -1, -1, -1, -1, -1],
];

/** How one image departs from the plain shape. */
export interface XoVariation {
  /** Pixels down (+) or up (−). */
  readonly shiftRows: number;
  /** Pixels right (+) or left (−). */
  readonly shiftColumns: number;
  /** Degrees, counter-clockwise as seen on screen. */
  readonly rotation: number;
  /** 1 = the lectures' size. */
  readonly size: number;
  /** Half the stroke's width in pixels: 0.5 draws one-pixel lines. */
  readonly stroke: number;
  /** Fraction of ink pixels turned to background. */
  readonly missing: number;
  /** Fraction of background pixels turned to ink. */
  readonly noise: number;
}

export const PLAIN: XoVariation = {
  shiftRows: 0,
  shiftColumns: 0,
  rotation: 0,
  size: 1,
  stroke: 0.5,
  missing: 0,
  noise: 0,
};

/** The largest variation drawn for each image (each setting uniform between its bounds). */
export interface XoLimits {
  /**
   * Largest shift, in pixels, each way (any fraction: a line half a pixel off lands on
   * whichever cells it covers). @default 0.5
   *
   * Why not a whole pixel: the network's only tolerance for position comes from its two 2×2
   * poolings, whose final 2×2 grid splits the 7×7 map at a fixed row and column. Shifted by a
   * whole cell, a mark crosses that split, and the lectures' three-filter network then stalls
   * below 100% held-out accuracy on 4–10% of seeds, whatever the amount of data or optimizer
   * (measured over 100 seeds). Raising `shift` to 1 shows exactly that.
   */
  readonly shift: number;
  /** Largest rotation, in degrees, each way. @default 15 */
  readonly rotation: number;
  /** @default [0.85, 1.1] */
  readonly size: readonly [number, number];
  /**
   * Half-widths. Below 0.5 a slanted line starts to break into dots (a pixel centre can be
   * 0.5 px from the line), so the thinnest strokes are just under one pixel and the thickest
   * nearly two. @default [0.45, 0.85]
   */
  readonly stroke: readonly [number, number];
  /**
   * Largest fraction of ink dropped. @default 0.05 (at 0.1, thin rotated O's with gaps are
   * misread often enough that 2% of seeds stall at 99% held-out accuracy)
   */
  readonly missing: number;
  /** Largest fraction of background specked. @default 0.03 */
  readonly noise: number;
}

export const DEFAULT_LIMITS: XoLimits = {
  shift: 0.5,
  rotation: 15,
  size: [0.85, 1.1],
  stroke: [0.45, 0.85],
  missing: 0.05,
  noise: 0.03,
};

/** A random variation within `limits`. */
export function randomVariation(random: Random, limits: XoLimits = DEFAULT_LIMITS): XoVariation {
  return {
    shiftRows: random.uniform(-limits.shift, limits.shift),
    shiftColumns: random.uniform(-limits.shift, limits.shift),
    rotation: random.uniform(-limits.rotation, limits.rotation),
    size: random.uniform(limits.size[0], limits.size[1]),
    stroke: random.uniform(limits.stroke[0], limits.stroke[1]),
    missing: random.uniform(0, limits.missing),
    noise: random.uniform(0, limits.noise),
  };
}

/** Distance from (y, x) to the segment from (ay, ax) to (by, bx). */
function segmentDistance(
  y: number,
  x: number,
  ay: number,
  ax: number,
  by: number,
  bx: number,
): number {
  const dy = by - ay;
  const dx = bx - ax;
  const t = Math.max(0, Math.min(1, ((y - ay) * dy + (x - ax) * dx) / (dy * dy + dx * dx)));
  return Math.hypot(y - (ay + t * dy), x - (ax + t * dx));
}

/**
 * One 9×9 image, row by row, of +1 (ink) and −1 (background). `random` draws the missing and
 * speckled pixels; it is needed only when `missing` or `noise` is above 0.
 * Example: `renderXo('X', PLAIN)` is LECTURE_X flattened.
 */
export function renderXo(shape: 'X' | 'O', variation: XoVariation, random?: Random): Float64Array {
  if (shape !== 'X' && shape !== 'O') {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ValueError('shape', `Expected \`shape\` to be "X" or "O", got ${describe(shape)}.`);
  }
  const v = variation;
  if ((v.missing > 0 || v.noise > 0) && random === undefined) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ValueError('random', 'Missing pixels and noise need a random generator.');
  }
  const centre = (XO_SIZE - 1) / 2;
  const angle = (v.rotation * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const image = new Float64Array(XO_SIZE * XO_SIZE);
  for (let r = 0; r < XO_SIZE; r++) {
    for (let c = 0; c < XO_SIZE; c++) {
      // Undo the shift, the rotation (rows grow downwards, so counter-clockwise on screen is
      // clockwise in (row, column) terms) and the size.
      const y0 = r - centre - v.shiftRows;
      const x0 = c - centre - v.shiftColumns;
      const y = (cos * y0 + sin * x0) / v.size;
      const x = (-sin * y0 + cos * x0) / v.size;
      const distance =
        shape === 'X'
          ? v.size *
            Math.min(segmentDistance(y, x, -3, -3, 3, 3), segmentDistance(y, x, -3, 3, 3, -3))
          : v.size * Math.abs(Math.hypot(y, x) - 3);
      let ink = distance <= v.stroke;
      if (ink && v.missing > 0 && random!.next() < v.missing) ink = false;
      else if (!ink && v.noise > 0 && random!.next() < v.noise) ink = true;
      image[gridIndex(XO_SIZE, r, c)] = ink ? 1 : -1;
    }
  }
  return image;
}

export interface XoDataOptions {
  /** Training images, half X and half O. @default 400 */
  readonly trainCount?: number;
  /** Held-out images, half X and half O. @default 100 */
  readonly testCount?: number;
  /** @default 1 */
  readonly seed?: number;
  readonly limits?: XoLimits;
}

/**
 * A training set and a held-out set of varied X's (class 0) and O's (class 1). The two come
 * from separate random streams, and a held-out image identical to a training image is drawn
 * again, so the held-out set holds only images training never saw.
 */
export function xoData(options: XoDataOptions = {}): { train: Dataset; test: Dataset } {
  const trainCount = checkCount('trainCount', options.trainCount ?? 400);
  const testCount = checkCount('testCount', options.testCount ?? 100);
  const seed = options.seed ?? 1;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const seen = new Set<string>();
  const train = generate('xo-train', trainCount, seededRandom(seed), limits, (key) => {
    seen.add(key);
    return true;
  });
  // A second stream for the held-out set: its own seed, offset by a large odd constant.
  const test = generate(
    'xo-test',
    testCount,
    seededRandom((seed + 0x51ed27) >>> 0),
    limits,
    (key) => !seen.has(key),
  );
  return { train, test };
}

function checkCount(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 2 || n % 2 !== 0) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ValueError(
      name,
      `Expected \`${name}\` to be an even whole number ≥ 2 (half X, half O), got ${describe(n)}.`,
    );
  }
  return n;
}

function generate(
  name: string,
  count: number,
  random: Random,
  limits: XoLimits,
  accept: (key: string) => boolean,
): Dataset {
  const size = XO_SIZE * XO_SIZE;
  const pixels = new Float64Array(count * size);
  const labels = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const label = k % 2;
    let image: Float64Array;
    let tries = 0;
    do {
      image = renderXo(label === 0 ? 'X' : 'O', randomVariation(random, limits), random);
      if (++tries > 1000)
        // Only a programming mistake reaches this (the project's own code passes these): no code.
        throw new ValueError(
          'limits',
          'Could not draw a held-out image unlike every training image; allow more variation.',
        );
    } while (!accept(image.join('')));
    pixels.set(image, gridIndex(size, k, 0));
    labels[k] = label;
  }
  return packedDataset(name, [1, XO_SIZE, XO_SIZE], pixels, labels, XO_CLASSES);
}

/**
 * A labelled set of images, held compactly and handed out one (C,H,W) tensor at a time.
 * Digits keep their pixels as bytes (a quarter of float32, an eighth of float64) and are
 * converted only when a batch reads them.
 */
import { ShapeError, type Tensor, ValueError, describe, gridIndex } from '../engine/index.js';

export interface Dataset {
  /** What it is, for messages and screens: `xo-train`, `digits-test`, … */
  readonly name: string;
  /** (C, H, W) of every image. */
  readonly shape: readonly [number, number, number];
  readonly count: number;
  /** One class number per image. */
  readonly labels: Uint8Array;
  /** Class number → name, e.g. ['X', 'O'] or ['0', …, '9']. */
  readonly classNames: readonly string[];
  /** Image `k` as a fresh (C, H, W) tensor. */
  image(k: number): Tensor;
}

/**
 * A dataset over `count` images stored back to back in `pixels`, each image C·H·W numbers
 * read as `pixels[k] · scale` (scale 1/255 turns bytes into 0–1).
 */
export function packedDataset(
  name: string,
  shape: readonly [number, number, number],
  pixels: Float64Array | Float32Array | Uint8Array,
  labels: Uint8Array,
  classNames: readonly string[],
  scale = 1,
): Dataset {
  const size = shape[0] * shape[1] * shape[2];
  if (pixels.length !== labels.length * size) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ShapeError(
      'pixels',
      `Expected ${labels.length} images of ${size} numbers (${labels.length * size}), got ${pixels.length}.`,
    );
  }
  labels.forEach((label, k) => {
    if (label >= classNames.length) {
      // Only a programming mistake reaches this (the project's own code passes these): no code.
      throw new ValueError(
        'labels',
        `Label ${label} of image ${k} has no class name (there are ${classNames.length}).`,
      );
    }
  });
  return {
    name,
    shape,
    count: labels.length,
    labels,
    classNames,
    image(k: number): Tensor {
      if (!Number.isInteger(k) || k < 0 || k >= labels.length) {
        // Only a programming mistake reaches this (the project's own code passes these): no code.
        throw new ValueError(
          'k',
          `Expected an image number from 0 to ${labels.length - 1}, got ${describe(k)}.`,
        );
      }
      const data = new Float64Array(size);
      const from = gridIndex(size, k, 0);
      for (let i = 0; i < size; i++) data[i] = pixels[from + i] * scale;
      return { shape: [...shape], data };
    },
  };
}

/** The images of `data` at `indices`, in that order, sharing its storage. */
export function subset(data: Dataset, indices: readonly number[], name = data.name): Dataset {
  const labels = Uint8Array.from(indices, (k) => data.labels[k]);
  return {
    name,
    shape: data.shape,
    count: indices.length,
    labels,
    classNames: data.classNames,
    image: (k: number) => {
      if (!Number.isInteger(k) || k < 0 || k >= indices.length) {
        // Only a programming mistake reaches this (the project's own code passes these): no code.
        throw new ValueError(
          'k',
          `Expected an image number from 0 to ${indices.length - 1}, got ${describe(k)}.`,
        );
      }
      return data.image(indices[k]);
    },
  };
}

/** How many images of each class. */
export function classCounts(data: Dataset): number[] {
  const counts = data.classNames.map(() => 0);
  for (const label of data.labels) counts[label]++;
  return counts;
}

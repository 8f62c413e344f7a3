/**
 * TensorFlow.js (tfjs-core on its CPU backend) as an independent reference for the engine.
 *
 * tfjs is channels-last: images are [batch, H, W, C] and filters [kH, kW, inC, outC], while the
 * engine is channels-first, (C,H,W) and (O,C,kH,kW). All layout conversion lives in `permute`
 * and the three named wrappers below it, so the differential tests and the benchmark cannot
 * disagree about it. tfjs computes in float32; callers should feed values that float32 holds
 * exactly (see `float32Random`) so that both sides start from the same numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { type Padding, type Tensor, sizeOf, strides } from '../../src/engine/index.js';

/**
 * Select the CPU backend. Production mode silences the "install tfjs-node" banner the CPU
 * backend prints on first use in Node (it goes through tfjs's `warn`, which PROD mutes).
 */
export async function useTfjsCpu(): Promise<typeof tf> {
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}

/**
 * Reorder the axes of a tensor: output axis k is input axis `perm[k]`
 * (numpy's `transpose(t, perm)`). Returns the data as float32, tfjs's working precision.
 */
export function permute(
  t: Tensor,
  perm: readonly number[],
): { shape: number[]; data: Float32Array } {
  const rank = t.shape.length;
  const shape = perm.map((axis) => t.shape[axis]);
  const inStrides = strides(t.shape);
  // Stride, in the input, of a step along each output axis.
  const step = perm.map((axis) => inStrides[axis]);
  const out = new Float32Array(t.data.length);
  const index = new Array<number>(rank).fill(0);
  let src = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = t.data[src];
    // Odometer increment over the output's axes, last axis fastest.
    for (let a = rank - 1; a >= 0; a--) {
      index[a]++;
      src += step[a];
      if (index[a] < shape[a]) break;
      src -= step[a] * shape[a];
      index[a] = 0;
    }
  }
  return { shape, data: out };
}

/** Engine image (C,H,W) → tfjs [1, H, W, C]. */
export function toTfImage(image: Tensor): tf.Tensor4D {
  const { shape, data } = permute(image, [1, 2, 0]);
  return tf.tensor4d(data, [1, shape[0], shape[1], shape[2]]);
}

/** Engine filters (O,C,kH,kW) → tfjs [kH, kW, C, O]. */
export function toTfFilters(filters: Tensor): tf.Tensor4D {
  const { shape, data } = permute(filters, [2, 3, 1, 0]);
  return tf.tensor4d(data, shape as [number, number, number, number]);
}

/** tfjs [1, H, W, C] (materialised with `dataSync`) → engine (C,H,W) in float64. */
export function fromTfImage(result: tf.Tensor): Tensor {
  const [batch, H, W, C] = result.shape;
  if (batch !== 1) throw new Error(`Expected a batch of one image, got ${batch}.`);
  const hwc = { shape: [H, W, C], data: Float64Array.from(result.dataSync()) };
  const { shape, data } = permute(hwc, [2, 0, 1]);
  return { shape, data: Float64Array.from(data) };
}

/** The engine's padding option in the form tfjs takes for NHWC. */
export function toTfPadding(
  padding: Padding | undefined,
): 'valid' | 'same' | tf.backend_util.ExplicitPadding {
  const p = padding ?? 'valid';
  if (p === 'valid' || p === 'same') return p;
  if (typeof p === 'number')
    return [
      [0, 0],
      [p, p],
      [p, p],
      [0, 0],
    ];
  return [[0, 0], p[0], p[1], [0, 0]];
}

export interface ReferenceConv2dOptions {
  stride?: [number, number];
  padding?: Padding;
  dilation?: [number, number];
  bias?: readonly number[];
  scale?: number;
}

/** tfjs's conv2d (plus `scale` and `bias` as separate tfjs ops), in engine layout. */
export function tfConv2d(
  input: Tensor,
  filters: Tensor,
  options: ReferenceConv2dOptions = {},
): Tensor {
  const result = tf.tidy(() => {
    let y: tf.Tensor = tf.conv2d(
      toTfImage(input),
      toTfFilters(filters),
      options.stride ?? [1, 1],
      toTfPadding(options.padding),
      'NHWC',
      options.dilation ?? [1, 1],
    );
    if (options.scale !== undefined) y = tf.mul(y, options.scale);
    // The bias broadcasts along the last (channel) axis.
    if (options.bias !== undefined) y = tf.add(y, tf.tensor1d([...options.bias]));
    return y;
  });
  try {
    return fromTfImage(result);
  } finally {
    result.dispose();
  }
}

export interface ReferencePoolOptions {
  size: [number, number];
  stride: [number, number];
  padding: 'valid' | 'same';
}

/** tfjs's maxPool / avgPool, in engine layout. */
export function tfPool2d(op: 'max' | 'avg', input: Tensor, options: ReferencePoolOptions): Tensor {
  const pool = op === 'max' ? tf.maxPool : tf.avgPool;
  const result = tf.tidy(() =>
    pool(toTfImage(input), options.size, options.stride, options.padding),
  );
  try {
    return fromTfImage(result);
  } finally {
    result.dispose();
  }
}

/**
 * tfjs's conv1d on one channel: cross-correlation, like the engine with `flip: false`.
 * `full` is not a tfjs padding mode; it is F − 1 zeros on each side. tfjs runs conv1d as a
 * conv2d over [1, 1, N, 1], so the padding is given in that 4-D form: a plain number would
 * also pad the dummy height axis and tfjs 4.22 then fails to reshape the result.
 */
export function tfConv1d(
  input: readonly number[],
  kernel: readonly number[],
  mode: 'valid' | 'same' | 'full',
): number[] {
  const f = kernel.length;
  const pad: 'valid' | 'same' | tf.backend_util.ExplicitPadding =
    mode === 'full'
      ? [
          [0, 0],
          [0, 0],
          [f - 1, f - 1],
          [0, 0],
        ]
      : mode;
  const result = tf.tidy(() =>
    tf.conv1d(
      tf.tensor3d(Float32Array.from(input), [1, input.length, 1]),
      tf.tensor3d(Float32Array.from(kernel), [kernel.length, 1, 1]),
      1,
      pad,
    ),
  );
  try {
    return Array.from(result.dataSync());
  } finally {
    result.dispose();
  }
}

/**
 * A small seeded PRNG (mulberry32) producing numbers in [−1, 1) that float32 represents
 * exactly, so the engine (float64) and tfjs (float32) read identical inputs.
 */
export function float32Random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.fround(u * 2 - 1);
  };
}

/** A tensor of the given shape filled from `random`. */
export function randomTensor(shape: readonly number[], random: () => number): Tensor {
  const data = new Float64Array(sizeOf(shape));
  for (let k = 0; k < data.length; k++) data[k] = random();
  return { shape: [...shape], data };
}

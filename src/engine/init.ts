/**
 * Seeded randomness and the starting weights of a network. Training must be repeatable (the
 * same seed gives the same filters, the same shuffles, the same learning curve), so nothing here
 * reads `Math.random`.
 *
 * The generator is sfc32 seeded through splitmix32 (nearby seeds give unrelated streams). The
 * exercise generator in src/content has its own copy whose stream is frozen for grading; this
 * one belongs to training and may change between versions.
 */
import { ValueError, describeValue, expectPositiveInt, valueError } from './errors.js';
import { type Tensor, sizeOf, tensor } from './tensor.js';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Whole number in [min, max], both included. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Standard normal (mean 0, standard deviation 1), by the Box–Muller transform. */
  normal(): number;
  /** Shuffle a list in place (Fisher–Yates) and return it. */
  shuffle<T extends { length: number; [k: number]: unknown }>(items: T): T;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded generator. `seed` is any whole number (taken modulo 2³²).
 * Example: `seededRandom(7).next()` is the same number on every run and every machine.
 */
export function seededRandom(seed: number): Random {
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw valueError('seed', 'not-int', { argument: 'seed', got: describeValue(seed) });
  }
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  // Box–Muller gives normals in pairs; the second waits here for the next call.
  let spare: number | null = null;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    uniform: (min, max) => min + (max - min) * next(),
    normal: () => {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return z;
      }
      // 1 − u lies in (0, 1], so the logarithm is finite.
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const theta = 2 * Math.PI * next();
      spare = r * Math.sin(theta);
      return r * Math.cos(theta);
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
      }
      return items;
    },
  };
}

/**
 * How many numbers feed one output (fan-in) and how many outputs one input feeds (fan-out).
 * Filters (O, C, kH, kW): fan-in C·kH·kW, fan-out O·kH·kW. Dense weights (units, inputs):
 * fan-in inputs, fan-out units.
 * Example: 8 filters of 3×3 over 1 channel → fan-in 9, fan-out 72.
 */
export function fans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 2) return { fanIn: shape[1], fanOut: shape[0] };
  if (shape.length === 4) {
    const field = shape[2] * shape[3];
    return { fanIn: shape[1] * field, fanOut: shape[0] * field };
  }
  // Only the project's own layers reach this, with shapes it built: no code, a programming mistake.
  throw new ValueError(
    'shape',
    `Expected weights shaped (filters, channels, rows, columns) or (units, inputs), got (${shape.join(',')}).`,
  );
}

/**
 * He initialisation for layers followed by ReLU: each weight ~ N(0, 2 / fan-in), so the
 * signal keeps its size through ReLUs, which zero half of it (He et al., 2015). Keras's
 * `he_normal` truncates at two standard deviations; this is the plain normal.
 */
export function heNormal(shape: readonly number[], random: Random): Tensor {
  const { fanIn } = fans(shape);
  expectPositiveInt('fan-in', fanIn);
  const std = Math.sqrt(2 / fanIn);
  const t = tensor(shape);
  for (let k = 0; k < t.data.length; k++) t.data[k] = std * random.normal();
  return t;
}

/**
 * Glorot (Xavier) initialisation, Keras's default: each weight ~ U(−l, l) with
 * l = √(6 / (fan-in + fan-out)), which keeps the variance of signals and of gradients alike.
 * Example: dense weights (10, 1352) → l = √(6/1362) ≈ 0.066.
 */
export function glorotUniform(shape: readonly number[], random: Random): Tensor {
  const { fanIn, fanOut } = fans(shape);
  expectPositiveInt('fan-in + fan-out', fanIn + fanOut);
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const t = tensor(shape);
  for (let k = 0; k < sizeOf(shape); k++) t.data[k] = random.uniform(-limit, limit);
  return t;
}

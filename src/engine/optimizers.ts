/**
 * Optimizers: how a parameter moves once its gradient is known. These are the engine's only
 * functions that change their arguments: a network's parameters and the optimizer's memory
 * (velocity, moments) are updated in place, since they are large and change on every step.
 *
 * Both follow TensorFlow.js's and PyTorch's formulas, so a run can be checked against them.
 */
import { ShapeError, ValueError, describe, expectFinite } from './errors.js';

export interface SgdOptions {
  /** η, the step size. */
  readonly learningRate: number;
  /** μ, how much of the last step is kept. 0 is plain gradient descent. @default 0.9 */
  readonly momentum?: number;
}

export interface AdamOptions {
  /** η. @default 0.001 */
  readonly learningRate?: number;
  /** β₁, decay of the running mean of gradients. @default 0.9 */
  readonly beta1?: number;
  /** β₂, decay of the running mean of squared gradients. @default 0.999 */
  readonly beta2?: number;
  /** ε, keeps the division finite. @default 1e-7 (Keras's and TensorFlow.js's) */
  readonly epsilon?: number;
}

/** An optimizer as data: what a trainer, a summary or a screen shows and can rebuild. */
export type OptimizerSpec =
  ({ readonly type: 'sgd' } & SgdOptions) | ({ readonly type: 'adam' } & AdamOptions);

function checkPair(
  param: Float64Array,
  grad: ArrayLike<number>,
  memory: Float64Array,
  memoryName: string,
): void {
  if (grad.length !== param.length) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ShapeError(
      'grad',
      `Expected \`grad\` to have one number per parameter (${param.length}), got ${grad.length}.`,
    );
  }
  if (memory.length !== param.length) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ShapeError(
      memoryName,
      `Expected \`${memoryName}\` to have one number per parameter (${param.length}), got ${memory.length}.`,
    );
  }
}

function checkRate(
  argument: string,
  value: unknown,
  { min, max, maxIncluded }: { min: number; max: number; maxIncluded: boolean },
): number {
  const v = expectFinite(argument, value);
  if (v < min || v > max || (!maxIncluded && v === max)) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ValueError(
      argument,
      `Expected \`${argument}\` to be from ${min} to ${max}${maxIncluded ? '' : ' (not included)'}, got ${describe(value)}.`,
    );
  }
  return v;
}

/**
 * One step of stochastic gradient descent with momentum, in place:
 *
 *   v ← μ·v + g
 *   θ ← θ − η·v
 *
 * The velocity v remembers recent steps, so a direction the gradients keep agreeing on
 * speeds up and one they keep flipping on cancels out.
 * Example: θ = [1], g = [0.5], v = [0], η = 0.1, μ = 0.9 → v = [0.5], θ = [0.95].
 */
export function sgdStep(
  param: Float64Array,
  grad: ArrayLike<number>,
  velocity: Float64Array,
  options: SgdOptions,
): void {
  checkPair(param, grad, velocity, 'velocity');
  const lr = checkRate('learningRate', options.learningRate, {
    min: 0,
    max: Infinity,
    maxIncluded: false,
  });
  const mu = checkRate('momentum', options.momentum ?? 0.9, { min: 0, max: 1, maxIncluded: false });
  for (let k = 0; k < param.length; k++) {
    const v = mu * velocity[k] + grad[k];
    velocity[k] = v;
    param[k] -= lr * v;
  }
}

/** Adam's memory for one parameter array. */
export interface AdamState {
  /** Running mean of gradients, m. */
  readonly m: Float64Array;
  /** Running mean of squared gradients, v. */
  readonly v: Float64Array;
}

/**
 * One Adam step, in place; `t` counts steps from 1:
 *
 *   m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²
 *   m̂ = m / (1 − β₁ᵗ)              v̂ = v / (1 − β₂ᵗ)
 *   θ ← θ − η · m̂ / (√v̂ + ε)
 *
 * Each parameter gets its own step size: about η in the direction of its recent gradients,
 * whatever their scale. The hats undo the pull towards 0 of means that start at 0.
 * Example: the first step (t = 1) moves every parameter by about η against the sign of its gradient.
 */
export function adamStep(
  param: Float64Array,
  grad: ArrayLike<number>,
  state: AdamState,
  t: number,
  options: AdamOptions = {},
): void {
  checkPair(param, grad, state.m, 'state.m');
  checkPair(param, grad, state.v, 'state.v');
  if (!Number.isInteger(t) || t < 1) {
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ValueError(
      't',
      `Expected \`t\`, the step number, to be a whole number ≥ 1, got ${describe(t)}.`,
    );
  }
  const lr = checkRate('learningRate', options.learningRate ?? 0.001, {
    min: 0,
    max: Infinity,
    maxIncluded: false,
  });
  const b1 = checkRate('beta1', options.beta1 ?? 0.9, { min: 0, max: 1, maxIncluded: false });
  const b2 = checkRate('beta2', options.beta2 ?? 0.999, { min: 0, max: 1, maxIncluded: false });
  const eps = checkRate('epsilon', options.epsilon ?? 1e-7, {
    min: 0,
    max: Infinity,
    maxIncluded: false,
  });
  const c1 = 1 - b1 ** t;
  const c2 = 1 - b2 ** t;
  const { m, v } = state;
  for (let k = 0; k < param.length; k++) {
    const g = grad[k];
    m[k] = b1 * m[k] + (1 - b1) * g;
    v[k] = b2 * v[k] + (1 - b2) * g * g;
    param[k] -= (lr * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + eps);
  }
}

/**
 * An optimizer with its memory, for a fixed list of parameter arrays (a network's weights
 * and biases, in a fixed order). `learningRate` may be changed between steps; with momentum,
 * the change applies from the next step on.
 */
export interface Optimizer {
  readonly spec: OptimizerSpec;
  learningRate: number;
  /** Steps taken since creation or the last reset. */
  readonly steps: number;
  /** Move every `params[k]` against `grads[k]`, in place. */
  step(params: readonly Float64Array[], grads: readonly ArrayLike<number>[]): void;
  /** Forget velocity and moments (after the weights were reset). */
  reset(): void;
}

/** Build an optimizer from its data description. Example: `createOptimizer({ type: 'sgd', learningRate: 0.05 })`. */
export function createOptimizer(spec: OptimizerSpec): Optimizer {
  if (spec === null || typeof spec !== 'object' || (spec.type !== 'sgd' && spec.type !== 'adam')) {
    const got =
      spec !== null && typeof spec === 'object'
        ? describe((spec as { type?: unknown }).type)
        : describe(spec);
    // Only a programming mistake reaches this (the project's own code passes these): no code.
    throw new ValueError(
      'optimizer.type',
      `Expected \`optimizer.type\` to be "sgd" or "adam", got ${got}.`,
    );
  }
  let learningRate = checkRate('learningRate', spec.learningRate ?? 0.001, {
    min: 0,
    max: Infinity,
    maxIncluded: false,
  });
  let memory = new Map<Float64Array, { a: Float64Array; b: Float64Array }>();
  let steps = 0;
  const memoryFor = (param: Float64Array) => {
    let entry = memory.get(param);
    if (entry === undefined) {
      entry = {
        a: new Float64Array(param.length),
        b: spec.type === 'adam' ? new Float64Array(param.length) : new Float64Array(0),
      };
      memory.set(param, entry);
    }
    return entry;
  };
  return {
    spec,
    get learningRate() {
      return learningRate;
    },
    set learningRate(value: number) {
      learningRate = checkRate('learningRate', value, {
        min: 0,
        max: Infinity,
        maxIncluded: false,
      });
    },
    get steps() {
      return steps;
    },
    step(params, grads) {
      if (grads.length !== params.length) {
        // Only a programming mistake reaches this (the project's own code passes these): no code.
        throw new ShapeError(
          'grads',
          `Expected one gradient per parameter array (${params.length}), got ${grads.length}.`,
        );
      }
      steps++;
      params.forEach((param, k) => {
        const mem = memoryFor(param);
        if (spec.type === 'sgd')
          sgdStep(param, grads[k], mem.a, { learningRate, momentum: spec.momentum });
        else adamStep(param, grads[k], { m: mem.a, v: mem.b }, steps, { ...spec, learningRate });
      });
    },
    reset() {
      memory = new Map();
      steps = 0;
    },
  };
}

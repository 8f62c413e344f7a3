/**
 * The common convolution mistakes, each written once: what a learner who makes it effectively
 * gives the engine for one convolution (its input, kernels and options). A template runs the
 * engine on the changed inputs and names the answer that comes out, so the conv2d questions and
 * the network questions recognise the same slip the same way.
 */
import {
  type Conv2dOptions,
  type Padding,
  type Tensor,
  conv2dGeometry,
  gridIndex,
  planeSpan,
  volumeIndex,
} from '../../engine/index.js';

/** What one convolution gives the engine: input (C,H,W), kernels (O,C,kH,kW) and options. */
export interface ConvInputs {
  input: Tensor;
  kernels: Tensor;
  options: Conv2dOptions;
}

/** Every kernel channel rotated by 180°: convolution as the textbook flips it. */
export function rotated180(kernels: Tensor): Tensor {
  const [O, C, kH, kW] = kernels.shape;
  const out = new Float64Array(kernels.data.length);
  for (let p = 0; p < O * C; p++)
    for (let i = 0; i < kH; i++)
      for (let j = 0; j < kW; j++)
        out[volumeIndex(kernels.shape, p, i, j)] =
          kernels.data[volumeIndex(kernels.shape, p, kH - 1 - i, kW - 1 - j)];
  return { shape: kernels.shape, data: out };
}

/** The bias left out; undefined when there is no bias other than 0 (nothing would change). */
export function withoutBias<T extends { readonly bias?: ArrayLike<number> }>(o: T): T | undefined {
  return Array.from(o.bias ?? []).some((b) => b !== 0) ? { ...o, bias: undefined } : undefined;
}

/**
 * Stride taken as 1; undefined when it already is. `fallback` is the stride when none is
 * given: 1 for a convolution, the window's size for pooling.
 */
export function withStrideOne<T extends { readonly stride?: number | readonly [number, number] }>(
  o: T,
  fallback = 1,
): T | undefined {
  const s = o.stride ?? fallback;
  const [a, b] = typeof s === 'number' ? [s, s] : s;
  return a === 1 && b === 1 ? undefined : { ...o, stride: 1 };
}

/** "valid" used where the question says "same"; undefined for any other padding. */
export function validForSame<T extends { readonly padding?: Padding }>(o: T): T | undefined {
  return o.padding === 'same' ? { ...o, padding: 'valid' } : undefined;
}

/** Keep one input channel (and the matching kernel channel): "channels not summed". */
function oneChannel(c: ConvInputs, channel: number): ConvInputs {
  const { input, kernels } = c;
  const [, H, W] = input.shape;
  const [O, C, kH, kW] = kernels.shape;
  const kData = new Float64Array(O * kH * kW);
  for (let o = 0; o < O; o++)
    kData.set(
      kernels.data.subarray(...planeSpan(kernels.shape, gridIndex(C, o, channel))),
      planeSpan(kernels.shape, o)[0],
    );
  return {
    input: { shape: [1, H, W], data: input.data.slice(...planeSpan(input.shape, channel)) },
    kernels: { shape: [O, 1, kH, kW], data: kData },
    options: c.options,
  };
}

/** "same"'s pads when they differ between the two sides of an axis, else undefined. */
function unevenSamePads(c: ConvInputs) {
  if (c.options.padding !== 'same') return undefined;
  const { pad } = conv2dGeometry(c.input, c.kernels, c.options);
  return pad.top !== pad.bottom || pad.left !== pad.right ? pad : undefined;
}

const withOptions = (c: ConvInputs, options: Conv2dOptions | undefined): ConvInputs[] =>
  options ? [{ ...c, options }] : [];

/**
 * Each mistake's inputs: none where the mistake would change nothing (no bias to forget),
 * one per input channel for `one-channel`.
 */
export const convMistakes = {
  'kernel-flipped': (c: ConvInputs): ConvInputs[] => [{ ...c, kernels: rotated180(c.kernels) }],
  'bias-forgotten': (c: ConvInputs): ConvInputs[] => withOptions(c, withoutBias(c.options)),
  'scale-forgotten': (c: ConvInputs): ConvInputs[] =>
    c.options.scale !== undefined && c.options.scale !== 1
      ? [{ ...c, options: { ...c.options, scale: undefined } }]
      : [],
  'one-channel': (c: ConvInputs): ConvInputs[] => {
    const C = c.input.shape[0];
    return C > 1 ? Array.from({ length: C }, (_, channel) => oneChannel(c, channel)) : [];
  },
  'stride-ignored': (c: ConvInputs): ConvInputs[] => withOptions(c, withStrideOne(c.options)),
  'valid-instead-of-same': (c: ConvInputs): ConvInputs[] => withOptions(c, validForSame(c.options)),
  /** TensorFlow puts the odd zero after; this puts it before. */
  'padding-wrong-side': (c: ConvInputs): ConvInputs[] => {
    const pad = unevenSamePads(c);
    return pad
      ? withOptions(c, {
          ...c.options,
          padding: [
            [pad.bottom, pad.top],
            [pad.right, pad.left],
          ],
        })
      : [];
  },
  'padding-symmetric': (c: ConvInputs): ConvInputs[] => {
    const pad = unevenSamePads(c);
    return pad
      ? withOptions(c, {
          ...c.options,
          padding: Math.max(pad.top, pad.bottom, pad.left, pad.right),
        })
      : [];
  },
  /** Explicit zeros (a number or per side) dropped; "same" has its own names above. */
  'padding-ignored': (c: ConvInputs): ConvInputs[] =>
    c.options.padding !== undefined && c.options.padding !== 'valid' && c.options.padding !== 'same'
      ? [{ ...c, options: { ...c.options, padding: 'valid' } }]
      : [],
} as const;

export type ConvMistakeId = keyof typeof convMistakes;

/**
 * The mistaken inputs of the mistakes listed, in the order listed (the order the answers are
 * matched in: when two give the same answer, the first is named).
 */
export function convMistakeInputs(
  c: ConvInputs,
  ids: readonly ConvMistakeId[],
): Array<{ id: ConvMistakeId; inputs: ConvInputs }> {
  return ids.flatMap((id) => convMistakes[id](c).map((inputs) => ({ id, inputs })));
}

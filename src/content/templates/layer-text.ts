/** How the shape templates write an image and a layer: prompt placeholders and Keras code. */

/** `{h}`, `{w}`, `{c}` and `{input}` = `(28, 28, 1)` for a prompt. */
export function imageParams(H: number, W: number, C: number): Record<string, number | string> {
  return { h: H, w: W, c: C, input: `(${H}, ${W}, ${C})` };
}

/** A size as Keras takes it: `3` when square, else `(3, 1)`. */
export function pairText(a: number, b: number): string {
  return a === b ? String(a) : `(${a}, ${b})`;
}

/** A Conv2D layer as Keras code, after a ZeroPadding2D when the padding is a number of zeros. */
export function conv2dKerasLines(l: {
  readonly filters: number;
  readonly kH: number;
  readonly kW: number;
  readonly sH: number;
  readonly sW: number;
  readonly padding: 'valid' | 'same' | number;
}): string[] {
  const lines: string[] = [];
  if (typeof l.padding === 'number' && l.padding > 0) lines.push(`ZeroPadding2D(${l.padding})`);
  lines.push(
    `Conv2D(filters=${l.filters}, kernel_size=${pairText(l.kH, l.kW)}, strides=${pairText(l.sH, l.sW)}, padding="${l.padding === 'same' ? 'same' : 'valid'}")`,
  );
  return lines;
}

/** The display line `input (H, W, C) = (28, 28, 1)`. */
export function inputLine(H: number, W: number, C: number): string {
  return `input (H, W, C) = (${H}, ${W}, ${C})`;
}

/** `(2, 2, 4)`; Python's `(7,)` for one axis. */
export function tupleText(dims: readonly number[]): string {
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/** `(N, H, W, C)` from `NHWC`. */
export function layoutText(layout: string): string {
  return `(${[...layout].join(', ')})`;
}

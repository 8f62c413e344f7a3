/**
 * A lesson step's figure (a calc request) and demo (one grid, one kernel), checked by
 * computing them once with the engine, so a lesson never opens on a figure that fails.
 */
import { parseRequest } from '../request/parse-request.js';
import { runRequest } from '../request/run-request.js';
import type { CalcRequest } from '../request/schema.js';
import { createRequire } from 'node:module';
import {
  EngineError,
  conv2dGeometry,
  fromNested,
  planeRows,
  reshape,
  toNested,
} from '../engine/index.js';
import { SCREEN_COLUMNS } from './check-question.js';
import type { Demo, Picture, PictureScale } from './course.js';
import type { DemoFile, PictureFile } from './schema.js';
import { type PathKey, parseFieldName } from './yaml-source.js';

/** What went wrong, and where inside the figure or demo (`['input', 2]`) when that is known. */
export interface MediaError {
  path: PathKey[];
  message: string;
}

function valueAt(value: unknown, path: readonly PathKey[]): unknown {
  let v = value;
  for (const key of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PathKey, unknown>)[key] : undefined;
  return v;
}

/**
 * The most precise field a message names that exists in `value`: "`input` is ragged:
 * expected `input[2]` …" → `['input', 2]`.
 */
function locate(value: unknown, error: unknown, rename: Record<string, string> = {}): PathKey[] {
  const names = [...String((error as Error).message).matchAll(/`([A-Za-z_][\w.[\]]*)`/g)].map(
    (m) => m[1],
  );
  if (error instanceof EngineError) names.push(error.argument);
  let best: PathKey[] = [];
  for (const name of names) {
    const path = parseFieldName(name);
    if (typeof path[0] === 'string' && path[0] in rename) path[0] = rename[path[0]];
    if (path.length > best.length && valueAt(value, path) !== undefined) best = path;
  }
  return best;
}

export function checkFigure(value: unknown): { request: CalcRequest } | { error: MediaError } {
  try {
    const request = parseRequest(value);
    runRequest(request);
    return { request };
  } catch (error) {
    return {
      error: {
        path: locate(value, error),
        message: `the figure does not compute: ${(error as Error).message}`,
      },
    };
  }
}

export function checkDemo(demo: DemoFile): { demo: Demo } | { error: MediaError } {
  const resolved: Demo = {
    input: demo.input as number[][],
    kernel: demo.kernel as number[][],
    stride: demo.stride ?? 1,
    padding: demo.padding ?? 'valid',
    bias: demo.bias ?? 0,
    predict: demo.predict ?? 0,
  };
  try {
    const input = fromNested('input', demo.input, 2);
    const kernel = fromNested('kernel', demo.kernel, 2);
    const g = conv2dGeometry(
      reshape(input, [1, ...input.shape]),
      reshape(kernel, [1, 1, ...kernel.shape]),
      {
        stride: resolved.stride,
        padding: resolved.padding,
        bias: [resolved.bias],
      },
    );
    if (resolved.predict > g.outH * g.outW) {
      return {
        error: {
          path: ['predict'],
          message: `\`predict\` asks for ${resolved.predict} cells but the output has only ${g.outH}×${g.outW} = ${g.outH * g.outW}`,
        },
      };
    }
    return { demo: resolved };
  } catch (error) {
    return {
      error: {
        path: locate(demo, error, { kernels: 'kernel' }),
        message: `the demo does not compute: ${(error as Error).message}`,
      },
    };
  }
}

/** Value ranges by scale: what `renderShaded` draws blank (min) and darkest (max). */
const SCALE_RANGE: Readonly<Record<PictureScale, [number, number]>> = {
  gray255: [0, 255],
  unit: [0, 1],
  signed: [-1, 1],
};

/** MNIST digits are 28×28. */
const MNIST_SIDE = 28;

/**
 * Sample `index` of `digit` from the `mnist` package, as 28 rows. Only that digit's file
 * (about 2 MB) is read, not the whole package.
 */
function mnistDigit(digit: number, index: number): number[][] | string {
  const data = (
    createRequire(import.meta.url)(`mnist/src/digits/${digit}.json`) as { data: number[] }
  ).data;
  const count = Math.floor(data.length / (MNIST_SIDE * MNIST_SIDE));
  if (index >= count)
    return `the mnist package has ${count} samples of digit ${digit} (index 0 to ${count - 1}), not ${index + 1}`;
  return planeRows({ shape: [count, MNIST_SIDE, MNIST_SIDE], data }, index);
}

/**
 * A picture step's pixels, loaded and checked: a grid of finite numbers within its scale, at
 * most 40 columns (two screen columns per pixel). Without `scale`: `signed` when a value is
 * negative, `gray255` when one is above 1, else `unit`.
 */
export function checkPicture(file: PictureFile): { picture: Picture } | { error: MediaError } {
  let grid: number[][];
  let source: Picture['source'];
  if (file.source === 'mnist') {
    const digit = file.digit!;
    const index = file.index ?? 0;
    const loaded = mnistDigit(digit, index);
    if (typeof loaded === 'string') return { error: { path: ['index'], message: loaded } };
    grid = loaded;
    source = { dataset: 'mnist', digit, index };
  } else {
    try {
      grid = toNested(fromNested('grid', file.grid, 2)) as number[][];
    } catch (error) {
      return {
        error: {
          path: locate(file, error),
          message: `the picture is not a grid of numbers: ${(error as Error).message}`,
        },
      };
    }
  }
  const maxColumns = SCREEN_COLUMNS / 2;
  if (grid[0].length > maxColumns)
    return {
      error: {
        path: ['grid'],
        message: `the picture is ${grid[0].length} pixels wide, ${2 * grid[0].length} columns on screen; it must fit in ${SCREEN_COLUMNS} (at most ${maxColumns} pixels)`,
      },
    };
  const values = grid.flat();
  const low = Math.min(...values);
  const high = Math.max(...values);
  const scale: PictureScale = file.scale ?? (low < 0 ? 'signed' : high > 1 ? 'gray255' : 'unit');
  const [min, max] = SCALE_RANGE[scale];
  if (low < min || high > max)
    return {
      error: {
        path: ['grid'],
        message: `the values run from ${low} to ${high}, outside \`scale: ${scale}\` (${min} to ${max})`,
      },
    };
  return { picture: { grid, scale, min, max, ...(source ? { source } : {}) } };
}

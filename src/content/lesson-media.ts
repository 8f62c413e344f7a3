/**
 * A lesson step's figure (a calc request) and demo (one grid, one kernel), checked by
 * computing them once with the engine, so a lesson never opens on a figure that fails.
 */
import { parseRequest } from '../calc/parse-request.js';
import { runRequest } from '../calc/run-request.js';
import type { CalcRequest } from '../calc/schema.js';
import { EngineError, conv2dGeometry, fromNested, reshape } from '../engine/index.js';
import type { Demo } from './course.js';
import type { DemoFile } from './schema.js';
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

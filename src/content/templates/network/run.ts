/** A network exercise's inputs run through the engine: the stages, their outputs, what is shown. */
import { pipelineFromRequest } from '../../../request/run-request.js';
import { type PipelineStage, type Tensor, runPipeline } from '../../../engine/index.js';
import { TemplateError, parseWith } from '../shared.js';
import {
  type AnyGiven,
  type NetworkClassGiven,
  type NetworkMapGiven,
  type NetworkValueGiven,
  classGiven,
  classes,
  mapGiven,
  position,
  show,
  valueGiven,
} from './schemas.js';

export interface Network {
  input: Tensor;
  stages: PipelineStage[];
  /** Stage numbers shown; the question starts after the last. */
  shown: number[];
  start: number;
  /** outputs[k] is what stage number k gives (outputs[0] = the input). */
  outputs: Tensor[];
}

function shownOf(s: AnyGiven['show']): number[] {
  return s === undefined
    ? [0]
    : typeof s === 'number'
      ? [s]
      : [...new Set(s)].sort((a, b) => a - b);
}

export function networkOf(given: AnyGiven): Network {
  let built: { input: Tensor; stages: PipelineStage[] };
  let outs: Tensor[];
  try {
    built = pipelineFromRequest(given);
    outs = runPipeline(built.input, built.stages);
  } catch (error) {
    const arg = (error as { argument?: string }).argument;
    const field =
      arg && /^(input|stages)/.test(arg)
        ? `given.${arg.replace(/\.pooling window$|\.kernel$/, '')}`
        : 'given';
    throw new TemplateError(field, `\`${field}\`: ${(error as Error).message}`);
  }
  const shown = shownOf(given.show);
  const start = shown[shown.length - 1];
  if (start >= built.stages.length)
    throw new TemplateError(
      'given.show',
      `\`given.show\`: there are ${built.stages.length} stages, so the last shown stage must be below ${built.stages.length} (something must be left to compute); got ${start}.`,
    );
  return { ...built, shown, start, outputs: [built.input, ...outs] };
}

export function last(n: Network): Tensor {
  return n.outputs[n.outputs.length - 1];
}

/** The cell at `at` of `t`, or undefined when `t` has another rank or is too small. */
export function valueAt(t: Tensor, at: readonly number[]): number | undefined {
  if (t.shape.length !== at.length || at.some((k, a) => k >= t.shape[a])) return undefined;
  let offset = 0;
  at.forEach((k, a) => {
    offset = offset * t.shape[a] + k;
  });
  return t.data[offset];
}

export function checkClasses(n: Network, names: readonly string[]): void {
  const out = last(n);
  const count = out.shape.length === 1 ? out.shape[0] : undefined;
  if (count !== names.length)
    throw new TemplateError(
      'given.classes',
      `\`given.classes\`: the last stage gives ${count === undefined ? `shape (${out.shape.join(',')}), not a list` : `${count} numbers`}; give one class name per number${count === undefined ? ' (end with dense or softmax)' : ''}.`,
    );
}

export function parseValueGiven(value: unknown): NetworkValueGiven {
  const given = parseWith(valueGiven, value, 'given');
  const n = networkOf(given);
  const out = last(n);
  if (valueAt(out, given.at) === undefined)
    throw new TemplateError(
      'given.at',
      `\`given.at\`: the last stage gives shape (${out.shape.join(',')}); [${given.at.join(', ')}] is not a position in it (give ${out.shape.length} number${out.shape.length === 1 ? '' : 's'}, each below its axis).`,
    );
  return given;
}

export function parseMapGiven(value: unknown): NetworkMapGiven {
  const given = parseWith(mapGiven, value, 'given');
  const out = last(networkOf(given));
  const maps = out.shape.length === 3 ? out.shape[0] : 1;
  if ((given.channel ?? 0) >= maps)
    throw new TemplateError(
      'given.channel',
      `\`given.channel\`: the last stage gives ${maps} map(s); ${given.channel} is not one of them.`,
    );
  return given;
}

export function parseClassGiven(value: unknown): NetworkClassGiven {
  const given = parseWith(classGiven, value, 'given');
  const n = networkOf(given);
  checkClasses(n, given.classes);
  if (tie(last(n), 0))
    throw new TemplateError(
      'given.input',
      '`given.input`: two classes get the same largest output, so the question would have two right answers.',
    );
  return given;
}

/** True when the two largest outputs are within `margin` of each other (or equal). */
export function tie(out: Tensor, margin: number): boolean {
  const sorted = Array.from(out.data).sort((a, b) => b - a);
  return sorted.length > 1 && sorted[0] - sorted[1] <= Math.max(margin, 1e-9);
}

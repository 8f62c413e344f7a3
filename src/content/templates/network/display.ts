/** What the learner sees of a network exercise: the shown stages' outputs and the prompt's values. */
import { type Tensor, plainNumber, planeRows, toNested } from '../../../engine/index.js';
import { describeStage } from '../../../render/report/describe-stage.js';
import type { Display, TemplateText } from '../../types.js';
import { type Network, last } from './run.js';

export function num(v: number): string {
  return plainNumber(v, 4);
}

function labelled(values: ArrayLike<number>, names: readonly string[] | undefined): string {
  return Array.from(values, (v, i) =>
    names && names.length === values.length ? `${names[i]} ${num(v)}` : num(v),
  ).join(', ');
}

/** A value as a display: one grid, a stack of maps, or a line of numbers. */
function valueDisplay(value: Tensor, title: string, names?: readonly string[]): Display {
  if (value.shape.length === 3) {
    const maps = toNested(value) as number[][][];
    return maps.length === 1
      ? { type: 'grid', title, grid: maps[0] }
      : { type: 'channels', title, channels: maps };
  }
  return { type: 'text', text: `${title}: ${labelled(value.data, names)}` };
}

export function displaysOf(n: Network, t: TemplateText['t'], names?: readonly string[]): Display[] {
  const out: Display[] = n.shown.map((k) =>
    valueDisplay(
      n.outputs[k],
      k === 0 ? t('display.input') : t('display.after-stage', { n: k }),
      names,
    ),
  );
  for (let j = n.start; j < n.stages.length; j++) {
    const stage = n.stages[j];
    if (stage.op === 'conv2d') {
      const kernels = toNested(stage.kernels) as number[][][][];
      kernels.forEach((k, o) => {
        const title = kernels.length === 1 ? t('display.kernel') : t('display.kernel-n', { n: o });
        out.push(
          k.length === 1
            ? { type: 'grid', title, grid: k[0] }
            : { type: 'channels', title, channels: k },
        );
      });
    }
    if (stage.op === 'dense') {
      // Weights laid out like the maps they multiply, when a flatten (map by map) came just before.
      const before = j > 0 ? n.stages[j - 1] : undefined;
      const volume = n.outputs[j - 1];
      if (before?.op === 'flatten' && before.order !== 'hwc' && volume?.shape.length === 3) {
        const [C] = volume.shape;
        stage.weights.forEach((row, i) => {
          const maps = Array.from({ length: C }, (_, c) =>
            planeRows({ shape: volume.shape, data: row }, c),
          );
          const title = t('display.weights-for', { name: names?.[i] ?? String(i) });
          out.push(
            C === 1
              ? { type: 'grid', title, grid: maps[0] }
              : { type: 'channels', title, channels: maps },
          );
        });
      } else {
        out.push({
          type: 'grid',
          title: t('display.weights'),
          grid: stage.weights.map((r) => [...r]),
        });
      }
    }
  }
  // The whole network, so that "after stage k" above can be read against it.
  const list = n.stages
    .map(
      (stage, i) =>
        `${i + 1}. ${describeStage(stage, t)}${n.shown.includes(i + 1) ? t('network.shown') : ''}`,
    )
    .join('; ');
  out.push({ type: 'text', text: t('network.stages', { list }) });
  return out;
}

export function promptParams(
  n: Network,
  at: readonly number[] | undefined,
  names?: readonly string[],
): Record<string, string | number> {
  const out = last(n);
  const params: Record<string, string | number> = {};
  if (out.shape.length === 3) {
    params.outRows = out.shape[1];
    params.outCols = out.shape[2];
    params.maps = out.shape[0];
  } else params.length = out.shape[0];
  if (at && at.length === 3) {
    params.channel = params.map = params.filter = at[0];
    params.row = at[1];
    params.col = at[2];
  } else if (at && at.length === 1) {
    params.index = at[0];
    if (names?.[at[0]] !== undefined) params.class = names[at[0]];
  }
  const pool = n.stages
    .slice(n.start)
    .filter((s) => s.op === 'maxpool' || s.op === 'avgpool')
    .pop();
  if (pool && (pool.op === 'maxpool' || pool.op === 'avgpool')) {
    const size = typeof pool.size === 'number' ? pool.size : pool.size[0];
    const stride = pool.stride ?? pool.size;
    params.size = `${size}×${typeof pool.size === 'number' ? size : pool.size[1]}`;
    params.stride =
      typeof stride === 'number'
        ? stride
        : stride[0] === stride[1]
          ? stride[0]
          : `${stride[0]}×${stride[1]}`;
    params.padding = pool.padding ?? 'valid';
  }
  return params;
}

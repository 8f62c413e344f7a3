/**
 * The engine against tfjs-core's CPU backend on the same inputs (H×W×C below; the engine holds
 * them as (C,H,W), tfjs as [1,H,W,C]). Inputs are built and converted before timing; the tfjs
 * side includes `dataSync()` so its result is materialised, and disposes it. Goal: ratio
 * (engine / tfjs) ≤ 0.8 on every case.
 */
import { type Tensor, conv2d, maxPool2d } from '../src/engine/index.js';
import {
  float32Random,
  fromTfImage,
  randomTensor,
  toTfFilters,
  toTfImage,
  useTfjsCpu,
} from '../tests/engine/tfjs-reference.js';
import type { BenchSection } from './section.js';
import { formatTable, timeInterleaved } from './timing.js';

type Tf = Awaited<ReturnType<typeof useTfjsCpu>>;

interface BenchCase {
  readonly name: string;
  /** Builds inputs for both sides and returns the two calls to time. */
  readonly prepare: (
    tf: Tf,
    random: () => number,
  ) => { engine: () => Tensor; tfjs: () => import('@tensorflow/tfjs-core').Tensor };
}

function conv2dCase(H: number, W: number, C: number, filters: number, k: number): BenchCase {
  return {
    name: `conv2d ${H}×${W}×${C}, ${filters} filters ${k}×${k}`,
    prepare: (tf, random) => {
      const input = randomTensor([C, H, W], random);
      const kernels = randomTensor([filters, C, k, k], random);
      const x = toTfImage(input);
      const w = toTfFilters(kernels);
      return { engine: () => conv2d(input, kernels), tfjs: () => tf.conv2d(x, w, 1, 'valid') };
    },
  };
}

function maxPoolCase(H: number, W: number, C: number, size: number, stride: number): BenchCase {
  return {
    name: `max pool ${size}×${size}/${stride}, ${H}×${W}×${C}`,
    prepare: (tf, random) => {
      const input = randomTensor([C, H, W], random);
      const x = toTfImage(input);
      return {
        engine: () => maxPool2d(input, { size, stride }),
        tfjs: () => tf.maxPool(x, size, stride, 'valid'),
      };
    },
  };
}

export const CASES: readonly BenchCase[] = [
  conv2dCase(9, 9, 1, 3, 3),
  conv2dCase(28, 28, 1, 32, 3),
  conv2dCase(64, 64, 16, 32, 3),
  conv2dCase(224, 224, 3, 64, 3),
  maxPoolCase(112, 112, 64, 2, 2),
];

export interface EngineVsTfjsRow {
  case: string;
  engine_ms: number;
  tfjs_ms: number;
  ratio: number;
}

export async function measureEngineVsTfjs(
  progress: (message: string) => void,
): Promise<EngineVsTfjsRow[]> {
  const tf = await useTfjsCpu();
  const rows: EngineVsTfjsRow[] = [];
  for (const benchCase of CASES) {
    progress(`engine vs tfjs: ${benchCase.name}`);
    const { engine, tfjs } = benchCase.prepare(tf, float32Random(7));
    checkAgreement(benchCase.name, engine(), tfjs());
    const [engineMs, tfjsMs] = timeInterleaved([
      { name: 'engine', run: engine },
      {
        name: 'tfjs',
        run: () => {
          const y = tfjs();
          const values = y.dataSync();
          y.dispose();
          return values;
        },
      },
    ]);
    rows.push({
      case: benchCase.name,
      engine_ms: engineMs,
      tfjs_ms: tfjsMs,
      ratio: engineMs / tfjsMs,
    });
  }
  return rows;
}

/** A benchmark of wrong answers is worthless: compare once before timing. */
function checkAgreement(
  name: string,
  engine: Tensor,
  tfjsResult: import('@tensorflow/tfjs-core').Tensor,
): void {
  const reference = fromTfImage(tfjsResult);
  tfjsResult.dispose();
  if (engine.shape.join() !== reference.shape.join()) {
    throw new Error(`${name}: engine shape (${engine.shape}) but tfjs (${reference.shape}).`);
  }
  for (let k = 0; k < engine.data.length; k++) {
    const a = engine.data[k];
    const b = reference.data[k];
    if (!(Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b)))) {
      throw new Error(`${name}: cell ${k} is ${a} in the engine but ${b} in tfjs.`);
    }
  }
}

export const engineVsTfjs: BenchSection = {
  name: 'engine',
  title: 'Engine vs tfjs-core (CPU backend), median ms per call',
  run: async ({ json, progress }) => {
    const rows = await measureEngineVsTfjs(progress);
    if (json) {
      console.log(
        JSON.stringify(
          rows.map((r) => ({
            ...r,
            engine_ms: round(r.engine_ms, 4),
            tfjs_ms: round(r.tfjs_ms, 4),
            ratio: round(r.ratio, 3),
          })),
        ),
      );
      return;
    }
    console.log(
      formatTable(
        ['case', 'engine ms', 'tfjs ms', 'ratio'],
        rows.map((r) => [
          r.case,
          formatMs(r.engine_ms),
          formatMs(r.tfjs_ms),
          `${r.ratio.toFixed(2)}${r.ratio > 0.8 ? ' !' : ''}`,
        ]),
      ),
    );
    const over = rows.filter((r) => r.ratio > 0.8).length;
    console.log(
      over === 0
        ? 'All cases meet the goal (ratio ≤ 0.8).'
        : `${over} case(s) above the goal of 0.8 (marked !).`,
    );
  },
};

function formatMs(ms: number): string {
  return ms < 1 ? ms.toFixed(4) : ms < 100 ? ms.toFixed(2) : ms.toFixed(1);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

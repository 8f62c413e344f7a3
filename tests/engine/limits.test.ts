/**
 * Requests too big to compute are refused from their shapes, before any buffer is allocated,
 * with a message that gives the request's size and the limit; results that overflow name the
 * cell; counts are exact or refused. Big inputs share their rows by reference, so the tests
 * themselves stay small.
 */
import { describe, expect, it } from 'vitest';
import {
  EngineError,
  LIMITS,
  avgPool2d,
  conv1d,
  conv2d,
  conv2dParams,
  dense,
  filtersFrom,
  formatCount,
  fromNested,
  maxPool2d,
  outputSize,
  relu,
  resolveModel,
  runPipeline,
  softmax,
  summarize,
  tensor,
  volumeFrom,
} from '../../src/engine/index.js';
import { formatSummary } from '../../src/render/model-summary.js';

/** A rows×cols grid of `value` whose rows are one shared array. */
function grid(rows: number, cols: number, value = 1): number[][] {
  return new Array(rows).fill(new Array(cols).fill(value));
}

function thrown(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }
  throw new Error('expected an EngineError');
}

const twoByTwo = () => volumeFrom('input', grid(2, 2));
const oneByOne = () => filtersFrom('kernels', [[[1]]], 1);

describe('size limits', () => {
  it('refuses a 5000×5000 input (with a 1000×1000 kernel) before reading it into a tensor', () => {
    const e = thrown(() => volumeFrom('input', grid(5000, 5000)));
    expect(e.code).toBe('too-many-cells');
    expect(e.message).toBe(
      'Too large: `input` would hold 25,000,000 numbers (5000×5000), over the limit of 16,777,216.',
    );
  });

  it('refuses "padding": 3000 on a 2×2 input: the padded input is over the limit', () => {
    const e = thrown(() => conv2d(twoByTwo(), oneByOne(), { padding: 3000 }));
    expect(e.code).toBe('too-many-cells');
    expect(e.message).toContain('the padded input would hold 36,024,004 numbers (1×6002×6002)');
    expect(e.message).toContain('16,777,216');
  });

  it('refuses "padding": 100000 with a message, not a RangeError', () => {
    const e = thrown(() => conv2d(twoByTwo(), oneByOne(), { padding: 100_000 }));
    expect(e.code).toBe('too-many-cells');
  });

  it('refuses a size beyond the limit and says the allowed range: maxpool size 1e9, same', () => {
    const e = thrown(() => maxPool2d(twoByTwo(), { size: 1e9, padding: 'same' }));
    expect(e.message).toBe(
      'Expected `size` to be a whole number from 1 to 1,000,000, got 1000000000.',
    );
  });

  it('refuses stride 1e308 with the allowed range', () => {
    const e = thrown(() => conv2d(twoByTwo(), oneByOne(), { stride: 1e308 }));
    expect(e.message).toBe(
      'Expected `stride` to be a whole number from 1 to 1,000,000, got 1e+308.',
    );
  });

  it('refuses too much work before running: a 2000×2000 input with a 1000×1000 kernel', () => {
    const input = tensor([1, 2000, 2000]);
    const kernels = tensor([1, 1, 1000, 1000]);
    const e = thrown(() => conv2d(input, kernels));
    expect(e.code).toBe('too-much-work');
    expect(e.message).toContain('conv2d would take 1,002,002,002,001 steps');
    expect(e.message).toContain('over the limit of 1,000,000,000 per request');
  });

  it('refuses too many filters before building them', () => {
    const e = thrown(() => filtersFrom('kernels', new Array(1000).fill(grid(1000, 1000)), 1));
    expect(e.code).toBe('too-many-cells');
    expect(e.message).toContain('1,000,000,000 numbers (1000×1000×1000)');
  });

  it('counts a pooling window whole, padding included, and refuses a huge one', () => {
    const e = thrown(() =>
      avgPool2d(volumeFrom('input', grid(100, 100)), { size: 100_000, padding: 'same' }),
    );
    expect(e.code).toBe('too-much-work');
  });

  it('refuses a conv1d that would take too long', () => {
    const long = new Array(200_000).fill(1);
    expect(thrown(() => conv1d(long, long, { mode: 'full' })).code).toBe('too-much-work');
  });

  it('refuses a pipeline whose stages add up to too much work, in the stage that passes it', () => {
    const input = tensor([1, 1000, 1000]);
    const kernels = tensor([1, 1, 25, 25]);
    const e = thrown(() =>
      runPipeline(input, [
        { op: 'conv2d', kernels, padding: 'same' },
        { op: 'conv2d', kernels, padding: 'same' },
      ]),
    );
    expect(e.argument).toBe('stages[1]');
    expect(e.message).toContain('pipeline would take 1,254,097,152 steps');
  });

  it('refuses lists nested deeper than a tensor may be, without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 4000; i++) deep = [deep];
    const e = thrown(() => relu(fromNested('input', deep)));
    expect(e.message).toBe(
      `\`input\` nests lists more than ${LIMITS.rank} levels deep, the most a tensor may have.`,
    );
  });

  it('takes the max of a long list without spreading it', () => {
    const z = new Array(500_000).fill(0);
    z[123_456] = 1;
    expect(softmax(z)[123_456]).toBeGreaterThan(softmax(z)[0]);
  });
});

describe('results that are not finite', () => {
  const huge = () => volumeFrom('input', grid(2, 2, 1e308));

  it('conv2d: four cells of 1e308 summed name the op and the cell', () => {
    const e = thrown(() => conv2d(huge(), filtersFrom('kernels', [grid(2, 2)], 1)));
    expect(e.message).toBe('conv2d: output[0][0][0] is not a finite number (the sum overflowed).');
  });

  it('names the cell that overflowed, not the first one', () => {
    const input = volumeFrom('input', [
      [1, 1e308, 1e308],
      [1, 1, 1],
    ]);
    const e = thrown(() => conv2d(input, filtersFrom('kernels', [[[1, 1]]], 1)));
    expect(e.message).toContain('output[0][0][1]');
  });

  it('avgpool, dense and conv1d too', () => {
    expect(thrown(() => avgPool2d(huge(), { size: 2 })).message).toBe(
      'avgpool: output[0][0][0] is not a finite number (the sum overflowed).',
    );
    expect(
      thrown(() =>
        dense(
          [1, 1e308, 1e308],
          [
            [0, 0, 0],
            [0, 1, 1],
          ],
        ),
      ).message,
    ).toContain('dense: output[1]');
    expect(thrown(() => conv1d([1e308, 1e308], [1, 1])).message).toContain('conv1d: output[0]');
  });

  it('maxpool of the same cells is fine: a max never overflows', () => {
    expect(Array.from(maxPool2d(huge(), { size: 2 }).data)).toEqual([1e308]);
  });
});

describe('exact counts', () => {
  it('refuses outsize sizes near 2^53 instead of answering an imprecise size as exact', () => {
    const e = thrown(() => outputSize({ n: 2 ** 53 - 2, f: 3 }));
    expect(e.message).toBe(
      'Expected `n` to be a whole number from 1 to 1,000,000, got 9007199254740990.',
    );
  });

  it('refuses a summary whose parameter count is beyond exact whole numbers', () => {
    const e = thrown(() =>
      summarize({
        input: [1e6, 1e6, 1e6],
        layers: [{ type: 'flatten' }, { type: 'dense', units: 1000 }],
      }),
    );
    expect(e.argument).toBe('layers[0].output');
    expect(e.message).toBe(
      'Too large: `layers[0].output` would be 1,000,000,000,000,000,000, more than 9,007,199,254,740,991, the largest whole number counted exactly.',
    );
  });

  it('refuses a conv2d parameter count beyond exact whole numbers', () => {
    expect(thrown(() => conv2dParams({ kH: 1e6, kW: 1e6, cIn: 1e6, filters: 1 })).code).toBe(
      'count-too-big',
    );
    expect(
      thrown(() =>
        resolveModel({
          input: [1000, 1000, 1e6],
          layers: [{ type: 'conv2d', filters: 1e6, kernel: 1000 }],
        }),
      ).argument,
    ).toBe('layers[0].params');
  });

  it('never groups digits inside exponent notation', () => {
    expect(formatCount(1639424)).toBe('1,639,424');
    expect(formatCount(7.301667457314598e32)).toBe('7.301667457314598e+32');
    expect(formatCount(1e21)).toBe('1e+21');
  });

  it('a summary of very many layers is laid out without spreading them into one call', () => {
    const layers = new Array(150_000).fill({ type: 'relu' });
    const lines = formatSummary(summarize({ input: [2, 2, 1], layers }));
    expect(lines).toHaveLength(150_000 + 9);
  });
});

/**
 * One line per pipeline stage, in the English catalog's words: calc's pipeline report and a
 * network exercise's list of stages say the same thing about the same stage.
 */
import { describe, expect, it } from 'vitest';
import { networkValue } from '../../../src/content/templates/network.js';
import { type PipelineStage, fromNested } from '../../../src/engine/index.js';
import { createTranslator } from '../../../src/i18n/index.js';
import { describeStage } from '../../../src/render/report/describe-stage.js';

const t = createTranslator('en');

/** `count` filters of one 2×3 channel each. */
function kernels(count: number): PipelineStage & { op: 'conv2d' } {
  const grid = [
    [1, 0, -1],
    [0, 1, 0],
  ];
  return {
    op: 'conv2d',
    kernels: fromNested(
      'kernels',
      Array.from({ length: count }, () => [grid]),
      4,
    ),
  };
}

describe('describeStage', () => {
  it.each<[string, PipelineStage, string]>([
    ['a plain convolution', kernels(1), 'conv2d: 1 filter 2×3, stride 1×1, padding valid'],
    [
      'scale, bias, stride and padding',
      {
        ...kernels(2),
        scale: 0.1111111111111111,
        bias: [1, -0.5],
        stride: [2, 1],
        padding: 'same',
      },
      'conv2d: 2 filters 2×3, × 0.1111, bias 1, -0.5, stride 2×1, padding same',
    ],
    [
      'padding given side by side',
      {
        ...kernels(1),
        padding: [
          [1, 0],
          [2, 0],
        ],
      },
      'conv2d: 1 filter 2×3, stride 1×1, padding [[1,0],[2,0]]',
    ],
    [
      'a max pool striding by its size',
      { op: 'maxpool', size: 2, padding: 'same' },
      'max pool 2×2, stride 2×2, padding same',
    ],
    [
      'an average pool with a window of two sides',
      { op: 'avgpool', size: [3, 2], stride: 1 },
      'average pool 3×2, stride 1×1, padding valid',
    ],
    ['relu', { op: 'relu' }, 'relu: every negative number becomes 0'],
    ['flatten, map by map', { op: 'flatten' }, 'flatten, map by map (channels first)'],
    [
      'flatten, channels last',
      { op: 'flatten', order: 'hwc' },
      'flatten, pixel by pixel (channels last)',
    ],
    [
      'dense',
      {
        op: 'dense',
        weights: [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
      },
      'dense: 3 units, one row of weights each',
    ],
    ['softmax', { op: 'softmax' }, 'softmax: e^(z − max) / Σ e^(z − max), so the outputs add up to 1'],
  ])('%s', (_, stage, line) => {
    expect(describeStage(stage, t)).toBe(line);
  });

  it('lists a long bias by its ends, as calc lists any long row of numbers', () => {
    const bias = Array.from({ length: 40 }, (_, i) => i);
    const line = describeStage({ ...kernels(40), bias }, t);
    expect(line).toMatch(/^conv2d: 40 filters 2×3, bias \[0, 1, 2, .*, 23, …, 36, 37, 38, 39\] /);
    expect(line).toMatch(/, stride 1×1, padding valid$/);
  });

  it('is how a network exercise lists its stages', () => {
    const given = {
      input: [
        [1, -2, 3],
        [0, 1, -1],
        [2, 0, 1],
      ],
      stages: [
        {
          op: 'conv2d',
          kernels: [
            [
              [1, 0],
              [0, 1],
            ],
          ],
          bias: [0.5],
        },
        { op: 'relu' },
        { op: 'maxpool', size: 2, padding: 'same' },
      ],
      at: [0, 0, 0],
    };
    const q = networkValue.build(networkValue.parseGiven(given), { prompt: '?', lang: 'en', t });
    const list = q.displays.find((d) => d.type === 'text' && d.text.startsWith('Stages:'));
    expect(list).toEqual({
      type: 'text',
      text:
        'Stages: 1. conv2d: 1 filter 2×2, bias 0.5, stride 1×1, padding valid' +
        '; 2. relu: every negative number becomes 0; 3. max pool 2×2, stride 2×2, padding same.',
    });
  });
});

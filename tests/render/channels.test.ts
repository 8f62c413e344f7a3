import { describe, it, expect } from 'vitest';
import { displayWidth } from '../../src/render/ansi-text.js';
import { renderChannels } from '../../src/render/channels.js';

const rgb = [
  [
    [1, 2],
    [3, 4],
  ],
  [
    [5, 6],
    [7, 8],
  ],
  [
    [9, 1],
    [2, 3],
  ],
];

describe('renderChannels', () => {
  it('titles each channel and sets them side by side', () => {
    expect(renderChannels([[[1]], [[2]]], { border: 'none' })).toEqual([
      'channel 0   channel 1',
      ' 1           2       ',
    ]);
  });

  it('takes custom labels and per-channel options', () => {
    expect(
      renderChannels(rgb.slice(0, 2), {
        label: (c) => ['R', 'G'][c],
        channelOptions: (c) => (c === 1 ? { highlight: [[0, 0]] } : {}),
        rowRules: false,
      }),
    ).toEqual([
      'R           G        ',
      '┌───┬───┐   ┌───┬───┐',
      '│ 1 │ 2 │   │[5]│ 6 │',
      '│ 3 │ 4 │   │ 7 │ 8 │',
      '└───┴───┘   └───┴───┘',
    ]);
  });

  it('wraps channels onto more rows when maxWidth is narrow', () => {
    const lines = renderChannels(rgb, { maxWidth: 30 });
    expect(lines).toEqual([
      'channel 0   channel 1',
      '┌───┬───┐   ┌───┬───┐',
      '│ 1 │ 2 │   │ 5 │ 6 │',
      '├───┼───┤   ├───┼───┤',
      '│ 3 │ 4 │   │ 7 │ 8 │',
      '└───┴───┘   └───┴───┘',
      '                     ',
      'channel 2            ',
      '┌───┬───┐            ',
      '│ 9 │ 1 │            ',
      '├───┼───┤            ',
      '│ 2 │ 3 │            ',
      '└───┴───┘            ',
    ]);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(30);
  });

  it('renders no channels as nothing', () => {
    expect(renderChannels([])).toEqual([]);
  });
});

/**
 * A volume (channels × rows × cols, channels first as in the engine) as one titled grid per
 * channel, side by side, wrapping onto more rows when `maxWidth` is too narrow for all of them.
 */
import { type GridOptions, renderGrid } from './grid.js';
import { sideBySide, stackWhenTooWide } from './layout.js';

export interface ChannelsOptions extends GridOptions {
  /** Title of channel c. @default (c) => `channel ${c}` */
  readonly label?: (channel: number) => string;
  /** Options for one channel only (e.g. marks), laid over the shared ones. */
  readonly channelOptions?: (channel: number) => GridOptions;
  /** Spaces between channels. @default 3 */
  readonly gap?: number;
}

/**
 * Each channel rendered by `renderGrid` under its label, tops aligned. With `maxWidth`, as many
 * channels per row as fit; a grid too wide on its own drops columns (see `renderGrid`).
 * Example: `renderChannels([[[1]], [[2]]], { border: 'none' })`
 * → ["channel 0   channel 1", " 1           2       "].
 */
export function renderChannels(
  volume: readonly (readonly (readonly number[])[])[],
  options: ChannelsOptions = {},
): string[] {
  if (!Array.isArray(volume))
    throw new TypeError(`Expected \`volume\` to be an array of channels, got ${typeof volume}.`);
  const { label = (c: number) => `channel ${c}`, channelOptions, gap = 3, ...shared } = options;
  const blocks = volume.map((grid, c) =>
    renderGrid(grid, { ...shared, title: label(c), ...channelOptions?.(c) }),
  );
  if (options.maxWidth === undefined) return sideBySide(blocks, { gap, align: 'top' });
  return stackWhenTooWide(blocks, options.maxWidth, [], { gap, align: 'top' });
}

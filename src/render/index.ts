/**
 * Pure text rendering: data in, lines of text out. No Ink, no I/O; the UI prints these lines.
 */
export {
  blockWidth,
  closeStylesPerLine,
  displayWidth,
  padEndTo,
  padStartTo,
  sliceColumns,
  tokenize,
  type TextToken,
} from './ansi-text.js';
export { renderChannels, type ChannelsOptions } from './channels.js';
export {
  renderGrid,
  type CellMark,
  type CellMarks,
  type CellPosition,
  type CellRect,
  type CellSelection,
  type GridOptions,
  type MarkKind,
  type PaddingBands,
} from './grid.js';
export { GRID_GLYPHS, type BorderStyle, type GridGlyphs } from './grid-glyphs.js';
export { gridLegend } from './grid-legend.js';
export {
  expectWholeNumber,
  fitWidth,
  middleRow,
  overflowNotice,
  padBlock,
  sideBySide,
  stackWhenTooWide,
  truncateToWidth,
  type FitWidthOptions,
  type SideBySideOptions,
} from './layout.js';
export {
  formatColumn,
  formatNumber,
  resolveNumberFormat,
  type ColumnFormatOptions,
  type NumberFormatOptions,
  type RoundingMode,
} from './number-format.js';
export {
  colorEnabled,
  createStyle,
  plainStyle,
  type Style,
  type StyleName,
  type Stylize,
} from './style.js';
export { wrapText } from './wrap-text.js';
export { bucketMeans, sparkline, type SparklineOptions } from './sparkline.js';

/**
 * Flattening, position by position; positions count from 0.
 * - `flat-index` (number): where pixel (row, col), and for a colour picture its channel, lands
 *   when the picture is flattened: row by row (`HW`), channels first (`CHW`, each channel row
 *   by row) or channels last (`HWC`, all channels of a pixel together). The engine's `flatIndex`.
 * - `layout-convert` (number): the number at position p of the (C, H, W) list sits at which
 *   position of the (H, W, C) list, or the other way round. The engine's `convertFlatIndex`.
 */
import { z } from 'zod';
import {
  EngineError,
  convertFlatIndex,
  flatIndex,
  layoutShape,
  planeRows,
  sizeOf,
  unravelIndex,
  volumeFrom,
} from '../../engine/index.js';
import type { Rng } from '../random.js';
import type { AnswerValue, Display, Question, Template, TemplateText } from '../types.js';
import { numberSlips } from './answers.js';
import { index, whole } from './schemas.js';
import { TemplateError, draw, drawImageSize, fill, intOrRange, parseWith } from './shared.js';

const flatLayout = z.enum(['HW', 'CHW', 'HWC'], { error: 'expected `HW`, `CHW` or `HWC`' });
type FlatLayout = z.infer<typeof flatLayout>;

function layoutText(layout: string): string {
  return `(${[...layout].join(', ')})`;
}

function number(value: number): AnswerValue {
  return { kind: 'number', value };
}

const indexGivenSchema = z
  .strictObject({
    rows: whole,
    cols: whole,
    /** @default 1 */
    channels: whole.optional(),
    /** @default 'HW' (one channel, row by row) */
    layout: flatLayout.optional(),
    row: index,
    col: index,
    /** With CHW or HWC. @default 0 */
    channel: index.optional(),
    /** Optional pixel values to show (one grid, rows × cols); the answer does not depend on them. */
    image: z.unknown().optional(),
  })
  .superRefine((g, ctx) => {
    const C = g.channels ?? 1;
    const l = g.layout ?? 'HW';
    if (l === 'HW' && C !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['layout'],
        message: 'a picture with channels needs `layout: CHW` or `HWC`',
      });
    if (g.row >= g.rows)
      ctx.addIssue({
        code: 'custom',
        path: ['row'],
        message: `\`row\` must be below \`rows\` (${g.rows}); rows count from 0`,
      });
    if (g.col >= g.cols)
      ctx.addIssue({
        code: 'custom',
        path: ['col'],
        message: `\`col\` must be below \`cols\` (${g.cols}); columns count from 0`,
      });
    if ((g.channel ?? 0) >= C)
      ctx.addIssue({
        code: 'custom',
        path: ['channel'],
        message: `\`channel\` must be below \`channels\` (${C}); channels count from 0`,
      });
  });
export type FlatIndexGiven = z.infer<typeof indexGivenSchema>;

const indexSettingsSchema = z.strictObject({
  /** Layouts to draw from. @default ['HW'] */
  layouts: z.array(flatLayout).min(1).optional(),
  rows: intOrRange,
  /** @default rows */
  cols: intOrRange.optional(),
  /** Needed when a layout is CHW or HWC. */
  channels: intOrRange.optional(),
});
export type FlatIndexSettings = z.infer<typeof indexSettingsSchema>;

function parseIndex(value: unknown): FlatIndexGiven {
  const given = parseWith(indexGivenSchema, value, 'given');
  if (given.image !== undefined) {
    let shape: readonly number[];
    try {
      shape = volumeFrom('image', given.image).shape;
    } catch (error) {
      throw new TemplateError('given.image', `\`given.image\`: ${(error as Error).message}`);
    }
    if (shape[0] !== 1 || shape[1] !== given.rows || shape[2] !== given.cols)
      throw new TemplateError(
        'given.image',
        `\`given.image\`: expected one grid of ${given.rows}×${given.cols} to match \`rows\` and \`cols\`.`,
      );
  }
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generateIndex(s: FlatIndexSettings, rng: Rng): FlatIndexGiven {
  const layout = s.layouts === undefined ? 'HW' : rng.pick(s.layouts);
  const rows = draw(rng, s.rows);
  const cols = s.cols === undefined ? rows : draw(rng, s.cols);
  const channels =
    layout === 'HW' ? 1 : s.channels === undefined ? undefined : draw(rng, s.channels);
  if (channels === undefined)
    throw new TemplateError(
      'generate.channels',
      '`generate.channels`: a layout is CHW or HWC, so give `channels`.',
    );
  if (rows < 1 || cols < 1 || channels < 1)
    throw new TemplateError('generate', '`generate`: sizes must be at least 1.');
  const channel = layout === 'HW' ? 0 : rng.int(0, channels - 1);
  const row = rng.int(0, rows - 1);
  const col = rng.int(0, cols - 1);
  return layout === 'HW'
    ? { rows, cols, row, col }
    : { rows, cols, channels, layout, row, col, channel };
}

interface Resolved {
  C: number;
  H: number;
  W: number;
  c: number;
  y: number;
  x: number;
  layout: FlatLayout;
}

function resolveIndex(g: FlatIndexGiven): Resolved {
  return {
    C: g.channels ?? 1,
    H: g.rows,
    W: g.cols,
    c: g.channel ?? 0,
    y: g.row,
    x: g.col,
    layout: g.layout ?? 'HW',
  };
}

function positionOf(p: Resolved, layout: FlatLayout = p.layout): number {
  return flatIndex([p.C, p.H, p.W], p.c, p.y, p.x, layout === 'HWC' ? 'hwc' : 'chw');
}

/** The formula with its numbers, as the solution writes it. */
function formulaText(p: Resolved, layout: FlatLayout, value: number): string {
  if (layout === 'HW') return `row · W + col = ${p.y} · ${p.W} + ${p.x} = ${value}`;
  if (layout === 'CHW')
    return `(c · H + row) · W + col = (${p.c} · ${p.H} + ${p.y}) · ${p.W} + ${p.x} = ${value}`;
  return `(row · W + col) · C + c = (${p.y} · ${p.W} + ${p.x}) · ${p.C} + ${p.c} = ${value}`;
}

function ruleText(layout: FlatLayout, text: TemplateText, W: number, C: number): string {
  if (layout === 'HW') return text.t('solution.flat.hw', { cols: W });
  if (layout === 'CHW') return text.t('solution.flat.chw');
  return text.t('solution.flat.hwc', { channels: C });
}

function buildIndex(given: FlatIndexGiven, text: TemplateText): Question {
  const p = resolveIndex(given);
  const displays: Display[] = [];
  if (given.image !== undefined) {
    const grid = volumeFrom('image', given.image);
    displays.push({
      type: 'grid',
      title: text.t('display.image'),
      grid: planeRows(grid, 0),
    });
  }
  const shapeText =
    p.layout === 'HW'
      ? `(H, W) = (${p.H}, ${p.W})`
      : `${layoutText(p.layout)} = (${layoutShape(p.layout, { C: p.C, H: p.H, W: p.W }).join(', ')})`;
  displays.push({ type: 'text', text: shapeText });
  return {
    kind: 'number',
    prompt: fill(text.prompt, {
      row: p.y,
      col: p.x,
      channel: p.c,
      rows: p.H,
      cols: p.W,
      channels: p.C,
      layout: layoutText(p.layout),
      count: p.C * p.H * p.W,
    }),
    displays,
    tolerance: 0,
    expected: () => number(positionOf(p)),
    mistakes: () => {
      const expected = positionOf(p);
      // A changed rule whose cell is outside the picture (the swapped one) has no answer.
      const { list, tryAdd } = numberSlips(expected);
      if (p.layout === 'HW') {
        // Column by column is row by row of the transposed picture.
        tryAdd('column-by-column', () => flatIndex([1, p.W, p.H], 0, p.x, p.y, 'chw'));
        // Pixel (col, row) instead of (row, col).
        tryAdd('rows-columns-swapped', () => flatIndex([1, p.H, p.W], 0, p.x, p.y, 'chw'));
      } else {
        tryAdd('layout-confused', () => positionOf(p, p.layout === 'CHW' ? 'HWC' : 'CHW'));
      }
      tryAdd('counted-from-one', () => expected + 1);
      return list;
    },
    solution: () => {
      const value = positionOf(p);
      return [
        { text: ruleText(p.layout, text, p.W, p.C) },
        { text: formulaText(p, p.layout, value) },
      ];
    },
  };
}

export const flatIndexTemplate: Template<FlatIndexGiven, FlatIndexSettings> = {
  name: 'flat-index',
  kind: 'number',
  parseGiven: parseIndex,
  parseSettings: (value) => parseWith(indexSettingsSchema, value, 'generate'),
  generate: generateIndex,
  build: buildIndex,
};

// ——— layout-convert ———

const channelLayout = z.enum(['CHW', 'HWC'], { error: 'expected `CHW` or `HWC`' });
type ChannelLayout = z.infer<typeof channelLayout>;

const convertGivenSchema = z.strictObject({
  /** The layout `position` is counted in; the answer is in the other one. */
  from: channelLayout,
  rows: whole,
  cols: whole,
  channels: whole,
  position: index,
});
export type LayoutConvertGiven = z.infer<typeof convertGivenSchema>;

const convertSettingsSchema = z.strictObject({
  rows: intOrRange,
  /** @default rows */
  cols: intOrRange.optional(),
  channels: intOrRange,
  /** Layouts to draw `from`. @default ['CHW', 'HWC'] */
  from: z.array(channelLayout).min(1).optional(),
});
export type LayoutConvertSettings = z.infer<typeof convertSettingsSchema>;

function other(l: ChannelLayout): ChannelLayout {
  return l === 'CHW' ? 'HWC' : 'CHW';
}

function sizesOf(g: LayoutConvertGiven): { C: number; H: number; W: number } {
  return { C: g.channels, H: g.rows, W: g.cols };
}

function parseConvert(value: unknown): LayoutConvertGiven {
  const given = parseWith(convertGivenSchema, value, 'given');
  try {
    convertFlatIndex(given.position, given.from, other(given.from), sizesOf(given));
  } catch (error) {
    const field =
      error instanceof EngineError && error.argument === 'position' ? 'given.position' : 'given';
    throw new TemplateError(field, `\`${field}\`: ${(error as Error).message}`);
  }
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generateConvert(s: LayoutConvertSettings, rng: Rng): LayoutConvertGiven {
  const [rows, cols, channels] = drawImageSize(rng, s);
  if (rows < 1 || cols < 1 || channels < 1)
    throw new TemplateError('generate', '`generate`: sizes must be at least 1.');
  const from = rng.pick(s.from ?? (['CHW', 'HWC'] as const));
  const position = rng.int(0, rows * cols * channels - 1);
  return { from, rows, cols, channels, position };
}

function buildConvert(given: LayoutConvertGiven, text: TemplateText): Question {
  const sizes = sizesOf(given);
  const to = other(given.from);
  const answer = () => convertFlatIndex(given.position, given.from, to, sizes);
  const fromShape = layoutShape(given.from, sizes);
  return {
    kind: 'number',
    prompt: fill(text.prompt, {
      from: layoutText(given.from),
      to: layoutText(to),
      position: given.position,
      rows: given.rows,
      cols: given.cols,
      channels: given.channels,
      shape: `(${fromShape.join(', ')})`,
      count: sizeOf(fromShape),
    }),
    displays: [
      { type: 'text', text: `${layoutText(given.from)} = (${fromShape.join(', ')})` },
      { type: 'text', text: `${layoutText(to)} = (${layoutShape(to, sizes).join(', ')})` },
    ],
    tolerance: 0,
    expected: () => number(answer()),
    mistakes: () => {
      // A changed rule whose position is outside the swapped shape has no answer.
      const { list, tryAdd } = numberSlips(answer());
      // Swapping H and W changes nothing here: both formulas only use the pixel's index y·W + x.
      tryAdd('layout-confused', () => convertFlatIndex(given.position, to, given.from, sizes));
      return list;
    },
    solution: () => {
      const [a, b, c] = unravelIndex(fromShape, given.position);
      const cell = given.from === 'CHW' ? { c: a, y: b, x: c } : { y: a, x: b, c };
      const p: Resolved = { C: sizes.C, H: sizes.H, W: sizes.W, ...cell, layout: to };
      const value = answer();
      return [
        {
          text: text.t('solution.convert.cell', {
            layout: layoutText(given.from),
            position: given.position,
            channel: cell.c,
            row: cell.y,
            col: cell.x,
          }),
        },
        { text: `${layoutText(given.from)}: ${formulaText({ ...p }, given.from, given.position)}` },
        { text: `${layoutText(to)}: ${formulaText(p, to, value)}` },
      ];
    },
  };
}

export const layoutConvert: Template<LayoutConvertGiven, LayoutConvertSettings> = {
  name: 'layout-convert',
  kind: 'number',
  parseGiven: parseConvert,
  parseSettings: (value) => parseWith(convertSettingsSchema, value, 'generate'),
  generate: generateConvert,
  build: buildConvert,
};

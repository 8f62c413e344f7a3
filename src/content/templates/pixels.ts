/**
 * Pictures as numbers:
 * - `pixel-value` (number): the value of one pixel, rows and columns counted from 0 at the top
 *   left; for a colour picture, in one channel. Read through the engine's tensor layout.
 * - `threshold-grid` (grid): black and white from grey, 1 where a pixel is at least the
 *   threshold, else 0 (the engine's `binarize`).
 */
import { z } from 'zod';
import {
  type Tensor,
  binarize,
  offset,
  plainNumber,
  toNested,
  volumeFrom,
} from '../../engine/index.js';
import type { Rng } from '../random.js';
import type {
  Display,
  MistakeModel,
  Question,
  SolutionLine,
  Template,
  TemplateText,
} from '../types.js';
import { index } from './schemas.js';
import {
  TemplateError,
  draw,
  drawGrid,
  drawImageSize,
  drawValue,
  fill,
  intOrRange,
  parseWith,
  valueSpec,
} from './shared.js';

function pictureOf(field: string, value: unknown): Tensor {
  try {
    return volumeFrom(field.replace(/^given\./, ''), value);
  } catch (error) {
    throw new TemplateError(field, `\`${field}\`: ${(error as Error).message}`);
  }
}

const valueGivenSchema = z.strictObject({
  /** One grid, or one grid per channel (C, H, W). */
  image: z.unknown(),
  /** [row, column] for a grid; [channel, row, column] for channels. */
  cell: z.union([z.tuple([index, index]), z.tuple([index, index, index])]),
});
export type PixelValueGiven = z.infer<typeof valueGivenSchema>;

const valueSettingsSchema = z.strictObject({
  rows: intOrRange,
  /** @default rows */
  cols: intOrRange.optional(),
  /** More than 1 asks for a value in one channel. @default 1 */
  channels: intOrRange.optional(),
  values: valueSpec,
});
export type PixelValueSettings = z.infer<typeof valueSettingsSchema>;

interface Cell {
  channel: number;
  row: number;
  col: number;
}

function cellOf(g: PixelValueGiven): Cell {
  return g.cell.length === 3
    ? { channel: g.cell[0], row: g.cell[1], col: g.cell[2] }
    : { channel: 0, row: g.cell[0], col: g.cell[1] };
}

/** The value at (channel, row, col), or undefined outside the picture. */
function valueAt(t: Tensor, channel: number, row: number, col: number): number | undefined {
  const [C, H, W] = t.shape;
  if (channel < 0 || row < 0 || col < 0 || channel >= C || row >= H || col >= W) return undefined;
  return t.data[offset(t.shape, [channel, row, col])];
}

function parseValue(value: unknown): PixelValueGiven {
  const given = parseWith(valueGivenSchema, value, 'given');
  const t = pictureOf('given.image', given.image);
  const { channel, row, col } = cellOf(given);
  if (given.cell.length === 2 && t.shape[0] > 1)
    throw new TemplateError(
      'given.cell',
      '`given.cell`: the image has channels; give [channel, row, column].',
    );
  if (valueAt(t, channel, row, col) === undefined)
    throw new TemplateError(
      'given.cell',
      `\`given.cell\`: the image is ${t.shape[0]}×${t.shape[1]}×${t.shape[2]} (C×H×W) and has no pixel at channel ${channel}, row ${row}, column ${col}.`,
    );
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generateValue(s: PixelValueSettings, rng: Rng): PixelValueGiven {
  const [rows, cols, channels] = drawImageSize(rng, s);
  if (rows < 1 || cols < 1 || channels < 1)
    throw new TemplateError('generate', '`generate`: rows, cols and channels must be at least 1.');
  const grids = Array.from({ length: channels }, () => drawGrid(rng, rows, cols, s.values));
  const channel = channels > 1 ? rng.int(0, channels - 1) : 0;
  const row = rng.int(0, rows - 1);
  const col = rng.int(0, cols - 1);
  return channels > 1
    ? { image: grids, cell: [channel, row, col] }
    : { image: grids[0], cell: [row, col] };
}

function pictureDisplay(t: Tensor, title: string): Display {
  const nested = toNested(t) as number[][][];
  return nested.length === 1
    ? { type: 'grid', title, grid: nested[0] }
    : { type: 'channels', title, channels: nested };
}

function buildValue(given: PixelValueGiven, text: TemplateText): Question {
  const t = pictureOf('given.image', given.image);
  const { channel, row, col } = cellOf(given);
  const answer = () => valueAt(t, channel, row, col)!;
  const number = (value: number) => ({ kind: 'number' as const, value });
  return {
    kind: 'number',
    prompt: fill(text.prompt, {
      row,
      col,
      channel,
      rows: t.shape[1],
      cols: t.shape[2],
      channels: t.shape[0],
    }),
    displays: [pictureDisplay(t, text.t('display.image'))],
    tolerance: 0,
    expected: () => number(answer()),
    mistakes: () => {
      const expected = answer();
      const out: MistakeModel[] = [];
      const add = (id: MistakeModel['id'], v: number | undefined) => {
        if (v !== undefined && v !== expected) out.push({ id, answer: number(v) });
      };
      add('rows-columns-swapped', valueAt(t, channel, col, row));
      add('counted-from-one', valueAt(t, channel, row - 1, col - 1));
      return out;
    },
    solution: () => {
      const lines: SolutionLine[] = [];
      if (t.shape[0] > 1) lines.push({ text: text.t('solution.pixel.channel', { channel }) });
      const rowValues = Array.from({ length: t.shape[2] }, (_, c) =>
        plainNumber(valueAt(t, channel, row, c)!),
      );
      lines.push({
        text: text.t('solution.pixel.row', {
          row,
          values: rowValues.join(' '),
          col,
          value: plainNumber(answer()),
        }),
      });
      return lines;
    },
  };
}

export const pixelValue: Template<PixelValueGiven, PixelValueSettings> = {
  name: 'pixel-value',
  kind: 'number',
  parseGiven: parseValue,
  parseSettings: (value) => parseWith(valueSettingsSchema, value, 'generate'),
  generate: generateValue,
  build: buildValue,
};

const gridGivenSchema = z.strictObject({
  /** One grid of grey levels. */
  image: z.unknown(),
  /** Pixels at or above this become 1, the rest 0. */
  threshold: z.number(),
});
export type ThresholdGridGiven = z.infer<typeof gridGivenSchema>;

const gridSettingsSchema = z.strictObject({
  rows: intOrRange,
  /** @default rows */
  cols: intOrRange.optional(),
  values: valueSpec,
  threshold: valueSpec,
});
export type ThresholdGridSettings = z.infer<typeof gridSettingsSchema>;

function greyOf(value: unknown): Tensor {
  const t = pictureOf('given.image', value);
  if (t.shape[0] !== 1)
    throw new TemplateError(
      'given.image',
      `\`given.image\`: expected one grid of grey levels, got ${t.shape[0]} channels.`,
    );
  return t;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generateGrid(s: ThresholdGridSettings, rng: Rng): ThresholdGridGiven {
  const rows = draw(rng, s.rows);
  const cols = s.cols === undefined ? rows : draw(rng, s.cols);
  if (rows < 1 || cols < 1)
    throw new TemplateError('generate', '`generate`: rows and cols must be at least 1.');
  const image = drawGrid(rng, rows, cols, s.values);
  const threshold = drawValue(rng, s.threshold);
  return { image, threshold };
}

function buildGrid(given: ThresholdGridGiven, text: TemplateText): Question {
  const t = greyOf(given.image);
  const [, H, W] = t.shape;
  const rowsOf = (out: Tensor) => (toNested(out) as number[][][])[0];
  const grid = (rows: number[][]) => ({ kind: 'grid' as const, rows });
  const same = (a: number[][], b: number[][]) =>
    a.every((r, i) => r.every((v, j) => v === b[i][j]));
  return {
    kind: 'grid',
    prompt: fill(text.prompt, { threshold: given.threshold, rows: H, cols: W }),
    displays: [pictureDisplay(t, text.t('display.image'))],
    gridSize: { rows: H, cols: W },
    tolerance: 0,
    expected: () => grid(rowsOf(binarize(t, given.threshold))),
    mistakes: () => {
      const expected = rowsOf(binarize(t, given.threshold));
      const out: MistakeModel[] = [];
      const strict = rowsOf(binarize(t, given.threshold, { strict: true }));
      if (!same(strict, expected)) out.push({ id: 'threshold-strict', answer: grid(strict) });
      out.push({
        id: 'threshold-inverted',
        answer: grid(expected.map((r) => r.map((v) => 1 - v))),
      });
      return out;
    },
    solution: () => {
      const bw = rowsOf(binarize(t, given.threshold));
      const grey = rowsOf(t);
      return [
        { text: text.t('solution.binarize.rule', { threshold: given.threshold }) },
        ...grey.map((r, i) => ({
          text: text.t('solution.binarize.row', {
            row: i,
            cells: r.map((v, j) => `${plainNumber(v)}→${bw[i][j]}`).join('  '),
          }),
        })),
      ];
    },
  };
}

export const thresholdGrid: Template<ThresholdGridGiven, ThresholdGridSettings> = {
  name: 'threshold-grid',
  kind: 'grid',
  parseGiven: (value) => {
    const given = parseWith(gridGivenSchema, value, 'given');
    greyOf(given.image);
    return given;
  },
  parseSettings: (value) => parseWith(gridSettingsSchema, value, 'generate'),
  generate: generateGrid,
  build: buildGrid,
};

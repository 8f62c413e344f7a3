/**
 * `layout-shape` (shape): the shape of a described tensor in a named layout such as
 * (N, H, W, C) or (C, H, W), from the engine's `layoutShape`.
 */
import { z } from 'zod';
import { layoutShape } from '../../engine/index.js';
import type { Rng } from '../random.js';
import type { Question, Template, TemplateText } from '../types.js';
import { shapeAnswer, shapeSlips } from './answers.js';
import { layoutText, tupleText } from './layer-text.js';
import { whole } from './schemas.js';
import { TemplateError, draw, fill, intOrRange, parseWith } from './shared.js';

// ——— layout-shape: a described tensor in a named layout ———

export const layoutPattern = /^(?!.*(.).*\1)[NCHW]+$/;
const layout = z
  .string()
  .regex(layoutPattern, {
    error: 'expected distinct axis letters from N, C, H, W, such as `NHWC` or `CHW`',
  })
  .refine((l) => l.includes('H') && l.includes('W'), {
    error: 'a picture layout needs both H and W',
  });

const layoutGivenSchema = z
  .strictObject({
    /** Axis letters in order: N (batch), C (channels), H (rows), W (columns). */
    layout,
    batch: whole.optional(),
    rows: whole,
    cols: whole,
    channels: whole.optional(),
  })
  .superRefine((g, ctx) => {
    if (g.layout.includes('N') && g.batch === undefined)
      ctx.addIssue({ code: 'custom', path: ['batch'], message: 'the layout has N: give `batch`' });
    if (g.layout.includes('C') && g.channels === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['channels'],
        message: 'the layout has C: give `channels`',
      });
  });
export type LayoutShapeGiven = z.infer<typeof layoutGivenSchema>;

const layoutSettingsSchema = z.strictObject({
  /** Layouts to draw from, e.g. [NHWC, NCHW]. */
  layouts: z.array(layout).min(1),
  batch: intOrRange.optional(),
  rows: intOrRange,
  /** @default rows */
  cols: intOrRange.optional(),
  channels: intOrRange.optional(),
});
export type LayoutShapeSettings = z.infer<typeof layoutSettingsSchema>;

function sizesOf(g: LayoutShapeGiven): Record<string, number> {
  return {
    H: g.rows,
    W: g.cols,
    ...(g.batch === undefined ? {} : { N: g.batch }),
    ...(g.channels === undefined ? {} : { C: g.channels }),
  };
}

/** The same axes with the channels moved to the other end: NHWC ↔ NCHW, HWC ↔ CHW. */
function otherLayout(l: string): string | undefined {
  if (!l.includes('C')) return undefined;
  const rest = [...l].filter((a) => a !== 'C' && a !== 'N').join('');
  const n = l.includes('N') ? 'N' : '';
  return l.endsWith('C') ? `${n}C${rest}` : `${n}${rest}C`;
}

function parseLayout(value: unknown): LayoutShapeGiven {
  const given = parseWith(layoutGivenSchema, value, 'given');
  layoutShape(given.layout, sizesOf(given));
  return given;
}

/** Draw inputs; the draw order is part of the variant's identity and must not change. */
function generateLayout(s: LayoutShapeSettings, rng: Rng): LayoutShapeGiven {
  const l = rng.pick(s.layouts);
  const batch = s.batch === undefined ? undefined : draw(rng, s.batch);
  const rows = draw(rng, s.rows);
  const cols = s.cols === undefined ? rows : draw(rng, s.cols);
  const channels = s.channels === undefined ? undefined : draw(rng, s.channels);
  if (l.includes('N') && batch === undefined)
    throw new TemplateError('generate.batch', '`generate.batch`: a layout has N, so give `batch`.');
  if (l.includes('C') && channels === undefined)
    throw new TemplateError(
      'generate.channels',
      '`generate.channels`: a layout has C, so give `channels`.',
    );
  return {
    layout: l,
    rows,
    cols,
    ...(batch === undefined ? {} : { batch }),
    ...(channels === undefined ? {} : { channels }),
  };
}

function buildLayout(given: LayoutShapeGiven, text: TemplateText): Question {
  const sizes = sizesOf(given);
  const dims = () => layoutShape(given.layout, sizes);
  return {
    kind: 'shape',
    prompt: fill(text.prompt, {
      layout: layoutText(given.layout),
      batch: given.batch ?? '',
      rows: given.rows,
      cols: given.cols,
      channels: given.channels ?? '',
    }),
    displays: [],
    tolerance: 0,
    expected: () => shapeAnswer(dims()),
    mistakes: () => {
      const { list, add } = shapeSlips(dims());
      const other = otherLayout(given.layout);
      if (other) add('layout-confused', layoutShape(other, sizes));
      add(
        'rows-columns-swapped',
        layoutShape(given.layout, { ...sizes, H: given.cols, W: given.rows }),
      );
      if (given.layout.includes('N'))
        add('batch-forgotten', layoutShape(given.layout.replace('N', ''), sizes));
      return list;
    },
    solution: () => {
      const d = dims();
      return [
        { text: text.t('solution.layout.order', { layout: layoutText(given.layout) }) },
        { text: [...given.layout].map((a, i) => `${a} = ${d[i]}`).join(', ') },
        { text: tupleText(d) },
      ];
    },
  };
}

export const layoutShapeTemplate: Template<LayoutShapeGiven, LayoutShapeSettings> = {
  name: 'layout-shape',
  kind: 'shape',
  parseGiven: parseLayout,
  parseSettings: (value) => parseWith(layoutSettingsSchema, value, 'generate'),
  generate: generateLayout,
  build: buildLayout,
};

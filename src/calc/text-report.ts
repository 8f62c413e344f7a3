/**
 * The human explanation `cnn-tutor calc` prints: grids side by side (input ⊛ kernel = output),
 * and for small inputs every window's products written out as the lecture slides do.
 */
import {
  type Tensor,
  convCellText,
  explainConv2dCell,
  explainPoolCell,
  formatSummary,
  plainNumber,
  poolCellText,
  toNested,
} from '../engine/index.js';
import {
  type BorderStyle,
  createStyle,
  formatNumber,
  renderGrid,
  stackWhenTooWide,
  wrapText,
} from '../render/index.js';
import type { CalcResult } from './run-request.js';

export interface ReportOptions {
  ascii: boolean;
  color: boolean;
  width: number;
  /**
   * Above this many products in all, the per-window sums are left out (the grids still show).
   * `calc` writes out up to 600; a lesson figure, read on one screen, up to 90 (a 3×3 map of a
   * 3×3 kernel, like the lectures' first example). @default 600
   */
  maxProducts?: number;
}

/** How many products `calc` writes out by default. */
const MAX_WRITTEN_PRODUCTS = 600;
/** How many a lesson figure writes out: the lectures' 5×5 ⊛ 3×3 example (81) and no bigger. */
export const FIGURE_MAX_PRODUCTS = 90;

/** The convolution sign: ⊛, or (*) when only ASCII may be drawn (a bare * is a product). */
function conv(o: ReportOptions): string {
  return o.ascii ? '(*)' : '⊛';
}

function gridOptions(o: ReportOptions) {
  return {
    border: (o.ascii ? 'ascii' : 'unicode') as BorderStyle,
    decimals: 4,
    style: createStyle({ color: o.color }),
  };
}

function grids(t: Tensor): number[][][] {
  return toNested(t) as number[][][];
}

/** Input with its zero padding drawn around it, so learners see where the window reads zeros. */
function paddedGrid(
  grid: number[][],
  pad: { top: number; bottom: number; left: number; right: number },
): number[][] {
  const cols = grid[0].length + pad.left + pad.right;
  const zeros = () => new Array<number>(cols).fill(0);
  return [
    ...Array.from({ length: pad.top }, zeros),
    ...grid.map((row) => [
      ...new Array<number>(pad.left).fill(0),
      ...row,
      ...new Array<number>(pad.right).fill(0),
    ]),
    ...Array.from({ length: pad.bottom }, zeros),
  ];
}

function settingsLine(r: Extract<CalcResult, { op: 'conv2d' | 'maxpool' | 'avgpool' }>): string {
  const g = r.geometry;
  const pad = g.pad;
  const padText =
    pad.top + pad.bottom + pad.left + pad.right === 0
      ? 'none'
      : `top ${pad.top}, bottom ${pad.bottom}, left ${pad.left}, right ${pad.right}`;
  const [C, H, W] = r.input.shape;
  const [O, oH, oW] = r.output.shape;
  const window =
    r.op === 'conv2d'
      ? `kernel ${g.kH}×${g.kW}${g.dH > 1 || g.dW > 1 ? `, dilation ${g.dH}×${g.dW}` : ''}`
      : `window ${g.kH}×${g.kW}`;
  return `Layout (C,H,W): input ${C}×${H}×${W}, ${window}, stride ${g.sH}×${g.sW}, padding ${padText} → output ${O}×${oH}×${oW}.`;
}

function conv2dReport(r: Extract<CalcResult, { op: 'conv2d' }>, o: ReportOptions): string[] {
  const lines = [...wrapText(settingsLine(r), o.width), ''];
  const input = grids(r.input);
  const kernels = toNested(r.filters) as number[][][][];
  const outputs = grids(r.output);
  const pad = r.geometry.pad;
  const hasPad = pad.top + pad.bottom + pad.left + pad.right > 0;
  const bias = r.options.bias ? Array.from(r.options.bias) : undefined;
  const scale = r.options.scale ?? 1;
  const go = gridOptions(o);
  const inputBlock = (channel: number[][], c: number) =>
    renderGrid(hasPad ? paddedGrid(channel, pad) : channel, {
      ...go,
      padded: hasPad ? pad : undefined,
      title: `input${input.length > 1 ? ` channel ${c}` : ''}${hasPad ? ' (· = zero padding)' : ''}`,
    });
  const extra = (f: number) =>
    [
      scale !== 1 ? `× ${plainNumber(scale)}` : '',
      bias && bias[f] !== 0 ? `+ bias ${plainNumber(bias[f])}` : '',
    ]
      .filter(Boolean)
      .join(' ');
  if (kernels.length === 1 && input.length === 1) {
    // The slides' picture: input ⊛ kernel = output.
    const more = extra(0);
    lines.push(
      ...stackWhenTooWide(
        [
          inputBlock(input[0], 0),
          renderGrid(kernels[0][0], { ...go, title: 'kernel' }),
          renderGrid(outputs[0], { ...go, title: 'output' }),
        ],
        o.width,
        [conv(o), more ? `${more} =` : '='],
      ),
      '',
    );
  } else {
    // The input once, then each filter: its kernel (every channel) = its map.
    lines.push(...stackWhenTooWide(input.map(inputBlock), o.width, [], { align: 'top' }), '');
    kernels.forEach((kernel, f) => {
      const more = extra(f);
      const sum = input.length > 1 ? ' (products summed over all channels)' : '';
      lines.push(
        ...wrapText(
          `input ${conv(o)} kernel ${f}${more ? ` ${more}` : ''} = map ${f}${sum}:`,
          o.width,
        ),
      );
      const blocks = kernel.map((k, c) =>
        renderGrid(k, {
          ...go,
          title: input.length > 1 ? `kernel ${f}, channel ${c}` : `kernel ${f}`,
        }),
      );
      blocks.push(renderGrid(outputs[f], { ...go, title: `map ${f}` }));
      lines.push(...stackWhenTooWide(blocks, o.width, [...kernel.slice(1).map(() => ''), '=']), '');
    });
  }
  const products = (r.output.data.length * r.filters.data.length) / r.filters.shape[0];
  if (products <= (o.maxProducts ?? MAX_WRITTEN_PRODUCTS)) {
    lines.push('Every window, written out (padding reads as 0):');
    for (let f = 0; f < outputs.length; f++)
      for (let y = 0; y < outputs[f].length; y++)
        for (let x = 0; x < outputs[f][0].length; x++) {
          const e = explainConv2dCell(r.input, r.filters, r.options, f, y, x);
          lines.push(...wrapText(`out[${f}][${y}][${x}] = ${convCellText(e)}`, o.width));
        }
  } else {
    lines.push(
      ...wrapText(
        `(${products} products in all: too many to write out; ask for a smaller input to see every window.)`,
        o.width,
      ),
    );
  }
  return lines;
}

function poolReport(
  r: Extract<CalcResult, { op: 'maxpool' | 'avgpool' }>,
  o: ReportOptions,
): string[] {
  const lines = [...wrapText(settingsLine(r), o.width)];
  if (r.op === 'avgpool') lines.push('Padding cells are not counted in an average.');
  else if (r.geometry.pad.bottom + r.geometry.pad.right > 0)
    lines.push('Padding cells never win a max.');
  lines.push('');
  const go = gridOptions(o);
  const input = grids(r.input);
  const output = grids(r.output);
  const name = r.op === 'maxpool' ? 'max pool' : 'average pool';
  input.forEach((channel, c) => {
    lines.push(
      ...stackWhenTooWide(
        [
          renderGrid(channel, { ...go, title: input.length > 1 ? `channel ${c}` : 'input' }),
          renderGrid(output[c], { ...go, title: name }),
        ],
        o.width,
        ['→'],
      ),
      '',
    );
  });
  if (r.output.data.length <= Math.min(100, o.maxProducts ?? 100)) {
    for (let c = 0; c < output.length; c++)
      for (let y = 0; y < output[c].length; y++)
        for (let x = 0; x < output[c][0].length; x++) {
          const e = explainPoolCell(
            r.op === 'maxpool' ? 'max' : 'avg',
            r.input,
            r.options,
            c,
            y,
            x,
          );
          lines.push(...wrapText(`out[${c}][${y}][${x}] = ${poolCellText(e)}`, o.width));
        }
  }
  return lines;
}

/** What a pipeline stage does, in one line: `max pool 2×2, stride 2×2, padding same`. */
function stageText(r: Extract<CalcResult, { op: 'pipeline' }>, k: number): string {
  const stage = r.stages[k];
  const pair = (v: number | readonly [number, number] | undefined, fallback: number) => {
    const [a, b] = v === undefined ? [fallback, fallback] : typeof v === 'number' ? [v, v] : v;
    return `${a}×${b}`;
  };
  switch (stage.op) {
    case 'conv2d': {
      const [O, , kH, kW] = stage.kernels.shape;
      const scale =
        stage.scale !== undefined && stage.scale !== 1 ? `, × ${plainNumber(stage.scale)}` : '';
      const bias = stage.bias
        ? `, bias ${Array.from(stage.bias, (b) => plainNumber(b)).join(', ')}`
        : '';
      const pad =
        typeof stage.padding === 'object'
          ? JSON.stringify(stage.padding)
          : String(stage.padding ?? 'valid');
      return `conv2d: ${O} filter${O === 1 ? '' : 's'} ${kH}×${kW}${scale}${bias}, stride ${pair(stage.stride, 1)}, padding ${pad}`;
    }
    case 'maxpool':
    case 'avgpool': {
      const size = typeof stage.size === 'number' ? stage.size : stage.size[0];
      return `${stage.op === 'maxpool' ? 'max' : 'average'} pool ${pair(stage.size, size)}, stride ${pair(stage.stride ?? stage.size, size)}, padding ${stage.padding ?? 'valid'}`;
    }
    case 'relu':
      return 'relu: every negative number becomes 0';
    case 'flatten':
      return stage.order === 'hwc'
        ? 'flatten, pixel by pixel (channels last)'
        : 'flatten, map by map (channels first)';
    case 'dense':
      return `dense: ${stage.weights.length} unit${stage.weights.length === 1 ? '' : 's'}, one row of weights each`;
    case 'softmax':
      return 'softmax: e^(z − max) / Σ e^(z − max); the outputs add up to 1';
  }
}

function pipelineReport(r: Extract<CalcResult, { op: 'pipeline' }>, o: ReportOptions): string[] {
  const shape = (t: Tensor) => t.shape.join('×');
  const ops = r.stages.map((s) => s.op).join(' → ');
  const lines = wrapText(
    `Layout (C,H,W): input ${shape(r.input)}${ops ? `, then ${ops}` : ''}.`,
    o.width,
  );
  const go = gridOptions(o);
  const shown = (k: number) => r.show === undefined || r.show.includes(k);
  for (let k = 0; k <= r.stages.length; k++) {
    const value = k === 0 ? r.input : r.outputs[k - 1];
    const stage = k === 0 ? undefined : r.stages[k - 1];
    lines.push(
      '',
      ...wrapText(
        k === 0 ? `input (${shape(value)})` : `${k}. ${stageText(r, k - 1)} → ${shape(value)}`,
        o.width,
      ),
    );
    if (!shown(k)) continue;
    if (value.shape.length === 3) {
      const maps = grids(value);
      const blocks = maps.map((g, c) =>
        renderGrid(g, { ...go, title: maps.length > 1 ? `map ${c}` : undefined }),
      );
      lines.push(...stackWhenTooWide(blocks, o.width, [], { gap: 3, align: 'top' }));
    } else if (stage?.op === 'dense') {
      const x = Array.from((k === 1 ? r.input : r.outputs[k - 2]).data);
      stage.weights.forEach((row, i) => {
        const sum = `${row.map((w, j) => `${plainNumber(w)}*${plainNumber(x[j])}`).join(' + ')}${stage.bias ? ` + ${plainNumber(stage.bias[i])}` : ''}`;
        lines.push(...wrapText(`out[${i}] = ${sum} = ${plainNumber(value.data[i])}`, o.width));
      });
    } else {
      lines.push(...wrapText(list(Array.from(value.data)), o.width));
    }
  }
  return lines;
}

/** A factor in a written-out product: negative numbers in brackets, as in `(-1)*2`. */
function factor(value: number): string {
  return value < 0 ? `(${plainNumber(value)})` : plainNumber(value);
}

function list(values: readonly number[]): string {
  return `[${values.map((v) => formatNumber(v, { decimals: 4 })).join(', ')}]`;
}

export function textReport(r: CalcResult, o: ReportOptions): string[] {
  switch (r.op) {
    case 'conv2d':
      return conv2dReport(r, o);
    case 'maxpool':
    case 'avgpool':
      return poolReport(r, o);
    case 'conv1d': {
      const how = r.request.flip
        ? 'true convolution (kernel flipped)'
        : 'cross-correlation (no flip, what deep-learning libraries call convolution)';
      const k = r.request.flip ? [...r.request.kernel].reverse() : r.request.kernel;
      const lines = wrapText(
        `1-D ${how}, mode ${r.request.mode ?? 'valid'} (zeros: ${r.padding[0]} before, ${r.padding[1]} after).`,
        o.width,
      );
      lines.push(
        `input  ${list(r.request.input)}`,
        `kernel ${list(r.request.kernel)}${r.request.flip ? `  → flipped ${list(k)}` : ''}`,
        `output ${list(r.output)}`,
      );
      return lines;
    }
    case 'relu': {
      const t = r.output;
      const shown =
        t.shape.length === 2 ? [toNested(t) as number[][]] : t.shape.length === 3 ? grids(t) : null;
      if (!shown) return [`relu ${list(Array.from(r.input.data))} = ${list(Array.from(t.data))}`];
      const go = gridOptions(o);
      const inputs = t.shape.length === 2 ? [toNested(r.input) as number[][]] : grids(r.input);
      return [
        'ReLU: every negative cell becomes 0, the rest stay.',
        '',
        ...shown.flatMap((g, c) => [
          ...stackWhenTooWide(
            [
              renderGrid(inputs[c], { ...go, title: 'input' }),
              renderGrid(g, { ...go, title: 'relu' }),
            ],
            o.width,
            ['→'],
          ),
          '',
        ]),
      ];
    }
    case 'softmax':
      return [
        `softmax ${list(r.input)} = ${list(r.output)}`,
        `(e^(z − max) / Σ e^(z − max); the outputs add up to 1)`,
      ];
    case 'dense':
      return r.output.map((v, i) => {
        const products = r.weights[i]
          .map((w, j) => `${factor(w)}*${factor(r.input[j])}`)
          .join(' + ');
        const bias = r.bias
          ? r.bias[i] < 0
            ? ` − ${plainNumber(-r.bias[i])}`
            : ` + ${plainNumber(r.bias[i])}`
          : '';
        return `out[${i}] = ${products}${bias} = ${plainNumber(v)}`;
      });
    case 'outsize':
      return [
        r.output.formula,
        `Output size: ${r.output.size}${r.output.fits ? '' : ' (a framework drops the incomplete last window)'}.`,
      ];
    case 'params': {
      const p = r.output;
      const per = r.request.layer === 'conv2d' ? 'per filter' : 'per unit';
      return [
        `${p.weights} weights + ${p.biases} biases = ${p.total} parameters (${p.perUnit} ${per}).`,
      ];
    }
    case 'summary':
      return formatSummary(r.output);
    case 'pipeline':
      return pipelineReport(r, o);
  }
}

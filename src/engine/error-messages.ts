/**
 * The English of every coded engine error, by code, and of the few words messages use for a
 * value (`nothing`, `an array of length 3`). Each entry turns the error's parameters into its
 * message. The message catalog mirrors them as `engine.error.<code>` and `engine.value.<code>`
 * (a test keeps the two in step), so the interface can show an error in the learner's language
 * while the engine, which knows no catalog, still throws readable English.
 */
import type { EngineError, Phrase } from './errors.js';

/** A value as an error message shows it: a number, literal text (`"same"`, `NaN`) or a phrase. */
type Got = string | number | Phrase;
type NoParams = Readonly<Record<string, never>>;
/** 1 when an optional part of the message applies, else 0 (a catalog picks it with `=0`). */
type Flag = 0 | 1;

/** An optional part of a message, such as " (dilated span 5×5)". */
const when = (flag: Flag, text: string): string => (flag ? text : '');
const channels = (n: number): string => `${n} input channel${n === 1 ? '' : 's'}`;

export const ENGINE_ERROR_MESSAGES = {
  // Numbers (errors.ts).
  'not-positive-int': (p: { argument: string; got: Got }) =>
    `Expected \`${p.argument}\` to be a whole number ≥ 1, got ${p.got}.`,
  'not-non-negative-int': (p: { argument: string; got: Got }) =>
    `Expected \`${p.argument}\` to be a whole number ≥ 0, got ${p.got}.`,
  'not-finite': (p: { argument: string; got: Got }) =>
    `Expected \`${p.argument}\` to be a finite number, got ${p.got}.`,
  'not-boolean': (p: { argument: string; got: Got }) =>
    `Expected \`${p.argument}\` to be true or false, got ${p.got}.`,
  'not-one-of': (p: { argument: string; values: string; got: Got }) =>
    `Expected \`${p.argument}\` to be one of ${p.values}, got ${p.got}.`,

  // Nested lists and tensors (tensor.ts, nested.ts).
  'index-outside': (p: { index: number; axis: number; size: number }) =>
    `Index ${p.index} is outside axis ${p.axis} of size ${p.size}.`,
  'empty-array': (p: { name: string; depth: number }) =>
    `Expected \`${p.name}\` to have no empty arrays, got an empty one at depth ${p.depth}.`,
  'wrong-rank': (p: { name: string; expected: Phrase; got: Got }) =>
    `Expected \`${p.name}\` to be ${p.expected}, got ${p.got}.`,
  ragged: (p: { name: string; at: string; length: number; got: Got }) =>
    `\`${p.name}\` is ragged: expected \`${p.at}\` to be an array of length ${p.length}, got ${p.got}.`,
  'not-finite-data': (p: { name: string; got: Got; position: number }) =>
    `Expected every number in \`${p.name}\` to be finite, got ${p.got} at flat position ${p.position}.`,
  'not-a-volume': (p: { name: string; got: Got }) =>
    `Expected \`${p.name}\` to be a grid (a list of rows) or a list of grids (one per channel), got ${p.got}.`,
  'no-filters': (p: { name: string; got: Got }) =>
    `Expected \`${p.name}\` to be a non-empty list of filters, got ${p.got}.`,
  'filter-channels': (p: { channels: number; filter: string; got: number }) =>
    `Each filter must span all ${channels(p.channels)}, but \`${p.filter}\` has ${p.got}.`,
  'filter-sizes': (p: {
    first: string;
    firstRows: number;
    firstColumns: number;
    filter: string;
    rows: number;
    columns: number;
  }) =>
    `All filters must have the same size: \`${p.first}\` is ${p.firstRows}×${p.firstColumns}, \`${p.filter}\` is ${p.rows}×${p.columns}.`,

  // Sliding windows (geometry.ts, conv2d.ts, pool.ts).
  'not-pair': (p: { argument: string; got: Got }) =>
    `Expected \`${p.argument}\` to be a whole number or a pair [rows, columns], got ${p.got}.`,
  'bad-padding': (p: { got: Got }) =>
    `Expected \`padding\` to be "valid", "same", a whole number, or [[top, bottom], [left, right]], got ${p.got}.`,
  'kernel-too-big': (p: WindowTooBig) =>
    `The kernel is ${p.rows}×${p.columns}${dilatedSpan(p)} but the padded input is only ${p.paddedRows}×${p.paddedColumns}: the window does not fit. Use a smaller kernel or more padding.`,
  'pool-window-too-big': (p: WindowTooBig) =>
    `The pooling window is ${p.rows}×${p.columns}${dilatedSpan(p)} but the padded input is only ${p.paddedRows}×${p.paddedColumns}: the window does not fit. Use a smaller pooling window or more padding.`,
  'kernel-channels': (p: { channels: number; got: number }) =>
    `Each filter must span all ${channels(p.channels)}, but the filters in \`kernels\` have ${p.got}.`,
  'bias-per-filter': (p: { filters: number; got: number }) =>
    `Expected \`bias\` to have one number per filter (${p.filters}), got ${p.got}.`,
  'no-pool-size': (_: NoParams) =>
    'Expected `size`, the pooling window (e.g. 2 or [2, 2]), got nothing.',
  'pool-padding': (p: { got: Got }) =>
    `Expected pooling \`padding\` to be "valid" or "same", got ${p.got}.`,

  // Lists of numbers (dense.ts, conv1d.ts, activations.ts).
  'empty-numbers': (p: { name: string; got: Got }) =>
    `Expected \`${p.name}\` to be a non-empty list of numbers, got ${p.got}.`,
  'no-weight-rows': (p: { got: Got }) =>
    `Expected \`weights\` to be a non-empty list of rows (one per output), got ${p.got}.`,
  'weights-per-input': (p: { row: string; inputs: number; got: Got }) =>
    `Expected \`${p.row}\` to have one weight per input (${p.inputs}), got ${p.got}.`,
  'bias-per-output': (p: { outputs: number; got: Got }) =>
    `Expected \`bias\` to have one number per output (${p.outputs}), got ${p.got}.`,
  'dense-weights-shape': (p: { shape: string }) =>
    `Expected \`weights\` to be (units, inputs), got shape (${p.shape}).`,
  'dense-inputs': (p: { inputs: number; got: number }) =>
    `Each unit has ${p.inputs} weight${p.inputs === 1 ? '' : 's'}, so \`input\` needs ${p.inputs} numbers, got ${p.got}.`,
  'bias-per-unit': (p: { units: number; got: number }) =>
    `Expected \`bias\` to have one number per unit (${p.units}), got ${p.got}.`,
  'gradient-per-unit': (p: { units: number; got: number }) =>
    `Expected \`gradOutput\` to have one number per unit (${p.units}), got ${p.got}.`,
  'gradient-per-input': (p: { inputs: number; got: Got }) =>
    `Expected \`gradOutput\` to have one number per input (${p.inputs}), got ${p.got}.`,
  'conv1d-mode': (p: { got: Got }) =>
    `Expected \`mode\` to be "valid", "same" or "full", got ${p.got}.`,
  'conv1d-too-long': (p: { kernel: number; input: number }) =>
    `The kernel has ${p.kernel} numbers but the input only ${p.input}: with mode "valid" it does not fit.`,

  // Running a model (model-forward.ts, model-backward.ts).
  'layer-without-params': (p: { layer: number; type: string }) =>
    `\`layers[${p.layer}]\` is a ${p.type} layer and needs its weights in \`params[${p.layer}]\`, got nothing.`,
  'backward-from': (p: { from: number; last: number }) =>
    `Expected \`from\` to be a layer number from −1 (the input) to ${p.last}, got ${p.from}.`,

  // Pipelines (pipeline.ts).
  'stages-not-array': (p: { got: Got }) =>
    `Expected \`stages\` to be a list of stages, got ${p.got}.`,
  'stage-op': (p: { got: Got }) =>
    `Expected a stage \`op\` of conv2d, relu, maxpool, avgpool, flatten, dense or softmax, got ${p.got}.`,
  'stage-needs-volume': (p: { stage: string; op: string; before: Phrase; shape: string }) =>
    `\`${p.stage}\` (${p.op}) needs a volume (channels, rows, columns), but ${p.before} gives shape ${p.shape}.`,
  'stage-needs-vector': (p: { stage: string; op: string; before: Phrase; shape: string }) =>
    `\`${p.stage}\` (${p.op}) needs a list of numbers, but ${p.before} gives shape ${p.shape}: put a flatten stage before it.`,
  'in-stage': (p: { stage: string; op: string; error: EngineError }) =>
    `\`${p.stage}\` (${p.op}): ${p.error.message}`,

  // Model specs (model.ts).
  'model-not-object': (p: { got: Got }) =>
    `Expected the model to be { input: [H, W, C], layers: [...] }, got ${p.got}.`,
  'layers-not-array': (p: { got: Got }) =>
    `Expected \`layers\` to be an array of layers, got ${p.got}.`,
  'model-input': (p: { got: Got }) =>
    `Expected \`input\` to be [height, width, channels], got ${p.got}.`,
  'not-a-layer': (p: { layer: string; got: Got }) =>
    `Expected \`${p.layer}\` to be a layer such as { type: 'conv2d', filters: 32, kernel: 3 }, got ${p.got}.`,
  'not-a-layer-field': (p: { field: string; type: string; fields: string }) =>
    `\`${p.field}\` is not a field of a ${p.type} layer; its fields are ${p.fields}.`,
  'empty-name': (p: { argument: string; got: Got }) =>
    `Expected \`${p.argument}\` to be a non-empty string, got ${p.got}.`,
  'duplicate-name': (p: { argument: string; name: string; first: number }) =>
    `\`${p.argument}\` is "${p.name}", already the name of layers[${p.first}]; layer names must be unique.`,
  'dense-needs-flat': (p: { layer: string; name: string; shape: string }) =>
    `\`${p.layer}\` (${p.name}) is a dense layer and needs a flat input, but it gets ${p.shape}. Add { type: 'flatten' } before it.`,
  'layer-needs-image': (p: { layer: string; name: string; type: string; shape: string }) =>
    `\`${p.layer}\` (${p.name}) is a ${p.type} layer and needs an (H, W, C) input, but it gets ${p.shape}. Put convolutions and pooling before the flatten layer.`,
  'layer-kernel-too-big': (p: LayerWindowTooBig) =>
    `\`${p.layer}\` (${p.name}): the ${p.rows}×${p.columns} kernel${dilatedSpan(p)} does not fit its ${p.height}×${p.width}×${p.depth} input${paddedSize(p)}. Use a smaller kernel, padding "same", or fewer layers that shrink the image before it.`,
  'layer-pool-too-big': (p: LayerWindowTooBig) =>
    `\`${p.layer}\` (${p.name}): the ${p.rows}×${p.columns} pooling window${dilatedSpan(p)} does not fit its ${p.height}×${p.width}×${p.depth} input${paddedSize(p)}. Use a smaller pooling window, padding "same", or fewer layers that shrink the image before it.`,
  'layer-conv-padding': (p: { argument: string; got: Got }) =>
    `Expected \`${p.argument}\` to be "valid", "same" or a whole number ≥ 0, got ${p.got}.`,
  'layer-pool-padding': (p: { argument: string; got: Got }) =>
    `Expected \`${p.argument}\` to be "valid" or "same", got ${p.got}.`,

  // Output sizes (arithmetic.ts).
  'outsize-too-big': (p: {
    f: number;
    dilation: number;
    span: number;
    padded: number;
    n: number;
    before: number;
    after: number;
  }) =>
    `Expected the kernel (\`f\` = ${p.f}${p.dilation > 1 ? `, spanning ${p.span} cells with dilation ${p.dilation}` : ''}) to fit in the padded input of ${p.padded} cells (n ${p.n} + pad ${p.before} + ${p.after}), but it is larger. Use a smaller \`f\` or more \`pad\`.`,
  'bad-pad': (p: { got: Got }) =>
    `Expected \`pad\` to be "valid", "same", a whole number ≥ 0, or [before, after], got ${p.got}.`,

  // Threshold units (threshold.ts).
  'too-many-inputs': (p: { max: number; got: number }) =>
    `Expected at most ${p.max} binary inputs, got ${p.got}.`,
  'no-layers': (p: { got: Got }) =>
    `Expected \`layers\` to be a non-empty list of layers, got ${p.got}.`,
  'empty-layer': (p: { layer: string; got: Got }) =>
    `Expected \`${p.layer}\` to hold at least one unit, got ${p.got}.`,
  'range-too-big': (p: { max: number; got: number }) =>
    `Expected \`range\` to be at most ${p.max} (the search grows fast), got ${p.got}.`,
  'truth-table-length': (p: { got: Got }) =>
    `Expected \`target\` to list 2, 4, 8, … outputs (one per binary input), got ${p.got}.`,
  'not-bit': (p: { argument: string; got: Got }) =>
    `Expected \`${p.argument}\` to be 0 or 1, got ${p.got}.`,

  // Layouts (layout.ts).
  'bad-layout': (p: { got: Got }) =>
    `Expected \`layout\` to be distinct capital axis letters such as "NHWC", got ${p.got}.`,
  'layout-size-missing': (p: { layout: string; axis: string }) =>
    `Layout "${p.layout}" needs a size for axis ${p.axis}, and none was given.`,
  'position-outside': (p: { position: number; shape: string; last: number }) =>
    `Position ${p.position} is outside a tensor of shape (${p.shape}), which has positions 0 to ${p.last}.`,
  'layouts-differ': (p: { from: string; to: string }) =>
    `Expected "${p.from}" and "${p.to}" to name the same axes in another order.`,
  'kernel-layout': (p: { got: Got }) =>
    `Expected \`layout\` to be "keras" or "pytorch", got ${p.got}.`,

  // Limits (limits.ts).
  'too-many-cells': (p: { what: Phrase; shape: string; cells: string; limit: string }) =>
    `Too large: ${p.what} would hold ${p.cells} numbers (${p.shape}), over the limit of ${p.limit}.`,
  'too-much-work': (p: { op: string; work: string; limit: string }) =>
    `Too much work: ${p.op} would take ${p.work} steps (multiply-adds, window cells and numbers written), over the limit of ${p.limit} per request.`,
  'not-in-range': (p: { argument: string; min: number; max: string; got: Got }) =>
    `Expected \`${p.argument}\` to be a whole number from ${p.min} to ${p.max}, got ${p.got}.`,
  'count-too-big': (p: { argument: string; got: string; max: string }) =>
    `Too large: \`${p.argument}\` would be ${p.got}, more than ${p.max}, the largest whole number counted exactly.`,
  'too-deep': (p: { name: string; limit: number }) =>
    `\`${p.name}\` nests lists more than ${p.limit} levels deep, the most a tensor may have.`,
  'not-finite-result': (p: { op: string; cell: string }) =>
    `${p.op}: ${p.cell} is not a finite number (the sum overflowed).`,

  // Receptive fields (receptive-field.ts).
  'window-layers': (p: { got: Got }) =>
    `Expected \`layers\` to be an array of { kernel, stride?, dilation? }, got ${p.got}.`,
  'window-layer': (p: { layer: string; got: Got }) =>
    `Expected \`${p.layer}\` to be { kernel, stride?, dilation? }, got ${p.got}.`,
} satisfies Record<string, (params: never) => string>;

// Type aliases, not interfaces: parameters must fit `Record<string, …>`.
type WindowTooBig = {
  rows: number;
  columns: number;
  /** 1 when the kernel is dilated: the message then gives its span. */
  dilated: Flag;
  spanRows: number;
  spanColumns: number;
  paddedRows: number;
  paddedColumns: number;
};

type LayerWindowTooBig = WindowTooBig & {
  layer: string;
  name: string;
  height: number;
  width: number;
  depth: number;
  /** 1 when padding made the input larger: the message then gives the padded size. */
  padded: Flag;
};

function dilatedSpan(p: WindowTooBig): string {
  return when(p.dilated, ` (dilated span ${p.spanRows}×${p.spanColumns})`);
}

function paddedSize(p: LayerWindowTooBig): string {
  return when(p.padded, ` (${p.paddedRows}×${p.paddedColumns} after padding)`);
}

export type EngineErrorCode = keyof typeof ENGINE_ERROR_MESSAGES;
export type EngineErrorParams<C extends EngineErrorCode> = Parameters<
  (typeof ENGINE_ERROR_MESSAGES)[C]
>[0];
/** Every code an engine error can carry; each has an `engine.error.<code>` catalog entry. */
export const ENGINE_ERROR_CODES = Object.keys(ENGINE_ERROR_MESSAGES) as EngineErrorCode[];

/** The English message for a code and its parameters. */
export function engineErrorMessage<C extends EngineErrorCode>(
  code: C,
  params: EngineErrorParams<C>,
): string {
  return (ENGINE_ERROR_MESSAGES[code] as (p: EngineErrorParams<C>) => string)(params);
}

/** Nested-list depths by name, as `fromNested` asks for them. */
const RANK_NAMES = [
  'a number',
  'a list of numbers',
  'a grid (a list of rows)',
  'a list of grids',
  'a list of lists of grids',
];

export const ENGINE_PHRASES = {
  nothing: (_: NoParams) => 'nothing',
  array: (p: { length: number }) => `an array of length ${p.length}`,
  object: (_: NoParams) => 'an object',
  /** A JavaScript type with no better words, e.g. `boolean`. */
  type: (p: { type: string }) => p.type,
  'empty-list': (_: NoParams) => 'an empty list',
  rank: (p: { rank: number }) => RANK_NAMES[p.rank] ?? `${p.rank} levels of nested lists`,
  levels: (p: { depth: number }) => `${p.depth} levels of nested lists`,
  length: (p: { length: number }) => `length ${p.length}`,
  'pipeline-input': (_: NoParams) => 'the input',
  'pipeline-stage': (p: { stage: number; op: string }) => `stage ${p.stage} (${p.op})`,
  /** What a size limit is about: an argument, the input with its padding, an op's output. */
  named: (p: { name: string }) => `\`${p.name}\``,
  'padded-input': (_: NoParams) => 'the padded input',
  'op-output': (p: { op: string }) => `the ${p.op} output`,
} satisfies Record<string, (params: never) => string>;

export type PhraseCode = keyof typeof ENGINE_PHRASES;
export type PhraseParams<C extends PhraseCode> = Parameters<(typeof ENGINE_PHRASES)[C]>[0];
/** Every phrase code; each has an `engine.value.<code>` catalog entry. */
export const PHRASE_CODES = Object.keys(ENGINE_PHRASES) as PhraseCode[];

export function phraseText<C extends PhraseCode>(code: C, params: PhraseParams<C>): string {
  return (ENGINE_PHRASES[code] as (p: PhraseParams<C>) => string)(params);
}

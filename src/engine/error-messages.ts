/**
 * The English of every coded engine error, by code, and of the few words messages use for a
 * value (`nothing`, `an array of length 3`): message templates in the catalog's syntax
 * (`{name}`, `{n, plural, one {…} other {…}}`). This table is the one source of that English:
 * the engine fills it for `EngineError.message`, and the message catalog takes it as the
 * English of `engine.error.<code>` and `engine.value.<code>` (a translation words the same keys).
 */
import { formatMessage } from './format-message.js';

declare const paramsOf: unique symbol;
/** A message template whose placeholders are the fields of `P` (checked when it is filled). */
export type Words<P> = string & { readonly [paramsOf]: P };
const words = <P>(template: string): Words<P> => template as Words<P>;

/** A few words inside a message that a translation words its own way: `nothing`, `an array of length 3`. */
export class Phrase {
  constructor(
    readonly code: PhraseCode,
    readonly params: Readonly<Record<string, string | number>>,
  ) {}
  /** The English words. */
  toString(): string {
    return fill(ENGINE_PHRASES[this.code], this.params);
  }
}

/** A value as an error message shows it: a number, literal text (`"same"`, `NaN`) or a phrase. */
type Got = string | number | Phrase;
type NoParams = Readonly<Record<string, never>>;
/** 1 when an optional part of the message applies, else 0 (the template picks it with `=0`). */
type Flag = 0 | 1;

export const ENGINE_ERROR_MESSAGES = {
  'not-positive-int': words<{ argument: string; got: Got }>(
    'Expected `{argument}` to be a whole number ≥ 1, got {got}.',
  ),
  'not-non-negative-int': words<{ argument: string; got: Got }>(
    'Expected `{argument}` to be a whole number ≥ 0, got {got}.',
  ),
  'not-int': words<{ argument: string; got: Got }>(
    'Expected `{argument}` to be a whole number, got {got}.',
  ),
  'not-finite': words<{ argument: string; got: Got }>(
    'Expected `{argument}` to be a finite number, got {got}.',
  ),
  'not-boolean': words<{ argument: string; got: Got }>(
    'Expected `{argument}` to be true or false, got {got}.',
  ),
  'not-one-of': words<{ argument: string; values: string; got: Got }>(
    'Expected `{argument}` to be one of {values}, got {got}.',
  ),

  // Nested lists and tensors (tensor.ts, nested.ts).
  'index-outside': words<{ index: number; axis: number; size: number }>(
    'Index {index} is outside axis {axis} of size {size}.',
  ),
  'empty-array': words<{ name: string; depth: number }>(
    'Expected `{name}` to have no empty arrays, got an empty one at depth {depth}.',
  ),
  'wrong-rank': words<{ name: string; expected: Phrase; got: Got }>(
    'Expected `{name}` to be {expected}, got {got}.',
  ),
  ragged: words<{ name: string; at: string; length: number; got: Got }>(
    '`{name}` is ragged: expected `{at}` to be an array of length {length}, got {got}.',
  ),
  'not-finite-data': words<{ name: string; got: Got; position: number }>(
    'Expected every number in `{name}` to be finite, got {got} at flat position {position}.',
  ),
  'not-a-volume': words<{ name: string; got: Got }>(
    'Expected `{name}` to be a grid (a list of rows) or a list of grids (one per channel), got {got}.',
  ),
  'no-filters': words<{ name: string; got: Got }>(
    'Expected `{name}` to be a non-empty list of filters, got {got}.',
  ),
  'filter-channels': words<{ channels: number; filter: string; got: number }>(
    'Each filter must span all {channels, plural, one {# input channel} other {# input channels}}, but `{filter}` has {got}.',
  ),
  'filter-sizes': words<{
    first: string;
    firstRows: number;
    firstColumns: number;
    filter: string;
    rows: number;
    columns: number;
  }>(
    'All filters must have the same size: `{first}` is {firstRows}×{firstColumns}, `{filter}` is {rows}×{columns}.',
  ),

  // Sliding windows (geometry.ts, conv2d.ts, pool.ts).
  'not-pair': words<{ argument: string; got: Got }>(
    'Expected `{argument}` to be a whole number or a pair [rows, columns], got {got}.',
  ),
  'bad-padding': words<{ got: Got }>(
    'Expected `padding` to be "valid", "same", a whole number, or [[top, bottom], [left, right]], got {got}.',
  ),
  'kernel-too-big': words<WindowTooBig>(
    'The kernel is {rows}×{columns}{dilated, plural, =0 {} other { (dilated span {spanRows}×{spanColumns})}} but the padded input is only {paddedRows}×{paddedColumns}: the window does not fit. Use a smaller kernel or more padding.',
  ),
  'pool-window-too-big': words<WindowTooBig>(
    'The pooling window is {rows}×{columns}{dilated, plural, =0 {} other { (dilated span {spanRows}×{spanColumns})}} but the padded input is only {paddedRows}×{paddedColumns}: the window does not fit. Use a smaller pooling window or more padding.',
  ),
  'kernel-channels': words<{ channels: number; got: number }>(
    'Each filter must span all {channels, plural, one {# input channel} other {# input channels}}, but the filters in `kernels` have {got}.',
  ),
  'bias-per-filter': words<{ filters: number; got: number }>(
    'Expected `bias` to have one number per filter ({filters}), got {got}.',
  ),
  'no-pool-size': words<NoParams>(
    'Expected `size`, the pooling window (e.g. 2 or [2, 2]), got nothing.',
  ),
  'pool-padding': words<{ got: Got }>(
    'Expected pooling `padding` to be "valid" or "same", got {got}.',
  ),

  // Lists of numbers (dense.ts, conv1d.ts, activations.ts).
  'empty-numbers': words<{ name: string; got: Got }>(
    'Expected `{name}` to be a non-empty list of numbers, got {got}.',
  ),
  'no-weight-rows': words<{ got: Got }>(
    'Expected `weights` to be a non-empty list of rows (one per output), got {got}.',
  ),
  'weights-per-input': words<{ row: string; inputs: number; got: Got }>(
    'Expected `{row}` to have one weight per input ({inputs}), got {got}.',
  ),
  'bias-per-output': words<{ outputs: number; got: Got }>(
    'Expected `bias` to have one number per output ({outputs}), got {got}.',
  ),
  'dense-weights-shape': words<{ shape: string }>(
    'Expected `weights` to be (units, inputs), got shape ({shape}).',
  ),
  'dense-inputs': words<{ inputs: number; got: number }>(
    'Each unit has {inputs, plural, one {# weight} other {# weights}}, so `input` needs {inputs} numbers, got {got}.',
  ),
  'bias-per-unit': words<{ units: number; got: number }>(
    'Expected `bias` to have one number per unit ({units}), got {got}.',
  ),
  'gradient-per-unit': words<{ units: number; got: number }>(
    'Expected `gradOutput` to have one number per unit ({units}), got {got}.',
  ),
  'gradient-per-input': words<{ inputs: number; got: Got }>(
    'Expected `gradOutput` to have one number per input ({inputs}), got {got}.',
  ),
  'conv1d-mode': words<{ got: Got }>('Expected `mode` to be "valid", "same" or "full", got {got}.'),
  'conv1d-too-long': words<{ kernel: number; input: number }>(
    'The kernel has {kernel} numbers but the input only {input}: with mode "valid" it does not fit.',
  ),

  // Explained cells (explain.ts).
  'conv-cell-outside': words<{ shape: string; cell: string }>(
    'The convolution output has shape ({shape}); cell ({cell}) is outside it.',
  ),
  'pool-cell-outside': words<{ shape: string; cell: string }>(
    'The pooling output has shape ({shape}); cell ({cell}) is outside it.',
  ),

  // Running a model (model-forward.ts, model-backward.ts).
  'layer-without-params': words<{ layer: number; type: string }>(
    '`layers[{layer}]` is a {type} layer and needs its weights in `params[{layer}]`, got nothing.',
  ),
  'backward-from': words<{ from: number; last: number }>(
    'Expected `from` to be a layer number from −1 (the input) to {last}, got {from}.',
  ),

  // Pipelines (pipeline.ts).
  'stages-not-array': words<{ got: Got }>('Expected `stages` to be a list of stages, got {got}.'),
  'stage-op': words<{ got: Got }>(
    'Expected a stage `op` of conv2d, relu, maxpool, avgpool, flatten, dense or softmax, got {got}.',
  ),
  'stage-needs-volume': words<{ stage: string; op: string; before: Phrase; shape: string }>(
    '`{stage}` ({op}) needs a volume (channels, rows, columns), but {before} gives shape {shape}.',
  ),
  'stage-needs-vector': words<{ stage: string; op: string; before: Phrase; shape: string }>(
    '`{stage}` ({op}) needs a list of numbers, but {before} gives shape {shape}: put a flatten stage before it.',
  ),
  'in-stage': words<{ stage: string; op: string; error: Error }>('`{stage}` ({op}): {error}'),

  // Model specs (model.ts).
  'model-not-object': words<{ got: Got }>(
    'Expected the model to be { input: [H, W, C], layers: [...] }, got {got}.',
  ),
  'layers-not-array': words<{ got: Got }>('Expected `layers` to be an array of layers, got {got}.'),
  'model-input': words<{ got: Got }>(
    'Expected `input` to be [height, width, channels], got {got}.',
  ),
  'not-a-layer': words<{ layer: string; got: Got }>(
    "Expected `{layer}` to be a layer such as { type: 'conv2d', filters: 32, kernel: 3 }, got {got}.",
  ),
  'not-a-layer-field': words<{ field: string; type: string; fields: string }>(
    '`{field}` is not a field of a {type} layer; its fields are {fields}.',
  ),
  'empty-name': words<{ argument: string; got: Got }>(
    'Expected `{argument}` to be a non-empty string, got {got}.',
  ),
  'duplicate-name': words<{ argument: string; name: string; first: number }>(
    '`{argument}` is "{name}", already the name of layers[{first}]; layer names must be unique.',
  ),
  'dense-needs-flat': words<{ layer: string; name: string; shape: string }>(
    "`{layer}` ({name}) is a dense layer and needs a flat input, but it gets {shape}. Add { type: 'flatten' } before it.",
  ),
  'layer-needs-image': words<{ layer: string; name: string; type: string; shape: string }>(
    '`{layer}` ({name}) is a {type} layer and needs an (H, W, C) input, but it gets {shape}. Put convolutions and pooling before the flatten layer.',
  ),
  'layer-kernel-too-big': words<LayerWindowTooBig>(
    '`{layer}` ({name}): the {rows}×{columns} kernel{dilated, plural, =0 {} other { (dilated span {spanRows}×{spanColumns})}} does not fit its {height}×{width}×{depth} input{padded, plural, =0 {} other { ({paddedRows}×{paddedColumns} after padding)}}. Use a smaller kernel, padding "same", or fewer layers that shrink the image before it.',
  ),
  'layer-pool-too-big': words<LayerWindowTooBig>(
    '`{layer}` ({name}): the {rows}×{columns} pooling window{dilated, plural, =0 {} other { (dilated span {spanRows}×{spanColumns})}} does not fit its {height}×{width}×{depth} input{padded, plural, =0 {} other { ({paddedRows}×{paddedColumns} after padding)}}. Use a smaller pooling window, padding "same", or fewer layers that shrink the image before it.',
  ),
  'layer-conv-padding': words<{ argument: string; got: Got }>(
    'Expected `{argument}` to be "valid", "same" or a whole number ≥ 0, got {got}.',
  ),
  'layer-pool-padding': words<{ argument: string; got: Got }>(
    'Expected `{argument}` to be "valid" or "same", got {got}.',
  ),

  // Output sizes (arithmetic.ts).
  'outsize-too-big': words<{
    f: number;
    dilation: number;
    span: number;
    padded: number;
    n: number;
    before: number;
    after: number;
  }>(
    'Expected the kernel (`f` = {f}{dilation, plural, =1 {} other {, spanning {span} cells with dilation {dilation}}}) to fit in the padded input of {padded} cells (n {n} + pad {before} + {after}), but it is larger. Use a smaller `f` or more `pad`.',
  ),
  'bad-pad': words<{ got: Got }>(
    'Expected `pad` to be "valid", "same", a whole number ≥ 0, or [before, after], got {got}.',
  ),

  // Threshold units (threshold.ts).
  'too-many-inputs': words<{ max: number; got: number }>(
    'Expected at most {max} binary inputs, got {got}.',
  ),
  'no-layers': words<{ got: Got }>(
    'Expected `layers` to be a non-empty list of layers, got {got}.',
  ),
  'empty-layer': words<{ layer: string; got: Got }>(
    'Expected `{layer}` to hold at least one unit, got {got}.',
  ),
  'range-too-big': words<{ max: number; got: number }>(
    'Expected `range` to be at most {max} (the search grows fast), got {got}.',
  ),
  'truth-table-length': words<{ got: Got }>(
    'Expected `target` to list 2, 4, 8, … outputs (one per binary input), got {got}.',
  ),
  'not-bit': words<{ argument: string; got: Got }>(
    'Expected `{argument}` to be 0 or 1, got {got}.',
  ),

  // Layouts (layout.ts).
  'bad-layout': words<{ got: Got }>(
    'Expected `layout` to be distinct capital axis letters such as "NHWC", got {got}.',
  ),
  'layout-size-missing': words<{ layout: string; axis: string }>(
    'Layout "{layout}" needs a size for axis {axis}, and none was given.',
  ),
  'position-outside': words<{ position: number; shape: string; last: number }>(
    'Position {position} is outside a tensor of shape ({shape}), which has positions 0 to {last}.',
  ),
  'layouts-differ': words<{ from: string; to: string }>(
    'Expected "{from}" and "{to}" to name the same axes in another order.',
  ),
  'kernel-layout': words<{ got: Got }>('Expected `layout` to be "keras" or "pytorch", got {got}.'),

  // Limits (limits.ts).
  'too-many-cells': words<{ what: Phrase; shape: string; cells: string; limit: string }>(
    'Too large: {what} would hold {cells} numbers ({shape}), over the limit of {limit}.',
  ),
  'too-much-work': words<{ op: string; work: string; limit: string }>(
    'Too much work: {op} would take {work} steps (multiply-adds, window cells and numbers written), over the limit of {limit} per request.',
  ),
  'not-in-range': words<{ argument: string; min: number; max: string; got: Got }>(
    'Expected `{argument}` to be a whole number from {min} to {max}, got {got}.',
  ),
  'count-too-big': words<{ argument: string; got: string; max: string }>(
    'Too large: `{argument}` would be {got}, more than {max}, the largest whole number counted exactly.',
  ),
  'too-deep': words<{ name: string; limit: number }>(
    '`{name}` nests lists more than {limit} levels deep, the most a tensor may have.',
  ),
  'not-finite-result': words<{ op: string; cell: string }>(
    '{op}: {cell} is not a finite number (the sum overflowed).',
  ),

  // Receptive fields (receptive-field.ts).
  'window-layers': words<{ got: Got }>(
    'Expected `layers` to be an array of { kernel, stride?, dilation? }, got {got}.',
  ),
  'window-layer': words<{ layer: string; got: Got }>(
    'Expected `{layer}` to be { kernel, stride?, dilation? }, got {got}.',
  ),

  // Data files (train/digits-data.ts): the MNIST digits the digits trainer reads.
  'data-unreadable': words<{ file: string; reason: string }>(
    'Cannot read {file} ({reason}); is the `mnist` package installed?',
  ),
  'data-not-json': words<{ file: string; reason: string }>(
    'Expected {file} to be JSON, but it cannot be read as JSON: {reason}',
  ),
  'data-malformed': words<{ file: string; got: Got }>(
    'Expected {file} to hold { "data": [...] } with 784 numbers per image, got {got}.',
  ),
  'data-not-unit': words<{ file: string; got: Got; position: number }>(
    'Expected the numbers in {file} to be 0–1, got {got} at position {position}.',
  ),
};

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

type ParamsOf<W> = W extends Words<infer P> ? P : never;

export type EngineErrorCode = keyof typeof ENGINE_ERROR_MESSAGES;
export type EngineErrorParams<C extends EngineErrorCode> = ParamsOf<
  (typeof ENGINE_ERROR_MESSAGES)[C]
>;
/** Every code an engine error can carry; each is the catalog's `engine.error.<code>`. */
export const ENGINE_ERROR_CODES = Object.keys(ENGINE_ERROR_MESSAGES) as EngineErrorCode[];

/** The English message for a code and its parameters. */
export function engineErrorMessage<C extends EngineErrorCode>(
  code: C,
  params: EngineErrorParams<C>,
): string {
  return fill(ENGINE_ERROR_MESSAGES[code], params);
}

export const ENGINE_PHRASES = {
  nothing: words<NoParams>('nothing'),
  array: words<{ length: number }>('an array of length {length}'),
  object: words<NoParams>('an object'),
  type: words<{ type: string }>('{type}'),
  'empty-list': words<NoParams>('an empty list'),
  rank: words<{ rank: number }>(
    '{rank, plural, =0 {a number} =1 {a list of numbers} =2 {a grid (a list of rows)} =3 {a list of grids} =4 {a list of lists of grids} other {# levels of nested lists}}',
  ),
  levels: words<{ depth: number }>('{depth} levels of nested lists'),
  length: words<{ length: number }>('length {length}'),
  'pipeline-input': words<NoParams>('the input'),
  'pipeline-stage': words<{ stage: number; op: string }>('stage {stage} ({op})'),
  named: words<{ name: string }>('`{name}`'),
  'padded-input': words<NoParams>('the padded input'),
  'op-output': words<{ op: string }>('the {op} output'),
};

export type PhraseCode = keyof typeof ENGINE_PHRASES;
export type PhraseParams<C extends PhraseCode> = ParamsOf<(typeof ENGINE_PHRASES)[C]>;
/** Every phrase code; each is the catalog's `engine.value.<code>`. */
export const PHRASE_CODES = Object.keys(ENGINE_PHRASES) as PhraseCode[];

/**
 * A template filled in English. A phrase or a wrapped error becomes its own English; a
 * placeholder without a value is left as `{name}` (the template test fills every one).
 */
function fill(template: string, params: Readonly<Record<string, unknown>>): string {
  const text = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'number' ? value : value instanceof Error ? value.message : String(value),
    ]),
  );
  return formatMessage(template, text, { lang: 'en', onMissingParam: (name) => `{${name}}` });
}

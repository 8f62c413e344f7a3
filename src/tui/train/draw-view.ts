/**
 * The draw screen as lines: the 9×9 picture with the pen, beside the votes of the hand-set
 * network and of the trained one (computed here by the engine's forward pass, on every
 * change), then the intermediate maps of one network at the stage `m` has reached, as small
 * grids with two decimals.
 */
import { planeRows } from '../../engine/index.js';
import { GRID_GLYPHS, blockWidth, formatNumber, renderGrid } from '../../render/index.js';
import type { Network } from '../../train/network.js';
import { type ForwardTrace, forward } from '../../train/network.js';
import { XO_CLASSES } from '../../train/xo-data.js';
import { type ViewOptions, besideOrStacked, glyphs, wrap } from '../../view/text.js';
import { progressBar } from '../view/progress-bar.js';
import type { FrameModel } from '../shell/frame.js';
import { type DrawScreenState, MAP_STAGES, type MapStage, type Picture } from './draw-reducer.js';
import type { HandSet } from './hand-set.js';
import type { StartPictures } from './draw-reducer.js';
import { percent } from './trainer-view.js';

/** The picture as the (1, 9, 9) image the networks read. */
export function pictureTensor(pixels: Picture) {
  return { shape: [1, pixels.length, pixels[0].length], data: Float64Array.from(pixels.flat()) };
}

/** Both networks on the picture (the trained one once it exists). */
export function drawTraces(
  state: DrawScreenState,
  handSet: Network,
): { handSet: ForwardTrace; trained: ForwardTrace | null } {
  const image = pictureTensor(state.pixels);
  return {
    handSet: forward(handSet, image),
    trained: state.trained === null ? null : forward(state.trained.network, image),
  };
}

/** The maps of one stage, (maps, rows, columns), from a trace. */
export function stageMaps(trace: ForwardTrace, stage: MapStage) {
  const layers = trace.layers;
  const pools = layers.filter((l) => l.type === 'maxpool');
  const layer =
    stage === 'match'
      ? layers.find((l) => l.type === 'conv2d')
      : stage === 'relu'
        ? layers.find((l) => l.type === 'relu')
        : stage === 'pooled'
          ? pools[0]
          : pools[pools.length - 1];
  return layer!.output;
}

function editorLines(state: DrawScreenState, o: ViewOptions): string[] {
  const g = GRID_GLYPHS[o.ascii ? 'ascii' : 'unicode'];
  const ink = o.ascii ? '#' : '█';
  const paper = o.ascii ? '.' : '·';
  const cols = state.pixels[0].length;
  const rule = ([left, line, , right]: readonly [string, string, string, string]) =>
    o.style.dim(left + line.repeat(3 * cols) + right);
  const rows = state.pixels.map((row, r) => {
    const cells = row.map((v, c) => {
      const mark = v > 0 ? ink : o.style.dim(paper);
      return r === state.row && c === state.col
        ? o.style.highlight(`${g.highlightOpen}${mark}${g.highlightClose}`)
        : ` ${mark} `;
    });
    return o.style.dim(g.wall) + cells.join('') + o.style.dim(g.wall);
  });
  return [rule(g.top), ...rows, rule(g.bottom)];
}

/** A vote this close between the two classes is a tie. */
const TIE = 0.1;
/** A picture fits its class when its vote reaches this share of the vote for the lectures' own picture. */
const FITS = 0.8;

/** Each network's votes for the lectures' X and O: what a picture that fits a class gets. */
const referenceCache = new WeakMap<Network, readonly number[]>();

function referenceVotes(network: Network, references: StartPictures): readonly number[] {
  let votes = referenceCache.get(network);
  if (votes === undefined) {
    const pictures = [references.x, references.o];
    votes = pictures.map((picture, k) => forward(network, pictureTensor(picture)).logits[k]);
    referenceCache.set(network, votes);
  }
  return votes;
}

export type Verdict =
  | { readonly kind: 'tie' }
  | { readonly kind: 'fits'; readonly label: number; readonly probability: number }
  /** The most votes, but well under what the class's own picture gets: `share` of it. */
  | {
      readonly kind: 'weak';
      readonly label: number;
      readonly probability: number;
      readonly share: number;
    };

/** What a network says of a picture: a tie, a class that fits, or a class that barely does. */
export function verdict(network: Network, trace: ForwardTrace, references: StartPictures): Verdict {
  const [pX, pO] = trace.probabilities;
  if (Math.abs(pX - pO) < TIE) return { kind: 'tie' };
  const label = trace.predicted;
  const probability = trace.probabilities[label];
  const reference = referenceVotes(network, references)[label];
  const share = reference > 0 ? trace.logits[label] / reference : 1;
  return share >= FITS
    ? { kind: 'fits', label, probability }
    : { kind: 'weak', label, probability, share };
}

function verdictText(v: Verdict, o: ViewOptions): string {
  if (v.kind === 'tie') return o.t('draw.votes.tie');
  const params = { label: XO_CLASSES[v.label], probability: percent(v.probability) };
  if (v.kind === 'fits') return o.t('draw.votes.says', params);
  return o.t('draw.votes.weak', { ...params, share: percent(v.share) });
}

/** The votes of one network, in `width` columns (from 27: narrower rows have shorter bars). */
function voteLines(
  title: string,
  network: Network,
  trace: ForwardTrace,
  references: StartPictures,
  width: number,
  o: ViewOptions,
): string[] {
  // A row is 24 columns besides its bar (with a vote such as -10.00).
  const bar = Math.max(3, Math.min(10, width - 24));
  const rows = XO_CLASSES.map((name, k) => {
    const p = trace.probabilities[k];
    const line = `  ${name}  ${progressBar(p, bar, o.ascii)}  ${p.toFixed(2)}  ${o.t('draw.votes.vote', { vote: trace.logits[k].toFixed(2) })}`;
    return k === trace.predicted ? o.style.bold(line) : line;
  });
  const v = verdict(network, trace, references);
  const style = v.kind === 'fits' ? o.style.ok : o.style.warn;
  const said = wrap(`${glyphs(o.ascii).pointer} ${verdictText(v, o)}`, width - 2).map((line) =>
    style(`  ${line}`),
  );
  return [...wrap(title, width).map(o.style.bold), ...rows, ...said];
}

function trainedTitle(state: DrawScreenState, o: ViewOptions): string {
  const t = state.trained;
  if (t === null) return o.t('draw.trained.none');
  if (state.training) return o.t('draw.trained.training', { epoch: t.epochs + 1 });
  if (t.steps === 0) return o.t('draw.trained.random');
  return o.t('draw.trained.title', {
    epochs: t.epochs,
    accuracy: t.accuracy === null ? '–' : percent(t.accuracy),
  });
}

function votesBlock(
  state: DrawScreenState,
  { network: handSet, pictures }: HandSet,
  traces: ReturnType<typeof drawTraces>,
  width: number,
  o: ViewOptions,
): string[] {
  const lines = voteLines(o.t('draw.votes.hand-set'), handSet, traces.handSet, pictures, width, o);
  lines.push('');
  if (traces.trained === null || state.trained === null) {
    lines.push(...wrap(trainedTitle(state, o), width).map(o.style.bold));
    return lines;
  }
  const trained = state.trained.network;
  lines.push(...voteLines(trainedTitle(state, o), trained, traces.trained, pictures, width, o));
  // Two networks that learned differently need not agree: say so when they do not.
  const a = verdict(handSet, traces.handSet, pictures);
  const b = verdict(trained, traces.trained, pictures);
  if (a.kind !== 'tie' && b.kind !== 'tie' && a.label !== b.label)
    lines.push(
      '',
      ...wrap(
        o.t('draw.votes.disagree', {
          handSet: XO_CLASSES[a.label],
          trained: XO_CLASSES[b.label],
        }),
        width,
      ).map(o.style.warn),
    );
  return lines;
}

function stageName(stage: MapStage, o: ViewOptions): string {
  if (stage === 'match') return o.t('draw.stage.match');
  if (stage === 'relu') return o.t('draw.stage.relu');
  if (stage === 'pooled') return o.t('draw.stage.pooled');
  return o.t('draw.stage.features');
}

function stageNote(stage: MapStage, o: ViewOptions): string {
  if (stage === 'match') return o.t('draw.stage.match-note');
  if (stage === 'relu') return o.t('draw.stage.relu-note');
  if (stage === 'pooled') return o.t('draw.stage.pooled-note');
  return o.t('draw.stage.features-note');
}

function mapLines(
  state: DrawScreenState,
  traces: ReturnType<typeof drawTraces>,
  filterNames: readonly string[],
  o: ViewOptions,
): string[] {
  const stage = MAP_STAGES[state.stage];
  const handSet = state.network === 'hand-set';
  const trace = handSet ? traces.handSet : traces.trained;
  const network = handSet ? o.t('draw.network.hand-set') : o.t('draw.network.trained');
  const title = o.style.bold(
    o.t('draw.maps.title', {
      network,
      stage: stageName(stage, o),
      n: state.stage + 1,
      count: MAP_STAGES.length,
    }),
  );
  const lines = [...wrap(title, o.width), ...wrap(stageNote(stage, o), o.width).map(o.style.dim)];
  if (trace === null) return [...lines, o.t('draw.trained.none')];
  const maps = stageMaps(trace, stage);
  const [count] = maps.shape;
  const grids = Array.from({ length: count }, (_, c) => {
    const rows = planeRows(maps, c);
    const name = handSet
      ? o.t('draw.maps.filter-named', {
          n: c,
          name: filterNames[c] ?? '',
        })
      : o.t('draw.maps.filter', { n: c });
    return renderGrid(rows, { border: 'none', decimals: 2, title: name, maxWidth: o.width });
  });
  lines.push('', ...besideOrStacked(grids, o.width, [], { gap: 3, align: 'top' }));
  if (stage === 'features') {
    const flat = Array.from(maps.data, (v) => formatNumber(v, { decimals: 2 })).join(' ');
    lines.push('', ...wrap(o.t('draw.maps.flat', { values: flat }), o.width));
  }
  return lines;
}

function headerLines(state: DrawScreenState, o: ViewOptions): string[] {
  const ink = state.pixels.flat().filter((v) => v > 0).length;
  return [
    o.style.bold(o.t('draw.title')),
    o.t('draw.pen', { row: state.row, col: state.col, ink }),
  ];
}

/** The picture and the votes stay put, side by side; only the maps below them scroll. */
export function drawFrame(state: DrawScreenState, handSet: HandSet, o: ViewOptions): FrameModel {
  const traces = drawTraces(state, handSet.network);
  const editor = editorLines(state, o);
  const gap = o.width < 64 ? 2 : 3;
  const room = Math.max(27, Math.min(46, o.width - blockWidth(editor) - gap));
  const top = besideOrStacked([editor, votesBlock(state, handSet, traces, room, o)], o.width, [], {
    gap,
    align: 'top',
  });
  return {
    header: [...headerLines(state, o), ...top],
    body: mapLines(state, traces, handSet.filterNames, o),
    // Other maps, or the other network's, start again at the top.
    page: `${state.network} ${state.stage}`,
  };
}

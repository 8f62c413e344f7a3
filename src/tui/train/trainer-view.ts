/**
 * The trainer screen as lines: a progress bar and what training is doing, then (scrolling)
 * the held-out accuracy, the loss and accuracy curves, and the filters as they learn. For the
 * X/O network each learned filter stands beside the lecture filter it came closest to, with
 * the similarity the trainer computes; for the digits CNN a few held-out digits show what the
 * network calls them now.
 */
import { type Tensor, gridIndex, planeRows } from '../../engine/index.js';
import {
  blockWidth,
  displayWidth,
  padEndTo,
  renderGrid,
  sideBySide,
  sparkline,
} from '../../render/index.js';
import { renderShaded } from '../../render/shaded.js';
import { LECTURE_FILTERS } from '../../train/xo.js';
import {
  type Translate,
  type ViewOptions,
  besideOrStacked,
  glyphs,
  wrap,
} from '../../view/text.js';
import { progressBar } from '../view/progress-bar.js';
import type { FrameModel } from '../shell/frame.js';
import type { SamplePrediction, TrainSnapshot } from './snapshot.js';
import { PACES, type TrainerScreenState, isDone } from './trainer-reducer.js';

/** 0.975 → "97.5%", 1 → "100%", 0.99996 → ">99.9%" (only 1 is "100%"). */
export function percent(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 1 || x === 0) return `${100 * x}%`;
  const text = (100 * x).toFixed(1);
  if (text === '100.0') return '>99.9%';
  if (text === '0.0') return '<0.1%';
  return `${text}%`;
}

/** A loss with two significant digits: 0.69, 0.031, 0.00042. */
export function lossText(loss: number): string {
  return Number.isFinite(loss) ? String(Number(loss.toPrecision(2))) : String(loss);
}

/** A learning rate as typed: 0.03, 0.0172 (three significant digits). */
export function rateText(rate: number): string {
  return String(Number(rate.toPrecision(3)));
}

/** +0.86 / −0.41: the sign matters (a flipped filter). */
function signed(x: number): string {
  return `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(2)}`;
}

/** The lectures' filter names, in words. */
export function lectureName(name: string, t: Translate): string {
  if (name === 'diagonal \\') return t('train.screen.lecture.diagonal-down');
  if (name === 'cross x') return t('train.screen.lecture.cross');
  if (name === 'diagonal /') return t('train.screen.lecture.diagonal-up');
  return name;
}

/** Filter `k` of a (filters, 1, kH, kW) tensor as rows. */
export function filterRows(filters: Tensor, k: number): number[][] {
  const [, C] = filters.shape;
  return planeRows(filters, gridIndex(C, k, 0));
}

/** A filter in shades on its own symmetric scale: dark = its largest positive weight. */
function shadedFilter(rows: readonly (readonly number[])[], ascii: boolean): string[] {
  const m = Math.max(1e-9, ...rows.flat().map(Math.abs));
  return renderShaded(rows, { min: -m, max: m, ascii });
}

function headerLines(state: TrainerScreenState, o: ViewOptions): string[] {
  const { status, learningRate, optimizer } = state.snapshot;
  const done = isDone(state);
  const title = o.style.bold(
    o.t(state.kind === 'xo' ? 'train.screen.title.xo' : 'train.screen.title.digits'),
  );
  const where = done
    ? o.t('train.screen.progress-done', { epochs: status.epoch })
    : o.t('train.screen.progress', {
        epoch: status.epoch + 1,
        epochs: state.epochs,
        batch: status.batch,
        batches: status.batchesPerEpoch,
      });
  const fraction = done ? 1 : (status.epoch + status.batch / status.batchesPerEpoch) / state.epochs;
  const barWidth = Math.max(10, Math.min(40, o.width - displayWidth(where) - 2));
  const word = done
    ? o.style.ok(o.t('train.screen.state.done'))
    : state.paused
      ? o.style.warn(o.t('train.screen.state.paused'))
      : o.style.ok(o.t('train.screen.state.running'));
  const pace = PACES[state.pace].name;
  const speed =
    pace === 'slow'
      ? o.t('train.screen.pace.slow')
      : pace === 'normal'
        ? o.t('train.screen.pace.normal')
        : o.t('train.screen.pace.full');
  const method =
    optimizer === 'adam' ? o.t('train.screen.optimizer.adam') : o.t('train.screen.optimizer.sgd');
  const dot = ` ${glyphs(o.ascii).dot} `;
  const note =
    state.note === 'reset'
      ? o.t('train.screen.note.reset')
      : state.note === 'again'
        ? o.t('train.screen.note.again')
        : undefined;
  return [
    title,
    `${progressBar(fraction, barWidth, o.ascii)}  ${where}`,
    // Wrapped, not cut: every part of it says something.
    ...wrap(
      [
        word,
        speed,
        o.t('train.screen.rate', { rate: rateText(learningRate), optimizer: method }),
        o.t('train.screen.seed', { seed: state.seed }),
      ].join(dot),
      o.width,
    ),
    ...(note === undefined ? [] : wrap(note, o.width).map(o.style.warn)),
  ];
}

function accuracyLines(state: TrainerScreenState, o: ViewOptions): string[] {
  const s = state.snapshot;
  const last = s.heldOut.at(-1);
  const lines: string[] = [];
  if (s.measuring !== null)
    lines.push(
      o.t('train.screen.measuring', {
        epoch: s.measuring.epoch,
        done: s.measuring.done,
        count: s.measuring.count,
      }),
    );
  if (s.probe !== null)
    lines.push(o.t('train.screen.heldout-now', { accuracy: percent(s.probe), count: s.testCount }));
  else if (last !== undefined)
    lines.push(
      o.t('train.screen.heldout-epoch', {
        accuracy: percent(last.accuracy),
        epoch: last.epoch,
        count: s.testCount,
      }),
    );
  else if (s.measuring === null)
    lines.push(
      o.t('train.screen.heldout-none', { batches: s.status.batchesPerEpoch, count: s.testCount }),
    );
  if (state.kind === 'xo') {
    const p = state.perfect;
    lines.push(
      p === null
        ? o.style.dim(o.t('train.screen.not-perfect'))
        : o.style.ok(
            p.screenSeconds === null
              ? o.t('train.screen.perfect-earlier', {
                  epoch: p.epoch,
                  seconds: p.seconds.toFixed(2),
                })
              : o.t('train.screen.perfect', {
                  epoch: p.epoch,
                  seconds: p.seconds.toFixed(2),
                  screen: p.screenSeconds.toFixed(1),
                }),
          ),
    );
  }
  return lines.flatMap((line) => wrap(line, o.width));
}

function chartLines(state: TrainerScreenState, o: ViewOptions): string[] {
  const s = state.snapshot;
  // X/O: measured every frame, a live curve; digits: after each epoch.
  const accuracy = s.probe !== null ? state.accuracy : s.heldOut.map((h) => h.accuracy);
  const labels = [o.t('train.screen.chart.loss'), o.t('train.screen.chart.accuracy')];
  const labelWidth = blockWidth(labels);
  const valueWidth = 8;
  const width = Math.max(8, Math.min(60, o.width - labelWidth - valueWidth - 4));
  const lastLoss = s.losses.at(-1);
  const row = (label: string, chart: string, value: string): string =>
    `${padEndTo(label, labelWidth)}  ${padEndTo(chart, width)}  ${value}`;
  return [
    s.losses.length === 0
      ? row(labels[0], o.style.dim(o.t('train.screen.chart.no-loss')), '')
      : row(
          labels[0],
          sparkline(s.losses, { width, min: 0, ascii: o.ascii }),
          lastLoss === undefined ? '' : lossText(lastLoss),
        ),
    accuracy.length === 0
      ? row(labels[1], o.style.dim(o.t('train.screen.chart.no-accuracy')), '')
      : row(
          labels[1],
          sparkline(accuracy, { width, min: 0, max: 1, ascii: o.ascii }),
          percent(accuracy[accuracy.length - 1]),
        ),
  ];
}

/** A learned filter this similar to a lecture filter is "like" it (≈); less, and it is not yet. */
const ALIKE = 0.5;

/** One learned X/O filter beside the lecture filter it is paired with, as blocks. */
function xoFilterBlocks(
  snapshot: TrainSnapshot,
  k: number,
  numbers: boolean,
  o: ViewOptions,
): string[][] {
  const rows = filterRows(snapshot.filters, k);
  const match = snapshot.comparison?.matches.find((m) => m.learned === k);
  const blocks: string[][] = [[o.t('train.screen.filter', { n: k })], shadedFilter(rows, o.ascii)];
  if (numbers) blocks.push(renderGrid(rows, { border: 'none', decimals: 2 }));
  if (match) {
    const alike = match.correlation >= ALIKE;
    blocks.push(
      ['', alike ? (o.ascii ? '~' : '≈') : o.ascii ? '!=' : '≠'],
      renderShaded(LECTURE_FILTERS[match.lecture], { min: -1, max: 1, ascii: o.ascii }),
      [
        lectureName(match.lecture, o.t),
        o.t(alike ? 'train.screen.similarity' : 'train.screen.similarity-unlike', {
          value: signed(match.correlation),
        }),
      ],
    );
  }
  return blocks;
}

function xoFilterLines(state: TrainerScreenState, o: ViewOptions): string[] {
  const s = state.snapshot;
  const lines = wrap(o.style.bold(o.t('train.screen.filters.xo')), o.width);
  const count = s.filters.shape[0];
  // Every filter is laid out the same way: with its weights in numbers when all of them fit
  // beside it (large weights make wider numbers), else none has them.
  const options = { gap: 2, align: 'top' } as const;
  const withNumbers = Array.from({ length: count }, (_, k) =>
    sideBySide(xoFilterBlocks(s, k, true, o), options),
  );
  const rows = withNumbers.every((row) => blockWidth(row) <= o.width)
    ? withNumbers
    : Array.from({ length: count }, (_, k) =>
        besideOrStacked(xoFilterBlocks(s, k, false, o), o.width, [], options),
      );
  for (const row of rows) lines.push(...row);
  if (s.comparison) {
    lines.push(o.t('train.screen.filters.score', { score: s.comparison.score.toFixed(2) }));
  }
  lines.push(...wrap(o.t('train.screen.filters.note'), o.width).map(o.style.dim));
  return lines;
}

/**
 * A digit made small: `margin` pixels cut from every side (MNIST centres each digit in a
 * 20×20 box inside its 28×28, so 4 cuts only blank), then 2×2 blocks averaged (the odd last
 * row or column dropped). 28×28 → 10×10, drawn in 20 columns and 10 rows.
 */
export function shrinkDigit(pixels: readonly (readonly number[])[], margin = 4): number[][] {
  const rows = pixels
    .slice(margin, pixels.length - margin)
    .map((r) => r.slice(margin, r.length - margin));
  const H = Math.floor(rows.length / 2);
  const W = Math.floor((rows[0]?.length ?? 0) / 2);
  return Array.from({ length: H }, (_, y) =>
    Array.from(
      { length: W },
      (_, x) =>
        (rows[2 * y][2 * x] +
          rows[2 * y][2 * x + 1] +
          rows[2 * y + 1][2 * x] +
          rows[2 * y + 1][2 * x + 1]) /
        4,
    ),
  );
}

function sampleBlock(sample: SamplePrediction, names: readonly string[], o: ViewOptions): string[] {
  const g = glyphs(o.ascii);
  const right = sample.predicted === sample.label;
  const caption = right
    ? o.style.ok(
        `${g.right} ${o.t('train.screen.sample.right', { label: names[sample.label], confidence: percent(sample.confidence) })}`,
      )
    : o.style.error(
        `${g.wrong} ${o.t('train.screen.sample.wrong', { predicted: names[sample.predicted], label: names[sample.label] })}`,
      );
  return [caption, ...renderShaded(shrinkDigit(sample.pixels), { min: 0, max: 1, ascii: o.ascii })];
}

function digitsLines(state: TrainerScreenState, o: ViewOptions): string[] {
  const s = state.snapshot;
  const count = s.filters.shape[0];
  const filters = Array.from({ length: count }, (_, k) => [
    o.t('train.screen.filter-short', { n: k }),
    ...shadedFilter(filterRows(s.filters, k), o.ascii),
  ]);
  const lines = [
    ...wrap(o.style.bold(o.t('train.screen.filters.digits', { count })), o.width),
    ...besideOrStacked(filters, o.width, [], { gap: 2, align: 'top' }),
  ];
  if (s.samples.length > 0) {
    lines.push(
      '',
      ...wrap(o.style.bold(o.t('train.screen.samples', { count: s.samples.length })), o.width),
      ...besideOrStacked(
        s.samples.map((sample) => sampleBlock(sample, s.classNames, o)),
        o.width,
        [],
        { gap: 2, align: 'top' },
      ),
    );
  }
  return lines;
}

function timingLine(state: TrainerScreenState, o: ViewOptions): string[] {
  if (state.elapsedMs <= 0) return [];
  return wrap(
    o.t('train.screen.timing', {
      steps: state.snapshot.status.steps,
      seconds: (state.elapsedMs / 1000).toFixed(1),
      slice: Math.round(state.longestSliceMs),
    }),
    o.width,
  ).map(o.style.dim);
}

function bodyLines(state: TrainerScreenState, o: ViewOptions): string[] {
  return [
    ...accuracyLines(state, o),
    '',
    ...chartLines(state, o),
    '',
    ...(state.kind === 'xo' ? xoFilterLines(state, o) : digitsLines(state, o)),
    ...(state.elapsedMs > 0 ? ['', ...timingLine(state, o)] : []),
  ];
}

/** The trainer's frame: what training is doing on top, the rest scrolling below it. */
export function trainerFrame(state: TrainerScreenState, o: ViewOptions): FrameModel {
  // Starting again from new weights starts again at the top.
  return { header: headerLines(state, o), body: bodyLines(state, o), page: `seed ${state.seed}` };
}

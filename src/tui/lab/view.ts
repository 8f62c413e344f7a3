/**
 * The lab screen as lines, for one state and terminal size: the list of exercises, one
 * exercise with its answer line, help, or a too-small notice. Every line fits the width and
 * the screen keeps one row free, as the tutor's screens do (`../view/screen.ts`).
 *
 * What the student sees about an answer is only whether it is saved, never whether it is right.
 */
import { answeredCount } from '../../grade/lab-session.js';
import type { LabQuestion } from '../../grade/lab-questions.js';
import type { Question } from '../../content/types.js';
import {
  displayWidth,
  padEndTo,
  padStartTo,
  sliceColumns,
  truncateToWidth,
} from '../../render/index.js';
import { answerFormatLines, displayLines } from '../../view/displays.js';
import { type ViewOptions, fit, glyphs, say, wrap } from '../../view/text.js';
import { packFooter } from '../view/footer.js';
import { type InputView, fieldView } from '../view/field.js';
import {
  type Bottom,
  MIN_HEIGHT,
  MIN_WIDTH,
  bottomRows,
  helpLines,
  tooSmallLines,
} from '../view/frame.js';
import { type LabKeyState, labFooterItems, labHelpItems } from './keymap.js';
import {
  type LabScreenState,
  currentItem,
  draftOf,
  isUnsaved,
  labKeyState,
  unsavedIds,
} from './reducer.js';

export type LabScreen =
  | { readonly kind: 'too-small'; readonly lines: string[] }
  | { readonly kind: 'help'; readonly lines: string[]; readonly footer: string[] }
  | {
      readonly kind: 'list';
      readonly header: string[];
      /** The visible exercise rows. */
      readonly rows: string[];
      /** Rows the list takes, so the footer stays at the bottom. */
      readonly height: number;
      readonly marker: string;
      readonly status: string[];
      readonly bottom: Bottom;
    }
  | {
      readonly kind: 'exercise';
      readonly header: string[];
      /** The visible part of the question. */
      readonly body: string[];
      readonly bodyHeight: number;
      readonly marker: string;
      /** The answer line with its cursor; absent when the question could not be built. */
      /** The answer field, when the question could be built. */
      readonly field?: InputView;
      readonly status: string[];
      readonly bottom: Bottom;
    };

export interface LabBuilt {
  readonly screen: LabScreen;
  readonly keys: LabKeyState;
  /** How far the exercise can scroll, and a page of it. */
  readonly maxScroll: number;
  readonly page: number;
}

/** `text` cut at the start to `width` columns ("…/lab/alice.lab-1.json"): a path's end matters. */
export function shortenStart(text: string, width: number): string {
  const w = displayWidth(text);
  if (w <= width) return text;
  if (width <= 1) return '…'.slice(0, Math.max(0, width));
  return `…${sliceColumns(text, w - (width - 1))}`;
}

/** The lab's title, then the student, how many are answered and the file, on one line if they fit. */
function headerLines(state: LabScreenState, o: ViewOptions): string[] {
  const { session } = state;
  const progress = o.t('lab.screen.progress', {
    student: session.student,
    answered: answeredCount(session),
    total: session.questions.length,
  });
  const sep = `  ${glyphs(o.ascii).dot}  `;
  const fileText = (room: number) => {
    const bare = o.t('lab.screen.file', { file: '' });
    return o.t('lab.screen.file', { file: shortenStart(session.file, room - displayWidth(bare)) });
  };
  const room = o.width - displayWidth(progress + sep);
  const lines = [o.style.bold(truncateToWidth(session.lab.title, o.width))];
  if (room >= 30) lines.push(progress + sep + fileText(room));
  else lines.push(truncateToWidth(progress, o.width), fileText(o.width));
  return lines;
}

/** "▲ 3 more lines above   ▼ 5 more lines below" (or exercises, for the list); '' when all show. */
function scrollMarker(above: number, below: number, o: ViewOptions, list = false): string {
  const g = glyphs(o.ascii);
  const parts = [
    above > 0
      ? `${g.less} ${list ? o.t('lab.screen.list-above', { count: above }) : o.t('lab.screen.more-above', { count: above })}`
      : '',
    below > 0
      ? `${g.more} ${list ? o.t('lab.screen.list-below', { count: below }) : o.t('lab.screen.more-below', { count: below })}`
      : '',
  ].filter((p) => p !== '');
  return o.style.dim(truncateToWidth(parts.join('   '), o.width));
}

function bottomOf(state: LabScreenState, keys: LabKeyState, o: ViewOptions): Bottom {
  const footer = packFooter(labFooterItems(keys, o.t), o.width, o.style);
  if (keys.context !== 'quit-confirm') return { footer };
  const question = o.t('lab.screen.quit', { count: unsavedIds(state).length });
  return { question: o.style.warn(truncateToWidth(question, o.width)), footer };
}

/** A message with `{file}` in it, the path shortened so the message keeps to one line. */
function withFile(key: string, params: Record<string, number>, file: string, o: ViewOptions) {
  const bare = o.t(key, { ...params, file: '' });
  return o.t(key, { ...params, file: shortenStart(file, o.width - displayWidth(bare)) });
}

/** What the last Enter led to, or whether the answer on the line is saved. At most two lines. */
function statusLines(state: LabScreenState, o: ViewOptions): string[] {
  const { notice, session } = state;
  const lines = (() => {
    if (notice?.kind === 'saved')
      return [o.style.ok(withFile('lab.screen.saved', { number: notice.number }, session.file, o))];
    if (notice?.kind === 'removed')
      return [
        o.style.ok(withFile('lab.screen.removed', { number: notice.number }, session.file, o)),
      ];
    if (notice?.kind === 'failed')
      return wrap(
        o.t('lab.screen.failed', { number: notice.number, error: say(o.t, notice.error) }),
        o.width,
      ).map(o.style.error);
    if (notice?.kind === 'syntax')
      return wrap(o.t('lab.screen.syntax', { problem: say(o.t, notice.error) }), o.width).map(
        o.style.warn,
      );
    if (notice?.kind === 'empty') return wrap(o.t('lab.screen.empty'), o.width).map(o.style.warn);
    const item = state.screen === 'exercise' ? currentItem(state) : undefined;
    if (!item?.ok) return [];
    const id = item.exercise.id;
    if (state.saving.some((r) => r.id === id)) return [o.style.dim(o.t('lab.screen.saving'))];
    if (isUnsaved(state, id)) return [o.style.dim(o.t('lab.screen.unsaved'))];
    if (session.answers.has(id)) return [o.style.dim(o.t('lab.screen.is-saved'))];
    return [];
  })();
  return fit(lines, o.width).slice(0, 2);
}

function tooSmall(state: LabScreenState, o: ViewOptions): LabScreen {
  const last =
    state.overlay === 'quit-confirm'
      ? `${o.t('lab.screen.quit', { count: unsavedIds(state).length })} ${o.t('lab.screen.quit-again')}`
      : o.t('tui.too-small-quit');
  return { kind: 'too-small', lines: tooSmallLines(last, o) };
}

function helpScreen(
  state: LabScreenState,
  keys: LabKeyState,
  o: ViewOptions,
  height: number,
): LabScreen {
  // The keys of the screen under the overlay, exactly as bound there.
  const under = buildLabScreen({ ...state, overlay: undefined }, o).keys;
  const about = fit(
    wrap(o.t('lab.screen.help.grade', { file: state.session.file }), o.width),
    o.width,
  ).map(o.style.dim);
  const footer = packFooter(labFooterItems(keys, o.t), o.width, o.style);
  const room = Math.max(1, height - footer.length - 3 - about.length);
  return {
    kind: 'help',
    lines: [...helpLines(labHelpItems(under, o.t), room, o), '', ...about],
    footer,
  };
}

/** One exercise per row: pointer, number, title, points, and whether it has a saved answer. */
function listRows(state: LabScreenState, o: ViewOptions): string[] {
  const g = glyphs(o.ascii);
  const { questions } = state.session;
  const labels = {
    answered: `${g.done} ${o.t('lab.screen.row.answered')}`,
    unsaved: `${g.started} ${o.t('lab.screen.row.unsaved')}`,
    empty: `${g.fresh} ${o.t('lab.screen.row.empty')}`,
    broken: `${g.warn} ${o.t('lab.screen.row.broken')}`,
  };
  const statusWidth = Math.max(...Object.values(labels).map(displayWidth));
  const points = questions.map((q) => o.t('lab.screen.points', { points: q.exercise.points }));
  const pointsWidth = Math.max(...points.map(displayWidth));
  const numberWidth = String(questions.length).length + 1;
  const titleWidth = Math.max(8, o.width - 2 - numberWidth - 1 - 2 - pointsWidth - 2 - statusWidth);
  return questions.map((q, i) => {
    const id = q.exercise.id;
    const status = !q.ok
      ? o.style.error(labels.broken)
      : isUnsaved(state, id)
        ? o.style.warn(labels.unsaved)
        : state.session.answers.has(id)
          ? o.style.ok(labels.answered)
          : o.style.dim(labels.empty);
    const selected = i === state.selected;
    const title = padEndTo(truncateToWidth(q.exercise.def.title, titleWidth), titleWidth);
    const line = [
      `${selected ? g.pointer : ' '} ${padStartTo(`${q.exercise.number}.`, numberWidth)} `,
      selected ? o.style.bold(title) : title,
      `  ${padStartTo(points[i], pointsWidth)}  `,
      status,
    ].join('');
    return truncateToWidth(line, o.width);
  });
}

function listScreen(
  state: LabScreenState,
  keys: LabKeyState,
  o: ViewOptions,
  height: number,
): LabBuilt {
  const { session } = state;
  const header = headerLines(state, o);
  const bottom = bottomOf(state, keys, o);
  const status = statusLines(state, o);
  const intro = [
    ...wrap(session.lab.instructions ?? '', o.width),
    ...(session.code === undefined ? [] : [o.t('lab.key.code', { code: session.code })]),
  ];
  const layout = (introLines: string[]) => {
    const top = [
      ...header,
      '',
      ...introLines.map(o.style.dim),
      ...(introLines.length > 0 ? [''] : []),
    ];
    return {
      top: fit(top, o.width),
      room: height - top.length - 1 - status.length - bottomRows(bottom),
    };
  };
  // Instructions give way when they would leave fewer than four rows for the list.
  let l = layout(intro.slice(0, 4));
  if (l.room < 4) l = layout([]);
  const room = Math.max(1, l.room);
  const rows = listRows(state, o);
  const max = Math.max(0, rows.length - room);
  const scroll = Math.max(0, Math.min(max, state.selected + 2 - room));
  return {
    screen: {
      kind: 'list',
      header: l.top,
      rows: rows.slice(scroll, scroll + room),
      height: room,
      marker: scrollMarker(scroll, rows.length - room - scroll, o, true),
      status,
      bottom,
    },
    keys,
    maxScroll: 0,
    page: 1,
  };
}

/** How to type a grid here (the lab screen has no grid editor), else the tutor's wording. */
function formatLines(question: Question, o: ViewOptions): string[] {
  const size = question.gridSize;
  if (question.kind !== 'grid' || !size) return answerFormatLines(question, o);
  const lines = wrap(
    o.t('lab.screen.format.grid-size', { rows: size.rows, cols: size.cols }),
    o.width,
  );
  if (question.tolerance > 0)
    lines.push(...wrap(o.t('tui.exercise.tolerance', { tolerance: question.tolerance }), o.width));
  return lines.map((line) => o.style.dim(line));
}

function questionLines(item: LabQuestion, o: ViewOptions): string[] {
  if (!item.ok)
    return wrap(o.t('lab.screen.unbuilt', { error: item.error }), o.width).map(o.style.error);
  const q = item.question;
  return fit(
    [...wrap(q.prompt, o.width), '', ...displayLines(q.displays, o), '', ...formatLines(q, o)],
    o.width,
  );
}

function exerciseScreen(
  state: LabScreenState,
  o: ViewOptions,
  height: number,
  tooSmallFact: boolean,
): LabBuilt {
  const item = currentItem(state)!;
  const e = item.exercise;
  const header = [
    ...headerLines(state, o),
    o.style.bold(
      truncateToWidth(
        o.t('lab.screen.heading', {
          number: e.number,
          total: state.session.questions.length,
          title: e.def.title,
          points: e.points,
        }),
        o.width,
      ),
    ),
  ];
  const status = statusLines(state, o);
  const body = questionLines(item, o);
  const { draft } = draftOf(state, e.id);
  const layout = (scrollable: boolean) => {
    const keys = labKeyState(state, { tooSmall: tooSmallFact, scrollable });
    const bottom = bottomOf(state, keys, o);
    const field = item.ok
      ? fieldView(
          'answer',
          e.id,
          keys.context === 'answer',
          {
            label: o.t('lab.screen.answer-label'),
            draft,
            placeholder: o.t('lab.screen.answer-placeholder'),
          },
          o,
        )
      : undefined;
    const fixed = header.length + 1 + 1 + (field?.rows ?? 0) + status.length + bottomRows(bottom);
    return { keys, bottom, field, bodyHeight: Math.max(1, height - fixed) };
  };
  let l = layout(false);
  if (body.length > l.bodyHeight) l = layout(true);
  const maxScroll = Math.max(0, body.length - l.bodyHeight);
  const scroll = Math.min(state.scroll, maxScroll);
  return {
    screen: {
      kind: 'exercise',
      header,
      body: ['', ...body.slice(scroll, scroll + l.bodyHeight)],
      bodyHeight: l.bodyHeight + 1,
      marker: maxScroll > 0 ? scrollMarker(scroll, maxScroll - scroll, o) : '',
      ...(l.field ? { field: l.field } : {}),
      status,
      bottom: l.bottom,
    },
    keys: l.keys,
    maxScroll,
    page: Math.max(1, l.bodyHeight - 1),
  };
}

export function buildLabScreen(state: LabScreenState, o: ViewOptions): LabBuilt {
  if (o.width < MIN_WIDTH || o.height < MIN_HEIGHT) {
    return {
      screen: tooSmall(state, o),
      keys: labKeyState(state, { tooSmall: true, scrollable: false }),
      maxScroll: 0,
      page: 1,
    };
  }
  // One row stays free so the terminal never scrolls under Ink.
  const height = o.height - 1;
  if (state.overlay === 'help') {
    const keys = labKeyState(state, { tooSmall: false, scrollable: false });
    return { screen: helpScreen(state, keys, o, height), keys, maxScroll: 0, page: 1 };
  }
  if (state.screen === 'exercise' && currentItem(state))
    return exerciseScreen(state, o, height, false);
  const keys = labKeyState(state, { tooSmall: false, scrollable: false });
  return listScreen(state, keys, o, height);
}

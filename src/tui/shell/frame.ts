/**
 * One frame for every screen, as lines: the header, the body that scrolls, a pinned area (the
 * question, the answer field, the feedback) that never scrolls away, the status, the footer;
 * or the `?` help, or the too-small notice. Every line fits the width and the frame never
 * takes more rows than the terminal has, less one, so the terminal never scrolls under Ink.
 *
 * Pure: a function of what the screen shows, the shell's own state and the terminal's size.
 */
import { displayWidth, padEndTo, truncateToWidth } from '../../render/index.js';
import { type ViewOptions, fit, glyphs, wrap } from '../../view/text.js';
import { FLAG } from './chrome.js';

/** Below this a screen asks for a bigger terminal instead of drawing a garbled one. */
export const MIN_WIDTH = 60;
export const MIN_HEIGHT = 18;

/** A long field wraps onto at most this many rows. */
export const MAX_FIELD_ROWS = 3;

/** A text field as the screen describes it; its value lives in the screen's state. */
export interface FieldModel {
  /** Which field this is (an exercise's id, a demo's key): another id is another field. */
  readonly id: string;
  readonly label: string;
  readonly value: string;
  /** Shown dimmed while the field is empty. */
  readonly placeholder: string;
  /** Typing goes here now. */
  readonly focused: boolean;
}

/** What a screen shows, before the shell fits it to the terminal. */
export interface FrameModel {
  /** Lines at the top that never scroll (a title, "step 3 of 12"). */
  readonly header: readonly string[];
  /**
   * The lines that scroll. A function of the rows there are, for a body that can lay itself
   * out more tightly when room is short (the demo drops its grid rules).
   */
  readonly body: readonly string[] | ((rows: number) => readonly string[]);
  /** Scrolling starts again at the top when this changes (another step, another exercise). */
  readonly page: string;
  /** Body lines kept in view whatever the scroll (the selected row of a list). */
  readonly focus?: { readonly from: number; readonly to: number };
  /** Lines pinned under the body and above the field: the question being answered. */
  readonly pinned?: readonly string[];
  readonly field?: FieldModel;
  /** Lines pinned under the field: the feedback on the last answer. */
  readonly below?: readonly string[];
  /** Lines above the footer: a failed save, a warning. */
  readonly status?: readonly string[];
  /**
   * The body keeps all its rows, so the pinned lines and the footer stay at the bottom of the
   * terminal; off, a short screen (a prompt) ends where its lines do. @default true
   */
  readonly fill?: boolean;
}

/** The shell's own state: how far the body and the help are scrolled, what is open over it. */
export interface ChromeState {
  /** Lines of the body scrolled off the top, as asked for; the frame clamps it. */
  readonly scroll: number;
  /** The `page` that `scroll` belongs to. */
  readonly page: string;
  readonly overlay?: 'help' | 'quit-confirm';
  readonly helpScroll: number;
}

export const INITIAL_CHROME: ChromeState = { scroll: 0, page: '', helpScroll: 0 };

/** The field as the frame lays it out. */
export interface FieldView extends FieldModel {
  /** Rows it takes: a long focused value wraps onto up to `MAX_FIELD_ROWS`. */
  readonly rows: number;
  /** Columns after the label. */
  readonly room: number;
  /** Without focus: the label and the value (or the dimmed placeholder), fitted. */
  readonly line: string;
  /** With focus and no value: the placeholder, dimmed, shown after the cursor. */
  readonly hint: string;
}

export type FrameView =
  | { readonly kind: 'too-small'; readonly lines: readonly string[] }
  | { readonly kind: 'help'; readonly lines: readonly string[] }
  | {
      readonly kind: 'main';
      /** Header, the visible body, its scroll marker, and the pinned lines above the field. */
      readonly above: readonly string[];
      readonly field?: FieldView;
      /** The feedback, the status, the quit question and the footer. */
      readonly below: readonly string[];
    };

/** What the keys need to know of a frame: how far things scroll. */
export interface FrameFacts {
  /** The model's `page`: scrolling belongs to it. */
  readonly page: string;
  readonly scrollable: boolean;
  readonly maxScroll: number;
  /** Lines one PgUp/PgDn moves. */
  readonly pageRows: number;
  readonly helpMax: number;
  readonly helpPage: number;
  /** The field is on screen and focused, so keys may go to it. */
  readonly fieldShown: boolean;
}

export interface Frame {
  readonly view: FrameView;
  readonly facts: FrameFacts;
}

/** What the frame asks of the keymap: the footer lines for a set of shell flags. */
export interface FrameContext {
  /** The screen uses ↑/↓ itself, so its body scrolls with PgUp/PgDn. */
  readonly arrows: boolean;
  /** The footer packed into at most two lines, with these flags added to the screen's. */
  footer(flags: readonly string[], width: number): string[];
  /** Every key of the screen under the overlay, for the help list. */
  helpItems(): readonly { readonly keys: string; readonly label: string }[];
  /** What the screen is for, shown under the keys in help (empty: nothing). */
  about(): string;
  /** The question quitting asks when something typed would be lost. */
  quitQuestion(): string;
}

const NO_FACTS: FrameFacts = {
  page: '',
  scrollable: false,
  maxScroll: 0,
  pageRows: 1,
  helpMax: 0,
  helpPage: 1,
  fieldShown: false,
};

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

function markerLine(scroll: number, max: number, pageKeys: boolean, o: ViewOptions): string {
  const g = glyphs(o.ascii);
  const above = pageKeys ? 'shell.scroll.above-page' : 'shell.scroll.above';
  const below = pageKeys ? 'shell.scroll.below-page' : 'shell.scroll.below';
  const parts = [
    scroll > 0 ? `${g.less} ${o.t(above, { count: scroll })}` : '',
    scroll < max ? `${g.more} ${o.t(below, { count: max - scroll })}` : '',
  ].filter((p) => p !== '');
  return o.style.dim(truncateToWidth(parts.join('   '), o.width));
}

/** The field as one line without focus. */
function fieldLine(field: FieldModel, o: ViewOptions): string {
  const text = field.value === '' ? o.style.dim(field.placeholder) : field.value;
  return truncateToWidth(field.label + text, o.width);
}

/** Rows a focused value takes beside its label, with a cell for the cursor. */
export function fieldRows(label: string, value: string, width: number): number {
  const room = Math.max(1, width - displayWidth(label));
  // Only the visible window is ever drawn: a long value is not measured whole.
  const length = value.length > room * MAX_FIELD_ROWS ? room * MAX_FIELD_ROWS : displayWidth(value);
  return clamp(Math.ceil((length + 1) / room), 1, MAX_FIELD_ROWS);
}

function fieldView(field: FieldModel, o: ViewOptions): FieldView {
  const room = Math.max(1, o.width - displayWidth(field.label));
  return {
    ...field,
    rows: field.focused ? fieldRows(field.label, field.value, o.width) : 1,
    room,
    line: fieldLine(field, o),
    hint:
      field.placeholder === ''
        ? ''
        : o.style.dim(truncateToWidth(field.placeholder, Math.max(1, room - 1))),
  };
}

function tooSmallFrame(o: ViewOptions): Frame {
  const text = `${o.t('shell.too-small', { width: o.width, height: o.height, minWidth: MIN_WIDTH, minHeight: MIN_HEIGHT })}\n${o.t('shell.too-small-quit')}`;
  const width = Math.max(1, o.width);
  const lines = fit(wrap(text, width), width).slice(0, Math.max(1, o.height - 1));
  return { view: { kind: 'too-small', lines }, facts: NO_FACTS };
}

function helpFrame(chrome: ChromeState, keys: FrameContext, o: ViewOptions): Frame {
  const height = o.height - 1;
  const items = keys.helpItems();
  let keyWidth = 0;
  for (const item of items) keyWidth = Math.max(keyWidth, displayWidth(item.keys));
  keyWidth = Math.min(Math.floor(o.width / 3), keyWidth);
  const rows = items.map((i) =>
    truncateToWidth(
      `  ${padEndTo(truncateToWidth(o.style.bold(i.keys), keyWidth), keyWidth)}  ${i.label}`,
      o.width,
    ),
  );
  const title = o.style.bold(truncateToWidth(o.t('shell.help.title'), o.width));
  const about = keys.about();
  if (about !== '') rows.push('', ...fit(wrap(about, o.width), o.width).map(o.style.dim));
  const layout = (scrollable: boolean) => {
    const footer = keys.footer(scrollable ? [FLAG.helpScrollable] : [], o.width);
    // The title and a blank line above the list, a blank line and the marker below it.
    return { footer, room: Math.max(1, height - footer.length - 4) };
  };
  let l = layout(false);
  if (rows.length > l.room) l = layout(true);
  const max = Math.max(0, rows.length - l.room);
  const top = clamp(chrome.helpScroll, 0, max);
  const marker = max > 0 ? [markerLine(top, max, false, o)] : [];
  return {
    view: {
      kind: 'help',
      lines: [title, '', ...rows.slice(top, top + l.room), ...marker, '', ...l.footer],
    },
    facts: { ...NO_FACTS, helpMax: max, helpPage: Math.max(1, l.room - 1) },
  };
}

/**
 * At most `room` of the pinned lines and the feedback under the field. The pinned lines (the
 * question, the grid editor) come first; the feedback keeps its first two lines at least.
 */
function share(pinned: readonly string[], below: readonly string[], room: number) {
  if (pinned.length + below.length <= room) return { pinned, below };
  const forPinned = Math.max(0, Math.min(pinned.length, room - Math.min(below.length, 2)));
  return {
    pinned: pinned.slice(0, forPinned),
    below: below.slice(0, Math.max(0, room - forPinned)),
  };
}

function mainFrame(
  model: FrameModel,
  chrome: ChromeState,
  keys: FrameContext,
  o: ViewOptions,
): Frame {
  const height = o.height - 1;
  const status = fit(model.status ?? [], o.width);
  const field = model.field ? fieldView(model.field, o) : undefined;
  const question =
    chrome.overlay === 'quit-confirm'
      ? [o.style.warn(truncateToWidth(keys.quitQuestion(), o.width))]
      : [];
  const footerFor = (scrollable: boolean) =>
    keys.footer(scrollable ? [FLAG.scrollable] : [], o.width);

  const minBody = 3;
  // A header too tall for the terminal (a few rows of body at least) scrolls with the body.
  // The pinned lines may leave the body a single row: they are what the learner works on.
  const below = (field?.rows ?? 0) + status.length + question.length + footerFor(false).length;
  const keep = Math.max(0, height - below - 1 - minBody);
  const header = fit(model.header.slice(0, keep), o.width);
  const overflow = model.header.slice(keep);
  const fixedRows = (footer: readonly string[]) =>
    header.length + (field?.rows ?? 0) + status.length + question.length + footer.length;
  // Pinned lines may take what is left once the body has a few rows.
  // (Counted as if the body scrolls: its marker and the footer's scroll keys take room too.)
  const pinnedRoom = Math.max(0, height - fixedRows(footerFor(true)) - 1 - 1);
  const pins = share(fit(model.pinned ?? [], o.width), fit(model.below ?? [], o.width), pinnedRoom);

  const bodyOf = (rows: number): string[] =>
    fit(
      [...overflow, ...(typeof model.body === 'function' ? model.body(rows) : model.body)],
      o.width,
    );
  let footer = footerFor(false);
  let rows = Math.max(1, height - fixedRows(footer) - pins.pinned.length - pins.below.length);
  let body = bodyOf(rows);
  let scrollable = body.length > rows;
  if (scrollable) {
    footer = footerFor(true);
    // One row for the scroll marker.
    const fewer = Math.max(
      1,
      height - fixedRows(footer) - pins.pinned.length - pins.below.length - 1,
    );
    if (fewer !== rows && typeof model.body === 'function') body = bodyOf(fewer);
    rows = fewer;
    scrollable = body.length > rows;
  }
  const maxScroll = Math.max(0, body.length - rows);
  let top = clamp(chrome.page === model.page ? chrome.scroll : 0, 0, maxScroll);
  if (model.focus) {
    if (model.focus.to >= top + rows) top = model.focus.to - rows + 1;
    if (model.focus.from < top) top = model.focus.from;
    top = clamp(top, 0, maxScroll);
  }
  const visible = body.slice(top, top + rows);
  const marker = scrollable ? [markerLine(top, maxScroll, keys.arrows, o)] : [];
  // The body keeps its rows even when short, so the field and footer stay at the bottom.
  const padding =
    model.fill === false ? [] : Array.from({ length: rows - visible.length }, () => '');
  const above = [...header, ...visible, ...padding, ...marker, ...pins.pinned];
  const focusedField = field?.focused === true;
  return {
    view: {
      kind: 'main',
      above: focusedField || !field ? above : [...above, field.line],
      ...(focusedField ? { field } : {}),
      below: [...pins.below, ...status, ...question, ...footer],
    },
    facts: {
      ...NO_FACTS,
      page: model.page,
      scrollable,
      maxScroll,
      pageRows: Math.max(1, rows - 1),
      fieldShown: focusedField,
    },
  };
}

/** The frame for what the screen shows, the shell's state and the terminal's size. */
export function layoutFrame(
  model: FrameModel,
  chrome: ChromeState,
  keys: FrameContext,
  o: ViewOptions,
): Frame {
  if (o.width < MIN_WIDTH || o.height < MIN_HEIGHT) return tooSmallFrame(o);
  if (chrome.overlay === 'help') return helpFrame(chrome, keys, o);
  return mainFrame(model, chrome, keys, o);
}

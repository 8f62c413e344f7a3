/**
 * What the trainer and draw screens have in common, as lines: the too-small notice, the `?`
 * help, and a page of fixed header lines over a body that scrolls, with the keys at the bottom.
 * As in the tutor (`../view/screen.ts`) every line fits the width and one row stays free.
 */
import { displayWidth, padEndTo, truncateToWidth } from '../../render/index.js';
import { type ViewOptions, fit, glyphs, wrap } from '../../view/text.js';
import { packFooter } from '../view/footer.js';
import { type Bottom, MIN_HEIGHT, MIN_WIDTH } from '../view/screen.js';
import { type TrainKeyState, trainFooterItems, trainHelpItems } from './keymap.js';

export type ToolScreen =
  | { readonly kind: 'too-small'; readonly lines: string[] }
  | { readonly kind: 'help'; readonly lines: string[]; readonly footer: string[] }
  | {
      readonly kind: 'main';
      readonly header: string[];
      /** The visible part of the body. */
      readonly body: string[];
      /** Rows the body takes, so the footer stays at the bottom. */
      readonly bodyHeight: number;
      readonly marker: string;
      readonly bottom: Bottom;
    };

export interface ToolBuilt {
  readonly screen: ToolScreen;
  readonly keys: TrainKeyState;
  /** How far the body can scroll, and a page of it. */
  readonly maxScroll: number;
  readonly page: number;
}

export function isTooSmall(o: ViewOptions): boolean {
  return o.width < MIN_WIDTH || o.height < MIN_HEIGHT;
}

export function tooSmallScreen(o: ViewOptions, keys: TrainKeyState): ToolBuilt {
  const width = Math.max(1, o.width);
  const text = `${o.t('tui.too-small', { width: o.width, height: o.height, minWidth: MIN_WIDTH, minHeight: MIN_HEIGHT })}\n${o.t('tui.too-small-quit')}`;
  return {
    screen: {
      kind: 'too-small',
      lines: fit(wrap(text, width), width).slice(0, Math.max(1, o.height - 1)),
    },
    keys,
    maxScroll: 0,
    page: 1,
  };
}

/** Every key of the screen under the overlay (`under`), and a line about the screen. */
export function helpScreen(
  under: TrainKeyState,
  keys: TrainKeyState,
  about: string,
  o: ViewOptions,
): ToolBuilt {
  const height = o.height - 1;
  const items = trainHelpItems(under, o.t);
  const keyWidth = Math.min(
    Math.floor(o.width / 3),
    Math.max(...items.map((i) => displayWidth(i.keys))),
  );
  const rows = items.map((i) =>
    truncateToWidth(
      `  ${padEndTo(truncateToWidth(o.style.bold(i.keys), keyWidth), keyWidth)}  ${i.label}`,
      o.width,
    ),
  );
  const aboutLines = fit(wrap(about, o.width), o.width).map(o.style.dim);
  const footer = packFooter(trainFooterItems(keys, o.t), o.width, o.style);
  // Title, two blank lines around the keys, and the blank line HelpOverlay puts above the footer.
  const room = Math.max(1, height - footer.length - 4 - aboutLines.length);
  const shown = rows.length > room ? [...rows.slice(0, room - 1), '  …'] : rows;
  return {
    screen: {
      kind: 'help',
      lines: [
        o.style.bold(truncateToWidth(o.t('tui.help.title'), o.width)),
        '',
        ...shown,
        '',
        ...aboutLines,
      ],
      footer,
    },
    keys,
    maxScroll: 0,
    page: 1,
  };
}

function markerLine(scroll: number, max: number, o: ViewOptions, pageKeys: boolean): string {
  if (max <= 0) return '';
  const g = glyphs(o.ascii);
  const above = pageKeys ? 'train.screen.scroll.above-page' : 'train.screen.scroll.above';
  const below = pageKeys ? 'train.screen.scroll.below-page' : 'train.screen.scroll.below';
  const parts = [
    scroll > 0 ? `${g.less} ${o.t(above, { count: scroll })}` : '',
    scroll < max ? `${g.more} ${o.t(below, { count: max - scroll })}` : '',
  ].filter((p) => p !== '');
  return o.style.dim(truncateToWidth(parts.join('   '), o.width));
}

/**
 * Header, scrolling body and footer in `o.height − 1` rows. `keysFor(scrollable)` gives the
 * key state, whose footer may take one line more once scrolling keys join it.
 * `pageKeys`: the body scrolls with PgUp/PgDn only (the arrows belong to the screen).
 */
export function pageLayout(
  header: readonly string[],
  body: readonly string[],
  scroll: number,
  keysFor: (scrollable: boolean) => TrainKeyState,
  o: ViewOptions,
  pageKeys = false,
): ToolBuilt {
  const height = o.height - 1;
  // A header too tall for the terminal (three rows of body at least) scrolls with the body.
  const keep = Math.max(0, height - 1 - 2 - 3);
  const fittedHeader = fit(header.slice(0, keep), o.width);
  const fittedBody = fit([...header.slice(keep), ...body], o.width);
  const layout = (scrollable: boolean) => {
    const keys = keysFor(scrollable);
    const bottom: Bottom = { footer: packFooter(trainFooterItems(keys, o.t), o.width, o.style) };
    const bodyHeight = Math.max(1, height - fittedHeader.length - 1 - bottom.footer.length);
    return { keys, bottom, bodyHeight };
  };
  let l = layout(false);
  if (fittedBody.length > l.bodyHeight) l = layout(true);
  const maxScroll = Math.max(0, fittedBody.length - l.bodyHeight);
  const top = Math.min(scroll, maxScroll);
  return {
    screen: {
      kind: 'main',
      header: fittedHeader,
      body: fittedBody.slice(top, top + l.bodyHeight),
      bodyHeight: l.bodyHeight,
      marker: markerLine(top, maxScroll, o, pageKeys),
      bottom: l.bottom,
    },
    keys: l.keys,
    maxScroll,
    page: Math.max(1, l.bodyHeight - 1),
  };
}

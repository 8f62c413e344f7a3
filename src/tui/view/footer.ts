/**
 * The footer: the keys that work on this screen, generated from the keymap, packed into at
 * most two lines. When they do not fit, items are dropped from the end but help and quit stay.
 */
import { displayWidth, type Style } from '../../render/index.js';
import { type FooterItem, type KeyState, footerItems } from '../keymap.js';
import { type Translate, fit } from '../../view/text.js';

const GAP = '  ';
const KEEP = new Set(['help', 'quit', 'close-help', 'confirm-quit', 'cancel-quit']);

function itemText(item: FooterItem<string>, style: Style): string {
  return `${style.bold(item.keys)} ${item.label}`;
}

function pack(texts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const text of texts) {
    const last = lines.length - 1;
    if (last >= 0 && displayWidth(lines[last] + GAP + text) <= width) lines[last] += GAP + text;
    else lines.push(text);
  }
  return lines;
}

export function footerLines(
  state: KeyState,
  width: number,
  t: Translate,
  style: Style,
  maxLines = 2,
): string[] {
  return packFooter(footerItems(state, t), width, style, maxLines);
}

/** Footer items (from any key table: see `footerItemsIn`) packed into at most `maxLines`. */
export function packFooter(
  all: readonly FooterItem<string>[],
  width: number,
  style: Style,
  maxLines = 2,
): string[] {
  let items = [...all];
  let lines = pack(
    items.map((i) => itemText(i, style)),
    width,
  );
  while (lines.length > maxLines) {
    const drop = items.map((i) => i.commands.some((c) => KEEP.has(c))).lastIndexOf(false);
    if (drop < 0) break;
    items = items.filter((_, i) => i !== drop);
    lines = pack(
      items.map((i) => itemText(i, style)),
      width,
    );
  }
  return fit(lines.slice(0, maxLines), width);
}

/**
 * The footer: the keys that work now, from the keymap, packed into at most two lines. When
 * they do not fit, items are dropped from the end, except those marked `keep` (help, quit).
 */
import { displayWidth, type Style } from '../../render/index.js';
import { fit } from '../../view/text.js';
import type { FooterItem } from './keymap.js';

const GAP = '  ';

function pack(texts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const text of texts) {
    const last = lines.length - 1;
    if (last >= 0 && displayWidth(lines[last] + GAP + text) <= width) lines[last] += GAP + text;
    else lines.push(text);
  }
  return lines;
}

export function packFooter(
  all: readonly FooterItem[],
  width: number,
  style: Style,
  maxLines = 2,
): string[] {
  let items = [...all];
  const texts = () => items.map((i) => `${style.bold(i.keys)} ${i.label}`);
  let lines = pack(texts(), width);
  while (lines.length > maxLines) {
    const drop = items.map((i) => i.keep).lastIndexOf(false);
    if (drop < 0) break;
    items = items.filter((_, i) => i !== drop);
    lines = pack(texts(), width);
  }
  return fit(lines.slice(0, maxLines), width);
}

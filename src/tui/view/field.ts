/**
 * A one-line text field as text: the label, then the part of the draft around the cursor.
 * The cursor is reverse video with colour, and a bar (`▏`, `|` in ASCII) without, so it shows
 * on any terminal; a draft longer than the line scrolls sideways to keep the cursor in view.
 */
import { displayWidth, truncateToWidth } from '../../render/index.js';
import type { ViewOptions } from '../../view/text.js';

export interface FieldInput {
  readonly label: string;
  readonly draft: string;
  readonly cursor: number;
  readonly focused: boolean;
  /** Shown dimmed in an empty field without focus. */
  readonly placeholder: string;
}

export function fieldLine(field: FieldInput, o: ViewOptions): string {
  const room = Math.max(1, o.width - displayWidth(field.label) - 1);
  if (!field.focused) {
    const text = field.draft === '' ? o.style.dim(field.placeholder) : field.draft;
    return truncateToWidth(field.label + text, o.width);
  }
  const chars = Array.from(field.draft);
  const cursor = Math.max(0, Math.min(chars.length, field.cursor));
  const start = Math.max(0, cursor - room + 1);
  const visible = chars.slice(start, start + room);
  const at = cursor - start;
  const text = o.style.color
    ? visible.slice(0, at).join('') +
      o.style.highlight(visible[at] ?? ' ') +
      visible.slice(at + 1).join('')
    : visible.slice(0, at).join('') + (o.ascii ? '|' : '▏') + visible.slice(at).join('');
  return truncateToWidth(field.label + text, o.width);
}

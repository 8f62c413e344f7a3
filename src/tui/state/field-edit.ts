/**
 * The text of a one-line field (the answer, a prediction). The field itself is an
 * ink-text-input field that moves its cursor and edits; these functions clean what it reports
 * and add text typed before it listens. Positions count code points, so `−` or `×` is one step.
 */

export interface FieldText {
  readonly draft: string;
  /** Code points before the cursor, 0 … length. */
  readonly cursor: number;
}

function points(text: string): string[] {
  return Array.from(text);
}

/**
 * Keys that arrive in one chunk (fast typing, a paste, tmux) reach a field as text: apply
 * Backspace/DEL to the character before it, read a tab as a space (cells pasted from a
 * spreadsheet), drop other control characters, keep line breaks.
 * Example: `typedText('abc\x7fd')` → `'abd'`.
 */
export function typedText(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\x7f' || ch === '\b') out = out.slice(0, -1);
    else if (ch === '\t') out += ' ';
    else if (ch === '\r' || ch === '\n' || ch >= ' ') out += ch;
  }
  return out;
}

/** What a field's text becomes, and whether Enter came with it. */
export interface FieldChange {
  readonly draft: string;
  /** The text ended in a line break: the keys held Enter after the text (`5\r`). */
  readonly enter: boolean;
}

/**
 * The text the field reports after a key or a paste, cleaned: Backspace bytes applied, a line
 * break at the end read as Enter, line breaks inside as `; ` (a pasted grid keeps its rows).
 * Example: `fieldChange('1 2\n3 4\r')` → `{ draft: '1 2; 3 4', enter: true }`.
 */
export function fieldChange(raw: string): FieldChange {
  const typed = typedText(raw).replace(/\r\n/g, '\n').replace(/\r/g, '\n');
  const enter = typed.endsWith('\n');
  const draft = typed.replace(/^\n+|\n+$/g, '').replace(/\n+/g, '; ');
  return { draft, enter };
}

/**
 * Typed or pasted text at the cursor. Line breaks in a paste become `; ` (a pasted grid keeps
 * its rows); other control characters are dropped.
 * Example: `insertText({ draft: '1 2', cursor: 3 }, '\n3 4')` → `{ draft: '1 2; 3 4', cursor: 8 }`.
 */
export function insertText(field: FieldText, text: string): FieldText {
  const clean = text
    .replace(/\r\n|\r|\n/g, '; ')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F]/g, '');
  if (clean === '') return field;
  const chars = points(field.draft);
  const added = points(clean);
  chars.splice(field.cursor, 0, ...added);
  return { draft: chars.join(''), cursor: field.cursor + added.length };
}

/** The whole text, with the cursor after it. */
export function setText(text: string): FieldText {
  return { draft: text, cursor: points(text).length };
}

/**
 * Editing a one-line text field (the answer, a prediction): insert at the cursor, erase
 * before it, move it. Positions count code points, so `−` or `×` is one step.
 */

export interface FieldText {
  readonly draft: string;
  /** Code points before the cursor, 0 … length. */
  readonly cursor: number;
}

export type CursorMove = 'left' | 'right' | 'home' | 'end';

function points(text: string): string[] {
  return Array.from(text);
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

/** Backspace: the character before the cursor goes. */
export function eraseBack(field: FieldText): FieldText {
  if (field.cursor === 0) return field;
  const chars = points(field.draft);
  chars.splice(field.cursor - 1, 1);
  return { draft: chars.join(''), cursor: field.cursor - 1 };
}

export function moveFieldCursor(field: FieldText, move: CursorMove): FieldText {
  const length = points(field.draft).length;
  const cursor =
    move === 'home' ? 0 : move === 'end' ? length : field.cursor + (move === 'left' ? -1 : 1);
  return { ...field, cursor: Math.max(0, Math.min(length, cursor)) };
}

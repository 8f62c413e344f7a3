/**
 * Input events → keys, with pastes put back together. The shell turns on bracketed paste, so a
 * terminal wraps pasted text in `ESC[200~ … ESC[201~`; whatever comes between (Ink's parser may
 * have cut it into several events, at escape bytes or 4 KB reads) becomes one paste, in order,
 * with its line breaks and tabs, so a 100 KB answer lands as one edit.
 */
import {
  type KeyPress,
  PASTE_END,
  PASTE_START,
  cleanText,
  decodeEvent,
  typed,
} from './key-press.js';

/** A paste longer than this is cut here: no answer is anywhere near it. */
export const MAX_PASTE = 1_000_000;

export class KeyReader {
  private pasting: string[] | undefined;
  private pastedLength = 0;

  /** Whether a paste has begun and not ended. */
  get inPaste(): boolean {
    return this.pasting !== undefined;
  }

  /** One event from Ink's input parser → the keys it completes (none while a paste goes on). */
  push(event: string): KeyPress[] {
    if (event === PASTE_START) {
      const before = this.flush();
      this.pasting = [];
      this.pastedLength = 0;
      return before;
    }
    if (this.pasting === undefined) return event === PASTE_END ? [] : decodeEvent(event);
    if (event === PASTE_END) return this.flush();
    // Escape sequences inside a paste are not keys; plain text is kept up to the limit.
    if (!event.startsWith('\x1b') && this.pastedLength < MAX_PASTE) {
      const room = MAX_PASTE - this.pastedLength;
      const piece = event.length > room ? event.slice(0, room) : event;
      this.pasting.push(piece);
      this.pastedLength += piece.length;
    }
    return [];
  }

  /** End a paste that is still open (its end marker never came): the text so far. */
  flush(): KeyPress[] {
    const pieces = this.pasting;
    this.pasting = undefined;
    if (pieces === undefined) return [];
    const text = cleanText(pieces.join('').replace(/\r\n?/g, '\n'), 'breaks');
    return text === '' ? [] : [typed(text, { paste: true })];
  }
}

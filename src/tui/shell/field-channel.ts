/**
 * The private input of a text field. The shell owns stdin; the keys that belong to the focused
 * field (text, the cursor keys, Backspace, Ctrl+U, Ctrl+W) reach its ink-text-input through
 * this channel, as the bytes a terminal would send, and nothing else does. So the field is the
 * one editor of its value, and a key meant for the screen never reaches it.
 */
import { EventEmitter } from 'node:events';
import type { KeyPress } from './input/key-press.js';

const SEQUENCES: Partial<Record<NonNullable<KeyPress['name']>, string>> = {
  left: '\x1b[D',
  right: '\x1b[C',
  home: '\x1b[H',
  end: '\x1b[F',
  backspace: '\x7f',
};

/**
 * Text for a one-line field: a pasted grid keeps its rows as `; `, a tab (cells pasted from a
 * spreadsheet) reads as a space, and line breaks that lead or end a paste are dropped.
 * Example: `fieldText('1 2\n3 4\n')` → `'1 2; 3 4'`.
 */
export function fieldText(text: string): string {
  return text
    .replace(/^\n+|\n+$/g, '')
    .replace(/\n+/g, '; ')
    .replace(/\t/g, ' ');
}

/** The bytes ink-text-input reads as this key, or undefined for a key a field has no use for. */
export function encodeKey(key: KeyPress): string | undefined {
  if (key.name !== undefined) return key.ctrl || key.meta ? undefined : SEQUENCES[key.name];
  if (key.ctrl && !key.meta && (key.text === 'u' || key.text === 'w'))
    return String.fromCharCode(key.text.charCodeAt(0) - 96);
  if (key.ctrl || key.meta) return undefined;
  const text = fieldText(key.text);
  return text === '' ? undefined : text;
}

export interface FieldChannel {
  /** What the field's ink-text-input listens to (through its own stdin context). */
  readonly emitter: EventEmitter;
  /**
   * Pass a key to the field: false when no field listens yet (it has not mounted), so the key
   * should wait; true once it was given (or it means nothing to a field).
   */
  send(key: KeyPress): boolean;
}

export function createFieldChannel(): FieldChannel {
  const emitter = new EventEmitter();
  return {
    emitter,
    send(key) {
      const bytes = encodeKey(key);
      if (bytes === undefined) return true;
      if (emitter.listenerCount('input') === 0) return false;
      emitter.emit('input', bytes);
      return true;
    },
  };
}

/**
 * How a screen's key handler (`useKeypress`) and its ink-text-input field share the keys.
 *
 * The focused field's input types, erases and moves its cursor itself. The screen still passes
 * every key to its reducer, with the id of the field whose input listens now (`listening`);
 * the reducer leaves the text keys of that field alone when it is the field that has focus in
 * the state, and types them itself otherwise (right after the key that focused a field, before
 * its input listens). The input reports its whole text with its field's id, and the reducer
 * takes it only for the field that has focus, so a key that reaches an input on its way out
 * never edits the next field.
 *
 * What the input reports is cleaned by `fieldChange`; a line break at its end is Enter, passed
 * to the screen's key handler as that key.
 */
import type { Key } from 'ink';
import { type MutableRefObject, useRef } from 'react';
import { NO_KEY } from '../keymap.js';
import { fieldChange } from '../state/field-edit.js';

export interface TextFieldWiring {
  /** The id of the field whose input listens to keys now; set by the focused field. */
  readonly listening: MutableRefObject<string | undefined>;
  /** The input's `onChange`, with its field's id. */
  readonly onChange: (field: string, raw: string) => void;
}

export interface TextFieldOptions {
  /** Store field `field`'s cleaned text (the reducer checks that it still has focus). */
  readonly onText: (field: string, draft: string) => void;
  /** The screen's key handler, for the Enter that came at the end of the field's text. */
  readonly onKey: (input: string, key: Key) => void;
}

const ENTER: Key = { ...NO_KEY, return: true };

export function useTextField(options: TextFieldOptions): TextFieldWiring {
  const listening = useRef<string | undefined>(undefined);
  const latest = useRef(options);
  latest.current = options;
  const wiring = useRef<TextFieldWiring | null>(null);
  wiring.current ??= {
    listening,
    onChange: (field, raw) => {
      const { draft, enter } = fieldChange(raw);
      latest.current.onText(field, draft);
      if (enter) latest.current.onKey('', ENTER);
    },
  };
  return wiring.current;
}

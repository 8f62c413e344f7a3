/**
 * A text field as text. Without focus it is one line: the label, then the draft, or the dimmed
 * placeholder while it is empty. With focus the field is an ink-text-input after the label
 * (`src/tui/components/AnswerField.tsx`); here is only how many rows its wrapped draft needs.
 */
import { displayWidth, truncateToWidth } from '../../render/index.js';
import type { ViewOptions } from '../../view/text.js';

/**
 * The answer or prediction field. Without focus it is one prepared line; with focus it is an
 * ink-text-input field after the label, which shows the draft and its cursor itself.
 */
export interface InputView {
  readonly kind: 'answer' | 'prediction';
  /** Which field this is (the exercise's id, the demo's key): another field is a new input. */
  readonly id: string;
  readonly focused: boolean;
  /** Without focus: the label and the draft (or the dimmed placeholder), fitted to the width. */
  readonly line: string;
  /** With focus: the label before the input, and the draft in it. */
  readonly label: string;
  readonly draft: string;
  /** Rows the field takes: a long draft wraps onto up to `MAX_FIELD_ROWS`. */
  readonly rows: number;
}

/** A focused draft longer than the line wraps onto at most this many rows. */
export const MAX_FIELD_ROWS = 3;

export interface FieldInput {
  readonly label: string;
  readonly draft: string;
  /** Shown dimmed in an empty field. */
  readonly placeholder: string;
}

/** The field without focus, fitted to the width. */
export function fieldLine(field: FieldInput, o: ViewOptions): string {
  const text = field.draft === '' ? o.style.dim(field.placeholder) : field.draft;
  return truncateToWidth(field.label + text, o.width);
}

/**
 * Rows a focused field takes: the draft and its cursor cell, beside the label, wrapped to the
 * width that is left (at least one row, at most `MAX_FIELD_ROWS`).
 */
export function fieldRows(label: string, draft: string, width: number): number {
  const room = Math.max(1, width - displayWidth(label));
  return Math.max(1, Math.min(MAX_FIELD_ROWS, Math.ceil((displayWidth(draft) + 1) / room)));
}

/** The field's view: `id` names it (the exercise, the demo), `focused` says whether it types. */
export function fieldView(
  kind: InputView['kind'],
  id: string,
  focused: boolean,
  text: { label: string; draft: string; placeholder: string },
  o: ViewOptions,
): InputView {
  return {
    kind,
    id,
    focused,
    line: fieldLine(text, o),
    label: text.label,
    draft: text.draft,
    rows: focused ? fieldRows(text.label, text.draft, o.width) : 1,
  };
}

import { Text } from 'ink';
import type { InputView } from '../view/screen.js';

export interface AnswerFieldProps {
  /** The answer (or prediction) line with its cursor, prepared by `fieldLine`. */
  readonly field: InputView;
}

/**
 * The answer line. It only shows text: keys reach the draft through the one key handler
 * (`field/insert`), so a key typed during a slow redraw is never lost to a field that has
 * not subscribed yet.
 */
export function AnswerField({ field }: AnswerFieldProps) {
  return <Text wrap="truncate-end">{field.line}</Text>;
}

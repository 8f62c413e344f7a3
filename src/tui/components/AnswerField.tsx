/**
 * The answer (or prediction) field. Without focus it prints its prepared line. With focus it is
 * the label and an ink-text-input field, which types, erases and moves its cursor itself; the
 * screen's key handler leaves those keys to it (`useTextField`). A long draft wraps onto the
 * rows the view gave it, bottom rows first in view, so the end being typed always shows.
 */
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { TextFieldWiring } from '../hooks/use-text-field.js';
import type { InputView } from '../view/field.js';

export interface AnswerFieldProps {
  readonly field: InputView;
  readonly wiring: TextFieldWiring;
}

export function AnswerField({ field, wiring }: AnswerFieldProps) {
  if (!field.focused) return <Text wrap="truncate-end">{field.line}</Text>;
  return <FocusedField key={field.id} field={field} wiring={wiring} />;
}

/** Enter is the screen's command (check or save the answer), which its key handler runs. */
const ignoreSubmit = (): void => {};

function FocusedField({ field, wiring }: AnswerFieldProps) {
  // The text the input last reported. A draft that differs was set from outside (text typed
  // before the input listened, a cleaned paste, a pasted grid's rows): the input starts again
  // with that text and its cursor at the end.
  const reported = useRef(field.draft);
  const generation = useRef(0);
  if (field.draft !== reported.current) {
    reported.current = field.draft;
    generation.current += 1;
  }
  const current = generation.current;

  // Not listening from the commit that mounts (or restarts) the input until its effects have
  // subscribed it; child effects run first, so this one runs after the input's own.
  const { listening } = wiring;
  const { id } = field;
  const alive = useRef(true);
  useLayoutEffect(() => {
    alive.current = true;
    if (listening.current === id) listening.current = undefined;
    return () => {
      alive.current = false;
      if (listening.current === id) listening.current = undefined;
    };
  }, [current, id, listening]);
  useEffect(() => {
    listening.current = id;
  }, [current, id, listening]);

  const onChange = (raw: string): void => {
    // A key may still reach an input that has been replaced or removed (it unsubscribes only
    // after the commit): it must not edit this field, or the next one.
    if (!alive.current || current !== generation.current) return;
    reported.current = raw;
    wiring.onChange(id, raw);
  };

  return (
    <Box height={field.rows} overflow="hidden" flexDirection="column" justifyContent="flex-end">
      <Box flexShrink={0}>
        <Box flexShrink={0}>
          <Text>{field.label}</Text>
        </Box>
        <Box flexGrow={1} flexShrink={1}>
          <TextInput
            key={current}
            value={field.draft}
            onChange={onChange}
            onSubmit={ignoreSubmit}
          />
        </Box>
      </Box>
    </Box>
  );
}

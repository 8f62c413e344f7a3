/**
 * The focused text field: its label and an ink-text-input field, which types, erases and moves
 * its cursor itself. Its value lives in the screen's state; the field reports every edit with
 * `onChange`. Its keys come only from the shell, through the field's own input channel (a
 * stdin context of its own), so nothing else types into it and it never sees a command.
 *
 * A long value wraps onto the rows the frame gave it, and only the window around the cursor
 * is drawn: a 100 KB paste costs a few lines of work per frame.
 */
import { Box, StdinContext, Text } from 'ink';
import TextInput from 'ink-text-input';
import { useContext, useMemo, useRef } from 'react';
import type { FieldChannel } from './field-channel.js';
import type { FieldView } from './frame.js';

export interface TextFieldProps {
  readonly field: FieldView;
  readonly channel: FieldChannel;
  readonly onChange: (field: string, value: string) => void;
}

/** Enter is the screen's command (check or save), which reaches the screen, not the field. */
const ignoreSubmit = (): void => {};

export function TextField({ field, channel, onChange }: TextFieldProps) {
  const stdin = useContext(StdinContext);
  const own = useMemo(
    () => ({ ...stdin, internal_eventEmitter: channel.emitter, internal_exitOnCtrlC: false }),
    [stdin, channel],
  );
  // A value that differs from what the input last reported was set from outside (a new variant,
  // the grid editor's text): the input starts again with it, its cursor at the end.
  const reported = useRef(field.value);
  const generation = useRef(0);
  if (field.value !== reported.current) {
    reported.current = field.value;
    generation.current += 1;
  }
  const { id } = field;
  return (
    <Box height={field.rows} overflow="hidden" flexShrink={0}>
      <Box flexShrink={0}>
        <Text>{field.label}</Text>
      </Box>
      <Box flexGrow={1} flexShrink={1}>
        <StdinContext.Provider value={own}>
          <TextInput
            key={`${id}#${generation.current}`}
            value={field.value}
            maxVisible={Math.max(1, field.rows * field.room - 1)}
            onChange={(value) => {
              reported.current = value;
              onChange(id, value);
            }}
            onSubmit={ignoreSubmit}
          />
        </StdinContext.Provider>
        {field.value === '' && field.hint !== '' ? <Text>{field.hint}</Text> : null}
      </Box>
    </Box>
  );
}

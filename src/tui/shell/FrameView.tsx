/**
 * A frame on screen: prepared lines, and the focused text field where the frame put it.
 * Nothing is measured or decided here (see `frame.ts`).
 */
import { Box, Text } from 'ink';
import type { FieldChannel } from './field-channel.js';
import type { FrameView as Frame } from './frame.js';
import { TextField } from './TextField.js';

/**
 * Prepared lines, one `Text` each; an empty line keeps its row. Trailing spaces (side-by-side
 * blocks are padded to one width) are dropped: they draw nothing, and Ink's output pass costs
 * time for every character it is given.
 */
export function Lines({ lines }: { readonly lines: readonly string[] }) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.trimEnd() || ' '}
        </Text>
      ))}
    </Box>
  );
}

export interface FrameViewProps {
  readonly view: Frame;
  readonly width: number;
  readonly channel: FieldChannel;
  readonly onFieldChange: (field: string, value: string) => void;
}

export function FrameView({ view, width, channel, onFieldChange }: FrameViewProps) {
  if (view.kind !== 'main') return <Lines lines={view.lines} />;
  return (
    <Box flexDirection="column" width={width}>
      <Lines lines={view.above} />
      {view.field ? (
        <TextField field={view.field} channel={channel} onChange={onFieldChange} />
      ) : null}
      <Lines lines={view.below} />
    </Box>
  );
}

import { Box } from 'ink';
import { Lines } from './Lines.js';

export interface ScrollViewProps {
  /** The visible window of a step's lines. */
  readonly lines: readonly string[];
  /** "▲ 3 more above   ▼ 5 more below", or '' when everything shows. */
  readonly marker: string;
  /** Rows the window takes even when the step is shorter, so the bottom stays put. */
  readonly height?: number;
}

export function ScrollView({ lines, marker, height }: ScrollViewProps) {
  return (
    <Box flexDirection="column">
      <Box flexDirection="column" height={height}>
        <Lines lines={lines} />
      </Box>
      <Lines lines={[marker]} />
    </Box>
  );
}

import { Box, Text } from 'ink';

export interface LinesProps {
  /** Lines already fitted to the width (see `src/tui/view`). */
  readonly lines: readonly string[];
}

/**
 * Prepared lines, one `Text` each; an empty line keeps its row. Trailing spaces (side-by-side
 * blocks are padded to one width) are dropped: they draw nothing, and Ink's output pass costs
 * time for every character it is given.
 */
export function Lines({ lines }: LinesProps) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.trimEnd() || ' '}
        </Text>
      ))}
    </Box>
  );
}

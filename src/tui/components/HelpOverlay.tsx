import { Box } from 'ink';
import { Lines } from './Lines.js';

export interface HelpOverlayProps {
  /** Every key of the screen underneath, from the keymap. */
  readonly lines: readonly string[];
  readonly footer: readonly string[];
}

export function HelpOverlay({ lines, footer }: HelpOverlayProps) {
  return (
    <Box flexDirection="column">
      <Lines lines={lines} />
      <Lines lines={['', ...footer]} />
    </Box>
  );
}

import { Box } from 'ink';
import type { Bottom } from '../view/screen.js';
import { Lines } from './Lines.js';
import { QuitConfirm } from './QuitConfirm.js';

export interface FooterProps {
  /** The keys of this screen, generated from the keymap, and the quit question if one is open. */
  readonly bottom: Bottom;
}

export function Footer({ bottom }: FooterProps) {
  return (
    <Box flexDirection="column">
      {bottom.question === undefined ? null : <QuitConfirm question={bottom.question} />}
      <Lines lines={bottom.footer} />
    </Box>
  );
}

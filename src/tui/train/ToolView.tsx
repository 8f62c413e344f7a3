import { Box } from 'ink';
import { Footer } from '../components/Footer.js';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { Lines } from '../components/Lines.js';
import { ScrollView } from '../components/ScrollView.js';
import { TooSmall } from '../components/TooSmall.js';
import type { ToolScreen } from './screen.js';

export interface ToolViewProps {
  /** The trainer or draw screen, already laid out (`buildTrainerScreen`, `buildDrawScreen`). */
  readonly screen: ToolScreen;
  /** Terminal columns. */
  readonly width: number;
}

/** Header, the scrolling body, and the keys; or help, or the too-small notice. */
export function ToolView({ screen, width }: ToolViewProps) {
  return (
    <Box flexDirection="column" width={width}>
      {screen.kind === 'too-small' ? <TooSmall lines={screen.lines} /> : null}
      {screen.kind === 'help' ? <HelpOverlay lines={screen.lines} footer={screen.footer} /> : null}
      {screen.kind === 'main' ? (
        <>
          <Lines lines={screen.header} />
          <ScrollView lines={screen.body} marker={screen.marker} height={screen.bodyHeight} />
          <Footer bottom={screen.bottom} />
        </>
      ) : null}
    </Box>
  );
}

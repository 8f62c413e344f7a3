import { Box } from 'ink';
import { Footer } from '../components/Footer.js';
import { Lines } from '../components/Lines.js';
import type { LabScreen } from './view.js';

export interface LabListProps {
  readonly screen: Extract<LabScreen, { kind: 'list' }>;
}

/** The lab's exercises, one row each, with whether each has a saved answer. */
export function LabList({ screen }: LabListProps) {
  return (
    <Box flexDirection="column">
      <Lines lines={screen.header} />
      <Box flexDirection="column" height={screen.height}>
        <Lines lines={screen.rows} />
      </Box>
      <Lines lines={[screen.marker, ...screen.status]} />
      <Footer bottom={screen.bottom} />
    </Box>
  );
}

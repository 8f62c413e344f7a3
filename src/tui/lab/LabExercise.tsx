import { Box, Text } from 'ink';
import { Footer } from '../components/Footer.js';
import { Lines } from '../components/Lines.js';
import { ScrollView } from '../components/ScrollView.js';
import type { LabScreen } from './view.js';

export interface LabExerciseProps {
  readonly screen: Extract<LabScreen, { kind: 'exercise' }>;
}

/**
 * One exercise: the question, the answer line and what the last Enter did. The answer line
 * only shows text: keys reach it through the screen's one key handler, so none is lost.
 */
export function LabExercise({ screen }: LabExerciseProps) {
  return (
    <Box flexDirection="column">
      <Lines lines={screen.header} />
      <ScrollView lines={screen.body} marker={screen.marker} height={screen.bodyHeight} />
      {screen.field === undefined ? null : <Text wrap="truncate-end">{screen.field}</Text>}
      <Lines lines={screen.status} />
      <Footer bottom={screen.bottom} />
    </Box>
  );
}

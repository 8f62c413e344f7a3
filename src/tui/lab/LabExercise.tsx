import { Box } from 'ink';
import { AnswerField } from '../components/AnswerField.js';
import { Footer } from '../components/Footer.js';
import { Lines } from '../components/Lines.js';
import { ScrollView } from '../components/ScrollView.js';
import type { TextFieldWiring } from '../hooks/use-text-field.js';
import type { LabScreen } from './view.js';

export interface LabExerciseProps {
  readonly screen: Extract<LabScreen, { kind: 'exercise' }>;
  /** Connects the answer field to the screen's key handler. */
  readonly wiring: TextFieldWiring;
}

/** One exercise: the question, the answer field and what the last Enter did. */
export function LabExercise({ screen, wiring }: LabExerciseProps) {
  return (
    <Box flexDirection="column">
      <Lines lines={screen.header} />
      <ScrollView lines={screen.body} marker={screen.marker} height={screen.bodyHeight} />
      {screen.field === undefined ? null : <AnswerField field={screen.field} wiring={wiring} />}
      <Lines lines={screen.status} />
      <Footer bottom={screen.bottom} />
    </Box>
  );
}

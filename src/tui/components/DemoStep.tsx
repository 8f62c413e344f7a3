import { Box } from 'ink';
import type { TextFieldWiring } from '../hooks/use-text-field.js';
import type { InputView } from '../view/screen.js';
import { AnswerField } from './AnswerField.js';
import { ScrollView } from './ScrollView.js';

export interface DemoStepProps {
  readonly lines: readonly string[];
  readonly marker: string;
  readonly height: number;
  /** The prediction field, while the demo asks for one. */
  readonly field?: InputView;
  readonly wiring: TextFieldWiring;
}

/** The sliding-window demo: grids and working above, the prediction field below when asked. */
export function DemoStep({ lines, marker, height, field, wiring }: DemoStepProps) {
  return (
    <Box flexDirection="column">
      <ScrollView lines={lines} marker={marker} height={height} />
      {field ? <AnswerField field={field} wiring={wiring} /> : null}
    </Box>
  );
}

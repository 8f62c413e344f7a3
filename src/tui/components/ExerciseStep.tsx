import { Box } from 'ink';
import type { TextFieldWiring } from '../hooks/use-text-field.js';
import type { InputView } from '../view/screen.js';
import { AnswerField } from './AnswerField.js';
import { GridEditor } from './GridEditor.js';
import { ScrollView } from './ScrollView.js';

export interface ExerciseStepProps {
  readonly lines: readonly string[];
  readonly marker: string;
  readonly height: number;
  /** The answer line (absent while the grid editor is open). */
  readonly field?: InputView;
  /** The grid editor's lines, when it is open. */
  readonly grid?: readonly string[];
  readonly wiring: TextFieldWiring;
}

/** An exercise: prompt, grids and feedback above; the answer line or the grid editor below. */
export function ExerciseStep({ lines, marker, height, field, grid, wiring }: ExerciseStepProps) {
  return (
    <Box flexDirection="column">
      <ScrollView lines={lines} marker={marker} height={height} />
      {grid ? <GridEditor lines={grid} /> : null}
      {field ? <AnswerField field={field} wiring={wiring} /> : null}
    </Box>
  );
}

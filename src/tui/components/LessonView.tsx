import { Box } from 'ink';
import type { TextFieldWiring } from '../hooks/use-text-field.js';
import type { Screen } from '../view/screen.js';
import { DemoStep } from './DemoStep.js';
import { ExerciseStep } from './ExerciseStep.js';
import { FigureStep } from './FigureStep.js';
import { Footer } from './Footer.js';
import { Lines } from './Lines.js';
import { PictureStep } from './PictureStep.js';
import { TextStep } from './TextStep.js';

export interface LessonViewProps {
  readonly screen: Extract<Screen, { kind: 'lesson' }>;
  /** Connects the answer or prediction field to the tutor's key handler. */
  readonly wiring: TextFieldWiring;
}

/** A lesson: title and "step k of n", the step, any save problem, and the footer. */
export function LessonView({ screen, wiring }: LessonViewProps) {
  const common = { lines: screen.body, marker: screen.marker, height: screen.bodyHeight };
  const field = { field: screen.input, wiring };
  return (
    <Box flexDirection="column">
      <Lines lines={screen.header} />
      {screen.stepKind === 'text' ? <TextStep {...common} /> : null}
      {screen.stepKind === 'picture' ? <PictureStep {...common} /> : null}
      {screen.stepKind === 'figure' ? <FigureStep {...common} /> : null}
      {screen.stepKind === 'demo' ? <DemoStep {...common} {...field} /> : null}
      {screen.stepKind === 'exercise' ? (
        <ExerciseStep {...common} {...field} grid={screen.grid} />
      ) : null}
      <Lines lines={screen.status} />
      <Footer bottom={screen.bottom} />
    </Box>
  );
}

import { ScrollView } from './ScrollView.js';

export interface FigureStepProps {
  readonly lines: readonly string[];
  readonly marker: string;
  readonly height: number;
}

/** A figure step: its text, the engine's report of the calc request, the caption. */
export function FigureStep({ lines, marker, height }: FigureStepProps) {
  return <ScrollView lines={lines} marker={marker} height={height} />;
}

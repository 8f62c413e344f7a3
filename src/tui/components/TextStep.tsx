import { ScrollView } from './ScrollView.js';

export interface TextStepProps {
  readonly lines: readonly string[];
  readonly marker: string;
  readonly height: number;
}

/** A prose step: its paragraphs, wrapped. */
export function TextStep({ lines, marker, height }: TextStepProps) {
  return <ScrollView lines={lines} marker={marker} height={height} />;
}

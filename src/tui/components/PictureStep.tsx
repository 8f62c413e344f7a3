import { ScrollView } from './ScrollView.js';

export interface PictureStepProps {
  readonly lines: readonly string[];
  readonly marker: string;
  readonly height: number;
}

/** A picture step: its text, the picture in shades, the caption. */
export function PictureStep({ lines, marker, height }: PictureStepProps) {
  return <ScrollView lines={lines} marker={marker} height={height} />;
}

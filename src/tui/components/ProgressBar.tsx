import { Text } from 'ink';
import { progressBar } from '../view/progress-bar.js';

export interface ProgressBarProps {
  /** 0 … 1. */
  readonly fraction: number;
  /** Cells. */
  readonly width: number;
  /** `#` and `-` instead of block characters. @default false */
  readonly ascii?: boolean;
}

export function ProgressBar({ fraction, width, ascii = false }: ProgressBarProps) {
  return <Text>{progressBar(fraction, width, ascii)}</Text>;
}

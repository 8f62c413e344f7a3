import { Lines } from './Lines.js';

export interface TooSmallProps {
  /** What size is needed, wrapped to the small width. */
  readonly lines: readonly string[];
}

export function TooSmall({ lines }: TooSmallProps) {
  return <Lines lines={lines} />;
}

import { Lines } from './Lines.js';

export interface GridEditorProps {
  /** The editor's cells drawn by `gridEditorLines`, the current cell in brackets. */
  readonly lines: readonly string[];
}

export function GridEditor({ lines }: GridEditorProps) {
  return <Lines lines={lines} />;
}

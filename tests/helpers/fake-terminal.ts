/**
 * A terminal for Ink that is not one: a stdout of a chosen size that keeps every frame, and a
 * stdin that hands Ink what a test writes. The screen tests and the key-press benchmark both
 * mount on these, so what is measured is what is tested. (No test-runner imports here: the
 * benchmark runs without one.)
 */
import { EventEmitter } from 'node:events';

export class FakeStdout extends EventEmitter {
  readonly frames: string[] = [];
  isTTY = true;
  /** Called with every chunk written (the benchmark times the frame that follows a key). */
  onWrite: ((chunk: string) => void) | undefined;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (chunk: string): boolean => {
    this.frames.push(chunk);
    this.onWrite?.(chunk);
    return true;
  };
  /** Set a new size and say so, as a terminal does when its window is resized. */
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** Ink reads stdin when it says `readable`; `data` is for whoever else listens. */
export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/** What a terminal sends for the keys the tests press. */
export const KEYS = {
  right: '\u001B[C',
  left: '\u001B[D',
  up: '\u001B[A',
  down: '\u001B[B',
  home: '\u001B[H',
  end: '\u001B[F',
  pageDown: '\u001B[6~',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  ctrlA: '\u0001',
  ctrlC: '\u0003',
  ctrlU: '\u0015',
  ctrlW: '\u0017',
  altB: '\u001Bb',
} as const;

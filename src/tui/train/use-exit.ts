/** A screen's chosen way out, reported once, after the frame that chose it. */
import { useEffect, useRef } from 'react';

export function useExit<Exit>(exit: Exit | undefined, onExit: (to: Exit) => void): void {
  const exited = useRef(false);
  useEffect(() => {
    if (exit === undefined || exited.current) return;
    exited.current = true;
    onExit(exit);
  }, [exit, onExit]);
}

/** Calls `callback` every `ms` while `active` (the demo's play button). */
import { useEffect, useRef } from 'react';

export function useInterval(active: boolean, ms: number, callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => latest.current(), ms);
    return () => clearInterval(id);
  }, [active, ms]);
}

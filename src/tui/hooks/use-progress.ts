/**
 * Saves progress whenever it changes, one save at a time and in order. A failed save is
 * reported (and cleared by the next one that works); it never throws, and the session goes on
 * with everything the learner did still in memory.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Progress } from '../../content/progress.js';
import type { Message } from '../../i18n/index.js';
import { type Translate, say } from '../../view/text.js';

export type SaveOutcome =
  { readonly ok: true } | { readonly ok: false; readonly error: Message | string };

export type SaveProgress = (progress: Progress) => SaveOutcome | Promise<SaveOutcome>;

/** Tells `setError` why the last save failed, in words, or undefined once one works. */
export function useProgressSaver(
  progress: Progress,
  save: SaveProgress,
  t: Translate,
  setError: (error: string | undefined) => void,
): void {
  const saved = useRef(progress);
  const queue = useRef<Promise<void>>(Promise.resolve());
  // A layout effect starts the save in the same commit as the change; a passive effect can
  // wait tens of milliseconds under Ink, and a quick quit would then lose the last answer.
  useLayoutEffect(() => {
    if (progress === saved.current) return;
    saved.current = progress;
    queue.current = queue.current.then(async () => {
      try {
        const result = await save(progress);
        setError(result.ok ? undefined : say(t, result.error));
      } catch (cause) {
        setError(
          t('tui.save.crashed', { error: cause instanceof Error ? cause.message : String(cause) }),
        );
      }
    });
  }, [progress, save, t, setError]);
}

/**
 * The prompt of `cnn-tutor lab LAB` without `--student` (see `prompt-screen.ts`), as a screen
 * of the shell. Esc or Ctrl+C cancels. The CLI mounts it inside a `ShellRoot`; see
 * `src/cli/lab-ask.tsx`.
 */
import { useApp } from 'ink';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useScreen } from '../shell/use-screen.js';
import type { Translate } from '../../view/text.js';
import { INITIAL_PROMPT, type PromptAnswers, promptScreen } from './prompt-screen.js';

export type { PromptAnswers } from './prompt-screen.js';

export interface StudentPromptProps {
  readonly title: string;
  readonly why: string;
  readonly t: Translate;
  readonly askCode?: (student: string) => boolean;
  /** @default false */
  readonly ascii?: boolean;
  /** @default false */
  readonly color?: boolean;
  /** Called once, after the prompt has cleared itself. */
  readonly onDone: (answers: PromptAnswers) => void;
  /** Called once on Esc or Ctrl+C, after the prompt has cleared itself. */
  readonly onCancel: () => void;
}

export function StudentPrompt({
  title,
  why,
  t,
  askCode,
  ascii,
  color,
  onDone,
  onCancel,
}: StudentPromptProps) {
  const def = useMemo(() => promptScreen({ title, why, t, askCode }), [title, why, t, askCode]);
  const screen = useScreen(def, () => INITIAL_PROMPT, { t, ascii, color });
  const outcome = screen.quitting ? 'cancelled' : screen.state.outcome;
  // The last frame is empty, so the prompt is gone before the lab screen (or the shell) comes back.
  const { exit } = useApp();
  const ended = useRef(false);
  useLayoutEffect(() => {
    if (outcome === undefined || ended.current) return;
    ended.current = true;
    if (outcome === 'cancelled') onCancel();
    else onDone(outcome.answers);
    exit();
  }, [outcome, onDone, onCancel, exit]);
  return outcome === undefined ? screen.element : null;
}

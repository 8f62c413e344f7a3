/**
 * The interactive lab (`cnn-tutor lab LAB --student ID`), a screen of the shell. Ctrl+C asks
 * first when an answer is typed but not saved. Saves are queued by the state and written here
 * one at a time, each from the session the previous one returned, so none overwrites another;
 * quitting waits for them.
 */
import { useApp } from 'ink';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { type LabSession, type SaveAnswerResult, saveLabAnswer } from '../../grade/lab-session.js';
import type { Translate } from '../../view/text.js';
import { useScreen } from '../shell/use-screen.js';
import { labScreen } from './lab-screen.js';
import { initialLabState, labSaved } from './reducer.js';

export type SaveAnswer = (
  session: LabSession,
  exerciseId: string,
  text: string,
) => Promise<SaveAnswerResult>;

export interface LabScreenProps {
  /** From `prepareLab`: the questions, the file, and any answers resumed from it. */
  readonly session: LabSession;
  readonly t: Translate;
  /** Grids with `+-|` instead of box drawing (`--ascii`). @default false */
  readonly ascii?: boolean;
  /** Colour escape codes. @default false */
  readonly color?: boolean;
  /** Writes one answer into the file. @default saveLabAnswer */
  readonly save?: SaveAnswer;
  /** Called once, with the session as last saved, when the screen closes. */
  readonly onExit?: (session: LabSession) => void;
}

export function LabScreenApp({
  session,
  t,
  ascii = false,
  color = false,
  save = saveLabAnswer,
  onExit,
}: LabScreenProps) {
  const screen = useScreen(labScreen, () => initialLabState(session), { t, ascii, color });
  const { state, update } = screen;

  const writing = useRef(false);
  useEffect(() => {
    const head = state.saving[0];
    if (head === undefined || writing.current) return;
    writing.current = true;
    const done = (result: SaveAnswerResult): void => {
      writing.current = false;
      update((s) => labSaved(s, { type: 'saved', request: head, result }));
    };
    save(state.session, head.id, head.text).then(done, (error: unknown) =>
      done({
        ok: false,
        error: {
          key: 'lab.save.failed',
          params: { file: state.session.file, error: String(error) },
        },
      }),
    );
  }, [state.saving, state.session, save, update]);

  const { exit } = useApp();
  const closing = screen.quitting && state.saving.length === 0;
  const closed = useRef(false);
  useLayoutEffect(() => {
    if (!closing || closed.current) return;
    closed.current = true;
    onExit?.(state.session);
    exit();
  }, [closing, state.session, onExit, exit]);

  // The last frame is empty, so the screen is gone when the shell prompt comes back.
  return closing ? null : screen.element;
}

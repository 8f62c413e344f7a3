/**
 * The interactive lab (`cnn-tutor lab LAB --student ID`). The CLI mounts it with
 * `render(<LabScreen …/>, { exitOnCtrlC: false })`: Ctrl+C asks first when an answer is typed
 * but not saved.
 *
 * As in the tutor, keys go through one handler (`useKeypress`) into a pure reducer, except
 * those of the focused answer field, an ink-text-input field that types and edits itself and
 * reports its text (`useTextField`). Saves are queued by the reducer and written here
 * one at a time, each from the session the previous one returned, so none overwrites another.
 */
import { Box, type Key, useApp } from 'ink';
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import { type LabSession, type SaveAnswerResult, saveLabAnswer } from '../../grade/lab-session.js';
import { createStyle } from '../../render/index.js';
import type { Translate } from '../../view/text.js';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { TooSmall } from '../components/TooSmall.js';
import { useKeypress } from '../hooks/use-keypress.js';
import { useTextField } from '../hooks/use-text-field.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { LabExercise } from './LabExercise.js';
import { LabList } from './LabList.js';
import { initialLabState, reduceLab } from './reducer.js';
import { buildLabScreen } from './view.js';

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
  const [state, dispatch] = useReducer(reduceLab, session, initialLabState);
  const { columns, rows } = useTerminalSize();
  const style = useMemo(() => createStyle({ color }), [color]);
  const built = useMemo(
    () => buildLabScreen(state, { width: columns, height: rows, t, ascii, style }),
    [state, columns, rows, t, ascii, style],
  );

  const writing = useRef(false);
  useEffect(() => {
    const head = state.saving[0];
    if (head === undefined || writing.current) return;
    writing.current = true;
    const done = (result: SaveAnswerResult): void => {
      writing.current = false;
      dispatch({ type: 'saved', request: head, result });
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
  }, [state.saving, state.session, save]);

  const { exit } = useApp();
  const closed = useRef(false);
  useLayoutEffect(() => {
    if (!state.quitting || state.saving.length > 0 || closed.current) return;
    closed.current = true;
    onExit?.(state.session);
    exit();
  }, [state.quitting, state.saving, state.session, onExit, exit]);

  const pressKey = (input: string, key: Key): void => {
    const view = {
      tooSmall: built.screen.kind === 'too-small',
      scrollable: built.maxScroll > 0,
      maxScroll: built.maxScroll,
      page: built.page,
    };
    dispatch({ type: 'key', input, key, view, field: field.listening.current });
  };
  const field = useTextField({
    onText: (id, text) => dispatch({ type: 'field/set', field: id, text }),
    onKey: pressKey,
  });
  useKeypress((input, key) => {
    pressKey(input, key);
    return true;
  });

  // The last frame is empty, so the screen is gone when the shell prompt comes back.
  if (state.quitting && state.saving.length === 0) return null;
  const { screen } = built;
  return (
    <Box flexDirection="column" width={columns}>
      {screen.kind === 'too-small' ? <TooSmall lines={screen.lines} /> : null}
      {screen.kind === 'help' ? <HelpOverlay lines={screen.lines} footer={screen.footer} /> : null}
      {screen.kind === 'list' ? <LabList screen={screen} /> : null}
      {screen.kind === 'exercise' ? <LabExercise screen={screen} wiring={field} /> : null}
    </Box>
  );
}

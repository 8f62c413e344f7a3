/**
 * The draw screen: the learner draws on a 9×9 grid and both X/O networks vote on it, the
 * lesson's hand-set one and the trained one. A trainer that has not learned anything yet is
 * trained here first, in slices at full speed (a fraction of a second), so "the trained
 * network" always means one that learned from examples.
 */
import { useMemo, useReducer } from 'react';
import { createStyle } from '../../render/index.js';
import type { Translate } from '../../view/text.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { type TrainingLoopOptions, useTrainingLoop } from '../hooks/use-training-loop.js';
import {
  type DrawScreenState,
  type Picture,
  initialDrawState,
  reduceDraw,
} from './draw-reducer.js';
import { buildDrawScreen } from './draw-view.js';
import { handSetNetwork } from './hand-set.js';
import type { TrainingSession } from './session.js';
import { freezeNetwork } from './snapshot.js';
import { ToolView } from './ToolView.js';
import { useToolScreen } from './use-tool-screen.js';
import { PACES } from './trainer-reducer.js';

const FULL_SPEED = PACES.find((p) => p.name === 'full')!;

export interface DrawScreenProps {
  /** The X/O trainer whose network is "the trained network", and how many epochs a run trains. */
  readonly session: TrainingSession;
  readonly t: Translate;
  /** @default false */
  readonly ascii?: boolean;
  /** @default false */
  readonly color?: boolean;
  /** The picture to start from. @default blank */
  readonly pixels?: Picture;
  readonly loop?: TrainingLoopOptions;
  /** Called once when the screen should close: Esc (`back`), q (`quit`), t (`train`). */
  readonly onExit: (to: NonNullable<DrawScreenState['exit']>) => void;
}

export function DrawScreen({
  session,
  t,
  ascii = false,
  color = false,
  pixels,
  loop,
  onExit,
}: DrawScreenProps) {
  const { trainer, epochs } = session;
  const handSet = useMemo(() => handSetNetwork(), []);
  const [state, dispatch] = useReducer(reduceDraw, undefined, () =>
    initialDrawState({
      trained: freezeNetwork(trainer),
      training: trainer.status.steps === 0,
      ...(pixels ? { pixels } : {}),
    }),
  );
  const { columns, rows } = useTerminalSize();
  const style = useMemo(() => createStyle({ color }), [color]);
  const built = useMemo(
    () => buildDrawScreen(state, handSet, { width: columns, height: rows, t, ascii, style }),
    [state, handSet, columns, rows, t, ascii, style],
  );

  useTrainingLoop(
    state.training && state.exit === undefined,
    FULL_SPEED,
    () => session.work(epochs),
    () =>
      dispatch({
        type: 'trained',
        network: freezeNetwork(trainer),
        training: trainer.status.epoch < epochs,
      }),
    loop,
  );

  useToolScreen(built, dispatch, state.exit, onExit);

  return <ToolView screen={built.screen} width={columns} />;
}

/**
 * The draw screen: the learner draws on a 9×9 grid and both X/O networks vote on it, the
 * lesson's hand-set one and the trained one. A trainer that has not learned anything yet is
 * trained here first, in slices at full speed (a fraction of a second), so "the trained
 * network" always means one that learned from examples.
 */
import { useMemo } from 'react';
import type { Translate } from '../../view/text.js';
import { type TrainingLoopOptions, useTrainingLoop } from '../hooks/use-training-loop.js';
import { useScreen } from '../shell/use-screen.js';
import {
  type DrawScreenState,
  type Picture,
  initialDrawState,
  reduceDraw,
} from './draw-reducer.js';
import { drawScreen } from './draw-screen.js';
import type { HandSet } from './hand-set.js';
import type { TrainingSession } from './session.js';
import { freezeNetwork } from './snapshot.js';
import { PACES } from './trainer-reducer.js';
import { useExit } from './use-exit.js';

const FULL_SPEED = PACES.find((p) => p.name === 'full')!;

export interface DrawScreenProps {
  /** The X/O trainer whose network is "the trained network", and how many epochs a run trains. */
  readonly session: TrainingSession;
  /** The hand-set network and the pictures, from the course library (see `handSetOf`). */
  readonly handSet: HandSet;
  readonly t: Translate;
  /** @default false */
  readonly ascii?: boolean;
  /** @default false */
  readonly color?: boolean;
  /** The picture to start from. @default blank */
  readonly pixels?: Picture;
  readonly loop?: TrainingLoopOptions;
  /** Called once when the screen should close: Esc (`back`), q (`quit`), t (`train`). */
  readonly onExit: (to: NonNullable<DrawScreenState['exit']> | 'quit') => void;
  /** Whether keys come here. @default true */
  readonly active?: boolean;
}

export function DrawScreen({
  session,
  handSet,
  t,
  ascii = false,
  color = false,
  pixels,
  loop,
  onExit,
  active = true,
}: DrawScreenProps) {
  const { trainer, epochs } = session;
  const def = useMemo(() => drawScreen(handSet), [handSet]);
  const screen = useScreen(
    def,
    () =>
      initialDrawState({
        trained: freezeNetwork(trainer),
        training: trainer.status.steps === 0,
        ...(pixels ? { pixels } : {}),
      }),
    { t, ascii, color, active },
  );
  const { state, update } = screen;

  useTrainingLoop(
    state.training && state.exit === undefined && !screen.quitting,
    FULL_SPEED,
    () => {
      session.trainedBy ??= 'elsewhere';
      return session.work(epochs);
    },
    () =>
      update((s) =>
        reduceDraw(s, {
          type: 'trained',
          network: freezeNetwork(trainer),
          training: trainer.status.epoch < epochs,
        }),
      ),
    loop,
  );

  useExit(screen.quitting ? 'quit' : state.exit, onExit);
  return screen.element;
}

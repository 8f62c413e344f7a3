/**
 * The trainer screen: a network learning from random weights, live. Keys go through the one
 * key hook into a pure reducer; training runs in slices between redraws
 * (`useTrainingLoop`), so a key pressed mid-training is handled before the next slice.
 * What a key asks of the trainer (reset, one step, a learning rate) is queued by the reducer
 * and carried out here, then reported back with a fresh snapshot.
 */
import { useCallback, useEffect, useMemo } from 'react';
import type { Translate } from '../../view/text.js';
import { type TrainingLoopOptions, useTrainingLoop } from '../hooks/use-training-loop.js';
import { useScreen } from '../shell/use-screen.js';
import type { TrainingSession } from './session.js';
import { type TrainKind, pickSamples, takeSnapshot } from './snapshot.js';
import {
  PACES,
  type TrainerAction,
  type TrainerScreenState,
  initialTrainerState,
  isRunning,
  reduceTrainer,
} from './trainer-reducer.js';
import { trainerScreen } from './trainer-screen.js';
import { useExit } from './use-exit.js';

/** Held-out digits shown with what the network calls them. */
const DIGIT_SAMPLES = 6;

export interface TrainerScreenProps {
  /** The trainer (trained in place), its seed (a reset takes the next) and epochs per run. */
  readonly session: TrainingSession;
  readonly kind: TrainKind;
  /** Whether `d` opens the draw screen. @default false */
  readonly canDraw?: boolean;
  readonly t: Translate;
  /** @default false */
  readonly ascii?: boolean;
  /** @default false */
  readonly color?: boolean;
  /** Index into PACES. @default DEFAULT_PACE[kind] */
  readonly pace?: number;
  /** Open paused. @default false */
  readonly paused?: boolean;
  /** Slice and frame lengths of the training loop. */
  readonly loop?: TrainingLoopOptions;
  /** Called once when the screen should close: Esc (`back`), q (`quit`), d (`draw`). */
  readonly onExit: (to: NonNullable<TrainerScreenState['exit']> | 'quit') => void;
  /** Whether keys come here (a screen opened over it takes them). @default true */
  readonly active?: boolean;
}

export function TrainerScreen({
  session,
  kind,
  canDraw = false,
  t,
  ascii = false,
  color = false,
  pace,
  paused,
  loop,
  onExit,
  active = true,
}: TrainerScreenProps) {
  const { trainer } = session;
  const samples = useMemo(
    () => (kind === 'digits' ? pickSamples(trainer, DIGIT_SAMPLES) : []),
    [trainer, kind],
  );
  // The X/O held-out set is 100 images of 9×9: measuring it every frame costs a few ms.
  const snapshot = useCallback(
    () => takeSnapshot(session, { probe: kind === 'xo', samples }),
    [session, kind, samples],
  );
  const screen = useScreen(
    trainerScreen,
    () =>
      initialTrainerState({
        kind,
        snapshot: snapshot(),
        epochs: session.epochs,
        seed: session.seed,
        canDraw,
        pace,
        paused,
        // A network the learner has not watched learn (the draw screen trained it) learns
        // again here, so there is something to watch.
        again: session.trainedBy === 'elsewhere' && session.trainer.status.epoch >= session.epochs,
      }),
    { t, ascii, color, active },
  );
  const { state, update } = screen;
  const dispatch = useCallback(
    (action: TrainerAction) => update((s) => reduceTrainer(s, action)),
    [update],
  );

  useEffect(() => {
    const requests = state.requests;
    if (requests.length === 0) return;
    for (const r of requests) {
      if (r.kind === 'reset') {
        session.reset(r.seed);
        session.trainedBy = null;
      } else if (r.kind === 'step') {
        session.stepOnce();
        session.trainedBy = 'trainer';
      } else trainer.learningRate = r.value;
    }
    dispatch({ type: 'applied', requests, snapshot: snapshot() });
  }, [state.requests, trainer, session, snapshot]);

  const goal = state.epochs;
  useTrainingLoop(
    isRunning(state),
    PACES[state.pace],
    () => {
      session.trainedBy = 'trainer';
      return session.work(goal);
    },
    (report) => dispatch({ type: 'frame', snapshot: snapshot(), ...report }),
    loop,
  );

  useExit(screen.quitting ? 'quit' : state.exit, onExit);
  return screen.element;
}

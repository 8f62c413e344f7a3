/**
 * `cnn-tutor train xo|digits` on a terminal: the trainer screen on its own, and for the X/O
 * network the draw screen one key away (`d`, and `t` or Esc back). Esc or q on the trainer
 * ends the program; `onExit` then hears how far training got.
 */
import { useApp } from 'ink';
import { useCallback, useEffect, useState } from 'react';
import type { Translate } from '../../view/text.js';
import { DrawScreen } from './DrawScreen.js';
import type { HandSet } from './hand-set.js';
import type { TrainingSession } from './session.js';
import type { TrainKind } from './snapshot.js';
import { TrainerScreen } from './TrainerScreen.js';

export interface TrainAppProps {
  readonly session: TrainingSession;
  readonly kind: TrainKind;
  /** The X/O draw screen's network and pictures; without them `d` is not offered. */
  readonly handSet?: HandSet;
  readonly t: Translate;
  /** @default false */
  readonly ascii?: boolean;
  /** @default false */
  readonly color?: boolean;
  /** Called once when the program should end. */
  readonly onExit?: () => void;
}

export function TrainApp({
  session,
  handSet,
  kind,
  t,
  ascii = false,
  color = false,
  onExit,
}: TrainAppProps) {
  const [tool, setTool] = useState<'train' | 'draw'>('train');
  const [closed, setClosed] = useState(false);
  const { exit } = useApp();
  const leave = useCallback(() => setClosed(true), []);
  useEffect(() => {
    if (!closed) return;
    onExit?.();
    exit();
  }, [closed, onExit, exit]);
  const fromTrainer = useCallback(
    (to: 'back' | 'quit' | 'draw') => (to === 'draw' ? setTool('draw') : leave()),
    [leave],
  );
  const fromDraw = useCallback(
    (to: 'back' | 'quit' | 'train') => (to === 'quit' ? leave() : setTool('train')),
    [leave],
  );
  // The last frame is empty, so the screen is gone when the shell prompt comes back.
  if (closed) return null;
  const look = { t, ascii, color };
  return tool === 'draw' && handSet ? (
    <DrawScreen session={session} handSet={handSet} onExit={fromDraw} {...look} />
  ) : (
    <TrainerScreen
      session={session}
      kind={kind}
      canDraw={kind === 'xo' && handSet !== undefined}
      onExit={fromTrainer}
      {...look}
    />
  );
}

/**
 * What the tutor needs only after its first screen: the exercise templates (with their
 * schemas) and the X/O trainer and draw screens (with the network). Loading them takes longer
 * than drawing Home, so `runTutor` draws first and loads these meanwhile; the shell holds the
 * keys typed in between until they are here (see `App`).
 */
import type { instantiate } from '../content/instantiate.js';
import type { DrawScreen } from './train/DrawScreen.js';
import type { handSetOf } from './train/hand-set.js';
import type { createXoSession } from './train/session.js';
import type { TrainerScreen } from './train/TrainerScreen.js';

export interface Later {
  readonly instantiate: typeof instantiate;
  readonly TrainerScreen: typeof TrainerScreen;
  readonly DrawScreen: typeof DrawScreen;
  readonly handSetOf: typeof handSetOf;
  readonly createXoSession: typeof createXoSession;
}

let loading: Promise<Later> | undefined;

/** The modules, loaded once (every later call gets the same promise). */
export function loadLater(): Promise<Later> {
  loading ??= Promise.all([
    import('../content/instantiate.js'),
    import('./train/TrainerScreen.js'),
    import('./train/DrawScreen.js'),
    import('./train/session.js'),
    import('./train/hand-set.js'),
  ]).then(([content, trainer, draw, session, hand]) => ({
    instantiate: content.instantiate,
    TrainerScreen: trainer.TrainerScreen,
    DrawScreen: draw.DrawScreen,
    handSetOf: hand.handSetOf,
    createXoSession: session.createXoSession,
  }));
  return loading;
}

/**
 * The trainer screen's state and its one pure reducer. The trainer itself (weights that change
 * in place) lives outside: the screen runs it in slices and reports each frame as a snapshot
 * (`frame`); what a key asks of it (a reset, one step, a new learning rate) is queued in
 * `requests`, which the screen carries out in order and reports back (`applied`), as the lab
 * screen does with its saves. Pausing needs no request: the screen only trains while the state
 * says it runs.
 */
import type { KeyState } from '../shell/keymap.js';
import { CAN_DRAW, type TrainCommandId, type TrainContext } from './keymap.js';
import type { TrainKind, TrainSnapshot } from './snapshot.js';

/** How fast training goes: at most `batchesPerTick` mini-batches, then `tickMs` of rest. */
export interface Pace {
  readonly name: 'slow' | 'normal' | 'full';
  readonly batchesPerTick: number;
  /** 0: the next slice as soon as pending keys and redraws are handled. */
  readonly tickMs: number;
}

/**
 * `full` is as fast as the machine allows: slices of about 10 ms back to back. The X/O network
 * learns within a few dozen batches, a blink at full speed, so it starts at `normal` (about
 * 90 batches a second: 100% on the held-out set usually within a second or two of watching).
 */
export const PACES: readonly Pace[] = [
  { name: 'slow', batchesPerTick: 1, tickMs: 40 },
  { name: 'normal', batchesPerTick: 3, tickMs: 30 },
  { name: 'full', batchesPerTick: Number.POSITIVE_INFINITY, tickMs: 0 },
];

/**
 * X/O starts slow, at a pace a person can follow (about 25 batches a second: a run of 30
 * epochs takes a quarter of a minute); `s` is one key away from full speed. Digits batches
 * are slower to compute and start at full speed.
 */
export const DEFAULT_PACE: Readonly<Record<TrainKind, number>> = { xo: 0, digits: 2 };

/** The learning rates `+` and `−` step through (1, 2, 3, 5 in each decade). */
export const LEARNING_RATES: readonly number[] = [
  0.0001, 0.0002, 0.0003, 0.0005, 0.001, 0.002, 0.003, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3,
  0.5, 1,
];

/** The next rate of the ladder above (`+1`) or below (`−1`) `rate`, or the end it is past. */
export function nextLearningRate(rate: number, direction: 1 | -1): number {
  const ladder = LEARNING_RATES;
  if (direction > 0) return ladder.find((r) => r > rate * (1 + 1e-9)) ?? ladder[ladder.length - 1];
  return [...ladder].reverse().find((r) => r < rate * (1 - 1e-9)) ?? ladder[0];
}

/** Something only the trainer can do; the screen does it and answers with `applied`. */
export type TrainerRequest =
  | { readonly kind: 'reset'; readonly seed: number }
  | { readonly kind: 'step' }
  | { readonly kind: 'rate'; readonly value: number };

/** When the held-out set was first classified without a mistake. */
export interface PerfectAt {
  readonly epoch: number;
  /** Seconds of training computation (what `cnn-tutor train` reports). */
  readonly seconds: number;
  /**
   * Seconds of watching: training time on this screen, slices and rests between them; null
   * when it happened before the screen opened (the draw screen trained the network).
   */
  readonly screenSeconds: number | null;
}

export interface TrainerScreenState {
  readonly kind: TrainKind;
  readonly snapshot: TrainSnapshot;
  readonly paused: boolean;
  /** Index into PACES. */
  readonly pace: number;
  /** Training stops after this many epochs; `more` adds `epochsPerRun`. */
  readonly epochs: number;
  readonly epochsPerRun: number;
  /** The seed of the current starting weights; a reset takes the next one. */
  readonly seed: number;
  /** Whether `d` opens the draw screen (the X/O network, inside the tutor or `train xo`). */
  readonly canDraw: boolean;
  /** Held-out accuracy of every frame since the last reset, when the screen measures it. */
  readonly accuracy: readonly number[];
  /** Milliseconds of training on this screen since the last reset (slices and rests). */
  readonly elapsedMs: number;
  /** The longest slice of training so far: how long keys could have waited. */
  readonly longestSliceMs: number;
  readonly perfect: PerfectAt | null;
  readonly requests: readonly TrainerRequest[];
  /**
   * Why training is where it is, said once: `reset` (new random weights, paused until Space),
   * `again` (the network had already learned elsewhere, so this run starts afresh).
   */
  readonly note?: 'reset' | 'again';
  /** Set when the screen should close: back to where it came from, or to the draw screen. */
  readonly exit?: 'back' | 'draw';
}

export type TrainerAction =
  /** Training ran: the trainer as it is now, the longest slice and the time since the last frame. */
  | {
      readonly type: 'frame';
      readonly snapshot: TrainSnapshot;
      readonly sliceMs: number;
      readonly elapsedMs: number;
    }
  /** The screen carried out `requests` (the head of the queue); the trainer as it is now. */
  | {
      readonly type: 'applied';
      readonly requests: readonly TrainerRequest[];
      readonly snapshot: TrainSnapshot;
    };

export interface TrainerStateOptions {
  readonly kind: TrainKind;
  readonly snapshot: TrainSnapshot;
  readonly epochs: number;
  readonly seed: number;
  readonly canDraw?: boolean;
  /** @default DEFAULT_PACE[kind] */
  readonly pace?: number;
  /** @default false: training starts at once */
  readonly paused?: boolean;
  /**
   * The network already finished learning (the draw screen trained it): start a new run from
   * the next seed's random weights, so there is something to watch. @default false
   */
  readonly again?: boolean;
}

export function initialTrainerState(options: TrainerStateOptions): TrainerScreenState {
  const { snapshot } = options;
  if (options.again) {
    const fresh = initialTrainerState({ ...options, again: false });
    const seed = options.seed + 1;
    return {
      ...fresh,
      seed,
      epochs: options.epochs,
      requests: [{ kind: 'reset', seed }],
      note: 'again',
    };
  }
  return {
    kind: options.kind,
    snapshot,
    paused: options.paused ?? false,
    pace: options.pace ?? DEFAULT_PACE[options.kind],
    // A trainer that already ran (the draw screen trained it) keeps going from where it is.
    epochs: Math.max(options.epochs, snapshot.status.epoch),
    epochsPerRun: options.epochs,
    seed: options.seed,
    canDraw: options.canDraw ?? false,
    accuracy: snapshot.probe === null ? [] : [snapshot.probe],
    elapsedMs: 0,
    longestSliceMs: 0,
    perfect:
      snapshot.firstPerfect === null
        ? null
        : {
            epoch: snapshot.firstPerfect.epoch,
            seconds: snapshot.firstPerfect.seconds,
            screenSeconds: null,
          },
    requests: [],
  };
}

/** Training has reached its number of epochs, and the last one is measured. */
export function isDone(state: TrainerScreenState): boolean {
  return state.snapshot.status.epoch >= state.epochs && state.snapshot.measuring === null;
}

/** Whether the screen should be training right now. */
export function isRunning(state: TrainerScreenState): boolean {
  return !state.paused && !isDone(state) && state.requests.length === 0 && state.exit === undefined;
}

/** The learning rate once queued changes are made. */
export function pendingLearningRate(state: TrainerScreenState): number {
  const queued = state.requests.filter((r) => r.kind === 'rate').at(-1);
  return queued?.kind === 'rate' ? queued.value : state.snapshot.learningRate;
}

export function trainerKeyState(state: TrainerScreenState): KeyState<TrainContext> {
  const context = isDone(state) ? 'done' : state.paused ? 'paused' : 'running';
  return { context, typing: 'none', flags: new Set(state.canDraw ? [CAN_DRAW] : []) };
}

function request(state: TrainerScreenState, r: TrainerRequest): TrainerScreenState {
  return { ...state, requests: [...state.requests, r] };
}

/** What a key of the trainer's table does. */
export function trainerCommand(state: TrainerScreenState, id: TrainCommandId): TrainerScreenState {
  switch (id) {
    case 'pause':
      return { ...state, paused: true, note: undefined };
    case 'resume':
      return { ...state, paused: false, note: undefined };
    case 'more':
      return { ...state, paused: false, epochs: state.snapshot.status.epoch + state.epochsPerRun };
    case 'step':
      return request(state, { kind: 'step' });
    case 'reset': {
      // New random weights, shown before any learning: paused until space.
      const seed = state.seed + 1;
      return {
        ...request(state, { kind: 'reset', seed }),
        seed,
        paused: true,
        epochs: state.epochsPerRun,
        note: 'reset',
      };
    }
    case 'rate-up':
    case 'rate-down': {
      const value = nextLearningRate(pendingLearningRate(state), id === 'rate-up' ? 1 : -1);
      return value === pendingLearningRate(state) ? state : request(state, { kind: 'rate', value });
    }
    case 'speed':
      return { ...state, pace: (state.pace + 1) % PACES.length };
    case 'open-draw':
      return { ...state, exit: 'draw' };
    case 'back':
      return { ...state, exit: 'back' };
    default:
      // The draw screen's commands are not bound on the trainer.
      return state;
  }
}

/** The frame's facts folded in: the new snapshot, its accuracy probe, the time, the first 100%. */
function withSnapshot(
  state: TrainerScreenState,
  snapshot: TrainSnapshot,
  elapsedMs: number,
): TrainerScreenState {
  const perfect =
    state.perfect ??
    (snapshot.firstPerfect === null
      ? null
      : {
          epoch: snapshot.firstPerfect.epoch,
          seconds: snapshot.firstPerfect.seconds,
          screenSeconds: elapsedMs / 1000,
        });
  return {
    ...state,
    snapshot,
    elapsedMs,
    perfect,
    accuracy: snapshot.probe === null ? state.accuracy : [...state.accuracy, snapshot.probe],
  };
}

export function reduceTrainer(
  state: TrainerScreenState,
  action: TrainerAction,
): TrainerScreenState {
  switch (action.type) {
    case 'frame':
      return {
        ...withSnapshot(state, action.snapshot, state.elapsedMs + action.elapsedMs),
        longestSliceMs: Math.max(state.longestSliceMs, action.sliceMs),
      };
    case 'applied': {
      const done = action.requests.length;
      if (state.requests.slice(0, done).some((r, i) => r !== action.requests[i])) return state;
      const rest = { ...state, requests: state.requests.slice(done) };
      if (!action.requests.some((r) => r.kind === 'reset'))
        return withSnapshot(rest, action.snapshot, state.elapsedMs);
      return withSnapshot({ ...rest, accuracy: [], perfect: null }, action.snapshot, 0);
    }
  }
}

/**
 * The draw screen's state and its pure reducer: a 9×9 picture of ±1 with a pen, which maps to
 * show (match maps → after ReLU → pooled → features) and of which network. The trained network
 * arrives from outside as a frozen copy (`trained`), so nothing here changes under the reducer.
 */
import { XO_SIZE } from '../../train/xo-data.js';
import { FLAG } from '../shell/chrome.js';
import type { KeyState } from '../shell/keymap.js';
import type { TrainCommandId, TrainContext } from './keymap.js';
import type { FrozenNetwork } from './snapshot.js';

/** The intermediate maps one key (`m`) cycles through, in the network's order. */
export const MAP_STAGES = ['match', 'relu', 'pooled', 'features'] as const;
export type MapStage = (typeof MAP_STAGES)[number];

export type Picture = readonly (readonly number[])[];

export interface DrawScreenState {
  /** 9×9, +1 ink and −1 background, as the lectures draw. */
  readonly pixels: Picture;
  readonly row: number;
  readonly col: number;
  /** Index into MAP_STAGES. */
  readonly stage: number;
  /** Whose maps are shown. */
  readonly network: 'hand-set' | 'trained';
  /** The trained network as last copied, or null before it exists. */
  readonly trained: FrozenNetwork | null;
  /** The network is still being trained (in the background, for this screen). */
  readonly training: boolean;
  readonly exit?: 'back' | 'train';
}

/** The trained network as it is now, and whether it is still being trained. */
export interface DrawAction {
  readonly type: 'trained';
  readonly network: FrozenNetwork;
  readonly training: boolean;
}

export function blankPicture(): Picture {
  return Array.from({ length: XO_SIZE }, () => new Array<number>(XO_SIZE).fill(-1));
}

export interface DrawStateOptions {
  readonly trained?: FrozenNetwork | null;
  readonly training?: boolean;
  /** @default a blank picture */
  readonly pixels?: Picture;
}

export function initialDrawState(options: DrawStateOptions = {}): DrawScreenState {
  const middle = Math.floor(XO_SIZE / 2);
  return {
    pixels: options.pixels ?? blankPicture(),
    row: middle,
    col: middle,
    stage: 0,
    network: 'hand-set',
    trained: options.trained ?? null,
    training: options.training ?? false,
  };
}

/** The arrows move the pen: the maps scroll with PgUp/PgDn. */
export function drawKeyState(): KeyState<TrainContext> {
  return { context: 'draw', typing: 'none', flags: new Set([FLAG.arrows]) };
}

function movePen(state: DrawScreenState, rows: number, cols: number): DrawScreenState {
  const clamp = (v: number) => Math.max(0, Math.min(XO_SIZE - 1, v));
  return { ...state, row: clamp(state.row + rows), col: clamp(state.col + cols) };
}

function toggle(state: DrawScreenState): DrawScreenState {
  const pixels = state.pixels.map((line, r) =>
    r === state.row ? line.map((v, c) => (c === state.col ? -v : v)) : line,
  );
  return { ...state, pixels };
}

/** The pictures `x`, `o` and `k` load (the course library's X, O and crooked X). */
export interface StartPictures {
  readonly x: Picture;
  readonly o: Picture;
  readonly crooked: Picture;
}

/** What a key of the draw screen's table does. */
export function drawCommand(
  state: DrawScreenState,
  id: TrainCommandId,
  pictures: StartPictures,
): DrawScreenState {
  const stages = MAP_STAGES.length;
  switch (id) {
    case 'pen-left':
      return movePen(state, 0, -1);
    case 'pen-right':
      return movePen(state, 0, 1);
    case 'pen-up':
      return movePen(state, -1, 0);
    case 'pen-down':
      return movePen(state, 1, 0);
    case 'toggle':
      return toggle(state);
    case 'clear':
      return { ...state, pixels: blankPicture() };
    case 'load-x':
      return { ...state, pixels: pictures.x };
    case 'load-o':
      return { ...state, pixels: pictures.o };
    case 'load-crooked':
      return { ...state, pixels: pictures.crooked };
    case 'next-maps':
      return { ...state, stage: (state.stage + 1) % stages };
    case 'prev-maps':
      return { ...state, stage: (state.stage + stages - 1) % stages };
    case 'network':
      return { ...state, network: state.network === 'hand-set' ? 'trained' : 'hand-set' };
    case 'open-trainer':
      return { ...state, exit: 'train' };
    case 'back':
      return { ...state, exit: 'back' };
    default:
      // The trainer's commands are not bound here.
      return state;
  }
}

export function reduceDraw(state: DrawScreenState, action: DrawAction): DrawScreenState {
  return { ...state, trained: action.network, training: action.training };
}

/**
 * The lab screen's state and what changes it: a command of the lab's keymap, the answer line's
 * new text, a finished save. Enter on a readable answer queues a save, which the screen
 * performs and reports back with `saved`. The reducer never checks whether an answer
 * is right: it only asks whether it can be read (`answerSyntaxProblem`), as `grade` would.
 */
import {
  type LabSession,
  type SaveAnswerResult,
  answerSyntaxProblem,
} from '../../grade/lab-session.js';
import type { Message } from '../../i18n/index.js';
import { FLAG } from '../shell/chrome.js';
import type { KeyState } from '../shell/keymap.js';
import type { LabCommandId, LabContext } from './keymap.js';

/** One answer to write into the submission file. */
export interface SaveRequest {
  readonly id: string;
  readonly text: string;
}

/** The line under the answer: what the last Enter led to. Never right or wrong. */
export type LabNotice =
  /** Written to the file (`removed`: an empty answer took an earlier one out). */
  | { readonly kind: 'saved' | 'removed'; readonly number: number }
  | { readonly kind: 'failed'; readonly number: number; readonly error: Message }
  /** The text cannot be read as an answer of this kind; nothing was saved. */
  | { readonly kind: 'syntax'; readonly error: Message }
  /** Enter on an empty line with nothing saved. */
  | { readonly kind: 'empty' };

export interface LabScreenState {
  /** The lab, the file, and the answers saved so far (updated by every save). */
  readonly session: LabSession;
  readonly screen: 'list' | 'exercise';
  /** The exercise under the list cursor, and the one open: an index into `session.questions`. */
  readonly selected: number;
  /** Whether keys go to the answer line or are commands. */
  readonly focus: 'keys' | 'answer';
  /** What is on each answer line, by exercise id: the saved answer until it is edited. */
  readonly drafts: ReadonlyMap<string, string>;
  readonly notice?: LabNotice;
  /** Saves not yet written, oldest first; the screen writes them one at a time. */
  readonly saving: readonly SaveRequest[];
}

/** The screen wrote `saving[0]` (or failed to). */
export interface SavedAction {
  readonly type: 'saved';
  readonly request: SaveRequest;
  readonly result: SaveAnswerResult;
}

/** The screen as it opens: the list, the first exercise selected, saved answers on their lines. */
export function initialLabState(session: LabSession): LabScreenState {
  const drafts = new Map<string, string>();
  for (const q of session.questions)
    drafts.set(q.exercise.id, session.answers.get(q.exercise.id) ?? '');
  return { session, screen: 'list', selected: 0, focus: 'keys', drafts, saving: [] };
}

export function currentItem(state: LabScreenState) {
  return state.session.questions[state.selected];
}

export function draftOf(state: LabScreenState, id: string): string {
  return state.drafts.get(id) ?? '';
}

/** The answer the file will hold for `id` once queued saves are written. */
function committed(state: LabScreenState, id: string): string {
  const queued = state.saving.filter((r) => r.id === id).at(-1);
  return (queued ? queued.text : (state.session.answers.get(id) ?? '')).trim();
}

/** Whether the answer line of `id` holds something that is not (being) saved. */
export function isUnsaved(state: LabScreenState, id: string): boolean {
  return draftOf(state, id).trim() !== committed(state, id);
}

/** Exercise ids whose answer line holds something not saved, in lab order. */
export function unsavedIds(state: LabScreenState): string[] {
  return state.session.questions.map((q) => q.exercise.id).filter((id) => isUnsaved(state, id));
}

/** The keyboard context; the list uses ↑/↓ itself. */
export function labKeyState(state: LabScreenState): KeyState<LabContext> {
  if (state.screen === 'list')
    return { context: 'list', typing: 'none', flags: new Set([FLAG.arrows]) };
  const item = currentItem(state);
  if (!item?.ok) return { context: 'unbuilt', typing: 'none' };
  if (state.focus === 'keys') return { context: 'exercise', typing: 'none' };
  const typing = draftOf(state, item.exercise.id) === '' ? 'empty' : 'text';
  return { context: 'answer', typing, flags: new Set([FLAG.field]) };
}

/** The answer line's new text, taken while it is the line with focus. */
export function setDraft(state: LabScreenState, field: string, text: string): LabScreenState {
  const item = currentItem(state);
  if (state.screen !== 'exercise' || state.focus !== 'answer' || item?.exercise.id !== field)
    return state;
  if (draftOf(state, field) === text) return state;
  return { ...state, drafts: new Map(state.drafts).set(field, text), notice: undefined };
}

/** Go to exercise `index` (clamped), keeping the focus when the new question has a line. */
function goTo(state: LabScreenState, index: number, focus: 'keys' | 'answer'): LabScreenState {
  const last = state.session.questions.length - 1;
  const selected = Math.max(0, Math.min(last, index));
  const ok = state.session.questions[selected]?.ok === true;
  return {
    ...state,
    screen: 'exercise',
    selected,
    focus: ok ? focus : 'keys',
    notice: selected === state.selected && state.screen === 'exercise' ? state.notice : undefined,
  };
}

function save(state: LabScreenState): LabScreenState {
  const item = currentItem(state);
  if (!item?.ok) return state;
  const id = item.exercise.id;
  const text = draftOf(state, id);
  const error = answerSyntaxProblem(item, text);
  if (error) return { ...state, notice: { kind: 'syntax', error } };
  if (text.trim() === '' && committed(state, id) === '')
    return { ...state, notice: { kind: 'empty' } };
  return {
    ...state,
    focus: 'keys',
    notice: undefined,
    saving: [...state.saving, { id, text }],
  };
}

/** What a key of the lab's table does. */
export function labCommand(state: LabScreenState, id: LabCommandId): LabScreenState {
  switch (id) {
    case 'select-up':
    case 'select-down': {
      const last = state.session.questions.length - 1;
      const step = id === 'select-up' ? -1 : 1;
      return { ...state, selected: Math.max(0, Math.min(last, state.selected + step)) };
    }
    case 'open-exercise':
      return { ...goTo(state, state.selected, 'answer'), notice: undefined };
    case 'prev-exercise':
      return goTo(state, state.selected - 1, state.focus);
    case 'next-exercise':
      return goTo(state, state.selected + 1, state.focus);
    case 'focus-answer':
      return { ...state, focus: 'answer' };
    case 'leave-answer':
      return { ...state, focus: 'keys' };
    case 'to-list':
      return { ...state, screen: 'list', focus: 'keys', notice: undefined };
    case 'save-answer':
      return save(state);
  }
}

/** A finished save: the session as written, and the line under the answer says so. */
export function labSaved(state: LabScreenState, action: SavedAction): LabScreenState {
  const [head, ...rest] = state.saving;
  if (head !== action.request) return state;
  const number =
    state.session.lab.exercises.find((e) => e.id === head.id)?.number ?? state.selected + 1;
  if (!action.result.ok)
    return {
      ...state,
      saving: rest,
      notice: { kind: 'failed', number, error: action.result.error },
    };
  const kind = head.text.trim() === '' ? 'removed' : 'saved';
  return { ...state, saving: rest, session: action.result.session, notice: { kind, number } };
}

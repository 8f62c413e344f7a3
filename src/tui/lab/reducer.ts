/**
 * The lab screen's state and its one pure reducer. A key becomes a command (from the lab's
 * keymap) or text for the answer line; Enter on a readable answer queues a save, which the
 * screen performs and reports back with `saved`. The reducer never checks whether an answer
 * is right: it only asks whether it can be read (`answerSyntaxProblem`), as `grade` would.
 */
import type { Key } from 'ink';
import {
  type LabSession,
  type SaveAnswerResult,
  answerSyntaxProblem,
} from '../../grade/lab-session.js';
import type { Message } from '../../i18n/index.js';
import { type FieldText, insertText, setText } from '../state/field-edit.js';
import { type LabCommandId, type LabKeyState, labCommandFor } from './keymap.js';

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
  readonly drafts: ReadonlyMap<string, FieldText>;
  /** Lines of the exercise scrolled off the top. */
  readonly scroll: number;
  readonly overlay?: 'help' | 'quit-confirm';
  readonly notice?: LabNotice;
  /** Saves not yet written, oldest first; the screen writes them one at a time. */
  readonly saving: readonly SaveRequest[];
  /** Quit was asked for; the screen exits once `saving` is empty. */
  readonly quitting: boolean;
}

/** What the last drawn screen says about itself, for keys that depend on it. */
export interface LabViewFacts {
  readonly tooSmall: boolean;
  readonly scrollable: boolean;
  readonly maxScroll: number;
  /** Lines one PgUp/PgDn moves. */
  readonly page: number;
}

export type LabAction =
  /** A key; `field` is the id of the answer field whose own input listens now, if any. */
  | {
      readonly type: 'key';
      readonly input: string;
      readonly key: Key;
      readonly view: LabViewFacts;
      readonly field?: string;
    }
  /** The screen wrote `saving[0]` (or failed to). */
  | { readonly type: 'saved'; readonly request: SaveRequest; readonly result: SaveAnswerResult }
  /**
   * An answer field's whole text, as its input reports it (cleaned by `fieldChange`); only
   * taken while `field` (the exercise's id) is the line that has focus.
   */
  | { readonly type: 'field/set'; readonly field: string; readonly text: string };

/** The screen as it opens: the list, the first exercise selected, saved answers on their lines. */
export function initialLabState(session: LabSession): LabScreenState {
  const drafts = new Map<string, FieldText>();
  for (const q of session.questions) {
    const saved = session.answers.get(q.exercise.id) ?? '';
    drafts.set(q.exercise.id, { draft: saved, cursor: Array.from(saved).length });
  }
  return {
    session,
    screen: 'list',
    selected: 0,
    focus: 'keys',
    drafts,
    scroll: 0,
    saving: [],
    quitting: false,
  };
}

export function currentItem(state: LabScreenState) {
  return state.session.questions[state.selected];
}

export function draftOf(state: LabScreenState, id: string): FieldText {
  return state.drafts.get(id) ?? { draft: '', cursor: 0 };
}

/** The answer the file will hold for `id` once queued saves are written. */
function committed(state: LabScreenState, id: string): string {
  const queued = state.saving.filter((r) => r.id === id).at(-1);
  return (queued ? queued.text : (state.session.answers.get(id) ?? '')).trim();
}

/** Whether the answer line of `id` holds something that is not (being) saved. */
export function isUnsaved(state: LabScreenState, id: string): boolean {
  return draftOf(state, id).draft.trim() !== committed(state, id);
}

/** Exercise ids whose answer line holds something not saved, in lab order. */
export function unsavedIds(state: LabScreenState): string[] {
  return state.session.questions.map((q) => q.exercise.id).filter((id) => isUnsaved(state, id));
}

/** The keyboard context: what `labCommandFor`, the footer and help read. */
export function labKeyState(
  state: LabScreenState,
  facts: Pick<LabViewFacts, 'tooSmall' | 'scrollable'>,
): LabKeyState {
  const flags = new Set(facts.scrollable ? (['scrollable'] as const) : []);
  if (facts.tooSmall) return { context: 'too-small', typing: 'none' };
  if (state.overlay) return { context: state.overlay, typing: 'none' };
  if (state.screen === 'list') return { context: 'list', typing: 'none' };
  const item = currentItem(state);
  if (!item?.ok) return { context: 'unbuilt', typing: 'none', flags };
  if (state.focus === 'keys') return { context: 'exercise', typing: 'none', flags };
  const typing = draftOf(state, item.exercise.id).draft === '' ? 'empty' : 'text';
  return { context: 'answer', typing, flags };
}

/** The id of the exercise whose answer line has focus, if one has. */
function focusedFieldId(state: LabScreenState): string | undefined {
  if (state.screen !== 'exercise' || state.focus !== 'answer') return undefined;
  return currentItem(state)?.exercise.id;
}

function editDraft(state: LabScreenState, edit: (f: FieldText) => FieldText): LabScreenState {
  const item = currentItem(state);
  if (!item) return state;
  const before = draftOf(state, item.exercise.id);
  const after = edit(before);
  if (after === before) return state;
  const drafts = new Map(state.drafts).set(item.exercise.id, after);
  const notice = after.draft === before.draft ? state.notice : undefined;
  return { ...state, drafts, notice };
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
    scroll: selected === state.selected ? state.scroll : 0,
    notice: selected === state.selected && state.screen === 'exercise' ? state.notice : undefined,
  };
}

function save(state: LabScreenState): LabScreenState {
  const item = currentItem(state);
  if (!item?.ok) return state;
  const id = item.exercise.id;
  const text = draftOf(state, id).draft;
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

function scrollBy(state: LabScreenState, delta: number, max: number): LabScreenState {
  const top = Math.max(0, max);
  return { ...state, scroll: Math.max(0, Math.min(top, Math.min(state.scroll, top) + delta)) };
}

function runCommand(state: LabScreenState, id: LabCommandId, view: LabViewFacts): LabScreenState {
  switch (id) {
    case 'select-up':
    case 'select-down': {
      const last = state.session.questions.length - 1;
      const step = id === 'select-up' ? -1 : 1;
      return { ...state, selected: Math.max(0, Math.min(last, state.selected + step)) };
    }
    case 'open-exercise':
      return { ...goTo(state, state.selected, 'answer'), scroll: 0, notice: undefined };
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
    case 'scroll-up':
      return scrollBy(state, -1, view.maxScroll);
    case 'scroll-down':
      return scrollBy(state, 1, view.maxScroll);
    case 'page-up':
      return scrollBy(state, -view.page, view.maxScroll);
    case 'page-down':
      return scrollBy(state, view.page, view.maxScroll);
    // The answer field does these itself (`byField` in the keymap).
    case 'cursor-left':
    case 'cursor-right':
    case 'cursor-home':
    case 'cursor-end':
    case 'erase-back':
      return state;
    case 'help':
      return { ...state, overlay: 'help' };
    case 'close-help':
    case 'cancel-quit':
      return { ...state, overlay: undefined };
    case 'quit':
      if (state.overlay !== 'quit-confirm' && unsavedIds(state).length > 0)
        return { ...state, overlay: 'quit-confirm' };
      return { ...state, quitting: true };
    case 'confirm-quit':
      return { ...state, quitting: true };
  }
}

export function reduceLab(state: LabScreenState, action: LabAction): LabScreenState {
  if (action.type === 'field/set')
    return action.field === focusedFieldId(state)
      ? editDraft(state, () => setText(action.text))
      : state;
  if (action.type === 'saved') {
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
  const { input, key, view } = action;
  const keys = labKeyState(state, view);
  const id = labCommandFor(input, key, keys);
  if (id !== undefined) return runCommand(state, id, view);
  // Anything else typed on the answer line is text for it (a paste arrives whole). Once the
  // field's own input listens it types the text itself; until then (right after the key that
  // focused it, before the screen has redrawn) text goes in here.
  if (keys.context !== 'answer' || input === '' || key.ctrl || key.meta || key.tab || key.return)
    return state;
  if (action.field !== undefined && action.field === focusedFieldId(state)) return state;
  return editDraft(state, (f) => insertText(f, input));
}

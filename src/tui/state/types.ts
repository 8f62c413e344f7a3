/**
 * The tutor's whole interactive state, and every action that changes it. Plain data: the
 * reducer in `reducer.ts` is a pure function of (state, action), tested without Ink.
 */
import type { Course, DemoPadding, ExerciseDef } from '../../content/course.js';
import type { Progress } from '../../content/progress.js';
import type { AnswerValue, MistakeId, Question } from '../../content/types.js';
import type { Message } from '../../i18n/index.js';

/** What the sliding-window demo of one lesson step is showing. */
export interface DemoSession {
  /** Output cells computed so far, in reading order (row by row). */
  readonly revealed: number;
  readonly stride: number;
  readonly padding: DemoPadding;
  readonly playing: boolean;
  /** The learner is asked to predict cell `revealed` before it is shown. */
  readonly asking: boolean;
  readonly draft: string;
  /** Why the prediction typed could not be read (what format is expected). */
  readonly error?: Message;
  /** Cells already predicted (or skipped) with the current stride and padding. */
  readonly answered: readonly number[];
  /** The last prediction and how it went. */
  readonly last?: {
    readonly cell: number;
    readonly guess: number;
    readonly value: number;
    readonly correct: boolean;
  };
}

/** Where an exercise's keystrokes go: the answer field, the command keys, or the grid editor. */
export type ExerciseFocus = 'answer' | 'keys' | 'grid';

/** The cell-by-cell grid editor: the text of each cell and the cell under the cursor. */
export interface GridDraft {
  readonly cells: readonly (readonly string[])[];
  readonly row: number;
  readonly col: number;
  /**
   * The cursor has just arrived at this cell: the first character typed replaces what it
   * holds, as in a spreadsheet. Backspace edits it instead.
   */
  readonly fresh: boolean;
}

/** What the last Enter on an exercise led to. */
export type Feedback =
  /** The text does not read as an answer of this kind; not a try. */
  | { readonly kind: 'format'; readonly message: Message }
  /** A grid of the wrong size that no common mistake explains; not a try. */
  | { readonly kind: 'size'; readonly message: Message }
  | {
      readonly kind: 'graded';
      readonly correct: boolean;
      readonly answer: AnswerValue;
      readonly wrongCells: ReadonlyArray<readonly [number, number]>;
      readonly mistake?: MistakeId;
    };

export interface ExerciseSession {
  /** Seed of a generated exercise's variant. */
  readonly seed?: number;
  readonly draft: string;
  /** Text of the last graded answer: a draft equal to it is not "half-typed". */
  readonly graded?: string;
  readonly focus: ExerciseFocus;
  /** Graded answers (format problems are not tries). */
  readonly attempts: number;
  readonly wrong: number;
  /** Hints asked for with the hint key (wrong answers show hints too). */
  readonly hintsAsked: number;
  readonly feedback?: Feedback;
  /** "Show me" was used: the worked solution is on screen. */
  readonly revealed: boolean;
  readonly solved: boolean;
  readonly grid?: GridDraft;
}

/** A screen of its own over the lesson (src/tui/train): the X/O trainer or the draw screen. */
export type Tool = 'train' | 'draw';

export interface TutorState {
  /** `complete`: every lesson is finished and every exercise solved; what comes next. */
  readonly screen: 'home' | 'lesson' | 'complete';
  /** Home: the lesson under the cursor. */
  readonly selected: number;
  /** A message from loading progress (a corrupt file moved aside), shown on Home until a lesson opens. */
  readonly notice?: Message | string;
  /** Index into `course.lessons` of the open lesson. */
  readonly lesson: number;
  readonly step: number;
  /**
   * Screens open over the lesson, the last on top; each takes the keys until it closes (Esc),
   * and the one under it shows again.
   */
  readonly tools: readonly Tool[];
  /** Per exercise id, for this session. */
  readonly exercises: Readonly<Record<string, ExerciseSession>>;
  /** Per demo step, keyed `lessonId#step`. */
  readonly demos: Readonly<Record<string, DemoSession>>;
  readonly progress: Progress;
}

/** The time and a fresh seed, taken where the action is made so the reducer stays pure. */
export interface Stamp {
  readonly now: Date;
  /** Used when a generated exercise needs a variant and has none yet. */
  readonly seed: number;
}

export type Action =
  | { readonly type: 'home/move'; readonly delta: number }
  | { readonly type: 'lesson/open'; readonly index: number; readonly at: Stamp }
  | { readonly type: 'lesson/continue'; readonly at: Stamp }
  | { readonly type: 'lesson/leave' }
  | { readonly type: 'step/move'; readonly delta: 1 | -1; readonly at: Stamp }
  | { readonly type: 'tool/open'; readonly tool: Tool }
  /** The tool on top closed: the one under it (or the lesson) shows again. */
  | { readonly type: 'tool/close' }
  /** A field's whole text, as it reports it; only taken while `field` (its id) has focus. */
  | { readonly type: 'field/set'; readonly field: string; readonly text: string }
  | { readonly type: 'answer/focus'; readonly focus: ExerciseFocus }
  | { readonly type: 'answer/submit'; readonly at: Stamp }
  | { readonly type: 'exercise/reveal'; readonly at: Stamp }
  | { readonly type: 'exercise/new-variant'; readonly seed: number }
  | { readonly type: 'exercise/hint' }
  | { readonly type: 'grid/open' }
  | { readonly type: 'grid/move'; readonly rows: number; readonly cols: number }
  | { readonly type: 'grid/next' }
  | { readonly type: 'grid/type'; readonly text: string }
  | { readonly type: 'grid/erase' }
  | { readonly type: 'grid/close' }
  | { readonly type: 'demo/step'; readonly delta: 1 | -1; readonly at: Stamp }
  | { readonly type: 'demo/end' }
  | { readonly type: 'demo/play' }
  | { readonly type: 'demo/tick' }
  | { readonly type: 'demo/stride'; readonly delta: 1 | -1 }
  | { readonly type: 'demo/padding' }
  | { readonly type: 'demo/predict' }
  | { readonly type: 'demo/skip' };

/** A question, or why the exercise could not be built. */
export type QuestionResult =
  | { readonly ok: true; readonly question: Question }
  | { readonly ok: false; readonly error: string };

/** What the reducer needs besides the state: the course, and how to build a question. */
export interface TutorEnv {
  readonly course: Course;
  /** Must be deterministic for (def, seed): the same call gives the same question. */
  question(def: ExerciseDef, seed: number | undefined): QuestionResult;
}

/**
 * What lessons and exercises are made of once loaded. Text fields are already in the
 * learner's language; numbers that are answers never appear here — a Question only knows
 * how to ask the engine for them.
 */
import type { LibraryKernel } from './course.js';
import type { Rng } from './random.js';

export type AnswerKind = 'number' | 'shape' | 'grid' | 'choice' | 'yesno';

/** An answer as a value (parsed from what the learner typed, or computed by the engine). */
export type AnswerValue =
  | { kind: 'number'; value: number }
  | { kind: 'shape'; dims: number[] }
  | { kind: 'grid'; rows: number[][] }
  | { kind: 'choice'; index: number }
  | { kind: 'yesno'; value: boolean };

/** Something shown with a question or a lesson step; the render layer draws it. */
export type Display =
  | {
      type: 'grid';
      title: string;
      grid: number[][];
      padded?: { top: number; bottom: number; left: number; right: number };
    }
  | { type: 'channels'; title: string; channels: number[][][] }
  | { type: 'list'; title: string; values: number[] }
  | { type: 'text'; text: string };

/** One line of a worked solution, built from the engine's explanation of the answer. */
export interface SolutionLine {
  text: string;
}

/** A wrong answer that a common mistake would give, computed by the engine with one thing changed. */
export interface MistakeModel {
  /** Message key suffix: `mistake.<id>` says what the mistake is. */
  id: MistakeId;
  answer: AnswerValue;
}

export type MistakeId =
  | 'kernel-flipped'
  | 'bias-forgotten'
  | 'one-channel'
  | 'padding-symmetric'
  | 'padding-wrong-side'
  | 'valid-instead-of-same'
  | 'same-instead-of-valid'
  | 'stride-ignored'
  | 'average-instead-of-max'
  | 'max-instead-of-average'
  | 'relu-forgotten'
  | 'rows-columns-swapped'
  | 'off-by-one'
  | 'padding-ignored'
  | 'bias-per-weight'
  | 'bias-ignored-in-count'
  | 'flip-confused'
  | 'scale-forgotten'
  | 'truncated-instead-of-ceil'
  | 'channels-from-input'
  | 'absolute-instead-of-relu'
  | 'padding-counted-in-average'
  | 'exp-forgotten'
  | 'padding-counted-once'
  | 'dilation-ignored'
  | 'rounded-up'
  | 'padding-total'
  | 'channels-not-counted'
  | 'one-filter-counted'
  | 'biases-counted'
  | 'ratio-inverted'
  | 'spans-added'
  | 'threshold-strict'
  | 'threshold-ignored'
  | 'threshold-inverted'
  | 'counted-from-one'
  | 'column-by-column'
  | 'layout-confused'
  | 'kernel-layout-confused'
  | 'image-size-for-kernel'
  | 'sum-instead-of-product'
  | 'batch-forgotten'
  | 'size-instead-of-order'
  | 'outer-length-for-order'
  | 'axes-reversed';

/** A concrete question: fixed inputs, or inputs drawn from a seed. */
export interface Question {
  kind: AnswerKind;
  /** The prompt with its placeholders filled ({stride}, {n}, …). */
  prompt: string;
  displays: Display[];
  /** Options for choice questions (already in the learner's language). */
  options?: string[];
  /** For grid answers: the size the answer must have. */
  gridSize?: { rows: number; cols: number };
  /** Largest accepted |answer − expected| for numbers and grid cells. */
  tolerance: number;
  /**
   * Where the cell asked about comes from, in display `display` (every channel of it): the
   * window of the input, marked once an answer was wrong.
   */
  asked?: { display: number; row: number; col: number; rows: number; cols: number };
  /** The engine computes the answer now, from the inputs above. */
  expected(): AnswerValue;
  /** Answers that common mistakes give (each an engine call with one thing changed). */
  mistakes(): MistakeModel[];
  /** The worked solution, step by step. */
  solution(): SolutionLine[];
}

/** Per-template code: checks its parameters, draws a variant, builds the question. */
export interface Template<Given = unknown, Settings = unknown> {
  name: string;
  kind: AnswerKind;
  /** Set when the template names entries of the course library (its `context`). */
  readonly usesLibrary?: true;
  /** Validate the `given` block of an exercise file (fixed inputs); throw with a clear message. */
  parseGiven(value: unknown, context?: TemplateContext): Given;
  /** Validate the `generate` block (how to draw inputs from a seed). */
  parseSettings(value: unknown, context?: TemplateContext): Settings;
  /** Draw concrete inputs from a seed. Must consume the Rng the same way forever. */
  generate(settings: Settings, rng: Rng): Given;
  /** The question for concrete inputs. `text` fills the prompt and option labels. */
  build(given: Given, text: TemplateText, context?: TemplateContext): Question;
}

/** What a template that `usesLibrary` reads from the course library. */
export interface TemplateContext {
  readonly kernels: readonly LibraryKernel[];
}

export interface TemplateText {
  prompt: string;
  lang: string;
  /** Translate an interface message (options, solution wording). */
  t(key: string, params?: Record<string, string | number>): string;
}

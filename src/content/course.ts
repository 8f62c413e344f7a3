/**
 * The course once loaded: lessons in order and exercises by id, every text already in the
 * learner's language. Nothing here is a computed number: figures are calc requests and
 * exercises are recipes, both computed by the engine when shown.
 */
import type { CalcRequest } from '../request/schema.js';
import type { LocalizedText } from '../i18n/index.js';

/** Something wrong in the content, said so that an author can find and fix it. */
export interface ContentProblem {
  /** Relative to the course root, with `/`: `exercises/convolution.yaml`. */
  file: string;
  line?: number;
  /** Where in the file, e.g. `exercises[3].generate` or `steps[2].figure.input[1]`; empty for the whole file. */
  field: string;
  message: string;
  /** For generated exercises: the seed whose variant showed the problem. */
  seed?: number;
}

export type DemoPadding = 'valid' | 'same' | number;

/** The sliding-window demo: one grid, one kernel. */
export interface Demo {
  input: number[][];
  kernel: number[][];
  /** @default 1 */
  stride: number;
  /** @default 'valid' */
  padding: DemoPadding;
  /** @default 0 */
  bias: number;
  /** How many output cells the learner predicts (≤ the number of output cells). @default 0 */
  predict: number;
}

/** What a picture's values mean: 0–255 grey levels, 0–1, or −1 to 1. */
export type PictureScale = 'gray255' | 'unit' | 'signed';

/** A picture drawn in shades (`renderShaded(grid, { min, max })`), two columns per pixel. */
export interface Picture {
  /** Rows of pixel values: as written in the lesson, or an MNIST digit (28×28, 0–1). */
  grid: number[][];
  scale: PictureScale;
  /** The value drawn blank and the value drawn darkest: 0/255, 0/1 or −1/1 by `scale`. */
  min: number;
  max: number;
  /** Set for an MNIST digit: which digit and which sample of it. */
  source?: { dataset: 'mnist'; digit: number; index: number };
}

export type Step =
  | { type: 'text'; title: string; text: string }
  | { type: 'picture'; title: string; text: string; picture: Picture; caption?: string }
  /** `request` has been parsed and run once by the loader, so `runRequest(request)` succeeds. */
  | { type: 'figure'; title: string; text: string; request: CalcRequest; caption?: string }
  | { type: 'demo'; title: string; text: string; demo: Demo }
  | { type: 'exercise'; exerciseId: string };

/** The screens a lesson can open besides its steps. */
export const LESSON_TOOLS = ['trainer', 'draw'] as const;
export type LessonTool = (typeof LESSON_TOOLS)[number];

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  /** `lessons/<id>.yaml` */
  file: string;
  /** The screens the lesson opens (`t`, `d`); none for most lessons. */
  tools: readonly LessonTool[];
  steps: Step[];
}

export interface ExerciseDef {
  id: string;
  /** The lesson named in the exercise file. */
  lesson: string;
  title: string;
  template: string;
  /** With `{name}` placeholders still in it; the template fills them. */
  prompt: string;
  hints: string[];
  /** Overrides the template's tolerance when present. */
  tolerance?: number;
  /** Exactly one of `given` and `generate` is set, as written in the file (already checked by the template). */
  given?: unknown;
  generate?: unknown;
  generated: boolean;
  /** For a template that uses the course library: the part of it the template reads. */
  context?: { readonly kernels: readonly LibraryKernel[] };
  /** `exercises/<lesson>.yaml` */
  file: string;
  /** Where the exercise sits in its file, e.g. `exercises[3]`, and the line of each of its fields. */
  field: string;
  fieldLines: Readonly<Record<string, number>>;
}

export interface Course {
  lessons: Lesson[];
  exercises: Map<string, ExerciseDef>;
  /** The kernels, pictures and networks of `lessons/library.yaml`, by name. */
  library: Library;
}

export interface LoadedCourse {
  course: Course;
  /** Sorted by file, then line. Empty when the content is clean. */
  problems: ContentProblem[];
  /** Languages the content has text in (inline maps and overlay files), `en` first. */
  languages: string[];
}

/** A kernel of the library: the grid as a course prints it, and the scale that multiplies its sum. */
export interface LibraryKernel {
  /** Stable id, used in lesson and exercise files. */
  readonly id: string;
  /** What the learner reads, per language. */
  readonly name: LocalizedText;
  /** The grid as printed (before the scale). */
  readonly grid: readonly (readonly number[])[];
  /** Multiplies the sum of products; 1 for kernels without a fraction in front. */
  readonly scale: number;
  /** The scale as written, e.g. `1/9`; absent when the scale is 1. */
  readonly scaleText?: string;
}

export interface Library {
  /** In the order the file lists them. */
  readonly kernels: readonly LibraryKernel[];
  readonly pictures: Readonly<Record<string, number[][]>>;
  /** Each network as the stages of a calc `pipeline`, names already resolved. */
  readonly networks: Readonly<Record<string, unknown[]>>;
}

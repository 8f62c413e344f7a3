/**
 * A lab once loaded: which exercises, in which order, for how many points, and how grids are
 * scored. Written as YAML (`exercises/labs/<id>.yaml`, or any path); see `load-lab.ts`.
 */
import type { ExerciseDef } from '../content/course.js';

/**
 * How a grid answer earns points.
 * - `all-or-nothing`: every cell right, or no points.
 * - `per-cell`: the points times the share of right cells (a grid of the wrong size earns none).
 */
export type GridScoring = 'all-or-nothing' | 'per-cell';

export const GRID_SCORINGS: readonly GridScoring[] = ['all-or-nothing', 'per-cell'];

export interface LabExercise {
  /** The exercise id in the course. */
  id: string;
  /** 1-based position in the lab, as printed on worksheets and in reports. */
  number: number;
  points: number;
  gridScoring: GridScoring;
  def: ExerciseDef;
}

export interface Lab {
  /** Part of every student's seed: never rename a lab that has been handed out. */
  id: string;
  title: string;
  /** Shown at the top of worksheets and of the lab screen. */
  instructions?: string;
  /** Where it was read from, as given (a path) or relative to the course (`exercises/labs/lab-1.yaml`). */
  file: string;
  /** The file's text, so a Gradescope autograder can ship the exact lab it was made from. */
  source: string;
  exercises: LabExercise[];
  /** The sum of the exercises' points. */
  maxScore: number;
}

/**
 * What the screens a lesson opens (`tools: [trainer, draw]`) need from the course library.
 * The draw screen compares the learner's picture with the hand-set X/O network, so a lesson
 * that opens it needs that network, in the trainer's shape, and the pictures its keys load.
 */
import type { LessonTool } from './course.js';
import type { Library } from './library.js';

export const DRAW_NEEDS = {
  network: 'xo-hand-set',
  pictures: ['x', 'o', 'crooked-x'],
} as const;

interface Stage {
  op?: unknown;
  kernels?: unknown;
  scale?: unknown;
  weights?: unknown;
}

function isGrid(value: unknown, rows: number, cols: number): boolean {
  return (
    Array.isArray(value) &&
    value.length === rows &&
    value.every((r) => Array.isArray(r) && r.length === cols)
  );
}

/** Why `tool` cannot open with `library`, or undefined when it can. */
export function toolProblem(tool: LessonTool, library: Library): string | undefined {
  if (tool !== 'draw') return undefined;
  const stages = library.networks[DRAW_NEEDS.network] as Stage[] | undefined;
  const missing = DRAW_NEEDS.pictures.filter((p) => !isGrid(library.pictures[p], 9, 9));
  if (!stages || missing.length > 0)
    return `the draw screen needs the network \`${DRAW_NEEDS.network}\` and the 9×9 pictures ${DRAW_NEEDS.pictures.map((p) => `\`${p}\``).join(', ')} in lessons/library.yaml`;
  const ops = stages.map((s) => s.op).join(' ');
  const conv = stages[0];
  const dense = stages.find((s) => s.op === 'dense');
  const shaped =
    ops === 'conv2d relu maxpool maxpool flatten dense softmax' &&
    Array.isArray(conv.kernels) &&
    conv.kernels.length === 3 &&
    conv.kernels.every((k) => isGrid(k, 3, 3)) &&
    conv.scale === 1 / 9 &&
    isGrid(dense?.weights, 2, 12);
  return shaped
    ? undefined
    : `the draw screen needs \`${DRAW_NEEDS.network}\` in the X/O trainer's shape: conv2d (three 3×3 kernels, scale 1/9), relu, maxpool, maxpool, flatten, dense (2×12 weights), softmax`;
}

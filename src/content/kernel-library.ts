/**
 * The hand-made image kernels of the lectures (seeds 001–003), by the names exercise files
 * use (`kernel: sharpen`). Each is a small grid of whole numbers and a scale that multiplies
 * the sum, the way the slides print the blurs ("1/9 ×" a grid of ones), so the engine gets
 * the exact grid and the screen can show the slide's integers.
 *
 * A kernel's id is part of the course's data: never rename or change one, add a new one instead.
 */
import type { LibraryKernel } from './course.js';

export type { LibraryKernel };

const KERNELS: readonly LibraryKernel[] = [
  {
    // The 4-neighbour Laplacian: flat regions sum to 0, so only changes survive.
    id: 'edge-detection',
    name: { en: 'Edge detection', 'pt-BR': 'Detecção de bordas' },
    grid: [
      [0, 1, 0],
      [1, -4, 1],
      [0, 1, 0],
    ],
    scale: 1,
  },
  {
    // The 8-neighbour version (seed 003 calls its picture "strong" edge detection).
    id: 'strong-edge-detection',
    name: { en: 'Strong edge detection', 'pt-BR': 'Detecção forte de bordas' },
    grid: [
      [-1, -1, -1],
      [-1, 8, -1],
      [-1, -1, -1],
    ],
    scale: 1,
  },
  {
    // Edge detection plus the pixel itself: edges are exaggerated, flat regions kept.
    id: 'sharpen',
    name: { en: 'Sharpen', 'pt-BR': 'Nitidez' },
    grid: [
      [0, -1, 0],
      [-1, 5, -1],
      [0, -1, 0],
    ],
    scale: 1,
  },
  {
    id: 'box-blur',
    name: { en: 'Box blur', 'pt-BR': 'Desfoque de caixa' },
    grid: [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ],
    scale: 1 / 9,
    scaleText: '1/9',
  },
  {
    id: 'gaussian-blur',
    name: { en: 'Gaussian blur', 'pt-BR': 'Desfoque gaussiano' },
    grid: [
      [1, 2, 1],
      [2, 4, 2],
      [1, 2, 1],
    ],
    scale: 1 / 16,
    scaleText: '1/16',
  },
  {
    // Bright on one side of an edge and dark on the other, along the diagonal.
    id: 'emboss',
    name: { en: 'Emboss', 'pt-BR': 'Relevo' },
    grid: [
      [-2, -1, 0],
      [-1, 1, 1],
      [0, 1, 2],
    ],
    scale: 1,
  },
];

/** Every kernel, in the order the lectures show them. */
export const kernelLibrary: readonly LibraryKernel[] = KERNELS;

/** Kernel ids, for "expected one of …" messages and schemas. */
export const kernelIds: readonly string[] = KERNELS.map((k) => k.id);

/** The kernel called `id`, or `undefined`. */
export function getKernel(id: string): LibraryKernel | undefined {
  return KERNELS.find((k) => k.id === id);
}

/** A small course built in code, so the TUI tests do not depend on the shipped lessons. */
import type { Course, ExerciseDef, Lesson } from '../../src/content/course.js';
import { EMPTY_LIBRARY, readLibrary } from '../../src/content/library.js';
import { ROOT } from '../e2e/pty-session.js';
import { emptyProgress, type Progress } from '../../src/content/progress.js';
import { instantiate } from '../../src/content/instantiate.js';
import { createTranslator } from '../../src/i18n/index.js';
import { createTutorEnv } from '../../src/tui/state/env.js';
import type { Stamp, TutorEnv } from '../../src/tui/state/types.js';
import { BINARY_IMAGE, X_KERNEL } from '../fixtures/lectures.js';

function exercise(
  def: Partial<ExerciseDef> & Pick<ExerciseDef, 'id' | 'lesson' | 'template' | 'prompt'>,
): ExerciseDef {
  return {
    title: def.id,
    hints: [
      'First hint: lay the kernel over the window.',
      'Second hint: multiply the pairs and add.',
    ],
    generated: def.generate !== undefined,
    file: `exercises/${def.lesson}.yaml`,
    field: 'exercises[0]',
    fieldLines: {},
    ...def,
  };
}

export const EXERCISES: ExerciseDef[] = [
  exercise({
    id: 'conv-first-cell',
    lesson: 'convolution',
    title: 'The first window',
    template: 'conv2d-cell',
    prompt: 'What is cell ({row}, {col}) of the output?',
    // With bias 1 the answer is 5; leaving the bias out gives 4 (a named mistake).
    given: { input: BINARY_IMAGE, kernels: [X_KERNEL], bias: [1], cell: [0, 0, 0] },
  }),
  exercise({
    id: 'conv-map',
    lesson: 'convolution',
    title: 'The whole map',
    template: 'conv2d-map',
    prompt: 'Compute the whole output.',
    given: {
      input: [
        [1, 2, 0],
        [0, 1, 3],
        [2, 0, 1],
      ],
      kernels: [
        [
          [1, 0],
          [0, 1],
        ],
      ],
    },
  }),
  exercise({
    id: 'conv-random-cell',
    lesson: 'padding',
    title: 'Any window',
    template: 'conv2d-cell',
    prompt: 'Compute cell ({row}, {col}) of the output.',
    generate: { rows: [4, 5], kernel: 3, values: { range: [0, 2] }, weights: { of: [-1, 0, 1] } },
  }),
];

export const LESSONS: Lesson[] = [
  {
    id: 'convolution',
    title: 'Convolution',
    tools: [],
    summary: 'One window, nine products, one number.',
    file: 'lessons/convolution.yaml',
    steps: [
      {
        type: 'text',
        title: 'A window over the image',
        text: 'A kernel is a small grid of weights.\n\nIt slides over the image.',
      },
      {
        type: 'demo',
        title: 'Watch the window slide',
        text: 'Step through the cells.',
        demo: {
          input: BINARY_IMAGE,
          kernel: X_KERNEL,
          stride: 1,
          padding: 'valid',
          bias: 0,
          predict: 2,
        },
      },
      { type: 'exercise', exerciseId: 'conv-first-cell' },
      { type: 'exercise', exerciseId: 'conv-map' },
      {
        type: 'figure',
        title: 'The whole picture',
        text: 'Every window at once.',
        request: { op: 'conv2d', input: BINARY_IMAGE, kernels: [X_KERNEL] },
        caption: "Every output cell is one window's sum.",
      },
    ],
  },
  {
    id: 'padding',
    title: 'Padding',
    tools: [],
    summary: 'Zeros around the edge keep the size.',
    file: 'lessons/padding.yaml',
    steps: [
      { type: 'text', title: 'Zeros around the edge', text: 'Padding adds a border of zeros.' },
      { type: 'exercise', exerciseId: 'conv-random-cell' },
    ],
  },
];

export function fixtureCourse(): Course {
  return {
    lessons: LESSONS,
    exercises: new Map(EXERCISES.map((e) => [e.id, e])),
    library: EMPTY_LIBRARY,
  };
}

export const t = createTranslator('en');

export function fixtureEnv(course: Course = fixtureCourse()): TutorEnv {
  return createTutorEnv(course, { lang: 'en', t, instantiate });
}

export const NOW = new Date('2025-01-31T09:45:00.000Z');

export function stamp(seed = 7): Stamp {
  return { now: NOW, seed };
}

export function freshProgress(): Progress {
  return emptyProgress();
}

/** The fixture course with an X/O lesson that opens the trainer and the draw screen. */
export function xoCourse(): Course {
  return {
    ...fixtureCourse(),
    lessons: [
      ...LESSONS,
      {
        id: 'xo-network',
        title: 'The X/O network',
        summary: "The lectures' toy ConvNet.",
        file: 'lessons/xo-network.yaml',
        tools: ['trainer', 'draw'],
        steps: [{ type: 'text', title: 'X or O?', text: 'A network that tells an X from an O.' }],
      },
    ],
    library: readLibrary(ROOT, []),
  };
}

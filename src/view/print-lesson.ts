/**
 * A whole lesson as plain lines, for `cnn-tutor lesson ID --print`: every step in order, with
 * the same text, figures and pictures as the tutor. Where the tutor is interactive, the print
 * is static: a demo writes out every window at once, and an exercise shows its question and
 * the answer format but never the answer (a handout must not give answers away).
 */
import { errorText } from '../request/error-text.js';
import { runRequest } from '../request/run-request.js';
import { textReport } from '../render/report/text-report.js';
import type { Course, Demo, Lesson, Step } from '../content/course.js';
import { instantiate } from '../content/instantiate.js';
import type { Question } from '../content/types.js';
import { outputSize } from '../engine/index.js';
import { renderGrid } from '../render/index.js';
import { answerFormatLines, displayLines, gridOptions } from './displays.js';
import { figureStepLines, pictureStepLines, textStepLines } from './steps.js';
import { type ViewOptions, prose, wrap } from './text.js';

export interface PrintLessonOptions {
  /** Seed for every generated exercise, so a teacher can print the same numbers again. */
  readonly seed: number;
  /** The learner's language, for exercise templates. */
  readonly lang: string;
}

export interface PrintedLesson {
  readonly lines: string[];
  /** Exercises that could not be built (a content problem), each as `id: reason`. */
  readonly broken: string[];
}

/** The demo as a conv2d request: the report draws input ⊛ kernel = output and every window. */
function demoRequest(demo: Demo) {
  return {
    op: 'conv2d' as const,
    input: demo.input,
    kernels: [demo.kernel],
    stride: demo.stride,
    padding: demo.padding,
    ...(demo.bias !== 0 ? { bias: [demo.bias] } : {}),
  };
}

function paddingText(demo: Demo): string {
  return demo.padding === 'valid' || demo.padding === 'same' ? demo.padding : String(demo.padding);
}

/** Output rows and columns by the formula, as the tutor's demo states them. */
function demoSizeLines(demo: Demo, o: ViewOptions): string[] {
  const size = (n: number, f: number) =>
    outputSize({ n, f, stride: demo.stride, pad: demo.padding });
  const rows = size(demo.input.length, demo.kernel.length);
  const cols = size(demo.input[0].length, demo.kernel[0].length);
  const text =
    rows.formula === cols.formula
      ? o.t('tui.demo.size', { formula: rows.formula, rows: rows.size, cols: cols.size })
      : `${o.t('tui.demo.size-rows', { formula: rows.formula, rows: rows.size })}\n${o.t('tui.demo.size-cols', { formula: cols.formula, cols: cols.size })}`;
  return wrap(text, o.width);
}

function demoPrintLines(step: Extract<Step, { type: 'demo' }>, o: ViewOptions): string[] {
  const { demo } = step;
  const about = o.t('print.demo.about', {
    stride: demo.stride,
    padding: paddingText(demo),
    bias: demo.bias,
  });
  const report = textReport(runRequest(demoRequest(demo)), {
    t: o.t,
    ascii: o.ascii,
    color: o.style.color,
    width: o.width,
  });
  return [
    ...prose(step.text, o.width, o.style),
    '',
    ...wrap(about, o.width).map(o.style.dim),
    '',
    ...report,
    '',
    ...demoSizeLines(demo, o),
  ];
}

function exercisePrintLines(
  exerciseId: string,
  course: Course,
  options: PrintLessonOptions,
  o: ViewOptions,
  broken: string[],
): string[] {
  const def = course.exercises.get(exerciseId);
  if (!def) {
    broken.push(`${exerciseId}: missing`);
    return wrap(o.t('tui.exercise.missing', { id: exerciseId }), o.width).map(o.style.error);
  }
  const idLine = def.generated
    ? o.t('print.exercise.id-seed', { id: def.id, seed: options.seed })
    : o.t('print.exercise.id', { id: def.id });
  let question: Question;
  try {
    question = instantiate(def, { seed: options.seed, lang: options.lang, t: o.t });
  } catch (error) {
    const reason = errorText(error, o.t);
    broken.push(`${def.id}: ${reason}`);
    return [
      ...wrap(idLine, o.width).map(o.style.dim),
      ...wrap(o.t('tui.exercise.broken', { error: reason }), o.width).map(o.style.error),
    ];
  }
  const lines = [...wrap(idLine, o.width).map(o.style.dim), ''];
  lines.push(...wrap(question.prompt, o.width), '');
  const displays = displayLines(question.displays, o);
  if (displays.length > 0) lines.push(...displays, '');
  lines.push(...answerFormatLines(question, o, true), '');
  const size = question.gridSize;
  if (question.kind === 'grid' && size) {
    // An empty grid of the answer's size to fill in; every cell is drawn blank.
    const empty = Array.from({ length: size.rows }, () => new Array<number>(size.cols).fill(0));
    lines.push(
      o.t('print.exercise.answer-grid'),
      ...renderGrid(empty, { ...gridOptions(o), blank: () => true }),
    );
  } else {
    lines.push(o.t('print.exercise.answer'));
  }
  return lines;
}

function stepTitle(step: Step, course: Course): string {
  return step.type === 'exercise'
    ? (course.exercises.get(step.exerciseId)?.title ?? step.exerciseId)
    : step.title;
}

function stepBody(
  step: Step,
  course: Course,
  options: PrintLessonOptions,
  o: ViewOptions,
  broken: string[],
): string[] {
  switch (step.type) {
    case 'text':
      return textStepLines(step, o);
    case 'picture':
      return pictureStepLines(step, o);
    case 'figure':
      return figureStepLines(step, o);
    case 'demo':
      return demoPrintLines(step, o);
    case 'exercise':
      return exercisePrintLines(step.exerciseId, course, options, o, broken);
  }
}

/**
 * The lesson's title and summary, what the print leaves out and which seed it used, then
 * every step as `Step k of n: title` and its body, separated by blank lines.
 */
export function printLesson(
  lesson: Lesson,
  course: Course,
  options: PrintLessonOptions,
  o: ViewOptions,
): PrintedLesson {
  const broken: string[] = [];
  const n = lesson.steps.length;
  const generated = lesson.steps.some(
    (s) => s.type === 'exercise' && course.exercises.get(s.exerciseId)?.generated === true,
  );
  const lines = [
    ...wrap(lesson.title, o.width).map(o.style.bold),
    ...wrap(lesson.summary, o.width),
    '',
    ...wrap(o.t('print.about', { id: lesson.id, steps: n }), o.width).map(o.style.dim),
    ...(generated
      ? wrap(o.t('print.seed', { id: lesson.id, seed: options.seed }), o.width).map(o.style.dim)
      : []),
  ];
  lesson.steps.forEach((step, i) => {
    const header = o.t('print.step', { step: i + 1, steps: n, title: stepTitle(step, course) });
    lines.push(
      '',
      '',
      ...wrap(header, o.width).map(o.style.bold),
      '',
      ...stepBody(step, course, options, o, broken),
    );
  });
  // Grids side by side are padded to a common width; a printed page has no use for the spaces.
  return { lines: lines.map((line) => line.replace(/ +$/, '')), broken };
}

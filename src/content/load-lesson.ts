/**
 * One lesson file (plus its translation overlays) → a Lesson. A file that does not match the
 * format is reported and left out; a step whose figure or demo does not compute, or whose
 * exercise does not exist, is reported and left out of an otherwise working lesson.
 */
import { toolProblem } from './lesson-tools.js';
import { type Library, resolveNames } from './library.js';
import { pickText } from '../i18n/index.js';
import type { ContentProblem, ExerciseDef, Lesson, Step } from './course.js';
import { type ContentFile, readSource } from './course-files.js';
import { checkDemo, checkFigure, checkPicture } from './lesson-media.js';
import { languagesOf, overlayLesson } from './overlay.js';
import { type LessonFile, type StepFile, lessonOverlaySchema, lessonSchema } from './schema.js';
import { type PathKey, type YamlSource, fieldName, issueProblems, lineOf } from './yaml-source.js';

export interface LessonContext {
  root: string;
  lang: string;
  chain: readonly string[];
  exercises: ReadonlyMap<string, ExerciseDef>;
  /** Exercises reported broken already: steps showing them are dropped without a second report. */
  broken: ReadonlySet<string>;
  /** What figures may name (`input: x`, `kernels: [sharpen]`). */
  library: Library;
}

export interface LoadedLesson {
  /** Undefined when the file is missing, broken, or has no step left. */
  lesson?: Lesson;
  /** Whether the file matched the format (so `exerciseIds` is known). */
  parsed: boolean;
  /** The exercise ids its steps name (even when the lesson is left out but parsed). */
  exerciseIds: string[];
  problems: ContentProblem[];
  languages: Set<string>;
}

export function loadLesson(
  file: ContentFile,
  overlays: readonly ContentFile[],
  ctx: LessonContext,
): LoadedLesson {
  const out: LoadedLesson = { parsed: false, exerciseIds: [], problems: [], languages: new Set() };
  const read = readSource(ctx.root, file.file);
  out.problems.push(...read.problems);
  const source = read.source;
  if (!source) return out;
  const r = lessonSchema.safeParse(source.value);
  if (!r.success) {
    out.problems.push(...issueProblems(source, r.error.issues));
    return out;
  }
  let data = r.data;
  out.parsed = true;
  out.exerciseIds = data.steps.flatMap((s) => (s.exercise === undefined ? [] : [s.exercise]));
  if (data.id !== file.id) {
    out.problems.push(
      problem(
        source,
        ['id'],
        `\`id\` is \`${data.id}\` but lessons/course.yaml lists it as \`${file.id}\`; they must match the file name`,
      ),
    );
  }
  for (const overlay of overlays) {
    out.languages.add(overlay.lang!);
    if (ctx.chain.includes(overlay.lang!))
      data = applyOverlay(ctx.root, overlay, data, out.problems);
  }
  for (const text of [
    data.title,
    data.summary,
    ...data.steps.flatMap((s) => [s.title, s.text, s.caption]),
  ]) {
    languagesOf(text).forEach((l) => out.languages.add(l));
  }
  const steps = data.steps.flatMap((step, i) => {
    const built = buildStep(step, ctx);
    if (built.problem)
      out.problems.push(
        problem(source, ['steps', i, ...built.problem.path], built.problem.message),
      );
    return built.step ? [built.step] : [];
  });
  if (steps.length === 0) return out;
  const tools = (data.tools ?? []).filter((tool, i) => {
    const why = toolProblem(tool, ctx.library);
    if (why !== undefined) out.problems.push(problem(source, ['tools', i], why));
    return why === undefined;
  });
  out.lesson = {
    id: file.id,
    title: pickText(data.title, ctx.lang),
    summary: pickText(data.summary, ctx.lang),
    file: file.file,
    tools,
    steps,
  };
  return out;
}

function problem(source: YamlSource, path: PathKey[], message: string): ContentProblem {
  return { file: source.file, line: lineOf(source, path), field: fieldName(path), message };
}

type Built =
  | { step: Step; problem?: undefined }
  | { step?: undefined; problem?: { path: PathKey[]; message: string } };

function buildStep(step: StepFile, ctx: LessonContext): Built {
  if (step.exercise !== undefined) {
    if (ctx.exercises.has(step.exercise))
      return { step: { type: 'exercise', exerciseId: step.exercise } };
    if (ctx.broken.has(step.exercise)) return {};
    return {
      problem: {
        path: ['exercise'],
        message: `unknown exercise \`${step.exercise}\`: no exercise file defines it`,
      },
    };
  }
  // The schema guarantees title and text on every non-exercise step.
  const title = pickText(step.title!, ctx.lang);
  const text = pickText(step.text!, ctx.lang);
  if (step.figure !== undefined) {
    const named = resolveNames(step.figure, ctx.library);
    if ('problem' in named)
      return {
        problem: { path: ['figure', ...named.problem.path], message: named.problem.message },
      };
    const r = checkFigure(named.value);
    if ('error' in r)
      return { problem: { path: ['figure', ...r.error.path], message: r.error.message } };
    const caption = step.caption === undefined ? undefined : pickText(step.caption, ctx.lang);
    return {
      step: {
        type: 'figure',
        title,
        text,
        request: r.request,
        ...(caption === undefined ? {} : { caption }),
      },
    };
  }
  if (step.demo !== undefined) {
    const r = checkDemo(step.demo);
    if ('error' in r)
      return { problem: { path: ['demo', ...r.error.path], message: r.error.message } };
    return { step: { type: 'demo', title, text, demo: r.demo } };
  }
  if (step.picture !== undefined) {
    const r = checkPicture(step.picture);
    if ('error' in r)
      return { problem: { path: ['picture', ...r.error.path], message: r.error.message } };
    const caption = step.caption === undefined ? undefined : pickText(step.caption, ctx.lang);
    return {
      step: {
        type: 'picture',
        title,
        text,
        picture: r.picture,
        ...(caption === undefined ? {} : { caption }),
      },
    };
  }
  return { step: { type: 'text', title, text } };
}

function applyOverlay(
  root: string,
  file: ContentFile,
  lesson: LessonFile,
  problems: ContentProblem[],
): LessonFile {
  const read = readSource(root, file.file);
  problems.push(...read.problems);
  if (!read.source) return lesson;
  const r = lessonOverlaySchema.safeParse(read.source.value);
  if (!r.success) {
    problems.push(...issueProblems(read.source, r.error.issues));
    return lesson;
  }
  const merged = overlayLesson(lesson, r.data, file.lang!, read.source);
  problems.push(...merged.problems);
  return merged.lesson;
}

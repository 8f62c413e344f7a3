/**
 * Exercise files → exercise definitions. One bad exercise is reported and left out; the
 * others in its file still load. Each exercise's `given` / `generate` block is checked by
 * its template now, so instantiating a loaded exercise cannot fail on its parameters.
 */
import type { TemplateContext } from './types.js';
import { EMPTY_LIBRARY, type Library, type NameProblem, resolveNames } from './library.js';
import { z } from 'zod';
import { pickText } from '../i18n/index.js';
import type { ContentProblem, ExerciseDef } from './course.js';
import { type ContentFile, readSource } from './course-files.js';
import { languagesOf, overlayExercise } from './overlay.js';
import {
  type ExerciseFile,
  exerciseSchema,
  exercisesFileSchema,
  exercisesOverlaySchema,
} from './schema.js';
import { TemplateError } from './templates/shared.js';
import { getTemplate, templateNames } from './templates/index.js';
import {
  type PathKey,
  type YamlSource,
  fieldName,
  issueProblems,
  lineOf,
  parseFieldName,
  suggestField,
} from './yaml-source.js';

export interface LoadedExercises {
  exercises: Map<string, ExerciseDef>;
  /** Ids that exist but were left out because they are broken (lessons skip them silently). */
  broken: Set<string>;
  problems: ContentProblem[];
  languages: Set<string>;
}

/** The file frame, with each exercise checked on its own. */
const frameSchema = exercisesFileSchema.extend({
  exercises: z.array(z.unknown(), { error: 'expected a list of exercises' }),
});

export function loadExercises(
  root: string,
  files: readonly ContentFile[],
  lang: string,
  chain: readonly string[],
  library: Library = EMPTY_LIBRARY,
): LoadedExercises {
  const result: LoadedExercises = {
    exercises: new Map(),
    broken: new Set(),
    problems: [],
    languages: new Set(),
  };
  const firstSeen = new Map<string, { file: string; line?: number }>();
  for (const base of files.filter((f) => f.lang === undefined)) {
    const read = readSource(root, base.file);
    result.problems.push(...read.problems);
    const source = read.source;
    if (!source) continue;
    const frame = frameSchema.safeParse(source.value);
    if (!frame.success) {
      result.problems.push(...issueProblems(source, frame.error.issues));
      continue;
    }
    if (frame.data.lesson !== base.id) {
      result.problems.push(
        at(
          source,
          ['lesson'],
          `\`lesson\` is \`${frame.data.lesson}\` but the file is named for \`${base.id}\`; name the file \`exercises/${frame.data.lesson}.yaml\``,
        ),
      );
    }
    let parsed = frame.data.exercises.map((item, i) => {
      const r = exerciseSchema.safeParse(item);
      if (r.success) return r.data;
      result.problems.push(...issueProblems(source, r.error.issues, ['exercises', i]));
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string') result.broken.add(id);
      return undefined;
    });
    for (const overlayFile of files.filter((f) => f.id === base.id && f.lang !== undefined)) {
      result.languages.add(overlayFile.lang!);
      if (chain.includes(overlayFile.lang!))
        parsed = applyOverlay(root, overlayFile, parsed, result);
    }
    parsed.forEach((written, i) => {
      if (!written) return;
      const path: PathKey[] = ['exercises', i];
      const named = resolveExerciseNames(written, library);
      if ('problem' in named) {
        result.problems.push(at(source, [...path, ...named.problem.path], named.problem.message));
        result.broken.add(written.id);
        return;
      }
      const exercise = named.exercise;
      const seen = firstSeen.get(exercise.id);
      if (seen) {
        result.problems.push(
          at(
            source,
            [...path, 'id'],
            `duplicate id \`${exercise.id}\`: already used in ${seen.file}${seen.line ? ` line ${seen.line}` : ''}; ids must be unique in the course`,
          ),
        );
        return;
      }
      firstSeen.set(exercise.id, { file: source.file, line: lineOf(source, [...path, 'id']) });
      for (const text of [exercise.title, exercise.prompt, ...exercise.hints])
        languagesOf(text).forEach((l) => result.languages.add(l));
      const context = getTemplate(exercise.template)?.usesLibrary
        ? { kernels: library.kernels }
        : undefined;
      const problem = checkTemplate(source, path, exercise, context);
      if (problem) {
        result.problems.push(problem);
        result.broken.add(exercise.id);
        return;
      }
      const kind = getTemplate(exercise.template)!.kind;
      if (exercise.tolerance !== undefined && kind !== 'number' && kind !== 'grid') {
        result.problems.push(
          at(
            source,
            [...path, 'tolerance'],
            `\`tolerance\` applies to number and grid answers; a ${kind} answer is exact`,
          ),
        );
      }
      const def = toDef(exercise, frame.data.lesson, source, path, lang);
      result.exercises.set(exercise.id, context ? { ...def, context } : def);
    });
  }
  return result;
}

/** The exercise with the library's names in `given` or `generate` replaced by their data. */
function resolveExerciseNames(
  exercise: ExerciseFile,
  library: Library,
): { exercise: ExerciseFile } | { problem: NameProblem } {
  const where = exercise.given !== undefined ? 'given' : 'generate';
  const r = resolveNames(exercise[where], library);
  if ('problem' in r) return { problem: { ...r.problem, path: [where, ...r.problem.path] } };
  return { exercise: { ...exercise, [where]: r.value } };
}

function at(source: YamlSource, path: PathKey[], message: string): ContentProblem {
  return { file: source.file, line: lineOf(source, path), field: fieldName(path), message };
}

/** The template exists and accepts the exercise's `given` or `generate` block. */
function checkTemplate(
  source: YamlSource,
  path: PathKey[],
  exercise: ExerciseFile,
  context: TemplateContext | undefined,
): ContentProblem | undefined {
  const template = getTemplate(exercise.template);
  if (!template) {
    const guess = suggestField(exercise.template, templateNames());
    return at(
      source,
      [...path, 'template'],
      `unknown template \`${exercise.template}\`${guess ? ` (did you mean \`${guess}\`?)` : ''}; expected one of ${templateNames().join(', ')}`,
    );
  }
  try {
    if (exercise.given !== undefined) template.parseGiven(exercise.given, context);
    else template.parseSettings(exercise.generate, context);
    return undefined;
  } catch (error) {
    const where = exercise.given !== undefined ? 'given' : 'generate';
    const field = error instanceof TemplateError ? error.field : where;
    const message = (error as Error).message.replace(/^`[^`]*`: /, '');
    return at(source, [...path, ...parseFieldName(field)], message);
  }
}

function applyOverlay(
  root: string,
  file: ContentFile,
  exercises: Array<ExerciseFile | undefined>,
  result: LoadedExercises,
): Array<ExerciseFile | undefined> {
  const problems = result.problems;
  const read = readSource(root, file.file);
  problems.push(...read.problems);
  const source = read.source;
  if (!source) return exercises;
  const r = exercisesOverlaySchema.safeParse(source.value);
  if (!r.success) {
    problems.push(...issueProblems(source, r.error.issues));
    return exercises;
  }
  if (r.data.lesson !== undefined && r.data.lesson !== file.id) {
    problems.push(
      at(
        source,
        ['lesson'],
        `\`lesson\` is \`${r.data.lesson}\` but the file is named for \`${file.id}\``,
      ),
    );
  }
  const out = [...exercises];
  r.data.exercises.forEach((o, i) => {
    const k = out.findIndex((e) => e?.id === o.id);
    if (k < 0) {
      if (result.broken.has(o.id)) return;
      problems.push(
        at(
          source,
          ['exercises', i, 'id'],
          `no exercise \`${o.id}\` in exercises/${file.id}.yaml; overlays match exercises by id`,
        ),
      );
      return;
    }
    const base = out[k]!;
    if ((o.hints?.length ?? 0) > base.hints.length) {
      problems.push(
        at(
          source,
          ['exercises', i, 'hints', base.hints.length],
          `exercise \`${o.id}\` has ${base.hints.length} hints; this file translates ${o.hints!.length}`,
        ),
      );
    }
    out[k] = overlayExercise(base, o, file.lang!);
  });
  return out;
}

function toDef(
  exercise: ExerciseFile,
  lesson: string,
  source: YamlSource,
  path: PathKey[],
  lang: string,
): ExerciseDef {
  const fieldLines: Record<string, number> = {};
  for (const key of Object.keys(exercise)) {
    const line = lineOf(source, [...path, key]);
    if (line !== undefined) fieldLines[key] = line;
  }
  return {
    id: exercise.id,
    lesson,
    title: pickText(exercise.title, lang),
    template: exercise.template,
    prompt: pickText(exercise.prompt, lang),
    hints: exercise.hints.map((h) => pickText(h, lang)),
    tolerance: exercise.tolerance,
    given: exercise.given,
    generate: exercise.generate,
    generated: exercise.generate !== undefined,
    file: source.file,
    field: `exercises[${path[1]}]`,
    fieldLines,
  };
}

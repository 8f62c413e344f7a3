/**
 * Load the whole course from a folder holding `lessons/` and `exercises/`. Never throws for
 * bad content: every problem is reported with its file, line and field, the broken piece is
 * left out, and the rest loads, so the tutor still opens with the lessons that work.
 */
import { BASE_LANGUAGE, fallbackChain } from '../i18n/index.js';
import type { ContentProblem, Lesson, LoadedCourse } from './course.js';
import { MANIFEST_FILE, listContentFiles, readSource } from './course-files.js';
import { loadExercises } from './load-exercises.js';
import { loadLesson } from './load-lesson.js';
import { readLibrary } from './library.js';
import { manifestSchema } from './schema.js';
import { issueProblems, lineOf } from './yaml-source.js';

export interface LoadCourseOptions {
  /** The folder holding `lessons/` and `exercises/`. */
  readonly root: string;
  /** The learner's language; texts fall back to English field by field. @default 'en' */
  readonly lang?: string;
}

/** The lesson ids of the manifest, or none (with problems) when it is missing or broken. */
function readManifest(
  root: string,
  problems: ContentProblem[],
): Array<{ id: string; index: number }> {
  const read = readSource(root, MANIFEST_FILE);
  problems.push(...read.problems);
  if (read.missing) {
    problems.push({
      file: MANIFEST_FILE,
      field: '',
      message:
        'missing: the course manifest lists the lessons in order (`format: 1`, `lessons: [...]`)',
    });
  }
  const source = read.source;
  if (!source) return [];
  const r = manifestSchema.safeParse(source.value);
  if (!r.success) {
    problems.push(...issueProblems(source, r.error.issues));
    return [];
  }
  const seen = new Set<string>();
  return r.data.lessons.flatMap((id, index) => {
    if (!seen.has(id)) {
      seen.add(id);
      return [{ id, index }];
    }
    problems.push({
      file: MANIFEST_FILE,
      line: lineOf(source, ['lessons', index]),
      field: `lessons[${index}]`,
      message: `lesson \`${id}\` is listed twice`,
    });
    return [];
  });
}

export function loadCourse(options: LoadCourseOptions): LoadedCourse {
  const { root } = options;
  const lang = options.lang ?? BASE_LANGUAGE;
  const chain = fallbackChain(lang);
  const problems: ContentProblem[] = [];
  const languages = new Set<string>([BASE_LANGUAGE]);

  const manifest = readManifest(root, problems);
  const lessonFiles = listContentFiles(root, 'lessons');
  const exerciseFiles = listContentFiles(root, 'exercises');
  problems.push(...lessonFiles.problems, ...exerciseFiles.problems);

  const library = readLibrary(root, problems);
  const loaded = loadExercises(root, exerciseFiles.files, lang, chain, library);
  problems.push(...loaded.problems);
  loaded.languages.forEach((l) => languages.add(l));

  const lessons: Lesson[] = [];
  const listed = new Set(manifest.map((m) => m.id));
  const parsedLessons = new Set<string>();
  const referenced = new Set<string>();
  for (const { id, index } of manifest) {
    const file = lessonFiles.files.find((f) => f.id === id && f.lang === undefined);
    if (!file) {
      const source = readSource(root, MANIFEST_FILE).source;
      problems.push({
        file: MANIFEST_FILE,
        line: source && lineOf(source, ['lessons', index]),
        field: `lessons[${index}]`,
        message: `lesson \`${id}\` has no file lessons/${id}.yaml`,
      });
      continue;
    }
    const overlays = lessonFiles.files.filter((f) => f.id === id && f.lang !== undefined);
    const r = loadLesson(file, overlays, {
      root,
      lang,
      chain,
      exercises: loaded.exercises,
      broken: loaded.broken,
      library,
    });
    problems.push(...r.problems);
    r.languages.forEach((l) => languages.add(l));
    r.exerciseIds.forEach((e) => referenced.add(e));
    if (r.parsed) parsedLessons.add(id);
    if (r.lesson) lessons.push(r.lesson);
  }

  for (const f of lessonFiles.files) {
    if (f.lang === undefined && !listed.has(f.id)) {
      problems.push({
        file: f.file,
        field: '',
        message: `lesson \`${f.id}\` is not listed in ${MANIFEST_FILE}, so nobody can open it`,
      });
    } else if (
      f.lang !== undefined &&
      !lessonFiles.files.some((b) => b.id === f.id && b.lang === undefined)
    ) {
      problems.push({
        file: f.file,
        field: '',
        message: `translation of a lesson that does not exist: no lessons/${f.id}.yaml`,
      });
    }
  }
  for (const f of exerciseFiles.files) {
    if (
      f.lang !== undefined &&
      !exerciseFiles.files.some((b) => b.id === f.id && b.lang === undefined)
    ) {
      problems.push({
        file: f.file,
        field: '',
        message: `translation of exercises that do not exist: no exercises/${f.id}.yaml`,
      });
    }
  }
  for (const def of loaded.exercises.values()) {
    // A lesson that failed to parse cannot say which exercises it uses: no second report then.
    if (!referenced.has(def.id) && (parsedLessons.has(def.lesson) || !listed.has(def.lesson))) {
      problems.push({
        file: def.file,
        line: def.fieldLines.id,
        field: `${def.field}.id`,
        message: `exercise \`${def.id}\` is not used by any lesson; add a step \`- exercise: ${def.id}\``,
      });
    }
  }

  return {
    course: { lessons, exercises: loaded.exercises, library },
    problems: sortProblems(problems),
    languages: sortLanguages(languages),
  };
}

function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0),
  );
}

function sortLanguages(languages: Set<string>): string[] {
  return [...languages].sort((a, b) =>
    a === BASE_LANGUAGE ? -1 : b === BASE_LANGUAGE ? 1 : a.localeCompare(b),
  );
}

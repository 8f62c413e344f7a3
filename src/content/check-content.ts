/**
 * The content checker (`cnn-tutor check-content`, also run by `npm test`): everything the
 * loader reports, in every language the content has, plus every exercise actually built and
 * answered — fixed ones once, generated ones for many seeds — with each problem's file,
 * field and, for generated exercises, the seed that shows it.
 */
import { createTranslator } from '../i18n/index.js';
import { checkQuestion } from './check-question.js';
import type { ContentProblem, ExerciseDef } from './course.js';
import { instantiate } from './instantiate.js';
import { loadCourse } from './load-course.js';
import type { TemplateText } from './types.js';

export interface CheckContentOptions {
  /** The folder holding `lessons/` and `exercises/`. */
  readonly root: string;
  /** Seeds tried per generated exercise: 1, 2, …, seeds. @default 50 */
  readonly seeds?: number;
  /** Translator for template wording. @default createTranslator(lang, { strict: false }) */
  readonly translator?: (lang: string) => TemplateText['t'];
}

function problemAt(def: ExerciseDef, key: string, message: string, seed?: number): ContentProblem {
  return {
    file: def.file,
    line: def.fieldLines[key],
    field: `${def.field}.${key}`,
    message: seed === undefined ? message : `seed ${seed}: ${message}`,
    ...(seed === undefined ? {} : { seed }),
  };
}

/**
 * Build and check one exercise. Generated exercises stop at the first seed that shows a
 * problem: fifty copies of one mistake would hide the others.
 */
function checkExercise(
  def: ExerciseDef,
  lang: string,
  t: TemplateText['t'],
  seeds: readonly (number | undefined)[],
): ContentProblem[] {
  const inputsKey = def.generated ? 'generate' : 'given';
  const problems: ContentProblem[] = [];
  const hints = def.hints.filter((h) => h.trim() !== '');
  if (hints.length < 2)
    problems.push(
      problemAt(def, 'hints', `give at least two non-empty hints, got ${hints.length}`),
    );
  for (const seed of seeds) {
    let found: ContentProblem[];
    try {
      const question = instantiate(def, { seed, lang, t });
      found = checkQuestion(question).map((p) =>
        problemAt(def, p.part === 'prompt' ? 'prompt' : inputsKey, p.message, seed),
      );
    } catch (error) {
      found = [
        problemAt(
          def,
          inputsKey,
          `the template cannot build the question: ${(error as Error).message.replace(/^`[^`]*`: /, '')}`,
          seed,
        ),
      ];
    }
    if (found.length > 0) return [...problems, ...found];
  }
  return problems;
}

function key(p: ContentProblem): string {
  return `${p.file}\0${p.line ?? ''}\0${p.field}\0${p.message}`;
}

export function checkContent(options: CheckContentOptions): ContentProblem[] {
  const { root, seeds = 50 } = options;
  const translator =
    options.translator ?? ((lang: string) => createTranslator(lang, { strict: false }));
  const base = loadCourse({ root, lang: 'en' });
  const problems = new Map<string, ContentProblem>();
  const add = (list: readonly ContentProblem[]): void =>
    list.forEach((p) => problems.set(key(p), p));
  add(base.problems);
  for (const lang of base.languages) {
    const { course, problems: loadProblems } = lang === 'en' ? base : loadCourse({ root, lang });
    add(loadProblems);
    const t = translator(lang);
    for (const def of course.exercises.values()) {
      // Answers do not depend on the language: all seeds in English, one per translation for its wording.
      const count = lang === 'en' ? seeds : 1;
      const tried = def.generated ? Array.from({ length: count }, (_, i) => i + 1) : [undefined];
      const found = checkExercise(def, lang, t, tried);
      add(
        lang === 'en'
          ? found
          : found
              .filter((p) => /\.(prompt|hints)$/.test(p.field))
              .map((p) => ({ ...p, message: `[${lang}] ${p.message}` })),
      );
    }
  }
  return [...problems.values()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0),
  );
}

/**
 * Translation overlays (`lessons/<id>.<lang>.yaml`, `exercises/<lesson>.<lang>.yaml`) merged
 * into the base file's text fields. Every text becomes a map of language → text, the overlay
 * adding its language, so `pickText` then falls back to English field by field.
 */
import { normalizeLanguageTag } from '../i18n/index.js';
import type { ContentProblem } from './course.js';
import type { ExerciseFile, ExercisesOverlay, LessonFile, LessonOverlay, Text } from './schema.js';
import { type YamlSource, lineOf } from './yaml-source.js';

export type TextMap = Record<string, string>;

/** A text field as a map keyed by normalized language tags: `'Padding'` → `{ en: 'Padding' }`. */
export function toMap(text: Text): TextMap {
  if (typeof text === 'string') return { en: text };
  const map: TextMap = {};
  for (const [key, value] of Object.entries(text)) map[normalizeLanguageTag(key) ?? key] = value;
  return map;
}

/** The overlay's text (when given) added to `text` under `lang`; an overlay wins over an inline map. */
function translate(text: Text, lang: string, value: string | undefined): TextMap {
  const map = toMap(text);
  if (value !== undefined) map[lang] = value;
  return map;
}

/** The languages a text field is written in. */
export function languagesOf(text: Text | undefined): string[] {
  return text === undefined ? [] : Object.keys(toMap(text));
}

/** Steps by position: a step's title, text and caption. */
export function overlayLesson(
  lesson: LessonFile,
  overlay: LessonOverlay,
  lang: string,
  source: YamlSource,
): { lesson: LessonFile; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const problem = (path: Array<string | number>, field: string, message: string): void => {
    problems.push({ file: source.file, line: lineOf(source, path), field, message });
  };
  if (overlay.id !== undefined && overlay.id !== lesson.id)
    problem(['id'], 'id', `\`id\` is \`${overlay.id}\` but the lesson is \`${lesson.id}\``);
  const steps = lesson.steps.map((step, i) => {
    const o = overlay.steps?.[i];
    if (!o) return step;
    if (step.exercise !== undefined) {
      if (o.exercise !== undefined && o.exercise !== step.exercise) {
        problem(
          ['steps', i, 'exercise'],
          `steps[${i}].exercise`,
          `step ${i} of the lesson is exercise \`${step.exercise}\`, not \`${o.exercise}\`; steps are matched by position`,
        );
      } else if (o.title !== undefined || o.text !== undefined || o.caption !== undefined) {
        problem(
          ['steps', i],
          `steps[${i}]`,
          `step ${i} of the lesson is exercise \`${step.exercise}\`: its text is translated in the exercises overlay; steps are matched by position`,
        );
      }
      return step;
    }
    if (o.exercise !== undefined) {
      problem(
        ['steps', i, 'exercise'],
        `steps[${i}].exercise`,
        `step ${i} of the lesson is not an exercise step; steps are matched by position`,
      );
      return step;
    }
    if (o.caption !== undefined && step.caption === undefined) {
      problem(
        ['steps', i, 'caption'],
        `steps[${i}].caption`,
        `step ${i} of the lesson has no caption to translate`,
      );
    }
    return {
      ...step,
      title: step.title && translate(step.title, lang, o.title),
      text: step.text && translate(step.text, lang, o.text),
      caption: step.caption && translate(step.caption, lang, o.caption),
    };
  });
  const extra = (overlay.steps?.length ?? 0) - lesson.steps.length;
  if (extra > 0) {
    problem(
      ['steps', lesson.steps.length],
      `steps[${lesson.steps.length}]`,
      `the lesson has ${lesson.steps.length} steps; this file translates ${extra} more`,
    );
  }
  return {
    lesson: {
      ...lesson,
      title: translate(lesson.title, lang, overlay.title),
      summary: translate(lesson.summary, lang, overlay.summary),
      steps,
    },
    problems,
  };
}

/** Exercises by id: title, prompt and hints (by position). */
export function overlayExercise(
  exercise: ExerciseFile,
  overlay: ExercisesOverlay['exercises'][number],
  lang: string,
): ExerciseFile {
  return {
    ...exercise,
    title: translate(exercise.title, lang, overlay.title),
    prompt: translate(exercise.prompt, lang, overlay.prompt),
    hints: exercise.hints.map((hint, i) => translate(hint, lang, overlay.hints?.[i])),
  };
}

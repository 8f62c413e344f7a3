/**
 * A loaded exercise → a concrete Question: fixed inputs as written, or inputs drawn from a
 * seed. The same (exercise, seed) gives the same question in every version of the tutor.
 */
import type { ExerciseDef } from './course.js';
import { createRng } from './random.js';
import { getTemplate } from './templates/index.js';
import type { Question, Template, TemplateText } from './types.js';

export interface InstantiateOptions {
  /** Required for generated exercises (`def.generated`); ignored for fixed ones. */
  readonly seed?: number;
  readonly lang: string;
  readonly t: TemplateText['t'];
}

/**
 * Throws when the template is unknown, a generated exercise has no seed, or the template
 * rejects the inputs (the loader and `checkContent` report all of these for course content).
 */
export function instantiate(def: ExerciseDef, options: InstantiateOptions): Question {
  const { template, given } = draw(def, options.seed);
  const text: TemplateText = { prompt: def.prompt, lang: options.lang, t: options.t };
  const question = template.build(given, text, def.context);
  return def.tolerance === undefined ? question : { ...question, tolerance: def.tolerance };
}

/**
 * The concrete inputs of one variant, in the template's `given` form: what a seed stands
 * for (for reports, and for tests that pin the variants a seed must keep producing).
 */
export function variantInputs(def: ExerciseDef, seed?: number): unknown {
  return draw(def, seed).given;
}

function draw(def: ExerciseDef, seed: number | undefined): { template: Template; given: unknown } {
  const template = getTemplate(def.template);
  if (!template)
    throw new Error(`Exercise \`${def.id}\` uses unknown template \`${def.template}\`.`);
  if (!def.generated) return { template, given: template.parseGiven(def.given, def.context) };
  if (seed === undefined)
    throw new Error(`Exercise \`${def.id}\` is generated: pass a seed (see \`newSeed\`).`);
  return {
    template,
    given: template.generate(template.parseSettings(def.generate, def.context), createRng(seed)),
  };
}

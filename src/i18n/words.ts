/**
 * Words for the catalog to fill: a key and its parameters, where a parameter may itself be
 * words (`expected {expected}` with `expected` = `issue.type.number`). Whoever finds a problem
 * returns words; whoever shows it picks the language.
 */
import type { MessageParams } from '../engine/format-message.js';
import { createTranslator } from './translator.js';

export interface Words {
  readonly key: string;
  readonly params?: WordsParams;
}
/** A parameter: a number, literal text (a field name, a JSON value), or words to translate. */
export type WordsParam = string | number | Words;
export type WordsParams = Readonly<Record<string, WordsParam>>;

type Translate = (key: string, params?: MessageParams) => string;

/** Words in the language of `t`; literal text as it is. */
export function wordsText(words: Words | string, t: Translate): string {
  if (typeof words === 'string') return words;
  const params = Object.fromEntries(
    Object.entries(words.params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'object' ? wordsText(value, t) : value,
    ]),
  );
  return t(words.key, params);
}

let english: Translate | undefined;

/** Words in English: an error's own `message`, and the reports to course authors. */
export function englishText(words: Words | string): string {
  english ??= createTranslator('en');
  return wordsText(words, english);
}

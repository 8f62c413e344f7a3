/**
 * Text in lesson and exercise files: either one plain string (English, or a text with no words
 * to translate) or one string per language.
 *
 *     title: Padding
 *     title: { en: Padding, pt-BR: Preenchimento }
 */
import { BASE_LANGUAGE, fallbackChain, normalizeLanguageTag } from './language.js';

export type LocalizedText = string | Readonly<Record<string, string>>;

/**
 * The text of `field` for `lang`, falling back like messages do (`pt-BR` → `pt` → `en`).
 * Map keys are matched as language tags, so `pt_br` or `PT-br` in a file still count.
 * Example: `pickText({ en: 'Padding', pt: 'Preenchimento' }, 'pt-BR')` → `'Preenchimento'`.
 * A map without any of those languages yields its first text (the content checker forbids it).
 */
export function pickText(field: LocalizedText, lang: string): string {
  if (typeof field === 'string') return field;
  const byTag = new Map<string, string>();
  for (const [key, text] of Object.entries(field)) {
    const tag = normalizeLanguageTag(key);
    if (tag !== undefined && !byTag.has(tag)) byTag.set(tag, text);
  }
  for (const tag of fallbackChain(lang)) {
    const text = byTag.get(tag);
    if (text !== undefined) return text;
  }
  return Object.values(field)[0] ?? '';
}

export {
  BASE_LANGUAGE,
  type ResolveLanguageOptions,
  fallbackChain,
  normalizeLanguageTag,
  resolveLanguage,
} from './language.js';
export {
  type Catalog,
  MESSAGES_DIR,
  availableLanguages,
  clearCatalogCache,
  loadCatalogs,
} from './catalog.js';
export { type MessageParams, formatMessage } from '../engine/format-message.js';
export {
  type Message,
  type Translator,
  type TranslatorOptions,
  createTranslator,
  hasMessage,
} from './translator.js';
export { type LocalizedText, pickText } from './pick-text.js';
export { type Words, type WordsParam, type WordsParams, englishText, wordsText } from './words.js';

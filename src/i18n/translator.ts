/**
 * `t(key, params)`: the one way the app turns a message key into text.
 *
 * Keys are looked up per key along the fallback chain (`pt-BR` → `pt` → `en`), so a catalog
 * may be partial. Every key must exist in `en`: a missing one is a programming error. Under
 * Vitest it throws; in the running app it shows `⟨key⟩` so a slip never crashes a lesson.
 */
import { type Catalog, MESSAGES_DIR, loadCatalogs } from './catalog.js';
import { type MessageParams, formatMessage } from '../engine/format-message.js';
import { BASE_LANGUAGE, fallbackChain } from './language.js';

export type { MessageParams } from '../engine/format-message.js';

/** A message key with its parameters, as returned by parsers and loaders for the UI to show. */
export interface Message {
  readonly key: string;
  readonly params?: MessageParams;
}

export interface Translator {
  (key: string, params?: MessageParams): string;
  /** The language asked for, e.g. `pt-BR` (it may have no catalog of its own). */
  readonly lang: string;
  /** Languages tried for each key, e.g. `['pt-BR', 'pt', 'en']`. */
  readonly chain: readonly string[];
  /** Shorthand for `t(message.key, message.params)`. */
  message(message: Message): string;
}

export interface TranslatorOptions {
  /** Folder holding the `<lang>.json` catalogs. @default src/i18n/messages */
  readonly messagesDir?: URL | string;
  /**
   * Throw on a key missing from `en` or a placeholder without a value, instead of showing
   * `⟨key⟩` / `{name}`. @default true under Vitest, false otherwise
   */
  readonly strict?: boolean;
}

function isTestRun(): boolean {
  return process.env.VITEST !== undefined;
}

export function createTranslator(lang: string, options: TranslatorOptions = {}): Translator {
  const catalogs = loadCatalogs(options.messagesDir ?? MESSAGES_DIR);
  const strict = options.strict ?? isTestRun();
  const chain = fallbackChain(lang);
  const sources = chain.flatMap((tag) => {
    const catalog = catalogs.get(tag);
    return catalog ? [{ tag, catalog }] : [];
  });

  const t = (key: string, params: MessageParams = {}): string => {
    // A key only a translation knows is as wrong as a key nobody knows: en is the reference.
    if (strict && !hasKey(catalogs.get(BASE_LANGUAGE), key)) {
      throw new Error(`Unknown message key \`${key}\`: add it to messages/${BASE_LANGUAGE}.json.`);
    }
    const source = sources.find(({ catalog }) => Object.hasOwn(catalog, key));
    if (!source) return `⟨${key}⟩`;
    return formatMessage(source.catalog[key], params, {
      lang: source.tag,
      onMissingParam: (name) => {
        if (strict) throw new Error(`Message \`${key}\` needs parameter \`${name}\`.`);
        return `{${name}}`;
      },
    });
  };
  return Object.assign(t, {
    lang: chain[0],
    chain,
    message: (m: Message) => t(m.key, m.params),
  });
}

function hasKey(catalog: Catalog | undefined, key: string): boolean {
  return catalog !== undefined && Object.hasOwn(catalog, key);
}

/** Whether `key` exists in the English catalog (which every key must). */
export function hasMessage(key: string, messagesDir: URL | string = MESSAGES_DIR): boolean {
  return hasKey(loadCatalogs(messagesDir).get(BASE_LANGUAGE), key);
}

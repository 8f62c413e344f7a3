/**
 * Which language the tutor speaks, and the order in which catalogs are tried for a key.
 *
 * Language tags follow BCP 47 as far as we need it: `pt-BR`, `pt`, `en`. POSIX locale names
 * (`pt_BR.UTF-8`, `de_DE@euro`) are converted; `C` and `POSIX` mean English.
 */

/** The language every key must exist in; the last step of every fallback chain. */
export const BASE_LANGUAGE = 'en';

export interface ResolveLanguageOptions {
  /** Value of the `--lang` flag, if given. */
  readonly flag?: string;
  /** Environment to read. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** Environment variables consulted after the flag, most specific first (as gettext does). */
const LANGUAGE_VARIABLES = ['CNN_TUTOR_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/**
 * Turn a language tag or POSIX locale name into a tag such as `pt-BR`, or `undefined` when the
 * text is not one (so a junk value is skipped rather than trusted).
 * Examples: `pt_BR.UTF-8` → `pt-BR`, `EN` → `en`, `C.UTF-8` → `en`, `zh-hant-tw` → `zh-Hant-TW`.
 */
export function normalizeLanguageTag(raw: string): string | undefined {
  // Drop the POSIX codeset (`.UTF-8`) and modifier (`@euro`): they say nothing about language.
  const bare = raw.trim().replace(/[.@].*$/s, '');
  if (bare === 'C' || bare === 'POSIX') return BASE_LANGUAGE;
  if (!/^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/.test(bare)) return undefined;
  const [language, ...rest] = bare.split(/[-_]/);
  const subtags = rest.map((tag) => {
    if (/^[A-Za-z]{2}$/.test(tag) || /^\d{3}$/.test(tag)) return tag.toUpperCase(); // region
    if (/^[A-Za-z]{4}$/.test(tag)) return tag[0].toUpperCase() + tag.slice(1).toLowerCase(); // script
    return tag.toLowerCase();
  });
  return [language.toLowerCase(), ...subtags].join('-');
}

/**
 * The language to speak: the `--lang` flag, else `CNN_TUTOR_LANG`, `LC_ALL`, `LC_MESSAGES`,
 * `LANG`, else `en`. Empty values count as unset (POSIX), and a value that is not a language
 * tag is skipped. The result need not have a catalog: the translator falls back per key.
 * Example: `{ env: { LANG: 'pt_BR.UTF-8' } }` → `'pt-BR'`.
 */
export function resolveLanguage(options: ResolveLanguageOptions = {}): string {
  const env = options.env ?? process.env;
  const candidates = [options.flag, ...LANGUAGE_VARIABLES.map((name) => env[name])];
  for (const candidate of candidates) {
    if (candidate === undefined || candidate.trim() === '') continue;
    const tag = normalizeLanguageTag(candidate);
    if (tag !== undefined) return tag;
  }
  return BASE_LANGUAGE;
}

/**
 * The languages to try for a key, most specific first, always ending in `en`.
 * Example: `pt-BR` → `['pt-BR', 'pt', 'en']`; `en-GB` → `['en-GB', 'en']`.
 */
export function fallbackChain(lang: string): string[] {
  const tag = normalizeLanguageTag(lang) ?? BASE_LANGUAGE;
  const parts = tag.split('-');
  const chain: string[] = [];
  for (let n = parts.length; n >= 1; n--) chain.push(parts.slice(0, n).join('-'));
  if (!chain.includes(BASE_LANGUAGE)) chain.push(BASE_LANGUAGE);
  return chain;
}

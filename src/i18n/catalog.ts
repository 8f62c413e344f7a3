/**
 * Message catalogs: one flat JSON file per language in `src/i18n/messages/`, named by its
 * language tag (`en.json`, `pt-BR.json`). They are found by listing the folder, so a new
 * language is a new file and nothing else.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ENGINE_CATALOG } from './engine-catalog.js';
import { BASE_LANGUAGE, normalizeLanguageTag } from './language.js';

/** A catalog: message key → template, e.g. `"answer.number.expected": "Type a number …"`. */
export type Catalog = Readonly<Record<string, string>>;

/**
 * Where the shipped catalogs live: beside this module in the sources (src/i18n/messages/), or
 * in the compiled program's folder (dist/messages/), one level up from the chunk holding this code.
 */
export const MESSAGES_DIR =
  [new URL('./messages/', import.meta.url), new URL('../messages/', import.meta.url)].find((url) =>
    existsSync(url),
  ) ?? new URL('./messages/', import.meta.url);

/** Loaded catalogs by folder, keyed by normalized language tag. */
const cache = new Map<string, ReadonlyMap<string, Catalog>>();

function toPath(dir: URL | string): string {
  return typeof dir === 'string' ? dir : fileURLToPath(dir);
}

/**
 * Read every `<lang>.json` in `dir`, English with the engine's errors added. A file that is not a flat object of strings is a
 * packaging bug, so it throws with the file name rather than quietly dropping a language.
 */
export function loadCatalogs(dir: URL | string = MESSAGES_DIR): ReadonlyMap<string, Catalog> {
  const path = toPath(dir);
  const cached = cache.get(path);
  if (cached) return cached;
  const catalogs = new Map<string, Catalog>();
  for (const name of readdirSync(path).sort()) {
    if (!name.endsWith('.json')) continue;
    const tag = normalizeLanguageTag(name.slice(0, -'.json'.length));
    if (tag === undefined) {
      throw new Error(
        `Expected message catalog \`${name}\` to be named by a language tag, like pt-BR.json.`,
      );
    }
    if (catalogs.has(tag))
      throw new Error(`Expected one message catalog for ${tag}, found two (${name}).`);
    catalogs.set(tag, parseCatalog(join(path, name), readFileSync(join(path, name), 'utf8')));
  }
  // The engine's English is not in en.json: it comes from the engine, its one source.
  catalogs.set(BASE_LANGUAGE, { ...catalogs.get(BASE_LANGUAGE), ...ENGINE_CATALOG });
  cache.set(path, catalogs);
  return catalogs;
}

/** Check one catalog file's text. Exported for the catalog checker test. */
export function parseCatalog(file: string, text: string): Catalog {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`Expected message catalog ${file} to be JSON: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`Expected message catalog ${file} to be a JSON object of key → text.`);
  }
  const catalog: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') {
      throw new Error(
        `Expected message \`${key}\` in ${file} to be a string, got ${typeof value}.`,
      );
    }
    catalog[key] = value;
  }
  return catalog;
}

/** Language tags that have a catalog, sorted, e.g. `['en', 'pt-BR']`. */
export function availableLanguages(dir: URL | string = MESSAGES_DIR): string[] {
  return [...loadCatalogs(dir).keys()].sort();
}

/** Forget loaded catalogs (tests that write catalogs into a temporary folder). */
export function clearCatalogCache(): void {
  cache.clear();
}

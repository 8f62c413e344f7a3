/**
 * The catalog checker: every shipped catalog is well formed, translations only use keys and
 * placeholders that English has, and every key the source code names exists in English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BASE_LANGUAGE, createTranslator, hasMessage, loadCatalogs } from '../../src/i18n/index.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Placeholder names in a template: `{name}` and `{name, plural, …}`. */
function placeholders(template: string): Set<string> {
  return new Set([...template.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]));
}

/**
 * Message keys named literally in the source: `t('a.b')`, `t("a.b", …)` and message objects
 * `{ key: 'a.b' … }`. Keys built at run time escape this check, so write keys out in full.
 */
function keysUsedInSource(): { key: string; file: string }[] {
  const pattern = /(?:\bt\(\s*|\bkey:\s*)(['"])([a-z][\w-]*(?:\.[\w-]+)+)\1/g;
  return sourceFiles(SRC).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => ({
      key: m[2],
      file: relative(SRC, file),
    })),
  );
}

describe('shipped catalogs', () => {
  const catalogs = loadCatalogs();
  const en = catalogs.get(BASE_LANGUAGE)!;

  it('include English', () => {
    expect(en).toBeDefined();
    expect(Object.keys(en).length).toBeGreaterThan(0);
  });

  it('translate only keys English has, with the same placeholders', () => {
    const problems: string[] = [];
    for (const [lang, catalog] of catalogs) {
      if (lang === BASE_LANGUAGE) continue;
      for (const [key, text] of Object.entries(catalog)) {
        if (!Object.hasOwn(en, key)) {
          problems.push(
            `${lang}.json has \`${key}\`, which en.json lacks; add it there or remove it.`,
          );
          continue;
        }
        for (const name of placeholders(text)) {
          if (!placeholders(en[key]).has(name)) {
            problems.push(
              `${lang}.json \`${key}\` uses {${name}}, which the English text does not provide.`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every English message renders when given its placeholders', () => {
    const t = createTranslator('en');
    for (const [key, text] of Object.entries(en)) {
      const params = Object.fromEntries([...placeholders(text)].map((name) => [name, 2]));
      expect(t(key, params), key).not.toMatch(/⟨|\{[A-Za-z_]\w*\}/);
    }
  });
});

describe('keys named in src/', () => {
  it('all exist in en.json', () => {
    const used = keysUsedInSource();
    expect(used.length).toBeGreaterThan(0);
    const missing = used
      .filter(({ key }) => !hasMessage(key))
      .map(({ key, file }) => `${file}: ${key}`);
    expect([...new Set(missing)]).toEqual([]);
  });
});

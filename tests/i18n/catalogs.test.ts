/**
 * The catalog checker: every shipped catalog is well formed; every translation has exactly
 * English's keys, each with the same placeholders and plural forms; and every key the source
 * code names exists in English. The checker is also run on scratch catalogs in a temporary
 * folder, to see it find what it looks for.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BASE_LANGUAGE,
  type Catalog,
  MESSAGES_DIR,
  createTranslator,
  hasMessage,
  loadCatalogs,
} from '../../src/i18n/index.js';

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

/** Index of the `}` that closes the `{` at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The plural forms of a template, nested ones included: for each `{name, plural, …}`, `name`
 * with the branches it has (`one`, `other`, `=0`, …).
 */
function plurals(template: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (let open = template.indexOf('{'); open >= 0;) {
    const close = closingBrace(template, open);
    if (close < 0) break;
    const body = template.slice(open + 1, close);
    const head = /^\s*([A-Za-z_]\w*)\s*,\s*plural\s*,/.exec(body);
    if (head === null) {
      open = template.indexOf('{', open + 1);
      continue;
    }
    const branches = found.get(head[1]) ?? new Set<string>();
    let rest = body.slice(head[0].length);
    for (
      let m = /^\s*(=\d+|[a-z]+)\s*\{/.exec(rest);
      m !== null;
      m = /^\s*(=\d+|[a-z]+)\s*\{/.exec(rest)
    ) {
      const end = closingBrace(rest, m[0].length - 1);
      if (end < 0) break;
      branches.add(m[1]);
      for (const [name, inner] of plurals(rest.slice(m[0].length, end)))
        found.set(name, new Set([...(found.get(name) ?? []), ...inner]));
      rest = rest.slice(end + 1);
    }
    found.set(head[1], branches);
    open = template.indexOf('{', close + 1);
  }
  return found;
}

/** The plural categories `lang` picks for whole numbers: each needs a branch. */
function wholeNumberCategories(lang: string): Set<string> {
  const rules = new Intl.PluralRules(lang);
  return new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
}

/**
 * What is wrong with the translations in `catalogs` measured against English, one line each:
 * keys missing or extra, placeholders missing or unknown, plural forms missing or lacking a
 * branch the language needs (or an exact `=N` branch English has).
 */
function translationProblems(catalogs: ReadonlyMap<string, Catalog>): string[] {
  const en = catalogs.get(BASE_LANGUAGE);
  if (en === undefined) return ['There is no en.json.'];
  const problems: string[] = [];
  for (const [lang, catalog] of catalogs) {
    if (lang === BASE_LANGUAGE) continue;
    for (const key of Object.keys(en))
      if (!Object.hasOwn(catalog, key)) problems.push(`${lang}.json lacks \`${key}\`.`);
    const needed = wholeNumberCategories(lang);
    for (const [key, text] of Object.entries(catalog)) {
      if (!Object.hasOwn(en, key)) {
        problems.push(
          `${lang}.json has \`${key}\`, which en.json lacks; add it there or remove it.`,
        );
        continue;
      }
      const ours = placeholders(text);
      const english = placeholders(en[key]);
      for (const name of ours)
        if (!english.has(name))
          problems.push(
            `${lang}.json \`${key}\` uses {${name}}, which the English text does not provide.`,
          );
      for (const name of english)
        if (!ours.has(name))
          problems.push(
            `${lang}.json \`${key}\` leaves out {${name}}, which the English text shows.`,
          );
      const ourPlurals = plurals(text);
      for (const [name, branches] of plurals(en[key])) {
        const translated = ourPlurals.get(name);
        if (translated === undefined) {
          problems.push(
            `${lang}.json \`${key}\` has no plural form for {${name}}, as English has.`,
          );
          continue;
        }
        const wanted = [...needed, ...[...branches].filter((b) => b.startsWith('='))];
        for (const branch of wanted)
          if (!translated.has(branch))
            problems.push(
              `${lang}.json \`${key}\`: the plural of {${name}} has no \`${branch}\` branch.`,
            );
      }
    }
  }
  return problems;
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

  it('are every catalog file in the messages folder, each checked', () => {
    const files = readdirSync(fileURLToPath(MESSAGES_DIR)).filter((f) => f.endsWith('.json'));
    expect(files).toContain('en.json');
    expect([...catalogs.keys()].map((lang) => `${lang}.json`).sort()).toEqual(files.sort());
  });

  it('translate every English key and no other, with the same placeholders and plural forms', () => {
    expect(translationProblems(catalogs)).toEqual([]);
  });

  it('every English message renders when given its placeholders', () => {
    const t = createTranslator('en');
    for (const [key, text] of Object.entries(en)) {
      const params = Object.fromEntries([...placeholders(text)].map((name) => [name, 2]));
      expect(t(key, params), key).not.toMatch(/⟨|\{[A-Za-z_]\w*\}/);
    }
  });
});

const ENGINE_WORDS = Object.fromEntries(
  Object.entries(loadCatalogs().get(BASE_LANGUAGE)!).filter(([key]) => key.startsWith('engine.')),
);

describe('the translation check, on scratch catalogs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-catalogs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const english = {
    'demo.hello': 'Hello, {name}.',
    'demo.rows': '{rows, plural, =0 {no rows} one {# row} other {# rows}} in {file}',
    'demo.plain': 'Nothing to fill.',
  };
  /** The check's findings for English above and `translated` as pt-BR.json, loaded from disk. */
  const check = (name: string, translated: Record<string, string>): string[] => {
    const folder = join(dir, name);
    mkdirSync(folder);
    writeFileSync(join(folder, 'en.json'), JSON.stringify(english));
    // The engine's own English joins every English catalog (engine-catalog.ts); the scratch
    // translation copies those words, and only what is said of the demo keys is kept.
    writeFileSync(join(folder, 'pt-BR.json'), JSON.stringify({ ...ENGINE_WORDS, ...translated }));
    const catalogs = loadCatalogs(folder);
    expect([...catalogs.keys()]).toEqual(['en', 'pt-BR']);
    return translationProblems(catalogs).filter((line) => !line.includes('`engine.'));
  };

  it('finds nothing wrong with a complete translation', () => {
    expect(
      check('good', {
        'demo.hello': 'Olá, {name}.',
        'demo.rows': '{rows, plural, =0 {nenhuma linha} one {# linha} other {# linhas}} em {file}',
        'demo.plain': 'Nada a preencher.',
      }),
    ).toEqual([]);
  });

  it('finds missing and extra keys, placeholders and plural branches', () => {
    expect(
      check('bad', {
        'demo.hello': 'Olá, {nome}.',
        'demo.rows': '{rows, plural, one {# linha} other {# linhas}}',
        'demo.extra': 'A mais.',
      }),
    ).toEqual([
      'pt-BR.json lacks `demo.plain`.',
      'pt-BR.json `demo.hello` uses {nome}, which the English text does not provide.',
      'pt-BR.json `demo.hello` leaves out {name}, which the English text shows.',
      'pt-BR.json `demo.rows` leaves out {file}, which the English text shows.',
      'pt-BR.json `demo.rows`: the plural of {rows} has no `=0` branch.',
      'pt-BR.json has `demo.extra`, which en.json lacks; add it there or remove it.',
    ]);
  });

  it('asks for the plural branches the language needs, and for the plural itself', () => {
    expect(
      check('plural', {
        'demo.hello': 'Olá, {name}.',
        'demo.rows': '{rows, plural, =0 {nenhuma linha} other {# linhas}} em {file}',
        'demo.plain': 'Nada a preencher: {rows} linhas.',
      }),
    ).toEqual([
      'pt-BR.json `demo.rows`: the plural of {rows} has no `one` branch.',
      'pt-BR.json `demo.plain` uses {rows}, which the English text does not provide.',
    ]);
    expect(
      check('no-plural', {
        'demo.hello': 'Olá, {name}.',
        'demo.rows': '{rows} linhas em {file}',
        'demo.plain': 'Nada a preencher.',
      }),
    ).toEqual(['pt-BR.json `demo.rows` has no plural form for {rows}, as English has.']);
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

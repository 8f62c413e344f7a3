import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  availableLanguages,
  createTranslator,
  formatMessage,
  hasMessage,
  loadCatalogs,
  pickText,
} from '../../src/i18n/index.js';

/** A temporary messages folder holding the given catalogs. */
function fakeCatalogs(catalogs: Record<string, Record<string, unknown>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-i18n-'));
  for (const [lang, messages] of Object.entries(catalogs)) {
    writeFileSync(join(dir, `${lang}.json`), JSON.stringify(messages));
  }
  made.push(dir);
  return dir;
}
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const messagesDir = fakeCatalogs({
  en: {
    greet: 'Hello, {name}!',
    rows: 'You typed {n, plural, one {# row} other {# rows}}.',
    onlyEn: 'English only',
    both: 'English both',
    braces: 'Type [[1, 2], {3, 4}]',
  },
  pt: {
    greet: 'Olá, {name}!',
    both: 'Português',
    rows: 'Você digitou {n, plural, one {# linha} other {# linhas}}.',
  },
  'pt-BR': { both: 'Português do Brasil', stray: 'only here' },
});

describe('createTranslator', () => {
  it('falls back per key: pt-BR → pt → en', () => {
    const t = createTranslator('pt-BR', { messagesDir });
    expect(t.chain).toEqual(['pt-BR', 'pt', 'en']);
    expect(t('both')).toBe('Português do Brasil');
    expect(t('greet', { name: 'Ana' })).toBe('Olá, Ana!');
    expect(t('onlyEn')).toBe('English only');
  });

  it('uses the base language for a language with no catalog', () => {
    const t = createTranslator('de-DE', { messagesDir });
    expect(t('both')).toBe('English both');
  });

  it('applies the plural rules of the catalog the text came from', () => {
    const en = createTranslator('en', { messagesDir });
    expect(en('rows', { n: 1 })).toBe('You typed 1 row.');
    expect(en('rows', { n: 0 })).toBe('You typed 0 rows.');
    expect(en('rows', { n: 3 })).toBe('You typed 3 rows.');
    const pt = createTranslator('pt-BR', { messagesDir });
    // Portuguese treats 0 like 1.
    expect(pt('rows', { n: 0 })).toBe('Você digitou 0 linha.');
    expect(pt('rows', { n: 2 })).toBe('Você digitou 2 linhas.');
  });

  it('leaves braces that are not placeholders alone', () => {
    expect(createTranslator('en', { messagesDir })('braces')).toBe('Type [[1, 2], {3, 4}]');
  });

  it('throws for a key missing from en when strict (the default under Vitest)', () => {
    const t = createTranslator('pt-BR', { messagesDir });
    expect(() => t('nope')).toThrow('Unknown message key `nope`: add it to messages/en.json.');
    // A key only a translation has is a bug too: en is the reference.
    expect(() => t('stray')).toThrow('Unknown message key `stray`');
    expect(() => t('greet')).toThrow('Message `greet` needs parameter `name`.');
  });

  it('shows ⟨key⟩ and {param} instead of throwing when not strict', () => {
    const t = createTranslator('pt-BR', { messagesDir, strict: false });
    expect(t('nope')).toBe('⟨nope⟩');
    expect(t('stray')).toBe('only here');
    expect(t('greet')).toBe('Olá, {name}!');
  });

  it('formats a Message object', () => {
    const t = createTranslator('en', { messagesDir });
    expect(t.message({ key: 'greet', params: { name: 'Bo' } })).toBe('Hello, Bo!');
  });
});

describe('catalog discovery', () => {
  it('lists the languages found in the folder', () => {
    expect(availableLanguages(messagesDir)).toEqual(['en', 'pt', 'pt-BR']);
    expect(availableLanguages()).toContain('en');
  });

  it('hasMessage looks in en', () => {
    expect(hasMessage('onlyEn', messagesDir)).toBe(true);
    expect(hasMessage('stray', messagesDir)).toBe(false);
    expect(hasMessage('toString', messagesDir)).toBe(false);
    expect(hasMessage('answer.number.expected')).toBe(true);
  });

  it('refuses a catalog that is not a flat object of strings, naming the file', () => {
    const bad = fakeCatalogs({ en: { a: 'x', nested: { b: 'y' } } });
    expect(() => loadCatalogs(bad)).toThrow(
      /Expected message `nested` in .*en\.json to be a string, got object\./,
    );
    const notJson = fakeCatalogs({});
    writeFileSync(join(notJson, 'en.json'), '{ nope');
    expect(() => loadCatalogs(notJson)).toThrow(/Expected message catalog .*en\.json to be JSON/);
  });
});

describe('formatMessage', () => {
  const format = (template: string, params: Record<string, string | number>) =>
    formatMessage(template, params, { lang: 'en', onMissingParam: (name) => `<${name}?>` });

  it.each([
    ['{a} and {b}', { a: 1, b: 'two' }, '1 and two'],
    ['{ a }', { a: 1 }, '1'],
    ['{a}', {}, '<a?>'],
    ['{n, plural, =0 {none} one {one} other {# of {what}}}', { n: 0, what: 'them' }, 'none'],
    ['{n, plural, =0 {none} one {one} other {# of {what}}}', { n: 5, what: 'them' }, '5 of them'],
    ['{n, plural, one {x}}', { n: 1 }, '{n, plural, one {x}}'], // no `other`: not a plural
    ['unclosed {a', { a: 1 }, 'unclosed {a'],
    ['{a-b}', {}, '{a-b}'],
  ])('%j with %j → %j', (template, params, expected) => {
    expect(format(template, params)).toBe(expected);
  });
});

describe('pickText', () => {
  it.each([
    ['Padding', 'pt-BR', 'Padding'],
    [{ en: 'Padding', 'pt-BR': 'Preenchimento' }, 'pt-BR', 'Preenchimento'],
    [{ en: 'Padding', pt: 'Preenchimento' }, 'pt-BR', 'Preenchimento'],
    [{ en: 'Padding', 'pt-BR': 'Preenchimento' }, 'pt', 'Padding'],
    [{ en: 'Padding', 'pt-BR': 'Preenchimento' }, 'de', 'Padding'],
    [{ en: 'Padding', pt_br: 'Preenchimento' }, 'pt-BR', 'Preenchimento'],
    [{ 'pt-BR': 'Preenchimento' }, 'de', 'Preenchimento'],
    [{}, 'en', ''],
  ] as const)('%j in %s → %j', (field, lang, text) => {
    expect(pickText(field, lang)).toBe(text);
  });
});

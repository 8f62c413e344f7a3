import { describe, expect, it } from 'vitest';
import { fallbackChain, normalizeLanguageTag, resolveLanguage } from '../../src/i18n/index.js';

describe('normalizeLanguageTag', () => {
  it.each([
    ['pt_BR.UTF-8', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['PT', 'pt'],
    ['en_US.ISO-8859-1', 'en-US'],
    ['de_DE@euro', 'de-DE'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['es-419', 'es-419'],
    ['C', 'en'],
    ['C.UTF-8', 'en'],
    ['POSIX', 'en'],
    [' en ', 'en'],
  ])('%j → %j', (raw, tag) => {
    expect(normalizeLanguageTag(raw)).toBe(tag);
  });

  it.each(['', '1', 'x', '../etc/passwd', 'pt BR', 'en--US', '*'])(
    '%j is not a language',
    (raw) => {
      expect(normalizeLanguageTag(raw)).toBeUndefined();
    },
  );
});

describe('resolveLanguage', () => {
  const env = {
    CNN_TUTOR_LANG: 'pt_PT',
    LC_ALL: 'de_DE.UTF-8',
    LC_MESSAGES: 'fr_FR',
    LANG: 'es_ES',
  };

  it('takes the flag first, then CNN_TUTOR_LANG, LC_ALL, LC_MESSAGES, LANG', () => {
    expect(resolveLanguage({ flag: 'pt-BR', env })).toBe('pt-BR');
    expect(resolveLanguage({ env })).toBe('pt-PT');
    expect(resolveLanguage({ env: { ...env, CNN_TUTOR_LANG: undefined } })).toBe('de-DE');
    expect(resolveLanguage({ env: { LC_MESSAGES: 'fr_FR', LANG: 'es_ES' } })).toBe('fr-FR');
    expect(resolveLanguage({ env: { LANG: 'pt_BR.UTF-8' } })).toBe('pt-BR');
  });

  it('is English without any setting, and for C / POSIX', () => {
    expect(resolveLanguage({ env: {} })).toBe('en');
    expect(resolveLanguage({ env: { LC_ALL: 'C', LANG: 'pt_BR.UTF-8' } })).toBe('en');
    expect(resolveLanguage({ env: { LANG: 'POSIX' } })).toBe('en');
  });

  it('skips empty and junk values', () => {
    expect(resolveLanguage({ flag: '', env: { LC_ALL: '', LANG: 'pt_BR.UTF-8' } })).toBe('pt-BR');
    expect(resolveLanguage({ flag: '???', env: { LANG: 'pt_BR.UTF-8' } })).toBe('pt-BR');
  });
});

describe('fallbackChain', () => {
  it.each([
    ['pt-BR', ['pt-BR', 'pt', 'en']],
    ['pt', ['pt', 'en']],
    ['en-GB', ['en-GB', 'en']],
    ['en', ['en']],
    ['zh-Hant-TW', ['zh-Hant-TW', 'zh-Hant', 'zh', 'en']],
    ['nonsense!', ['en']],
  ])('%s → %j', (lang, chain) => {
    expect(fallbackChain(lang)).toEqual(chain);
  });
});

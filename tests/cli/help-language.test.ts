/** The language of the help texts, read from the arguments before commander parses them. */
import { describe, expect, it } from 'vitest';
import { helpLanguage, langInArgs } from '../../src/cli/help-language.js';

describe('langInArgs', () => {
  it('reads --lang VALUE and --lang=VALUE, before or after the command', () => {
    expect(langInArgs(['--lang', 'pt-BR', 'calc', '--help'])).toBe('pt-BR');
    expect(langInArgs(['--lang=pt-BR', '--help'])).toBe('pt-BR');
    expect(langInArgs(['calc', '--lang', 'pt-BR', '--help'])).toBe('pt-BR');
  });

  it('keeps the last one, as commander does', () => {
    expect(langInArgs(['--lang', 'en', 'calc', '--lang=pt-BR'])).toBe('pt-BR');
    expect(langInArgs(['--lang=pt-BR', '--lang', 'en'])).toBe('en');
  });

  it('is undefined without the flag, after --, or when the value is missing', () => {
    expect(langInArgs([])).toBeUndefined();
    expect(langInArgs(['calc', '--json', 'file.json'])).toBeUndefined();
    expect(langInArgs(['calc', '--', '--lang', 'pt-BR'])).toBeUndefined();
    expect(langInArgs(['--help', '--lang'])).toBeUndefined();
    // Not the flag, only a word that starts like it.
    expect(langInArgs(['--language', 'pt-BR'])).toBeUndefined();
  });
});

describe('helpLanguage', () => {
  it('takes --lang from the arguments over the environment', () => {
    expect(helpLanguage(['--lang', 'pt_BR.UTF-8', '--help'], { CNN_TUTOR_LANG: 'en' })).toBe(
      'pt-BR',
    );
  });

  it('falls back to CNN_TUTOR_LANG, then the locale, then English', () => {
    expect(helpLanguage(['--help'], { CNN_TUTOR_LANG: 'pt-BR', LANG: 'de_DE.UTF-8' })).toBe(
      'pt-BR',
    );
    expect(helpLanguage(['calc', '--help'], { LANG: 'pt_BR.UTF-8' })).toBe('pt-BR');
    expect(helpLanguage(['--help'], {})).toBe('en');
    expect(helpLanguage(undefined, { LC_ALL: 'pt_BR' })).toBe('pt-BR');
  });

  it('skips a --lang value that is not a language tag, as the commands do', () => {
    expect(helpLanguage(['--lang', '!!', '--help'], { LANG: 'pt_BR.UTF-8' })).toBe('pt-BR');
  });
});

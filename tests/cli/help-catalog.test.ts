/**
 * The command line's help speaks the message catalog: every description, argument and option
 * text is a catalog message, so a translation is a catalog file and no change to the code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { addLabCommands } from '../../src/cli/lab-commands.js';
import {
  BASE_LANGUAGE,
  type Translator,
  createTranslator,
  loadCatalogs,
} from '../../src/i18n/index.js';
import { runCli } from './run-cli.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const english = loadCatalogs().get(BASE_LANGUAGE)!;

/** A messages folder: the shipped English catalog with `en` overrides, plus other catalogs. */
function messagesDir(catalogs: Record<string, Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnn-tutor-help-catalog-'));
  made.push(dir);
  for (const [lang, messages] of Object.entries({
    ...catalogs,
    en: { ...english, ...catalogs.en },
  })) {
    writeFileSync(join(dir, `${lang}.json`), JSON.stringify(messages));
  }
  return dir;
}

function labProgram(help: Translator): Command {
  const program = new Command('cnn-tutor').exitOverride();
  addLabCommands(program, {
    ctx: () => {
      throw new Error('no command runs in these tests');
    },
    help,
    out: () => {},
    err: () => {},
    version: '0.0.0',
  });
  return program;
}

function command(program: Command, name: string): Command {
  const found = program.commands.find((c) => c.name() === name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
}

/** Help as one line: commander wraps descriptions to the width of the terminal. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('the lab commands take their help from the catalog', () => {
  it('show a description the catalog changes', () => {
    const messages = messagesDir({
      en: {
        'cli.help.key': 'the answers, for teachers',
        'cli.help.secret': 'the shared course secret',
      },
    });
    const program = labProgram(createTranslator('en', { messagesDir: messages }));
    const key = flat(command(program, 'key').helpInformation());
    expect(key).toContain('the answers, for teachers');
    expect(key).toContain('--secret <secret> the shared course secret');
    expect(key).not.toContain(english['cli.help.key']);
    expect(flat(command(program, 'grade').helpInformation())).toContain(
      '--secret <secret> the shared course secret',
    );
  });

  it('are translated by a catalog, with English for what it lacks', () => {
    const messages = messagesDir({
      'pt-BR': {
        'cli.help.worksheet': 'as questões de um aluno, para um laboratório em papel',
        'cli.help.lab.answer': 'salva uma resposta sem a tela (repetível), por exemplo {example}',
      },
    });
    const program = labProgram(createTranslator('pt-BR', { messagesDir: messages }));
    const worksheet = flat(command(program, 'worksheet').helpInformation());
    expect(worksheet).toContain('as questões de um aluno, para um laboratório em papel');
    expect(worksheet).toContain(`--format <format> ${english['cli.help.worksheet.format']}`);
    expect(flat(command(program, 'lab').helpInformation())).toContain(
      'salva uma resposta sem a tela (repetível), por exemplo --answer conv-first-window=4',
    );
  });

  it('have no description, argument or option text written in the code', () => {
    // Every cli.help message replaced by a marker: any text without one came from the code.
    const marked = Object.fromEntries(
      Object.keys(english)
        .filter((key) => key.startsWith('cli.help.'))
        .map((key) => [key, `«${key}»`]),
    );
    const program = labProgram(
      createTranslator('en', { messagesDir: messagesDir({ en: marked }) }),
    );
    const texts = program.commands.flatMap((c) => [
      c.description(),
      ...c.registeredArguments.map((a) => a.description),
      ...c.options.map((o) => o.description),
    ]);
    expect(program.commands.map((c) => c.name())).toEqual([
      'lab',
      'key',
      'worksheet',
      'grade',
      'gradescope',
      'lab-codes',
    ]);
    expect(texts.filter((text) => !/^«cli\.help\.[\w.-]+»$/.test(text))).toEqual([]);
  });
});

describe('cnn-tutor --help', () => {
  const t = createTranslator('en');
  // The literal syntax the code puts into two messages.
  const params = {
    shape: '{"lessons": [...], "exercises": [...]}',
    example: '--answer conv-first-window=4',
  };
  const helpOf = (args: string[]): string => {
    const run = runCli([...args, '--help'], { env: { CNN_TUTOR_LANG: 'en' } });
    expect(run.status).toBe(0);
    return flat(run.stdout);
  };
  const commands = [
    'calc',
    'list',
    'check-content',
    'lesson',
    'progress',
    'reset',
    'train',
    'lab',
    'key',
    'worksheet',
    'grade',
    'gradescope',
    'lab-codes',
  ];
  /** Messages shared by several commands, beside each command's own `cli.help.<command>.*`. */
  const shared: Record<string, string[]> = {
    lab: ['cli.help.secret'],
    key: ['cli.help.lab-ref', 'cli.help.whose-variant', 'cli.help.secret'],
    worksheet: ['cli.help.lab-ref', 'cli.help.whose-variant', 'cli.help.secret'],
    grade: ['cli.help.secret'],
    gradescope: ['cli.help.lab-ref'],
    'lab-codes': ['cli.help.lab-ref', 'cli.help.secret'],
  };

  it('shows the catalog texts of the program, its options and every command', () => {
    const help = helpOf([]);
    const keys = [
      'cli.help.program',
      'cli.help.program.ascii',
      'cli.help.program.lang',
      'cli.help.program.state-dir',
      'cli.help.version',
      'cli.help.help',
      ...commands.map((name) => `cli.help.${name}`),
    ];
    for (const key of keys) expect(help, key).toContain(flat(t(key)));
  });

  it.each(commands)('%s --help shows the catalog texts of its arguments and options', (name) => {
    const help = helpOf([name]);
    const keys = [
      `cli.help.${name}`,
      'cli.help.help',
      ...Object.keys(english).filter((key) => key.startsWith(`cli.help.${name}.`)),
      ...(shared[name] ?? []),
    ];
    for (const key of keys) expect(help, key).toContain(flat(t(key, params)));
  });

  it('follows a usage error with the catalog hint', () => {
    const run = runCli(['calc', '--no-such-option'], { env: { CNN_TUTOR_LANG: 'en' } });
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(t('cli.help.after-error'));
  });
});

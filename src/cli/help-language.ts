/**
 * The language of the help texts. Commander takes a command's description when the program is
 * built, before it has parsed `--lang`, so the flag is read from the arguments here instead.
 */
import { resolveLanguage } from '../i18n/index.js';

/**
 * The value of the last `--lang VALUE` or `--lang=VALUE` before a `--` (commander, too, keeps
 * the last one), or undefined when there is none.
 */
export function langInArgs(argv: readonly string[]): string | undefined {
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === '--lang' && i + 1 < argv.length) lang = argv[++i];
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
  }
  return lang;
}

/**
 * The language help is written in: `--lang` from the arguments, else the environment
 * (`CNN_TUTOR_LANG`, the locale), as `resolveLanguage` decides for every command.
 * Example: `helpLanguage(['--lang', 'pt-BR', 'calc', '--help'], {})` → `'pt-BR'`.
 */
export function helpLanguage(
  argv: readonly string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): string {
  return resolveLanguage({ flag: langInArgs(argv), env });
}

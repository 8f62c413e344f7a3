/**
 * Where cnn-tutor keeps things between runs: the state folder (progress) and the cache folder
 * (the loaded course). One rule for both; first match wins:
 *
 * 1. the `--state-dir` flag (state only);
 * 2. `CNN_TUTOR_STATE_DIR` / `CNN_TUTOR_CACHE_DIR`;
 * 3. `$XDG_STATE_HOME/cnn-tutor` / `$XDG_CACHE_HOME/cnn-tutor` (any platform; ignored unless
 *    absolute, as the XDG spec says);
 * 4. Linux and other Unixes: `~/.local/state/cnn-tutor` / `~/.cache/cnn-tutor`;
 *    macOS: `~/Library/Application Support/cnn-tutor` / `~/Library/Caches/cnn-tutor`;
 *    Windows: `%LOCALAPPDATA%\cnn-tutor\Data` / `%LOCALAPPDATA%\cnn-tutor\Cache`.
 *
 * Step 4 for macOS and Windows follows env-paths' `data` and `cache` folders. env-paths itself
 * is not used: it has no state folder on Linux, ignores XDG variables off Linux, takes relative
 * ones, and reads the platform and home folder when imported, where this stays pure.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'cnn-tutor';

export interface AppDirOptions {
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default process.platform */
  readonly platform?: NodeJS.Platform;
  /** @default os.homedir() */
  readonly home?: string;
  /** Relative paths are taken from here; `~/` is home. @default process.cwd() */
  readonly cwd?: string;
}

export interface StateDirOptions extends AppDirOptions {
  /** Value of `--state-dir`, if given. */
  readonly flag?: string;
}

type Kind = 'state' | 'cache';

const RULES: Record<
  Kind,
  { own: string; xdg: string; unix: string[]; darwin: string[]; windows: string }
> = {
  state: {
    own: 'CNN_TUTOR_STATE_DIR',
    xdg: 'XDG_STATE_HOME',
    unix: ['.local', 'state'],
    darwin: ['Library', 'Application Support'],
    windows: 'Data',
  },
  cache: {
    own: 'CNN_TUTOR_CACHE_DIR',
    xdg: 'XDG_CACHE_HOME',
    unix: ['.cache'],
    darwin: ['Library', 'Caches'],
    windows: 'Cache',
  },
};

/** A set value: POSIX treats an empty variable like an unset one. */
function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function resolveAppDir(kind: Kind, options: AppDirOptions, flag?: string): string {
  const rule = RULES[kind];
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = options.home ?? os.homedir();
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const given = [flag, env[rule.own]].find(present);
  if (given !== undefined) {
    // `--state-dir=~/x` reaches us unexpanded: the shell expands `~` only at a word's start.
    const expanded = /^~(?=$|[/\\])/.test(given) ? home + given.slice(1) : given;
    return paths.resolve(options.cwd ?? process.cwd(), expanded);
  }
  const xdg = env[rule.xdg];
  if (present(xdg) && paths.isAbsolute(xdg)) return paths.join(xdg, APP_NAME);
  if (platform === 'darwin') return paths.join(home, ...rule.darwin, APP_NAME);
  if (platform === 'win32') {
    const localAppData = present(env.LOCALAPPDATA)
      ? env.LOCALAPPDATA
      : paths.join(home, 'AppData', 'Local');
    return paths.join(localAppData, APP_NAME, rule.windows);
  }
  return paths.join(home, ...rule.unix, APP_NAME);
}

/** Where progress is kept. */
export function resolveStateDir(options: StateDirOptions = {}): string {
  return resolveAppDir('state', options, options.flag);
}

/** Where the loaded course is cached. */
export function resolveCacheDir(options: AppDirOptions = {}): string {
  return resolveAppDir('cache', options);
}

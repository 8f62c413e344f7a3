/**
 * Where progress is kept. First match wins:
 *
 * 1. the `--state-dir` flag;
 * 2. `CNN_TUTOR_STATE_DIR`;
 * 3. `$XDG_STATE_HOME/cnn-tutor` (any platform; ignored unless absolute, as the XDG spec says);
 * 4. Linux and other Unixes: `~/.local/state/cnn-tutor`;
 *    macOS: `~/Library/Application Support/cnn-tutor`;
 *    Windows: `%LOCALAPPDATA%\cnn-tutor\Data`.
 *
 * Step 4 for macOS and Windows is env-paths' `data` folder (suffix ''). env-paths reads the
 * real platform and home folder when it is imported, so the same rule is written out here
 * to keep this function pure; a test checks both agree on the machine running it.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'cnn-tutor';

export interface StateDirOptions {
  /** Value of `--state-dir`, if given. Relative paths are taken from `cwd`; `~/` is home. */
  readonly flag?: string;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default process.platform */
  readonly platform?: NodeJS.Platform;
  /** @default os.homedir() */
  readonly home?: string;
  /** @default process.cwd() */
  readonly cwd?: string;
}

/** A set value: POSIX treats an empty variable like an unset one. */
function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

export function resolveStateDir(options: StateDirOptions = {}): string {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = options.home ?? os.homedir();
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const given = [options.flag, env.CNN_TUTOR_STATE_DIR].find(present);
  if (given !== undefined) {
    // `--state-dir=~/x` reaches us unexpanded: the shell expands `~` only at a word's start.
    const expanded = /^~(?=$|[/\\])/.test(given) ? home + given.slice(1) : given;
    return paths.resolve(options.cwd ?? process.cwd(), expanded);
  }
  const xdgState = env.XDG_STATE_HOME;
  if (present(xdgState) && paths.isAbsolute(xdgState)) return paths.join(xdgState, APP_NAME);
  if (platform === 'darwin') return paths.join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') {
    const localAppData = present(env.LOCALAPPDATA)
      ? env.LOCALAPPDATA
      : paths.join(home, 'AppData', 'Local');
    return paths.join(localAppData, APP_NAME, 'Data');
  }
  return paths.join(home, '.local', 'state', APP_NAME);
}

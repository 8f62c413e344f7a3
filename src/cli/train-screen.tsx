/**
 * `cnn-tutor train xo|digits` on a terminal: the live trainer screen instead of the printed
 * epochs (`--no-live` or `--json` print them, see `train.ts`). The arguments follow the same
 * rules as the printed run; when the screen closes one line says how far training got.
 * Loading this module loads Ink, whose layout engine needs WebAssembly memory: everything that
 * can be said without the screen is said before (see `liveTrainProblem`).
 */
import { render } from 'ink';
import { errorText } from '../request/error-text.js';
import { EngineError } from '../engine/index.js';
import { loadMnistDigits } from '../train/digits-data.js';
import { DIGITS_DEFAULTS } from '../train/digits.js';
import { XO_DEFAULTS } from '../train/xo.js';
import { readLibrary } from '../content/library.js';
import { handSetOf } from '../tui/train/hand-set.js';
import { TrainApp } from '../tui/train/TrainApp.js';
import {
  type TrainingSession,
  createDigitsSession,
  createXoSession,
} from '../tui/train/session.js';
import { percent } from '../tui/train/trainer-view.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import type { TrainArguments } from './train.js';
import { guardedStdin } from '../tui/shell/input/guarded-stdin.js';
import { ShellRoot } from '../tui/shell/ShellRoot.js';

/**
 * The live screen for arguments already checked (`trainArguments`) on a terminal already
 * checked (`liveTrainProblem`): both are done before this module, and Ink with it, is loaded.
 */
export async function startTrainScreen(
  args: TrainArguments,
  ctx: CommandContext,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const { kind, epochs, seed } = args;
  let session: TrainingSession;
  try {
    if (kind === 'xo') {
      session = createXoSession(seed, epochs ?? XO_DEFAULTS.epochs);
    } else {
      out(ctx.t('train.screen.loading'));
      session = createDigitsSession(loadMnistDigits(), {
        seed,
        epochs: epochs ?? DIGITS_DEFAULTS.epochs,
      });
    }
  } catch (error) {
    if (error instanceof EngineError) {
      err(`cnn-tutor train: ${errorText(error, ctx.t)}`);
      return EXIT.failed;
    }
    throw error;
  }
  // The draw screen (X/O only) needs the hand-set network and pictures of the course library.
  const found = kind === 'xo' ? handSetOf(readLibrary(ctx.root, []), ctx.lang) : undefined;
  const handSet = found && !('missing' in found) ? found : undefined;
  const app = render(
    <ShellRoot bracketedPaste>
      <TrainApp
        session={session}
        kind={kind}
        handSet={handSet}
        t={ctx.t}
        ascii={ctx.ascii}
        color={ctx.color}
      />
    </ShellRoot>,
    // Ctrl+C is a command of the screens (it asks first when something typed would be lost).
    { exitOnCtrlC: false, stdin: guardedStdin(process.stdin) },
  );
  await app.waitUntilExit();
  const last = session.heldOut.at(-1);
  out(
    ctx.t('train.screen.bye', {
      kind: kind === 'xo' ? ctx.t('train.screen.kind.xo') : ctx.t('train.screen.kind.digits'),
      epochs: session.trainer.status.epoch,
      accuracy: last === undefined ? '–' : percent(last.accuracy),
    }),
  );
  return EXIT.ok;
}

/**
 * `cnn-tutor train xo|digits` on a terminal: the live trainer screen instead of the printed
 * epochs (`--no-live` or `--json` print them, see `train.ts`). The arguments follow the same
 * rules as the printed run; when the screen closes one line says how far training got.
 */
import { render } from 'ink';
import { EngineError } from '../engine/index.js';
import { loadMnistDigits } from '../train/digits-data.js';
import { DIGITS_DEFAULTS } from '../train/digits.js';
import { XO_DEFAULTS } from '../train/xo.js';
import { TrainApp } from '../tui/train/TrainApp.js';
import {
  type TrainingSession,
  createDigitsSession,
  createXoSession,
} from '../tui/train/session.js';
import { percent } from '../tui/train/trainer-view.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import type { TrainFlags } from './train.js';
import { ShellRoot } from '../tui/shell/ShellRoot.js';

/** The same limits as `runTrain`: a whole number, or a string of digits. */
function wholeNumber(
  name: string,
  value: number | string | undefined,
  min: number,
  max: number,
): number | undefined | string {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max)
    return `expected --${name} to be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`;
  return n;
}

export async function startTrainScreen(
  kind: unknown,
  flags: TrainFlags,
  ctx: CommandContext,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  if (kind !== 'xo' && kind !== 'digits') {
    err(
      `cnn-tutor train: expected what to train to be "xo" or "digits", got ${kind === undefined ? 'nothing' : JSON.stringify(kind)}`,
    );
    return EXIT.usage;
  }
  const epochs = wholeNumber('epochs', flags.epochs, 1, 1000);
  const seed = wholeNumber('seed', flags.seed, 0, 2 ** 32 - 1);
  for (const problem of [epochs, seed]) {
    if (typeof problem === 'string') {
      err(`cnn-tutor train: ${problem}`);
      return EXIT.usage;
    }
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    const which = !process.stdin.isTTY ? ctx.t('cli.tutor.stdin') : ctx.t('cli.tutor.stdout');
    err(ctx.t('train.screen.not-a-terminal', { which }));
    return EXIT.usage;
  }
  const s = (seed as number | undefined) ?? 1;
  let session: TrainingSession;
  try {
    if (kind === 'xo') {
      session = createXoSession(s, (epochs as number | undefined) ?? XO_DEFAULTS.epochs);
    } else {
      out(ctx.t('train.screen.loading'));
      session = createDigitsSession(loadMnistDigits(), {
        seed: s,
        epochs: (epochs as number | undefined) ?? DIGITS_DEFAULTS.epochs,
      });
    }
  } catch (error) {
    if (error instanceof EngineError) {
      err(`cnn-tutor train: ${error.message}`);
      return EXIT.failed;
    }
    throw error;
  }
  const app = render(
    <ShellRoot bracketedPaste>
      <TrainApp session={session} kind={kind} t={ctx.t} ascii={ctx.ascii} color={ctx.color} />
    </ShellRoot>,
    // Ctrl+C is a command of the screens (it asks first when something typed would be lost).
    { exitOnCtrlC: false },
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

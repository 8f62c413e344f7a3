/**
 * The command line: `cnn-tutor` with no command opens the tutor; the other commands
 * work without a terminal (pipes, scripts, CI, screen readers).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { runCalc } from './cli/calc.js';
import { runCheckContent } from './cli/check-content.js';
import { commandContext } from './cli/context.js';
import { EXIT } from './cli/io.js';
import { findLesson, runLessonPrint } from './cli/lesson-print.js';
import { addLabCommands } from './cli/lab-commands.js';
import { runList } from './cli/list.js';
import { runProgress, runReset } from './cli/progress.js';
import { runTrain } from './cli/train.js';
import { colorEnabled } from './render/index.js';

// The interface (Ink, React, the screens) is loaded only by the commands that show it, so
// `calc`, `list`, `grade` and the rest start without paying for it.
async function loadInterface<T>(load: () => Promise<T>): Promise<T> {
  // Ink draws nothing until exit when it believes it runs in CI (it reads CI when it loads).
  // In a real terminal a learner wants the screen, whatever the environment says.
  if (process.stdin.isTTY && process.stdout.isTTY) {
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
  }
  return load();
}
const runTutor: typeof import('./cli/tutor.js').runTutor = async (...args) =>
  (await loadInterface(() => import('./cli/tutor.js'))).runTutor(...args);
const startLabScreen: typeof import('./cli/lab-screen.js').startLabScreen = async (...args) =>
  (await loadInterface(() => import('./cli/lab-screen.js'))).startLabScreen(...args);
const startTrainScreen: typeof import('./cli/train-screen.js').startTrainScreen = async (...args) =>
  (await loadInterface(() => import('./cli/train-screen.js'))).startTrainScreen(...args);

// `cnn-tutor lesson x --print | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const out = (s: string): void => {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
};
const err = (s: string): void => {
  process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
};

function terminalWidth(): number {
  return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80;
}

export function buildProgram(): Command {
  const program = new Command('cnn-tutor')
    .description(
      'A terminal tutor for convolutional neural networks, checked by its own CNN engine.',
    )
    .version(pkg.version, '-v, --version')
    .addOption(new Option('--ascii', 'draw grids with +-| instead of box-drawing characters'))
    .addOption(
      new Option(
        '--lang <code>',
        'language of the lessons and messages (e.g. en, pt-BR); default from CNN_TUTOR_LANG or the locale',
      ),
    )
    .addOption(
      new Option(
        '--state-dir <dir>',
        'where progress is kept (default: CNN_TUTOR_STATE_DIR, else $XDG_STATE_HOME/cnn-tutor)',
      ),
    )
    .showHelpAfterError('(run cnn-tutor --help for the commands)')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err });

  program
    .command('calc')
    .description(
      'compute and explain a convolution, pooling or shape question given as JSON (a file, or stdin)',
    )
    .argument('[file]', 'JSON request file; - or nothing reads stdin')
    .option('--json', 'print the result as JSON')
    .action((file: string | undefined, opts: { json?: boolean }) => {
      const ascii = Boolean(program.opts().ascii);
      process.exitCode = runCalc(
        file,
        {
          json: opts.json,
          ascii,
          color: colorEnabled(process.env, Boolean(process.stdout.isTTY)),
          width: terminalWidth(),
        },
        out,
        err,
        ctx().t,
      );
    });

  const ctx = () =>
    commandContext(program.opts<{ ascii?: boolean; lang?: string; stateDir?: string }>());

  program.action(async () => {
    process.exitCode = await runTutor(ctx(), err);
  });

  program
    .command('list')
    .description('list the lessons and exercises in course order')
    .option('--json', 'print {"lessons": [...], "exercises": [...]} as JSON')
    .action((opts: { json?: boolean }) => {
      process.exitCode = runList(ctx(), opts, out, err);
    });

  program
    .command('check-content')
    .description(
      'load every lesson and exercise, build and answer each one with the engine, and list every problem',
    )
    .option('--seeds <n>', 'seeds tried per generated exercise', (v) => Number.parseInt(v, 10), 50)
    .action((opts: { seeds: number }) => {
      process.exitCode = runCheckContent(ctx(), opts, out, err);
    });

  program
    .command('lesson')
    .description(
      'open the tutor at one lesson, or with --print write it as plain text (for reading, printing, screen readers)',
    )
    .argument('<id>', 'the id of a lesson (see cnn-tutor list)')
    .option(
      '--print',
      'write every step as plain text: figures and the demo computed, exercises without their answers',
    )
    .option(
      '--seed <n>',
      'with --print: the seed of generated exercises (default 1), to print the same numbers again',
    )
    .action(async (id: string, opts: { print?: boolean; seed?: string }) => {
      const c = ctx();
      if (opts.print) {
        process.exitCode = runLessonPrint(c, id, opts, out, err);
      } else if (opts.seed !== undefined) {
        err(c.t('print.seed-needs-print'));
        process.exitCode = EXIT.usage;
      } else {
        const lesson = findLesson(c, id, err);
        process.exitCode =
          typeof lesson === 'number' ? lesson : await runTutor(c, err, { startLesson: id });
      }
    });

  program
    .command('progress')
    .description('show what you have done, lesson by lesson')
    .option('--json', 'print it as JSON')
    .action(async (opts: { json?: boolean }) => {
      process.exitCode = await runProgress(ctx(), opts, out, err);
    });

  program
    .command('reset')
    .description('clear your progress (all of it, or one lesson) after asking')
    .argument('[lesson]', 'the id of one lesson (see cnn-tutor list)')
    .option('-y, --yes', 'do not ask (for scripts)')
    .action(async (lesson: string | undefined, opts: { yes?: boolean }) => {
      process.exitCode = await runReset(ctx(), lesson, opts, out, err);
    });

  program
    .command('train')
    .description(
      'train the X/O network or the digit recogniser from random weights, and print the metrics of each epoch',
    )
    .argument('<kind>', "xo (the lectures' 9×9 X and O) or digits (handwritten digits from MNIST)")
    .option('--epochs <n>', 'how many passes over the training set')
    .option('--seed <n>', 'the seed of the data and the starting weights (same seed, same run)')
    .option('--json', 'print one JSON object: test_accuracy (0–1), train_seconds, epochs, …')
    .option(
      '--live',
      'watch it learn on a live screen: filters, loss and accuracy, pause, learning rate (the default when stdin and stdout are terminals and there is no --json)',
    )
    .option('--no-live', 'print the metrics of each epoch even on a terminal')
    .action(
      async (
        kind: string,
        opts: { epochs?: string; seed?: string; json?: boolean; live?: boolean },
      ) => {
        if (opts.live === true && opts.json) {
          err(ctx().t('cli.train.live-json'));
          process.exitCode = EXIT.usage;
          return;
        }
        const live =
          opts.live ??
          (!opts.json && Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY));
        const flags = { epochs: opts.epochs, seed: opts.seed, json: opts.json };
        process.exitCode = live
          ? await startTrainScreen(kind, flags, ctx(), out, err)
          : await runTrain(kind, flags, out, err, ctx().t);
      },
    );

  addLabCommands(program, { ctx, out, err, version: pkg.version, startLabScreen });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return EXIT.ok;
      return EXIT.usage;
    }
    throw error;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
}

process.exitCode = await main(process.argv.slice(2));

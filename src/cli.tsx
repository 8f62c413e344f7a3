/**
 * The command line: `cnn-tutor` with no command opens the tutor; the other commands
 * work without a terminal (pipes, scripts, CI, screen readers).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { GlobalFlags } from './cli/base-context.js';
import type { CommandContext } from './cli/context.js';
import { helpLanguage } from './cli/help-language.js';
import { EXIT } from './cli/io.js';
import { addLabCommands } from './cli/lab-commands.js';
import { loadingInterface } from './cli/wasm-memory.js';
import {
  FlagError,
  MAX_CHECK_SEEDS,
  MAX_SEED,
  badCheckSeeds,
  badPrintSeed,
  TRAIN_RANGE,
  badTrainNumber,
  wholeNumberFlag,
} from './cli/whole-number.js';
import { createTranslator } from './i18n/index.js';
import { asciiOnly, asciiWanted } from './render/charset.js';
import { colorEnabled } from './render/index.js';

// Each command's code is loaded when it runs (esbuild puts it in a chunk of its own), and the
// interface (Ink, React, the screens) only by the commands that show it: a command starts
// without compiling the others.
async function loadInterface<T>(load: () => Promise<T>): Promise<T> {
  // Ink draws nothing until exit when it believes it runs in CI (it reads CI when it loads).
  // In a real terminal a learner wants the screen, whatever the environment says.
  if (process.stdin.isTTY && process.stdout.isTTY) {
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
  }
  // Ink's layout engine (yoga) is WebAssembly inlined as a data: URL, which it fetches when
  // `fetch` exists; touching Node's `fetch` loads its whole HTTP client first (50 ms and more
  // of start-up here). Without `fetch` yoga decodes the same bytes itself. It is put back as
  // soon as the screens are loaded.
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetch?.configurable)
    Object.defineProperty(globalThis, 'fetch', {
      value: undefined,
      configurable: true,
      writable: true,
    });
  try {
    return await loadingInterface(load, createTranslator(helpLanguage(process.argv.slice(2))), err);
  } finally {
    if (fetch?.configurable) Object.defineProperty(globalThis, 'fetch', fetch);
  }
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

/**
 * The program with its commands. Their descriptions come from the message catalog, in the
 * language `--lang` in `argv` asks for, else the environment's (see `help-language.ts`).
 */
export function buildProgram(argv: readonly string[] = []): Command {
  const t = createTranslator(helpLanguage(argv));
  const program = new Command('cnn-tutor')
    .description(t('cli.help.program'))
    .version(pkg.version, '-v, --version', t('cli.help.version'))
    // Before the commands are added: they inherit the help option.
    .helpOption('-h, --help', t('cli.help.help'))
    .addOption(new Option('--ascii', t('cli.help.program.ascii')))
    .addOption(new Option('--unicode', t('cli.help.program.unicode')))
    .addOption(new Option('--lang <code>', t('cli.help.program.lang')))
    .addOption(new Option('--state-dir <dir>', t('cli.help.program.state-dir')))
    .showHelpAfterError(t('cli.help.after-error'))
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err });

  const trainNumber = (flag: keyof typeof TRAIN_RANGE) =>
    wholeNumberFlag(
      ...TRAIN_RANGE[flag],
      (got) => `cnn-tutor train: ${badTrainNumber(t, flag, got)}`,
    );

  program
    .command('calc')
    .description(t('cli.help.calc'))
    .argument('[file]', t('cli.help.calc.file'))
    .option('--json', t('cli.help.calc.json'))
    .action(async (file: string | undefined, opts: { json?: boolean }) => {
      const { runCalc } = await import('./cli/calc.js');
      const ascii = asciiWanted(program.opts<GlobalFlags>());
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
        (await ctx()).t,
      );
    });

  // The course and the rest of the context are loaded by the commands that need them.
  const ctx = async (): Promise<CommandContext> =>
    (await import('./cli/context.js')).commandContext(program.opts<GlobalFlags>());

  program.action(async () => {
    const { baseContext } = await import('./cli/base-context.js');
    process.exitCode = await runTutor(baseContext(program.opts<GlobalFlags>()), err);
  });

  program
    .command('list')
    .description(t('cli.help.list'))
    .option('--json', t('cli.help.list.json', { shape: '{"lessons": [...], "exercises": [...]}' }))
    .action(async (opts: { json?: boolean }) => {
      const { runList } = await import('./cli/list.js');
      process.exitCode = runList(await ctx(), opts, out, err);
    });

  program
    .command('check-content')
    .description(t('cli.help.check-content'))
    .addOption(
      new Option('--seeds <n>', t('cli.help.check-content.seeds'))
        .argParser(wholeNumberFlag(1, MAX_CHECK_SEEDS, (got) => badCheckSeeds(t, got)))
        .default(50),
    )
    .action(async (opts: { seeds: number }) => {
      const { runCheckContent } = await import('./cli/check-content.js');
      process.exitCode = runCheckContent(await ctx(), opts, out, err);
    });

  program
    .command('lesson')
    .description(t('cli.help.lesson'))
    .argument('<id>', t('cli.help.lesson.id'))
    .option('--print', t('cli.help.lesson.print'))
    .addOption(
      new Option('--seed <n>', t('cli.help.lesson.seed')).argParser(
        wholeNumberFlag(0, MAX_SEED, (got) => badPrintSeed(t, got)),
      ),
    )
    .action(async (id: string, opts: { print?: boolean; seed?: number }) => {
      const { findLesson, runLessonPrint } = await import('./cli/lesson-print.js');
      const c = await ctx();
      if (opts.print) {
        process.exitCode = runLessonPrint(c, id, opts, out, err);
      } else if (opts.seed !== undefined) {
        err(c.t('print.seed-needs-print'));
        process.exitCode = EXIT.usage;
      } else {
        const lesson = findLesson(c, id, err);
        process.exitCode =
          typeof lesson === 'number'
            ? lesson
            : await runTutor(c, err, { startLesson: id, course: c.course() });
      }
    });

  program
    .command('progress')
    .description(t('cli.help.progress'))
    .option('--json', t('cli.help.progress.json'))
    .action(async (opts: { json?: boolean }) => {
      const { runProgress } = await import('./cli/progress.js');
      process.exitCode = await runProgress(await ctx(), opts, out, err);
    });

  program
    .command('reset')
    .description(t('cli.help.reset'))
    .argument('[lesson]', t('cli.help.reset.lesson'))
    .option('-y, --yes', t('cli.help.reset.yes'))
    .action(async (lesson: string | undefined, opts: { yes?: boolean }) => {
      const { runReset } = await import('./cli/progress.js');
      process.exitCode = await runReset(await ctx(), lesson, opts, out, err);
    });

  program
    .command('train')
    .description(t('cli.help.train'))
    .argument('<kind>', t('cli.help.train.kind'))
    .addOption(
      new Option('--epochs <n>', t('cli.help.train.epochs')).argParser(trainNumber('epochs')),
    )
    .addOption(new Option('--seed <n>', t('cli.help.train.seed')).argParser(trainNumber('seed')))
    .option('--json', t('cli.help.train.json'))
    .option('--live', t('cli.help.train.live'))
    .option('--no-live', t('cli.help.train.no-live'))
    .action(
      async (
        kind: string,
        opts: { epochs?: number; seed?: number; json?: boolean; live?: boolean },
      ) => {
        const { liveTrainProblem, runTrain, trainArguments } = await import('./cli/train.js');
        if (opts.live === true && opts.json) {
          err((await ctx()).t('cli.train.live-json'));
          process.exitCode = EXIT.usage;
          return;
        }
        const live =
          opts.live ??
          (!opts.json && Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY));
        const flags = { epochs: opts.epochs, seed: opts.seed, json: opts.json };
        if (!live) {
          process.exitCode = await runTrain(kind, flags, out, err, (await ctx()).t);
          return;
        }
        const c = await ctx();
        const args = trainArguments(kind, flags, c.t);
        const problem =
          typeof args === 'string'
            ? `cnn-tutor train: ${args}`
            : liveTrainProblem(c.t, {
                stdin: Boolean(process.stdin.isTTY),
                stdout: Boolean(process.stdout.isTTY),
              });
        if (problem !== undefined || typeof args === 'string') {
          err(problem ?? '');
          process.exitCode = EXIT.usage;
          return;
        }
        process.exitCode = await startTrainScreen(args, c, out, err);
      },
    );

  addLabCommands(program, { ctx, help: t, out, err, version: pkg.version, startLabScreen });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  // Decided before anything is written, help and usage errors included (see charset.ts).
  if (asciiWanted({ ascii: argv.includes('--ascii'), unicode: argv.includes('--unicode') })) {
    asciiOnly(process.stdout);
    asciiOnly(process.stderr);
  }
  const program = buildProgram(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof FlagError) {
      err(error.message);
      return EXIT.usage;
    }
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

/**
 * The command line: `cnn-tutor` with no command opens the tutor; the other commands
 * work without a terminal (pipes, scripts, CI, screen readers).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { runCalc } from './cli/calc.js';
import { EXIT } from './cli/io.js';
import { colorEnabled } from './render/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

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
    .description('A terminal tutor for convolutional neural networks, checked by its own CNN engine.')
    .version(pkg.version, '-v, --version')
    .addOption(new Option('--ascii', 'draw grids with +-| instead of box-drawing characters'))
    .showHelpAfterError('(run cnn-tutor --help for the commands)')
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: err });

  program
    .command('calc')
    .description('compute and explain a convolution, pooling or shape question given as JSON (a file, or stdin)')
    .argument('[file]', 'JSON request file; - or nothing reads stdin')
    .option('--json', 'print the result as JSON')
    .action((file: string | undefined, opts: { json?: boolean }) => {
      const ascii = Boolean(program.opts().ascii);
      process.exitCode = runCalc(file, { json: opts.json, ascii, color: colorEnabled(process.env, Boolean(process.stdout.isTTY)), width: terminalWidth() }, out, err);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    throw error;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
}

process.exitCode = await main(process.argv.slice(2));

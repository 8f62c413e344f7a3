/**
 * Benchmarks: `npm run bench [-- --only NAME] [-- --json]`.
 *
 * Each section is its own module and prints its own results; add a new one (UI render time,
 * grading speed, training, …) by writing a `BenchSection` and listing it in `SECTIONS`.
 * With `--json` every section prints one line of JSON (so several sections give JSON Lines).
 */
import './production-env.js';
import { engineVsTfjs } from './engine-vs-tfjs.js';
import { grading } from './grading.js';
import type { BenchSection } from './section.js';
import { training } from './training.js';
import { ui } from './ui.js';

const SECTIONS: readonly BenchSection[] = [engineVsTfjs, grading, training, ui];

const USAGE = `Usage: tsx bench/run.ts [--only NAME] [--json]
Sections: ${SECTIONS.map((s) => s.name).join(', ')}`;

interface Arguments {
  json: boolean;
  only?: string;
}

function parseArguments(argv: readonly string[]): Arguments {
  const args: Arguments = { json: false };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--json') args.json = true;
    else if (arg === '--only') args.only = argv[++k];
    else if (arg.startsWith('--only=')) args.only = arg.slice('--only='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`Unknown argument ${JSON.stringify(arg)}.`);
  }
  if ('only' in args && !SECTIONS.some((s) => s.name === args.only)) {
    throw new UsageError(
      `Expected \`--only\` to name a section (${SECTIONS.map((s) => s.name).join(', ')}), got ${JSON.stringify(args.only ?? null)}.`,
    );
  }
  return args;
}

class UsageError extends Error {}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const selected = SECTIONS.filter((s) => args.only === undefined || s.name === args.only);
  const progress = (message: string) => process.stderr.write(`… ${message}\n`);
  for (const [k, section] of selected.entries()) {
    if (!args.json) console.log(`${k > 0 ? '\n' : ''}## ${section.title}\n`);
    await section.run({ json: args.json, progress });
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});

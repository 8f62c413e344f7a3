/**
 * The classroom commands, registered on the program in one call so that `src/cli.tsx` only
 * imports this: `lab`, `key`, `worksheet`, `grade`, `gradescope` and `lab-codes`.
 *
 * `lab` is interactive when a screen is provided (`startLabScreen`) and both stdin and stdout
 * are terminals; otherwise, and always with `--answer`, it runs without a screen (`runLab`).
 * Interactive without `--student`, it asks for the id first (`lab-ask.tsx`).
 */
import type { Command } from 'commander';
import type { LabSession } from '../grade/lab-session.js';
import type { CommandContext } from './context.js';
import { runGrade } from './grade.js';
import { runGradescope } from './gradescope.js';
import { runKey } from './key.js';
import { runLabCodes } from './lab-codes.js';
import { type LabFlags, prepareLab, runLab } from './lab-start.js';
import type { Print } from './lab-args.js';
import { runWorksheet } from './worksheet.js';

export interface LabCommandsOptions {
  readonly ctx: () => CommandContext;
  readonly out: Print;
  readonly err: Print;
  /** The package version, written into Gradescope's setup.sh. */
  readonly version: string;
  /** The interactive lab screen; resolves to the exit code. Absent: `lab` runs without a screen. */
  readonly startLabScreen?: (session: LabSession, ctx: CommandContext) => Promise<number>;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const SECRET_HELP =
  'the course secret (default: CNN_TUTOR_SECRET, which keeps it out of the process list)';

export function addLabCommands(program: Command, options: LabCommandsOptions): void {
  const { ctx, out, err } = options;

  program
    .command('lab')
    .description(
      'do a graded lab: your own questions, answers saved as you go to <student>.<lab>.json',
    )
    .argument('<lab>', 'a lab id (see exercises/labs/) or the path of a lab file')
    .option('--student <id>', 'your student id')
    .option(
      '--out <file>',
      'where to save your answers (default: <student>.<lab>.json in this folder)',
    )
    .option('--code <code>', 'the access code your teacher gave you, if any')
    .option('--secret <secret>', SECRET_HELP)
    .option(
      '--answer <id=answer>',
      'save an answer without the screen (repeatable), e.g. --answer conv-first-window=4',
      collect,
    )
    .action(async (lab: string, flags: LabFlags) => {
      const interactive =
        options.startLabScreen && !flags.answer && process.stdin.isTTY && process.stdout.isTTY;
      if (!interactive) {
        process.exitCode = await runLab(ctx(), lab, flags, out, err);
        return;
      }
      const c = ctx();
      let given = flags;
      if (given.student === undefined) {
        // Asked on a small screen instead (loaded only here, when it is needed).
        const { askLabStudent } = await import('./lab-ask.js');
        const asked = await askLabStudent(c, lab, given, err);
        if (typeof asked === 'number') {
          process.exitCode = asked;
          return;
        }
        given = asked;
      }
      const session = prepareLab(c, lab, given, err);
      process.exitCode =
        typeof session === 'number' ? session : await options.startLabScreen!(session, c);
    });

  program
    .command('key')
    .description("a student's answers for a lab, computed by the engine (for instructors)")
    .argument('<lab>', 'a lab id or the path of a lab file')
    .option('--student <id>', 'whose variant')
    .option('--json', 'print a complete submission file (grading it gives full marks)')
    .option('--secret <secret>', SECRET_HELP)
    .action((lab: string, flags: { student?: string; json?: boolean; secret?: string }) => {
      process.exitCode = runKey(ctx(), lab, flags, out, err);
    });

  program
    .command('worksheet')
    .description("a student's questions for a paper or offline lab (Markdown or JSON, no answers)")
    .argument('<lab>', 'a lab id or the path of a lab file')
    .option('--student <id>', 'whose variant')
    .option('--format <format>', 'md or json', 'md')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--code <code>', "the student's access code, if the lab has a course secret")
    .option('--secret <secret>', SECRET_HELP)
    .action(
      async (
        lab: string,
        flags: { student?: string; format?: string; out?: string; code?: string; secret?: string },
      ) => {
        process.exitCode = await runWorksheet(ctx(), lab, flags, out, err);
      },
    );

  program
    .command('grade')
    .description(
      'grade submission files (or every *.json in a folder); never shows expected answers unless --show-expected',
    )
    .argument('<paths...>', 'submission files or folders')
    .option('--lab <lab>', 'the lab every file must be for (default: each file names its lab)')
    .option('--secret <secret>', SECRET_HELP)
    .option('--format <format>', 'text, json, gradescope or junit', 'text')
    .option('--out <path>', 'write the report to this file (or into this folder) instead of stdout')
    .option('--fail-under <percent>', 'exit 1 if any file scores under this percentage')
    .option(
      '--show-expected',
      "include the engine's answer for every answer that is not fully right",
    )
    .action(
      async (
        paths: string[],
        flags: {
          lab?: string;
          secret?: string;
          format?: string;
          out?: string;
          failUnder?: string;
          showExpected?: boolean;
        },
      ) => {
        process.exitCode = await runGrade(ctx(), paths, flags, out, err);
      },
    );

  program
    .command('gradescope')
    .description('write setup.sh and run_autograder for a Gradescope autograder of a lab')
    .argument('<lab>', 'a lab id or the path of a lab file')
    .option('--out <dir>', 'the folder to write the files into')
    .option('--secret <secret>', `${SECRET_HELP}; stored in the autograder`)
    .action(async (lab: string, flags: { out?: string; secret?: string }) => {
      process.exitCode = await runGradescope(ctx(), lab, flags, options.version, out, err);
    });

  program
    .command('lab-codes')
    .description(
      "each student's access code for a lab with a course secret (student<TAB>code lines)",
    )
    .argument('<lab>', 'a lab id or the path of a lab file')
    .option('--student <id>', 'a student id (repeatable)', collect)
    .option('--roster <file>', 'a file with one student id per line (first column of a CSV)')
    .option('--secret <secret>', SECRET_HELP)
    .action((lab: string, flags: { student?: string[]; roster?: string; secret?: string }) => {
      process.exitCode = runLabCodes(ctx(), lab, flags, out, err);
    });
}

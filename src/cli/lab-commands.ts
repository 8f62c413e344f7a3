/**
 * The classroom commands, registered on the program in one call so that `src/cli.tsx` only
 * imports this: `lab`, `key`, `worksheet`, `grade`, `gradescope` and `lab-codes`.
 *
 * `lab` is interactive when a screen is provided (`startLabScreen`) and both stdin and stdout
 * are terminals; otherwise, and always with `--answer`, it runs without a screen (`runLab`).
 * Interactive without `--student`, it asks for the id first (`lab-ask.tsx`).
 *
 * Every description comes from the message catalog through `help`. Each command's code is
 * loaded when it runs.
 */
import type { Command } from 'commander';
import type { LabSession } from '../grade/lab-session.js';
import type { Translate } from '../view/text.js';
import type { CommandContext } from './context.js';
import type { GradeFlags } from './grade.js';
import type { GradescopeFlags } from './gradescope.js';
import type { KeyFlags } from './key.js';
import type { LabCodesFlags } from './lab-codes.js';
import type { LabFlags } from './lab-start.js';
import type { Print } from './lab-args.js';
import type { WorksheetFlags } from './worksheet.js';

export interface LabCommandsOptions {
  readonly ctx: () => Promise<CommandContext>;
  /**
   * The translator of the help texts. Commands are registered before `--lang` is parsed, so
   * this is not `ctx().t` (see `help-language.ts`).
   */
  readonly help: Translate;
  readonly out: Print;
  readonly err: Print;
  /** The package version, written into Gradescope's setup.sh. */
  readonly version: string;
  /** The interactive lab screen; resolves to the exit code. Absent: `lab` runs without a screen. */
  readonly startLabScreen?: (session: LabSession, ctx: CommandContext) => Promise<number>;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addLabCommands(program: Command, options: LabCommandsOptions): void {
  const { ctx, help: t, out, err } = options;

  program
    .command('lab')
    .description(t('cli.help.lab'))
    .argument('<lab>', t('cli.help.lab.lab'))
    .option('--student <id>', t('cli.help.lab.student'))
    .option('--out <file>', t('cli.help.lab.out'))
    .option('--force', t('cli.help.lab.force'))
    .option('--code <code>', t('cli.help.lab.code'))
    .option('--secret <secret>', t('cli.help.secret'))
    .option(
      '--answer <id=answer>',
      t('cli.help.lab.answer', { example: '--answer conv-first-window=4' }),
      collect,
    )
    .action(async (lab: string, flags: LabFlags) => {
      const { prepareLab, runLab } = await import('./lab-start.js');
      const interactive =
        options.startLabScreen && !flags.answer && process.stdin.isTTY && process.stdout.isTTY;
      if (!interactive) {
        process.exitCode = await runLab(await ctx(), lab, flags, out, err);
        return;
      }
      const c = await ctx();
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
    .description(t('cli.help.key'))
    .argument('<lab>', t('cli.help.lab-ref'))
    .option('--student <id>', t('cli.help.whose-variant'))
    .option('--json', t('cli.help.key.json'))
    .option('--secret <secret>', t('cli.help.secret'))
    .option('--out <file>', t('cli.help.key.out'))
    .option('--force', t('cli.help.force'))
    .action(async (lab: string, flags: KeyFlags) => {
      const { runKey } = await import('./key.js');
      process.exitCode = await runKey(await ctx(), lab, flags, out, err);
    });

  program
    .command('worksheet')
    .description(t('cli.help.worksheet'))
    .argument('<lab>', t('cli.help.lab-ref'))
    .option('--student <id>', t('cli.help.whose-variant'))
    .option('--format <format>', t('cli.help.worksheet.format'), 'md')
    .option('--out <file>', t('cli.help.worksheet.out'))
    .option('--force', t('cli.help.force'))
    .option('--code <code>', t('cli.help.worksheet.code'))
    .option('--secret <secret>', t('cli.help.secret'))
    .action(async (lab: string, flags: WorksheetFlags) => {
      const { runWorksheet } = await import('./worksheet.js');
      process.exitCode = await runWorksheet(await ctx(), lab, flags, out, err);
    });

  program
    .command('grade')
    .description(t('cli.help.grade'))
    .argument('<paths...>', t('cli.help.grade.paths'))
    .option('--lab <lab>', t('cli.help.grade.lab'))
    .option('--secret <secret>', t('cli.help.secret'))
    .option('--format <format>', t('cli.help.grade.format'), 'text')
    .option('--out <path>', t('cli.help.grade.out'))
    .option('--force', t('cli.help.force'))
    .option('--fail-under <percent>', t('cli.help.grade.fail-under'))
    .option('--show-expected', t('cli.help.grade.show-expected'))
    .action(async (paths: string[], flags: GradeFlags) => {
      const { runGrade } = await import('./grade.js');
      process.exitCode = await runGrade(await ctx(), paths, flags, out, err);
    });

  program
    .command('gradescope')
    .description(t('cli.help.gradescope'))
    .argument('<lab>', t('cli.help.lab-ref'))
    .option('--out <dir>', t('cli.help.gradescope.out'))
    .option('--force', t('cli.help.force'))
    .option('--secret <secret>', t('cli.help.gradescope.secret'))
    .action(async (lab: string, flags: GradescopeFlags) => {
      const { runGradescope } = await import('./gradescope.js');
      process.exitCode = await runGradescope(await ctx(), lab, flags, options.version, out, err);
    });

  program
    .command('lab-codes')
    .description(t('cli.help.lab-codes'))
    .argument('<lab>', t('cli.help.lab-ref'))
    .option('--student <id>', t('cli.help.lab-codes.student'), collect)
    .option('--roster <file>', t('cli.help.lab-codes.roster'))
    .option('--secret <secret>', t('cli.help.secret'))
    .option('--out <file>', t('cli.help.lab-codes.out'))
    .option('--force', t('cli.help.force'))
    .action(async (lab: string, flags: LabCodesFlags) => {
      const { runLabCodes } = await import('./lab-codes.js');
      process.exitCode = await runLabCodes(await ctx(), lab, flags, out, err);
    });
}

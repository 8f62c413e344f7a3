/**
 * `cnn-tutor lab LAB` in a terminal without `--student`: ask for the id (and, when it may be
 * needed, the access code) on a small screen, then carry on as if they had been given on the
 * command line. `addLabCommands` calls it only when stdin and stdout are terminals and no
 * `--answer` was given; elsewhere `--student ID` stays required.
 *
 * The code is asked only when nothing else decides it: no `--code`, no course secret (a
 * teacher trying the lab), and no submission file to resume (it holds the code). A lab file
 * does not say whether the class uses a secret, so the code may be left empty.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'ink';
import { submissionFileName } from '../grade/student-id.js';
import { type PromptAnswers, StudentPrompt } from '../tui/lab/StudentPrompt.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { type Print, courseSecret, openLab } from './lab-args.js';
import type { LabFlags } from './lab-start.js';
import { guardedStdin } from '../tui/shell/input/guarded-stdin.js';
import { ShellRoot } from '../tui/shell/ShellRoot.js';

/** The flags with `student` (and maybe `code`) filled in, or the exit code after saying why not. */
export async function askLabStudent(
  ctx: CommandContext,
  labRef: string,
  flags: LabFlags,
  err: Print,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<LabFlags | number> {
  const lab = openLab(ctx, 'lab', labRef, err, cwd);
  if (typeof lab === 'number') return lab;
  const secret = courseSecret(flags.secret, env);
  const askCode = (student: string): boolean =>
    flags.code === undefined &&
    secret === undefined &&
    !existsSync(resolve(cwd, flags.out ?? submissionFileName(student, lab.id)));

  let answers: PromptAnswers | undefined;
  const app = render(
    <ShellRoot bracketedPaste>
      <StudentPrompt
        title={lab.title}
        why={
          flags.out === undefined
            ? ctx.t('lab.ask.studentWhy', { lab: lab.id })
            : ctx.t('lab.ask.studentWhyOut', { file: flags.out })
        }
        t={ctx.t}
        color={ctx.color}
        askCode={askCode}
        onDone={(a) => {
          answers = a;
        }}
        onCancel={() => {}}
      />
    </ShellRoot>,
    // Ctrl+C is a command of the screens (it asks first when something typed would be lost).
    { exitOnCtrlC: false, stdin: guardedStdin(process.stdin) },
  );
  await app.waitUntilExit();
  if (answers === undefined) {
    err(`cnn-tutor lab: ${ctx.t('lab.ask.cancelled')}`);
    return EXIT.usage;
  }
  const { student, code } = answers;
  return { ...flags, student, ...(code === undefined ? {} : { code }) };
}

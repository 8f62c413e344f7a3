/**
 * The screen of `cnn-tutor lab LAB --student ID`, mounted once `prepareLab` has checked the
 * student and the code and resumed the file. `addLabCommands` calls it only when stdin and
 * stdout are terminals and no `--answer` was given. When the screen closes it prints where
 * the answers are and how to check them (`grade`: this screen never says right or wrong).
 */
import { existsSync } from 'node:fs';
import { render } from 'ink';
import { type LabSession, answeredCount } from '../grade/lab-session.js';
import { LabScreenApp } from '../tui/lab/index.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { guardedStdin } from '../tui/shell/input/guarded-stdin.js';
import { ShellRoot } from '../tui/shell/ShellRoot.js';

export async function startLabScreen(
  session: LabSession,
  ctx: CommandContext,
  out: (s: string) => void = (s) => process.stdout.write(`${s}\n`),
): Promise<number> {
  let last = session;
  const app = render(
    <ShellRoot bracketedPaste>
      <LabScreenApp
        session={session}
        t={ctx.t}
        ascii={ctx.ascii}
        color={ctx.color}
        onExit={(s) => {
          last = s;
        }}
      />
    </ShellRoot>,
    // Ctrl+C is a command of the screens (it asks first when something typed would be lost).
    { exitOnCtrlC: false, stdin: guardedStdin(process.stdin) },
  );
  await app.waitUntilExit();
  const answered = answeredCount(last);
  out(
    answered === 0 && !existsSync(last.file)
      ? ctx.t('lab.screen.bye-none', { file: last.file })
      : ctx.t('lab.screen.bye', { answered, total: last.questions.length, file: last.file }),
  );
  return EXIT.ok;
}

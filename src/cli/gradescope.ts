/**
 * `cnn-tutor gradescope LAB --out DIR [--secret S] [--force]`: the files of a Gradescope
 * autograder for one lab (`setup.sh`, `run_autograder`, the lab, and the secret when there is
 * one). Zip the folder's contents (not the folder) and upload the zip as the assignment's
 * autograder.
 *
 * Writing into a folder that already holds an autograder replaces only the files cnn-tutor
 * wrote and nobody edited since (each carries a checksum of itself), and the secret only by the
 * same secret. Every file is checked before any is written: one refused file writes nothing.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SECRET_FILE, autograderFiles, isAutograderFile } from '../grade/autograder-files.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { type Print, courseSecret, labPath, openLab } from './lab-args.js';
import {
  type OutputTarget,
  checkOutput,
  errorCode,
  isRefusal,
  locateOutput,
  refusalMessage,
  writeOutput,
} from './output-target.js';

export interface GradescopeFlags {
  out?: string;
  secret?: string;
  force?: boolean;
}

export async function runGradescope(
  ctx: CommandContext,
  labRef: string,
  flags: GradescopeFlags,
  version: string,
  out: Print,
  err: Print,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<number> {
  const fail = (message: string): number => {
    err(`cnn-tutor gradescope: ${message}`);
    return EXIT.usage;
  };
  if (flags.out === undefined) return fail(ctx.t('lab.gradescope.outMissing'));
  const folder = locateOutput(flags.out, cwd);
  // Several files cannot go to one stream.
  if (folder.kind !== 'path') return fail(ctx.t('cli.output.folderNeeded'));
  const lab = openLab(ctx, 'gradescope', labRef, err, cwd);
  if (typeof lab === 'number') return lab;
  const secret = courseSecret(flags.secret, env);
  const dir = folder.path;
  const files = autograderFiles({
    lab: lab.id,
    version,
    labSource: lab.source,
    ...(secret === undefined ? {} : { secret }),
  });

  const targets: OutputTarget[] = [];
  let refused = false;
  for (const f of files) {
    const target = checkOutput(
      { kind: 'path', path: join(dir, f.name), shown: join(flags.out, f.name) },
      {
        output: f.name === SECRET_FILE ? 'gradescope-secret' : 'gradescope-file',
        ours: (text) => isAutograderFile(f.name, text),
        inputs: [labPath(ctx, labRef, cwd)],
        content: f.text,
        force: Boolean(flags.force),
      },
    );
    if (isRefusal(target)) {
      err(`cnn-tutor gradescope: ${refusalMessage(ctx.t, target)}`);
      refused = true;
    } else targets.push(target);
  }
  if (refused) return EXIT.usage;

  try {
    mkdirSync(dir, { recursive: true });
    for (const [k, f] of files.entries())
      await writeOutput(targets[k], f.text, { mode: f.mode, out, err });
  } catch (error) {
    return fail(ctx.t('lab.cli.writeFailed', { file: dir, error: errorCode(error) }));
  }
  out(
    ctx.t('lab.gradescope.done', { dir, files: files.map((f) => f.name).join(', '), lab: lab.id }),
  );
  if (secret === undefined) out(ctx.t('lab.gradescope.noSecret'));
  return EXIT.ok;
}

/**
 * `cnn-tutor gradescope LAB --out DIR [--secret S]`: the files of a Gradescope autograder for
 * one lab (`setup.sh`, `run_autograder`, the lab, and the secret when there is one). Zip the
 * folder's contents (not the folder) and upload the zip as the assignment's autograder.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { autograderFiles } from '../grade/autograder-files.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { type Print, courseSecret, openLab } from './lab-args.js';

export interface GradescopeFlags {
  out?: string;
  secret?: string;
}

export async function runGradescope(
  ctx: CommandContext,
  labRef: string,
  flags: GradescopeFlags,
  version: string,
  out: Print,
  err: Print,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (flags.out === undefined) {
    err(`cnn-tutor gradescope: ${ctx.t('lab.gradescope.outMissing')}`);
    return EXIT.usage;
  }
  const lab = openLab(ctx, 'gradescope', labRef, err);
  if (typeof lab === 'number') return lab;
  const secret = courseSecret(flags.secret, env);
  const dir = resolve(flags.out);
  const files = autograderFiles({
    lab: lab.id,
    version,
    labSource: lab.source,
    ...(secret === undefined ? {} : { secret }),
  });
  try {
    mkdirSync(dir, { recursive: true });
    for (const f of files) await writeFileAtomic(join(dir, f.name), f.text, { mode: f.mode });
  } catch (error) {
    err(
      `cnn-tutor gradescope: ${ctx.t('lab.cli.writeFailed', { file: dir, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message })}`,
    );
    return EXIT.usage;
  }
  out(
    ctx.t('lab.gradescope.done', { dir, files: files.map((f) => f.name).join(', '), lab: lab.id }),
  );
  if (secret === undefined) out(ctx.t('lab.gradescope.noSecret'));
  return EXIT.ok;
}

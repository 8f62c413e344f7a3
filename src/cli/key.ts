/**
 * `cnn-tutor key LAB --student ID [--json] [--secret S] [--out FILE] [--force]`: the engine's
 * answers for one student's variant, for instructors. With `--json` it prints a complete
 * submission, which `grade` gives full marks: the quickest check that a lab, a secret and a
 * grader agree. `--out` replaces an existing file only when it is an answer key that cnn-tutor
 * wrote (as JSON, a key is a submission and cannot be told from a student's: only the very same
 * key is replaced), or with `--force`.
 */
import { formatNumber } from '../content/answer-format.js';
import { answerKey } from '../grade/answer-key.js';
import { accessCode, labQuestions } from '../grade/lab-questions.js';
import { serializeSubmission } from '../grade/submission.js';
import { hasMarkerLine, markerLine } from '../grade/output-signature.js';
import { formatCode } from '../grade/variant.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { type Print, checkStudent, courseSecret, labPath, openLab } from './lab-args.js';
import { deliverOutput, locateOutput } from './output-target.js';

export interface KeyFlags {
  student?: string;
  json?: boolean;
  secret?: string;
  out?: string;
  force?: boolean;
}

export async function runKey(
  ctx: CommandContext,
  labRef: string,
  flags: KeyFlags,
  out: Print,
  err: Print,
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Promise<number> {
  if (!checkStudent(ctx, 'key', flags.student, err)) return EXIT.usage;
  const student = flags.student;
  const lab = openLab(ctx, 'key', labRef, err, cwd);
  if (typeof lab === 'number') return lab;
  const secret = courseSecret(flags.secret, env);
  const code = accessCode(lab.id, student, { secret });
  const entries = answerKey(labQuestions(lab, student, { code, lang: ctx.lang, t: ctx.t }));
  const broken = entries.filter((e) => 'error' in e);
  for (const e of broken)
    err(
      `cnn-tutor key: ${ctx.t('lab.cli.exerciseBroken', { id: e.item.exercise.id, error: 'error' in e ? e.error : '' })}`,
    );
  if (broken.length > 0) return EXIT.usage;

  const answers = entries.map((e) => [e.item.exercise.id, 'answer' in e ? e.answer : ''] as const);
  const location = locateOutput(flags.out ?? '-', cwd);
  let content: string;
  if (flags.json) {
    content = serializeSubmission({
      lab: lab.id,
      student,
      ...(secret === undefined ? {} : { code }),
      answers,
    });
  } else {
    const lines = [ctx.t('lab.key.header', { lab: lab.id, title: lab.title, student })];
    if (secret !== undefined) lines.push(ctx.t('lab.key.code', { code: formatCode(code) }));
    lines.push('');
    const width = Math.max(...lab.exercises.map((e) => e.id.length));
    for (const e of entries) {
      const x = e.item.exercise;
      lines.push(
        `${String(x.number).padStart(3)}. ${x.id.padEnd(width)}  ${ctx.t('lab.key.points', { points: formatNumber(x.points) }).padEnd(10)}  ${'answer' in e ? e.answer : ''}`,
      );
    }
    // Written to a file, the key says what made it, so a later key may replace it.
    if (location.kind === 'path') lines.unshift(markerLine('key'));
    content = `${lines.join('\n')}\n`;
  }
  return deliverOutput(
    ctx.t,
    'key',
    location,
    {
      output: flags.json ? 'key-json' : 'key-text',
      ours: flags.json ? () => false : (text) => hasMarkerLine(text, 'key'),
      inputs: [labPath(ctx, labRef, cwd)],
      content,
      force: Boolean(flags.force),
    },
    { out, err },
  );
}

/**
 * `cnn-tutor key LAB --student ID [--json] [--secret S]`: the engine's answers for one
 * student's variant, for instructors. With `--json` it prints a complete submission, which
 * `grade` gives full marks: the quickest check that a lab, a secret and a grader agree.
 */
import { formatNumber } from '../content/answer-parser.js';
import { answerKey } from '../grade/answer-key.js';
import { accessCode, labQuestions } from '../grade/lab-questions.js';
import { serializeSubmission } from '../grade/submission.js';
import { formatCode } from '../grade/variant.js';
import type { CommandContext } from './context.js';
import { EXIT } from './io.js';
import { type Print, checkStudent, courseSecret, openLab } from './lab-args.js';

export interface KeyFlags {
  student?: string;
  json?: boolean;
  secret?: string;
}

export function runKey(
  ctx: CommandContext,
  labRef: string,
  flags: KeyFlags,
  out: Print,
  err: Print,
  env: NodeJS.ProcessEnv = process.env,
): number {
  if (!checkStudent(ctx, 'key', flags.student, err)) return EXIT.usage;
  const student = flags.student;
  const lab = openLab(ctx, 'key', labRef, err);
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
  if (flags.json) {
    out(
      serializeSubmission({
        lab: lab.id,
        student,
        ...(secret === undefined ? {} : { code }),
        answers,
      }).trimEnd(),
    );
    return EXIT.ok;
  }
  out(ctx.t('lab.key.header', { lab: lab.id, title: lab.title, student }));
  if (secret !== undefined) out(ctx.t('lab.key.code', { code: formatCode(code) }));
  out('');
  const width = Math.max(...lab.exercises.map((e) => e.id.length));
  for (const e of entries) {
    const x = e.item.exercise;
    out(
      `${String(x.number).padStart(3)}. ${x.id.padEnd(width)}  ${ctx.t('lab.key.points', { points: formatNumber(x.points) }).padEnd(10)}  ${'answer' in e ? e.answer : ''}`,
    );
  }
  return EXIT.ok;
}

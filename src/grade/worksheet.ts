/**
 * A student's questions on paper or for tools: Markdown with every grid as a table, or JSON.
 * Neither holds an answer. With a course secret the sheet carries the student's access code,
 * so they can also open the same lab in the tutor. The JSON says `"generator": "cnn-tutor"`,
 * and Markdown written to a file starts with `WORKSHEET_MARKER` (a comment, which Markdown
 * does not show): that is how cnn-tutor knows a worksheet it may replace.
 */
import { formatNumber } from '../content/answer-format.js';
import type { Display, Question } from '../content/types.js';
import type { Lab } from './lab.js';
import type { LabQuestion } from './lab-questions.js';
import { GENERATOR, firstLine, isGeneratedJson, jsonObject } from './output-signature.js';
import type { Translate } from './report-text.js';
import { formatCode } from './variant.js';

/** The first line of a Markdown worksheet written to a file. */
export const WORKSHEET_MARKER = `<!-- ${GENERATOR} worksheet -->`;

/** True when the text is a Markdown worksheet that cnn-tutor wrote to a file. */
export function isWorksheetMarkdown(text: string): boolean {
  return firstLine(text) === WORKSHEET_MARKER;
}

/** True when the text is a JSON worksheet that cnn-tutor wrote. */
export function isWorksheetJson(text: string): boolean {
  const value = jsonObject(text);
  return value !== undefined && isGeneratedJson(value) && Array.isArray(value.exercises);
}

export interface WorksheetOptions {
  readonly t: Translate;
  /** The access code to print (only when the lab uses a course secret), canonical. */
  readonly code?: string;
}

function table(grid: readonly (readonly number[])[]): string[] {
  const cols = grid[0]?.length ?? 0;
  const header = ['', ...Array.from({ length: cols }, (_, c) => String(c))];
  const rows = grid.map((row, r) => [`**${r}**`, ...row.map((v) => formatNumber(v))]);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '--:')), ...rows.map(line)];
}

function displayMarkdown(d: Display, t: Translate): string[] {
  switch (d.type) {
    case 'grid':
      return [`**${d.title}**`, '', ...table(d.grid)];
    case 'channels':
      return d.channels.flatMap((grid, c) => [
        ...(c > 0 ? [''] : []),
        `**${t('lab.worksheet.channel', { title: d.title, channel: c })}**`,
        '',
        ...table(grid),
      ]);
    case 'list':
      return [`**${d.title}**`, '', ...table([d.values])];
    case 'text':
      return ['```', d.text, '```'];
  }
}

/** How to write the answer, for the line under each question. */
function answerHint(q: Question, t: Translate): string {
  switch (q.kind) {
    case 'number':
      return t('lab.worksheet.answer.number');
    case 'shape':
      return t('lab.worksheet.answer.shape');
    case 'grid':
      return q.gridSize
        ? t('lab.worksheet.answer.gridSize', { rows: q.gridSize.rows, cols: q.gridSize.cols })
        : t('lab.worksheet.answer.grid');
    case 'choice':
      return t('lab.worksheet.answer.choice');
    case 'yesno':
      return t('lab.worksheet.answer.yesno');
  }
}

export function worksheetMarkdown(
  lab: Lab,
  student: string,
  questions: readonly LabQuestion[],
  options: WorksheetOptions,
): string {
  const { t } = options;
  const lines = [`# ${lab.title}`, ''];
  lines.push(
    t('lab.worksheet.student', { student, lab: lab.id, points: formatNumber(lab.maxScore) }),
  );
  if (options.code) lines.push('', t('lab.worksheet.code', { code: formatCode(options.code) }));
  if (lab.instructions) lines.push('', lab.instructions.trim());
  lines.push('', t('lab.worksheet.howTo'));
  for (const item of questions) {
    const e = item.exercise;
    lines.push(
      '',
      `## ${t('lab.worksheet.heading', { number: e.number, title: e.def.title, points: e.points })}`,
      '',
      `\`${e.id}\``,
      '',
    );
    if (!item.ok) {
      lines.push(t('lab.worksheet.broken', { error: item.error }));
      continue;
    }
    const q = item.question;
    lines.push(q.prompt.trim());
    for (const d of q.displays) lines.push('', ...displayMarkdown(d, t));
    if (q.options)
      lines.push('', ...q.options.map((o, k) => `- **${String.fromCharCode(97 + k)})** ${o}`));
    if (q.tolerance > 0)
      lines.push('', t('lab.worksheet.tolerance', { tolerance: formatNumber(q.tolerance) }));
    lines.push(
      '',
      `${t('lab.worksheet.answerLine', { hint: answerHint(q, t) })} ______________________`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function worksheetJson(
  lab: Lab,
  student: string,
  questions: readonly LabQuestion[],
  options: WorksheetOptions,
): string {
  const sheet = {
    generator: GENERATOR,
    format: 1,
    lab: lab.id,
    title: lab.title,
    instructions: lab.instructions ?? null,
    student,
    code: options.code ? formatCode(options.code) : null,
    max_score: lab.maxScore,
    exercises: questions.map((item) => {
      const e = item.exercise;
      const head = {
        id: e.id,
        number: e.number,
        title: e.def.title,
        points: e.points,
        grid_scoring: e.gridScoring,
      };
      if (!item.ok) return { ...head, error: item.error };
      const q = item.question;
      return {
        ...head,
        kind: q.kind,
        prompt: q.prompt,
        displays: q.displays,
        options: q.options ?? null,
        grid_size: q.gridSize ?? null,
        tolerance: q.tolerance,
      };
    }),
  };
  return `${JSON.stringify(sheet, null, 2)}\n`;
}

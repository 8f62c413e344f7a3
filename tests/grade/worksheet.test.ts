/** Worksheets: the student's own questions, no answers, grids as Markdown tables. */
import { describe, expect, it } from 'vitest';
import { keyAnswer } from '../../src/grade/answer-key.js';
import { accessCode, labQuestions } from '../../src/grade/lab-questions.js';
import { loadLab } from '../../src/grade/load-lab.js';
import { worksheetJson, worksheetMarkdown } from '../../src/grade/worksheet.js';
import { ROOT, course, t } from './make-class.js';

const lab = loadLab('lab-1', { course: course(), root: ROOT }).lab!;
const questions = labQuestions(lab, 'alice', {
  code: accessCode(lab.id, 'alice', {}),
  lang: 'en',
  t,
});

describe('worksheet (Markdown)', () => {
  const md = worksheetMarkdown(lab, 'alice', questions, { t });

  it('has every question, in order, with its points', () => {
    expect(
      md.startsWith(
        `# ${lab.title}\n\nStudent: **alice** · lab \`lab-1\` · ${lab.maxScore} points\n`,
      ),
    ).toBe(true);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(
      lab.exercises.map(
        (e) => `## ${e.number}. ${e.def.title} (${e.points} point${e.points === 1 ? '' : 's'})`,
      ),
    );
    expect(md.match(/^\*\*Answer\*\* \(/gm)?.length).toBe(lab.exercises.length);
  });

  it('draws grids as tables with row and column numbers', () => {
    const first = questions.find(
      (q) =>
        q.ok &&
        q.question.displays.some((d) => d.type === 'grid' && d.grid.flat().every(Number.isInteger)),
    )!;
    if (!first.ok) throw new Error(first.error);
    const grid = first.question.displays.find((d) => d.type === 'grid')!;
    if (grid.type !== 'grid') throw new Error('expected a grid');
    const cols = grid.grid[0].map((_, c) => c);
    const table = [
      `|  | ${cols.join(' | ')} |`,
      `| --: | ${cols.map(() => '--:').join(' | ')} |`,
      ...grid.grid.map((row, r) => `| **${r}** | ${row.join(' | ')} |`),
    ].join('\n');
    expect(md).toContain(`**${grid.title}**\n\n${table}`);
  });

  it('holds no answer (none of the key answers that could not appear by chance)', () => {
    for (const q of questions) {
      if (!q.ok) continue;
      const answer = keyAnswer(q.question);
      if (answer.includes(';') || /x\d/.test(answer)) expect(md).not.toContain(answer);
    }
  });

  it('shows the access code only when given', () => {
    expect(md).not.toContain('Access code');
    const code = accessCode(lab.id, 'alice', { secret: 's' });
    expect(worksheetMarkdown(lab, 'alice', questions, { t, code })).toContain(
      `Access code: **${code.match(/.{4}/g)!.join('-')}**`,
    );
  });
});

describe('worksheet (JSON)', () => {
  it('lists each question for tools, without answers', () => {
    const sheet = JSON.parse(worksheetJson(lab, 'alice', questions, { t }));
    expect(Object.keys(sheet)).toEqual([
      'generator',
      'format',
      'lab',
      'title',
      'instructions',
      'student',
      'code',
      'max_score',
      'exercises',
    ]);
    expect(sheet).toMatchObject({
      generator: 'cnn-tutor',
      format: 1,
      lab: 'lab-1',
      student: 'alice',
      code: null,
      max_score: lab.maxScore,
    });
    expect(sheet.exercises).toHaveLength(lab.exercises.length);
    for (const [k, e] of sheet.exercises.entries()) {
      expect(Object.keys(e)).toEqual([
        'id',
        'number',
        'title',
        'points',
        'grid_scoring',
        'kind',
        'prompt',
        'displays',
        'options',
        'grid_size',
        'tolerance',
      ]);
      expect(e.id).toBe(lab.exercises[k].id);
    }
    expect(JSON.stringify(sheet)).not.toMatch(/expected|solution/i);
  });
});

/**
 * Home as lines: the course's lessons with a mark and a progress bar each, the overall
 * progress, where to continue, a notice from loading progress, and one line per content
 * file that failed to load.
 */
import type { ContentProblem, Course, Lesson } from '../../content/course.js';
import { type Progress, lessonProgress } from '../../content/progress.js';
import type { Message } from '../../i18n/index.js';
import { padEndTo, truncateToWidth } from '../../render/index.js';
import { type Translate, type ViewOptions, fit, glyphs, say, wrap } from '../../view/text.js';
import { continueTarget } from '../state/continue.js';
import { progressBar } from './progress-bar.js';

/** A bar row: the label padded to its column, the bar, the count after it. */
interface BarRow {
  readonly label: string;
  readonly fraction: number;
  readonly barWidth: number;
  readonly count: string;
}

function barLine(row: BarRow, ascii: boolean): string {
  return row.label + progressBar(row.fraction, row.barWidth, ascii) + row.count;
}

export interface HomeInput {
  readonly course: Course;
  readonly problems: readonly ContentProblem[];
  readonly progress: Progress;
  readonly selected: number;
  readonly notice?: Message | string;
}

export interface HomeModel {
  readonly rows: string[];
  /** The row of the selected lesson, to keep in view. */
  readonly selectedRow: number;
}

/** The exercise ids a lesson's steps show, in order. */
export function lessonExerciseIds(lesson: Lesson): string[] {
  return lesson.steps.flatMap((s) => (s.type === 'exercise' ? [s.exerciseId] : []));
}

/** At most this many problem lines on Home; the rest is summed up in one line. */
const MAX_PROBLEM_LINES = 4;

function problemRows(problems: readonly ContentProblem[], o: ViewOptions): string[] {
  if (problems.length === 0) return [];
  const g = glyphs(o.ascii);
  const byFile = new Map<string, ContentProblem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const files = [...byFile.entries()];
  const rows: string[] = [
    '',
    o.style.warn(truncateToWidth(o.t('tui.home.problems', { count: problems.length }), o.width)),
  ];
  for (const [file, list] of files.slice(0, MAX_PROBLEM_LINES)) {
    const first = list[0];
    const where = `${file}${first.line === undefined ? '' : `:${first.line}`}`;
    const more =
      list.length > 1 ? ` ${o.t('tui.home.problem-more', { count: list.length - 1 })}` : '';
    rows.push(
      truncateToWidth(
        `  ${g.warn} ${where}${more}: ${first.message.replace(/\s+/g, ' ')}`,
        o.width,
      ),
    );
  }
  if (files.length > MAX_PROBLEM_LINES) {
    rows.push(
      truncateToWidth(
        `  ${o.t('tui.home.problem-files-more', { count: files.length - MAX_PROBLEM_LINES })}`,
        o.width,
      ),
    );
  }
  return rows;
}

function continueText(input: HomeInput, t: Translate): string {
  const started = input.progress.last || Object.keys(input.progress.lessons).length > 0;
  if (!started) return t('tui.home.start');
  const target = continueTarget(input.course, input.progress);
  if (target.kind === 'complete') return t('tui.home.complete');
  const lesson = input.course.lessons[target.lesson];
  return t('tui.home.continue', {
    lesson: lesson.title,
    step: target.step + 1,
    steps: lesson.steps.length,
  });
}

/** "3/6", and how many more were only looked at ("+1 shown"): those are not solved. */
function countText(correct: number, revealed: number, total: number, t: Translate): string {
  if (total === 0) return '';
  const shown = revealed > 0 ? ` ${t('tui.home.shown', { count: revealed })}` : '';
  return ` ${correct}/${total}${shown}`;
}

export function homeModel(input: HomeInput, o: ViewOptions): HomeModel {
  const { course, progress, t, style } = { ...input, ...o };
  const g = glyphs(o.ascii);
  const rows: string[] = [];
  const text = (line: string): void => {
    rows.push(line);
  };
  text(style.bold(truncateToWidth(t('tui.home.title'), o.width)));
  if (input.notice !== undefined) {
    fit(wrap(say(t, input.notice), o.width), o.width).forEach((line) => text(style.warn(line)));
  }
  text('');

  const barWidth = Math.max(6, Math.min(20, Math.floor(o.width / 5)));
  const countWidth = 14;
  const labelWidth = Math.max(8, o.width - barWidth - countWidth - 2);
  const summaries = course.lessons.map((lesson) =>
    lessonProgress(progress, lesson.id, lessonExerciseIds(lesson)),
  );
  const correct = summaries.reduce((n, s) => n + s.correct, 0);
  const revealed = summaries.reduce((n, s) => n + s.revealed, 0);
  const total = summaries.reduce((n, s) => n + s.total, 0);
  // Bars fill with what the learner solved; answers only looked at ("show me") do not count.
  const solved = (s: { correct: number; total: number; completed: boolean }): number =>
    s.total === 0 ? (s.completed ? 1 : 0) : s.correct / s.total;
  if (course.lessons.length > 0) {
    rows.push(
      barLine(
        {
          label: padEndTo(truncateToWidth(t('tui.home.overall'), labelWidth - 1), labelWidth),
          fraction: total === 0 ? 0 : correct / total,
          barWidth,
          count: truncateToWidth(
            countText(correct, revealed, total, t),
            Math.max(1, o.width - labelWidth - barWidth),
          ),
        },
        o.ascii,
      ),
    );
    text(truncateToWidth(continueText(input, t), o.width));
    text('');
  } else {
    fit(wrap(t('tui.home.no-lessons'), o.width), o.width).forEach(text);
  }

  let selectedRow = 0;
  course.lessons.forEach((lesson, i) => {
    const s = summaries[i];
    const started = Object.hasOwn(progress.lessons, lesson.id) || s.done > 0;
    const mark = s.completed && s.correct === s.total ? g.done : started ? g.started : g.fresh;
    const selected = i === input.selected;
    const head = `${selected ? g.pointer : ' '} ${mark} ${i + 1}. ${lesson.title}`;
    if (selected) selectedRow = rows.length;
    rows.push(
      barLine(
        {
          label: padEndTo(
            truncateToWidth(selected ? style.bold(head) : head, labelWidth - 1),
            labelWidth,
          ),
          fraction: solved(s),
          barWidth,
          count: truncateToWidth(
            countText(s.correct, s.revealed, s.total, t),
            Math.max(1, o.width - labelWidth - barWidth),
          ),
        },
        o.ascii,
      ),
    );
    if (selected)
      text(style.dim(truncateToWidth(`      ${lesson.summary.replace(/\s+/g, ' ')}`, o.width)));
  });
  rows.push(...problemRows(input.problems, o));
  return { rows, selectedRow };
}

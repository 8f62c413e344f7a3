/**
 * The lab screen as the shell's frame: the list of exercises, or one exercise with its
 * question pinned above the answer line and what became of the last Enter below it.
 *
 * What the student sees about an answer is only whether it is saved, never whether it is right.
 */
import { answeredCount } from '../../grade/lab-session.js';
import type { LabQuestion } from '../../grade/lab-questions.js';
import type { Question } from '../../content/types.js';
import {
  displayWidth,
  padEndTo,
  padStartTo,
  sliceColumns,
  truncateToWidth,
} from '../../render/index.js';
import { answerFormatLines, displayLines } from '../../view/displays.js';
import { type ViewOptions, fit, glyphs, say, wrap } from '../../view/text.js';
import type { FrameModel } from '../shell/frame.js';
import { type LabScreenState, currentItem, draftOf, isUnsaved } from './reducer.js';

/** `text` cut at the start to `width` columns ("…/lab/alice.lab-1.json"): a path's end matters. */
export function shortenStart(text: string, width: number): string {
  const w = displayWidth(text);
  if (w <= width) return text;
  if (width <= 1) return '…'.slice(0, Math.max(0, width));
  return `…${sliceColumns(text, w - (width - 1))}`;
}

/** The lab's title, then the student, how many are answered and the file, on one line if they fit. */
function headerLines(state: LabScreenState, o: ViewOptions): string[] {
  const { session } = state;
  const progress = o.t('lab.screen.progress', {
    student: session.student,
    answered: answeredCount(session),
    total: session.questions.length,
  });
  const sep = `  ${glyphs(o.ascii).dot}  `;
  const fileText = (room: number) => {
    const bare = o.t('lab.screen.file', { file: '' });
    return o.t('lab.screen.file', { file: shortenStart(session.file, room - displayWidth(bare)) });
  };
  const room = o.width - displayWidth(progress + sep);
  const lines = [o.style.bold(truncateToWidth(session.lab.title, o.width))];
  if (room >= 30) lines.push(progress + sep + fileText(room));
  else lines.push(truncateToWidth(progress, o.width), fileText(o.width));
  return lines;
}

/** A message with `{file}` in it, the path shortened so the message keeps to one line. */
function withFile(key: string, params: Record<string, number>, file: string, o: ViewOptions) {
  const bare = o.t(key, { ...params, file: '' });
  return o.t(key, { ...params, file: shortenStart(file, o.width - displayWidth(bare)) });
}

/** What the last Enter led to, or whether the answer on the line is saved. At most two lines. */
function statusLines(state: LabScreenState, o: ViewOptions): string[] {
  const { notice, session } = state;
  const lines = (() => {
    if (notice?.kind === 'saved')
      return [o.style.ok(withFile('lab.screen.saved', { number: notice.number }, session.file, o))];
    if (notice?.kind === 'removed')
      return [
        o.style.ok(withFile('lab.screen.removed', { number: notice.number }, session.file, o)),
      ];
    if (notice?.kind === 'failed')
      return wrap(
        o.t('lab.screen.failed', { number: notice.number, error: say(o.t, notice.error) }),
        o.width,
      ).map(o.style.error);
    if (notice?.kind === 'syntax')
      return wrap(o.t('lab.screen.syntax', { problem: say(o.t, notice.error) }), o.width).map(
        o.style.warn,
      );
    if (notice?.kind === 'empty') return wrap(o.t('lab.screen.empty'), o.width).map(o.style.warn);
    const item = state.screen === 'exercise' ? currentItem(state) : undefined;
    if (!item?.ok) return [];
    const id = item.exercise.id;
    if (state.saving.some((r) => r.id === id)) return [o.style.dim(o.t('lab.screen.saving'))];
    if (isUnsaved(state, id)) return [o.style.dim(o.t('lab.screen.unsaved'))];
    if (session.answers.has(id)) return [o.style.dim(o.t('lab.screen.is-saved'))];
    return [];
  })();
  return fit(lines, o.width).slice(0, 2);
}

/** One exercise per row: pointer, number, title, points, and whether it has a saved answer. */
function listRows(state: LabScreenState, o: ViewOptions): string[] {
  const g = glyphs(o.ascii);
  const { questions } = state.session;
  const labels = {
    answered: `${g.done} ${o.t('lab.screen.row.answered')}`,
    unsaved: `${g.started} ${o.t('lab.screen.row.unsaved')}`,
    empty: `${g.fresh} ${o.t('lab.screen.row.empty')}`,
    broken: `${g.warn} ${o.t('lab.screen.row.broken')}`,
  };
  const statusWidth = Math.max(...Object.values(labels).map(displayWidth));
  const points = questions.map((q) => o.t('lab.screen.points', { points: q.exercise.points }));
  const pointsWidth = Math.max(...points.map(displayWidth));
  const numberWidth = String(questions.length).length + 1;
  const titleWidth = Math.max(8, o.width - 2 - numberWidth - 1 - 2 - pointsWidth - 2 - statusWidth);
  return questions.map((q, i) => {
    const id = q.exercise.id;
    const status = !q.ok
      ? o.style.error(labels.broken)
      : isUnsaved(state, id)
        ? o.style.warn(labels.unsaved)
        : state.session.answers.has(id)
          ? o.style.ok(labels.answered)
          : o.style.dim(labels.empty);
    const selected = i === state.selected;
    const title = padEndTo(truncateToWidth(q.exercise.def.title, titleWidth), titleWidth);
    const line = [
      `${selected ? g.pointer : ' '} ${padStartTo(`${q.exercise.number}.`, numberWidth)} `,
      selected ? o.style.bold(title) : title,
      `  ${padStartTo(points[i], pointsWidth)}  `,
      status,
    ].join('');
    return truncateToWidth(line, o.width);
  });
}

function listFrame(state: LabScreenState, o: ViewOptions): FrameModel {
  const { session } = state;
  const intro = [
    ...wrap(session.lab.instructions ?? '', o.width).slice(0, 4),
    ...(session.code === undefined ? [] : [o.t('lab.key.code', { code: session.code })]),
  ];
  return {
    header: [
      ...headerLines(state, o),
      '',
      ...intro.map(o.style.dim),
      ...(intro.length > 0 ? [''] : []),
    ],
    body: listRows(state, o),
    page: 'list',
    // The selected exercise and the one after it stay in view.
    focus: { from: state.selected, to: Math.min(state.selected + 1, session.questions.length - 1) },
    status: statusLines(state, o),
  };
}

/** How to type a grid here (the lab screen has no grid editor), else the tutor's wording. */
function formatLines(question: Question, o: ViewOptions): string[] {
  const size = question.gridSize;
  if (question.kind !== 'grid' || !size) return answerFormatLines(question, o);
  const lines = wrap(
    o.t('lab.screen.format.grid-size', { rows: size.rows, cols: size.cols }),
    o.width,
  );
  if (question.tolerance > 0)
    lines.push(...wrap(o.t('tui.exercise.tolerance', { tolerance: question.tolerance }), o.width));
  return lines.map((line) => o.style.dim(line));
}

function exerciseFrame(state: LabScreenState, o: ViewOptions): FrameModel {
  const item = currentItem(state)!;
  const e = item.exercise;
  const header = [
    ...headerLines(state, o),
    o.style.bold(
      truncateToWidth(
        o.t('lab.screen.heading', {
          number: e.number,
          total: state.session.questions.length,
          title: e.def.title,
          points: e.points,
        }),
        o.width,
      ),
    ),
  ];
  if (!item.ok)
    return {
      header,
      body: [
        '',
        ...wrap(o.t('lab.screen.unbuilt', { error: item.error }), o.width).map(o.style.error),
      ],
      page: e.id,
    };
  const q = item.question;
  return {
    header,
    body: ['', ...displayLines(q.displays, o), '', ...formatLines(q, o)],
    page: e.id,
    // The question stays in view above the answer line, whatever the grids above it.
    pinned: ['', ...wrap(q.prompt, o.width)],
    field: {
      id: e.id,
      label: o.t('lab.screen.answer-label'),
      value: draftOf(state, e.id),
      // Only the line without focus says to press Enter: on the focused line Enter saves.
      placeholder: state.focus === 'answer' ? '' : o.t('lab.screen.answer-placeholder'),
      focused: state.focus === 'answer',
    },
    below: statusLines(state, o),
  };
}

/** The lab screen's frame. */
export function labFrame(state: LabScreenState, o: ViewOptions): FrameModel {
  return state.screen === 'exercise' && currentItem(state)
    ? exerciseFrame(state, o)
    : listFrame(state, o);
}

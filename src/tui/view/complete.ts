/**
 * The course is complete: what the learner did, and what comes next (the digits trainer, the
 * X/O trainer, a lab, the worked solutions only looked at).
 */
import type { Course } from '../../content/course.js';
import { type Progress, lessonProgress } from '../../content/progress.js';
import type { FrameModel } from '../shell/frame.js';
import { type ViewOptions, glyphs, prose } from '../../view/text.js';
import { lessonExerciseIds } from './home.js';

export function completeFrame(course: Course, progress: Progress, o: ViewOptions): FrameModel {
  const g = glyphs(o.ascii);
  const summaries = course.lessons.map((l) => lessonProgress(progress, l.id, lessonExerciseIds(l)));
  const correct = summaries.reduce((n, s) => n + s.correct, 0);
  const total = summaries.reduce((n, s) => n + s.total, 0);
  const xo = course.lessons.findIndex((l) => l.tools.includes('trainer'));
  const next = [
    o.t('tui.complete.next.digits'),
    ...(xo >= 0 ? [o.t('tui.complete.next.xo', { n: xo + 1 })] : []),
    o.t('tui.complete.next.lab'),
    o.t('tui.complete.next.calc'),
  ];
  return {
    header: [o.style.bold(`${g.done} ${o.t('tui.complete.title')}`), ''],
    body: [
      ...prose(
        o.t('tui.complete.summary', { lessons: course.lessons.length, correct, total }),
        o.width,
        o.style,
      ),
      '',
      o.style.bold(o.t('tui.complete.next')),
      ...next.flatMap((line) => prose(`${g.pointer} ${line}`, o.width, o.style)),
    ],
    page: 'complete',
  };
}

/**
 * `grade --format junit`: JUnit XML, which GitHub Classroom, GitLab and most CI systems show.
 * One `<testsuite>` per file, one `<testcase>` per exercise; a wrong answer is a `<failure>`,
 * an unreadable answer or file an `<error>`. A file that cannot be graded is a suite with one
 * `submission` testcase carrying the error, so it is counted and shown like the others; a
 * file of a folder that is not a submission is a suite with one `<skipped>` testcase, which
 * no CI counts as a failure. `<testsuites name="cnn-tutor grade">` is how cnn-tutor knows
 * the file for its own.
 */
import { formatNumber } from '../content/answer-format.js';
import type { SkippedFile } from './grade-batch.js';
import type { ExerciseResult, SubmissionResult } from './grade-submission.js';
import type { Translate } from './report-text.js';
import { messageText } from './report-text.js';
import { safeText } from '../untrusted/safe-text.js';
import { xmlAttribute, xmlText } from './xml.js';

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${xmlAttribute(String(v))}"`)
    .join('');
}

function testcase(e: ExerciseResult, classname: string, t: Translate): string[] {
  const open = `    <testcase${attrs({ classname, name: `${e.number}. ${e.id}: ${e.title}`, time: 0 })}`;
  if (e.status === 'correct') return [`${open}/>`];
  const text = e.feedback.map((m) => messageText(t, m)).join('\n');
  const message = t('grade.junit.score', {
    score: formatNumber(e.score),
    max: formatNumber(e.maxScore),
    status: e.status,
  });
  const tag = e.status === 'invalid' || e.status === 'error' ? 'error' : 'failure';
  return [
    `${open}>`,
    `      <${tag}${attrs({ message: `${message} ${e.feedback.length > 0 ? messageText(t, e.feedback[0]) : ''}`.trim(), type: e.status })}>${xmlText(text)}</${tag}>`,
    '    </testcase>',
  ];
}

const SUITES_NAME = 'cnn-tutor grade';

/** True when the text is a JUnit report that cnn-tutor wrote. */
export function isJunitReport(text: string): boolean {
  return /^\uFEFF?<\?xml [^>]*\?>\s*<testsuites name="cnn-tutor grade"/.test(text);
}

/** Batch notes (an empty folder) concern no file and have no place in JUnit: the command prints them on stderr. */
export function junitReport(
  results: readonly SubmissionResult[],
  seconds: number,
  t: Translate,
  skippedFiles: readonly SkippedFile[] = [],
): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const r of results) {
    const name = r.student ? `${r.student} (${safeText(r.file, 200)})` : safeText(r.file, 200);
    const classname = `${r.lab ?? 'lab'}.${r.student ?? 'submission'}`;
    if (r.error) {
      tests++;
      errors++;
      suites.push(
        `  <testsuite${attrs({ name, tests: 1, failures: 0, errors: 1, skipped: 0, time: 0 })}>`,
        `    <testcase${attrs({ classname, name: 'submission', time: 0 })}>`,
        `      <error${attrs({ message: messageText(t, r.error), type: r.error.key })}/>`,
        '    </testcase>',
        '  </testsuite>',
      );
      continue;
    }
    const f = r.exercises.filter(
      (e) => e.status !== 'correct' && e.status !== 'invalid' && e.status !== 'error',
    ).length;
    const e = r.exercises.filter((x) => x.status === 'invalid' || x.status === 'error').length;
    tests += r.exercises.length;
    failures += f;
    errors += e;
    suites.push(
      `  <testsuite${attrs({ name, tests: r.exercises.length, failures: f, errors: e, skipped: 0, time: 0 })}>`,
    );
    suites.push(
      `    <properties>`,
      `      <property${attrs({ name: 'score', value: formatNumber(r.score) })}/>`,
      `      <property${attrs({ name: 'max_score', value: formatNumber(r.maxScore) })}/>`,
      `    </properties>`,
    );
    for (const x of r.exercises) suites.push(...testcase(x, classname, t));
    if (r.warnings.length > 0)
      suites.push(
        `    <system-out>${xmlText(r.warnings.map((m) => messageText(t, m)).join('\n'))}</system-out>`,
      );
    suites.push('  </testsuite>');
  }
  for (const s of skippedFiles) {
    tests++;
    skipped++;
    suites.push(
      `  <testsuite${attrs({ name: safeText(s.file, 200), tests: 1, failures: 0, errors: 0, skipped: 1, time: 0 })}>`,
      `    <testcase${attrs({ classname: 'skipped', name: 'submission', time: 0 })}>`,
      `      <skipped${attrs({ message: messageText(t, s.reason) })}/>`,
      '    </testcase>',
      '  </testsuite>',
    );
  }
  const head = `<testsuites${attrs({ name: SUITES_NAME, tests, failures, errors, ...(skipped > 0 ? { skipped } : {}), time: Math.round(seconds * 1000) / 1000 })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites, '</testsuites>', ''].join(
    '\n',
  );
}

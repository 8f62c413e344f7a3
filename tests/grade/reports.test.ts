/** The four report formats, checked field by field on a small graded class. */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/grade/class-summary.js';
import type { SubmissionResult } from '../../src/grade/grade-submission.js';
import { gradescopeResults } from '../../src/grade/report-gradescope.js';
import { jsonReport } from '../../src/grade/report-json.js';
import { junitReport } from '../../src/grade/report-junit.js';
import { textReport } from '../../src/grade/report-text.js';
import { safeText } from '../../src/untrusted/safe-text.js';
import { xmlAttribute, xmlText } from '../../src/grade/xml.js';
import { t } from './make-class.js';
import { findAll, parseXml } from './xml-check.js';

const exercises = (scores: Array<[number, string]>): SubmissionResult['exercises'] =>
  scores.map(([score, status], k) => ({
    id: ['conv-first-window', 'conv-whole-map', 'shape-random'][k],
    number: k + 1,
    title: ['One patch, by hand', 'The whole feature map', 'Output <shapes> & "sizes"'][k],
    score,
    maxScore: [1, 3, 2][k],
    status: status as SubmissionResult['exercises'][number]['status'],
    feedback:
      status === 'correct'
        ? [{ key: 'grade.feedback.correct' }]
        : status === 'partial'
          ? [{ key: 'grade.feedback.cells', params: { wrong: 1, total: 9, cells: '(0, 0)' } }]
          : status === 'unanswered'
            ? [{ key: 'grade.answer.missing' }]
            : status === 'invalid'
              ? [{ key: 'answer.grid.cell', params: { row: 1, col: 2, text: '<b>&' } }]
              : [{ key: 'grade.feedback.wrong' }, { key: 'mistake.kernel-flipped' }],
    ...(status === 'wrong' ? { mistake: 'kernel-flipped' as const } : {}),
    ...(status === 'partial' ? { wrongCells: [[0, 0]] as Array<[number, number]>, cells: 9 } : {}),
  }));

const alice: SubmissionResult = {
  file: 'alice.lab-1.json',
  student: 'alice',
  lab: 'lab-1',
  score: 6,
  maxScore: 6,
  exercises: exercises([
    [1, 'correct'],
    [3, 'correct'],
    [2, 'correct'],
  ]),
  warnings: [],
};
const bob: SubmissionResult = {
  file: 'bob.lab-1.json',
  student: 'bob',
  lab: 'lab-1',
  score: 2.67,
  maxScore: 6,
  exercises: exercises([
    [0, 'wrong'],
    [2.67, 'partial'],
    [0, 'invalid'],
  ]),
  warnings: [{ key: 'grade.warning.codeUnverified' }],
};
const carol: SubmissionResult = {
  file: 'carol.lab-1.json',
  student: 'carol',
  lab: 'lab-1',
  score: 1,
  maxScore: 6,
  exercises: exercises([
    [0, 'wrong'],
    [0, 'unanswered'],
    [2, 'correct'],
  ]).map((e, k) => (k === 0 ? e : e)),
  warnings: [],
};
carol.exercises[0] = {
  ...carol.exercises[0],
  score: 1,
  status: 'correct',
  feedback: [{ key: 'grade.feedback.correct' }],
  mistake: undefined,
};
carol.score = 3;
const broken: SubmissionResult = {
  file: 'x\u001b[31m.json',
  score: 0,
  maxScore: 6,
  exercises: [],
  warnings: [],
  error: {
    key: 'grade.json.syntax',
    params: { line: 1, column: 2, detail: 'expected a value, found `<`' },
  },
};
const results = [alice, bob, carol, broken];

describe('class summary', () => {
  it('has mean, median, the most missed exercise and the most common mistake', () => {
    const s = summarize(results);
    expect(s).toMatchObject({
      files: 4,
      graded: 3,
      notGraded: 1,
      lab: 'lab-1',
      maxScore: 6,
      meanScore: 3.89,
      medianScore: 3,
      meanPercent: 64.8,
      medianPercent: 50,
      mostMissed: { id: 'conv-whole-map', missed: 2, of: 3 },
      mostCommonMistake: { id: 'kernel-flipped', count: 1 },
    });
    expect(s.exercises[1]).toEqual({
      id: 'conv-whole-map',
      number: 2,
      title: 'The whole feature map',
      maxScore: 3,
      meanScore: 1.89,
      counts: { correct: 1, partial: 1, wrong: 0, unanswered: 1, invalid: 0, error: 0 },
    });
  });
  it('of nothing graded is empty, not NaN', () => {
    expect(summarize([broken])).toEqual({
      files: 1,
      graded: 0,
      notGraded: 1,
      skipped: 0,
      exercises: [],
    });
  });
});

describe('json', () => {
  it('has one entry per file and the summary', () => {
    const parsed = JSON.parse(jsonReport(results, summarize(results), [], t));
    expect(Object.keys(parsed)).toEqual(['generator', 'submissions', 'skipped', 'summary']);
    expect(parsed.generator).toBe('cnn-tutor');
    expect(parsed.skipped).toEqual([]);
    expect(parsed.submissions.map((s: { file: string }) => s.file)).toEqual([
      'alice.lab-1.json',
      'bob.lab-1.json',
      'carol.lab-1.json',
      'x?[31m.json',
    ]);
    expect(parsed.submissions[1]).toEqual({
      file: 'bob.lab-1.json',
      student: 'bob',
      lab: 'lab-1',
      score: 2.67,
      max_score: 6,
      percent: 44.5,
      exercises: [
        {
          id: 'conv-first-window',
          number: 1,
          title: 'One patch, by hand',
          score: 0,
          max_score: 1,
          status: 'wrong',
          feedback: `Not right. ${t('mistake.kernel-flipped')}`,
          feedback_keys: ['grade.feedback.wrong', 'mistake.kernel-flipped'],
          wrong_cells: null,
          cells: null,
          mistake: 'kernel-flipped',
          answer: null,
        },
        expect.objectContaining({
          status: 'partial',
          wrong_cells: [[0, 0]],
          cells: 9,
          feedback: '1 of 9 cells are wrong: (0, 0) (row, column, counted from 0).',
        }),
        expect.objectContaining({
          status: 'invalid',
          feedback:
            'Row 1, number 2: <b>& is not a number. Numbers look like 0.55, .55, 5/9 or -1.',
        }),
      ],
      warnings: [t('grade.warning.codeUnverified')],
      error: null,
      error_key: null,
    });
    expect(parsed.submissions[3]).toMatchObject({
      student: null,
      score: 0,
      exercises: [],
      error_key: 'grade.json.syntax',
      error: 'The file is not valid JSON (line 1, column 2: expected a value, found `<`).',
    });
    expect(parsed.summary).toMatchObject({
      files: 4,
      graded: 3,
      not_graded: 1,
      mean_score: 3.89,
      most_common_mistake: { id: 'kernel-flipped', count: 1, message: t('mistake.kernel-flipped') },
    });
  });
});

describe('gradescope', () => {
  it("writes results.json for one student's submission, field by field", () => {
    const r = gradescopeResults([bob], [], 0.1234, t);
    expect(Object.keys(r).sort()).toEqual([
      'execution_time',
      'extra_data',
      'output',
      'output_format',
      'score',
      'tests',
    ]);
    expect(r.score).toBe(2.67);
    expect(r.execution_time).toBe(0.123);
    expect(r.output).toBe(`bob, lab-1: 2.67 / 6 points.\n${t('grade.warning.codeUnverified')}`);
    expect(r.output_format).toBe('text');
    expect(r.tests).toEqual([
      {
        name: '1. One patch, by hand (conv-first-window)',
        number: '1',
        score: 0,
        max_score: 1,
        status: 'failed',
        output: `Not right.\n${t('mistake.kernel-flipped')}`,
        output_format: 'text',
      },
      {
        name: '2. The whole feature map (conv-whole-map)',
        number: '2',
        score: 2.67,
        max_score: 3,
        status: 'failed',
        output: '1 of 9 cells are wrong: (0, 0) (row, column, counted from 0).',
        output_format: 'text',
      },
      {
        name: '3. Output <shapes> & "sizes" (shape-random)',
        number: '3',
        score: 0,
        max_score: 2,
        status: 'failed',
        output: 'Row 1, number 2: <b>& is not a number. Numbers look like 0.55, .55, 5/9 or -1.',
        output_format: 'text',
      },
    ]);
    expect(
      gradescopeResults([alice], [], 0, t).tests.every(
        (x) => x.status === 'passed' && x.score === x.max_score,
      ),
    ).toBe(true);
  });

  it('explains a submission it cannot grade, none, or several', () => {
    expect(gradescopeResults([broken], [], 0, t)).toEqual({
      score: 0,
      execution_time: 0,
      output:
        'Your submission could not be graded. The file is not valid JSON (line 1, column 2: expected a value, found `<`).',
      output_format: 'text',
      tests: [],
      extra_data: { generator: 'cnn-tutor' },
    });
    expect(gradescopeResults([], [], 0, t).output).toBe(t('grade.gradescope.none'));
    expect(gradescopeResults([alice, bob], [], 0, t).output).toBe(
      '2 JSON files were uploaded (alice.lab-1.json, bob.lab-1.json). Upload only your submission file.',
    );
  });
});

describe('junit', () => {
  const xml = junitReport(results, 0.5, t);
  const root = parseXml(xml);

  it('is well-formed XML with counts that add up', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toEqual({
      name: 'cnn-tutor grade',
      tests: '10',
      failures: '3',
      errors: '2',
      time: '0.5',
    });
    const suites = findAll(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual([
      'alice (alice.lab-1.json)',
      'bob (bob.lab-1.json)',
      'carol (carol.lab-1.json)',
      'x?[31m.json',
    ]);
    expect(
      suites.map((s) => [s.attributes.tests, s.attributes.failures, s.attributes.errors]),
    ).toEqual([
      ['3', '0', '0'],
      ['3', '2', '1'],
      ['3', '1', '0'],
      ['1', '0', '1'],
    ]);
  });

  it('one testcase per exercise; failures and errors carry the feedback, escaped and read back intact', () => {
    const bobSuite = findAll(root, 'testsuite')[1];
    const cases = findAll(bobSuite, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual([
      '1. conv-first-window: One patch, by hand',
      '2. conv-whole-map: The whole feature map',
      '3. shape-random: Output <shapes> & "sizes"',
    ]);
    expect(cases.every((c) => c.attributes.classname === 'lab-1.bob')).toBe(true);
    expect(findAll(cases[0], 'failure')[0]).toMatchObject({
      attributes: { message: '0 / 1 points (wrong). Not right.', type: 'wrong' },
      text: `Not right.\n${t('mistake.kernel-flipped')}`,
    });
    expect(findAll(cases[2], 'error')[0].text).toBe(
      'Row 1, number 2: <b>& is not a number. Numbers look like 0.55, .55, 5/9 or -1.',
    );
    expect(findAll(bobSuite, 'property').map((p) => p.attributes)).toEqual([
      { name: 'score', value: '2.67' },
      { name: 'max_score', value: '6' },
    ]);
    expect(findAll(bobSuite, 'system-out')[0].text).toBe(t('grade.warning.codeUnverified'));
    expect(findAll(findAll(root, 'testsuite')[3], 'error')[0].attributes).toEqual({
      message: 'The file is not valid JSON (line 1, column 2: expected a value, found `<`).',
      type: 'grade.json.syntax',
    });
  });

  it('escapes anything a file name or answer can hold', () => {
    const nasty = 'a<b>&"c\'\n\t\u0000\u0007\ud800z';
    const r: SubmissionResult = {
      ...broken,
      file: nasty,
      error: { key: 'answer.grid.cell', params: { row: 1, col: 1, text: nasty } },
    };
    const doc = parseXml(junitReport([r], 0, t));
    expect(findAll(doc, 'testsuite')[0].attributes.name).toBe(safeText(nasty, 200));
    expect(findAll(doc, 'error')[0].attributes.message).toBe(
      t('answer.grid.cell', { row: 1, col: 1, text: nasty.replace(/[\u0000\u0007\ud800]/g, '?') }),
    );
  });

  it('xmlText and xmlAttribute', () => {
    expect(xmlText('a<b>&c"\'\u0001\ud83d\ude00')).toBe('a&lt;b&gt;&amp;c"\'?\ud83d\ude00');
    expect(xmlAttribute('a"b\nc\td<')).toBe('a&quot;b&#10;c&#9;d&lt;');
  });
});

describe('text', () => {
  it('per file, then the class', () => {
    const lines = textReport(results, [], { t, summary: summarize(results) });
    expect(lines.slice(0, 5)).toEqual([
      'alice.lab-1.json: alice, lab-1: 6 / 6 points (100%)',
      '  ✓ 1 / 1  1. One patch, by hand (conv-first-window)',
      '  ✓ 3 / 3  2. The whole feature map (conv-whole-map)',
      '  ✓ 2 / 2  3. Output <shapes> & "sizes" (shape-random)',
      '',
    ]);
    expect(lines).toContain('  ~ 2.67 / 3  2. The whole feature map (conv-whole-map)');
    expect(lines).toContain(
      '              1 of 9 cells are wrong: (0, 0) (row, column, counted from 0).',
    );
    expect(lines).toContain(`  note: ${t('grade.warning.codeUnverified')}`);
    expect(lines).toContain(
      'x?[31m.json: not graded. The file is not valid JSON (line 1, column 2: expected a value, found `<`).',
    );
    expect(lines.slice(lines.indexOf('Class: 4 files, 3 graded, 1 not graded'))).toEqual([
      'Class: 4 files, 3 graded, 1 not graded',
      '  mean 3.89 / 6 (64.8%), median 3 / 6 (50%)',
      '  most often missed: The whole feature map (conv-whole-map), by 2 of 3',
      `  most common mistake: kernel-flipped (1 answer): ${t('mistake.kernel-flipped')}`,
      '  per exercise:',
      '     1. conv-first-window  mean 0.67 / 1: 2 right, 0 partly, 1 wrong, 0 unanswered, 0 unreadable',
      '     2. conv-whole-map     mean 1.89 / 3: 1 right, 1 partly, 0 wrong, 1 unanswered, 0 unreadable',
      '     3. shape-random       mean 1.33 / 2: 2 right, 0 partly, 0 wrong, 0 unanswered, 1 unreadable',
    ]);
  });
  it('ASCII marks', () => {
    expect(
      textReport([bob], [], { t, ascii: true })
        .filter((l) => /^ {2}\S /.test(l))
        .map((l) => l[2]),
    ).toEqual(['x', '~', '!']);
  });
});

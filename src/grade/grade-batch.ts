/**
 * Grade many submission files: the paths given, and every `*.json` in the folders given.
 * The course and each lab are loaded once per run; questions are built per student. One bad
 * file gives one error entry and the rest are graded normally; nothing here writes a file.
 *
 * A file named on the command line is always graded. In a folder only submissions are: a
 * symbolic link is not followed and JSON that is not a submission (a report of cnn-tutor's
 * own, `package.json`) is not graded; both are listed as skipped, apart from the results, so
 * they never count as failed or as 0%.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ContentProblem, Course } from '../content/course.js';
import type { Message } from '../i18n/index.js';
import { type GradeOptions, type SubmissionResult, gradeSubmission } from './grade-submission.js';
import type { Lab } from './lab.js';
import { loadLab } from './load-lab.js';
import { readFolderFile, readSubmissionFile } from './read-submission.js';
import { safeText } from '../untrusted/safe-text.js';

export interface BatchOptions extends GradeOptions {
  readonly course: Course;
  /** The course folder, where labs named by id are found. */
  readonly root: string;
  /** The lab every file must be for (`--lab`); without it, each file's `lab` is looked up in the course. */
  readonly lab?: Lab;
  /** Where relative paths start. @default process.cwd() */
  readonly cwd?: string;
}

/** A file in a folder that was not graded, and why (a link, JSON that is not a submission). */
export interface SkippedFile {
  /** As found: `<folder>/<name>`. */
  file: string;
  reason: Message;
}

export interface BatchResult {
  /** One per file graded or failed, in the order found (folders sorted by name). */
  results: SubmissionResult[];
  /** Files in a folder that are not submissions, in the order found. */
  skipped: SkippedFile[];
  /** The absolute paths of the files read as submissions: no report may be written over one. */
  inputs: string[];
  /** The labs used, by id. */
  labs: Map<string, Lab>;
  /** Problems in a course lab that a submission named: the run must stop with exit code 2. */
  labProblems: ContentProblem[];
  /** Things worth saying that concern no file (an empty folder). */
  notes: Message[];
  /** Wall-clock time of the whole batch. */
  seconds: number;
}

export interface FoundFile {
  /** As given, or `<folder>/<name>` for a file found in a folder. */
  file: string;
  path: string;
  /** The folder it was found in, as given; absent for a file named on the command line. */
  folder?: string;
}

/** The files to grade: files as given, folders expanded to their `*.json` (not recursive, no dot files). */
export function collectSubmissionFiles(
  paths: readonly string[],
  options: { cwd?: string } = {},
): { files: FoundFile[]; notes: Message[] } {
  const cwd = options.cwd ?? process.cwd();
  const seen = new Set<string>();
  const files: FoundFile[] = [];
  const notes: Message[] = [];
  const add = (file: string, folder?: string): void => {
    const path = resolve(cwd, file);
    if (seen.has(path)) return;
    seen.add(path);
    files.push(folder === undefined ? { file, path } : { file, path, folder });
  };
  for (const given of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(resolve(cwd, given)).isDirectory();
    } catch {
      // Missing or unreadable: listed as a file, and reading it says what is wrong.
    }
    if (!isFolder) {
      add(given);
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(resolve(cwd, given)).sort();
    } catch (error) {
      notes.push({
        key: 'grade.batch.folderUnreadable',
        params: {
          folder: safeText(given, 200),
          error: (error as NodeJS.ErrnoException).code ?? 'error',
        },
      });
      continue;
    }
    const json = names.filter((n) => /\.json$/i.test(n) && !n.startsWith('.'));
    if (json.length === 0)
      notes.push({ key: 'grade.batch.emptyFolder', params: { folder: safeText(given, 200) } });
    for (const name of json) add(join(given, name), given);
  }
  return { files, notes };
}

export function gradeFiles(paths: readonly string[], options: BatchOptions): BatchResult {
  const start = performance.now();
  const { files, notes } = collectSubmissionFiles(paths, options);
  const labs = new Map<string, Lab>();
  if (options.lab) labs.set(options.lab.id, options.lab);
  const missingLabs = new Set<string>();
  const labProblems: ContentProblem[] = [];

  const labFor = (id: string): Lab | undefined => {
    const known = labs.get(id);
    if (known || options.lab || missingLabs.has(id)) return known;
    const loaded = loadLab(
      { kind: 'id', id },
      { course: options.course, root: options.root, lang: options.lang, cwd: options.cwd },
    );
    if (loaded.lab) {
      labs.set(id, loaded.lab);
      return loaded.lab;
    }
    missingLabs.add(id);
    // A lab that exists but is broken is the teacher's to fix; one that does not exist is the file's problem.
    if (!loaded.problems.every((p) => /^no lab /.test(p.message)))
      labProblems.push(...loaded.problems);
    return undefined;
  };

  const results: SubmissionResult[] = [];
  const skipped: SkippedFile[] = [];
  const inputs: string[] = [];
  const graded = (file: FoundFile): SubmissionResult | undefined => {
    const { file: name, path } = file;
    const failed = (error: Message): SubmissionResult => ({
      file: name,
      score: 0,
      maxScore: options.lab?.maxScore ?? 0,
      exercises: [],
      warnings: [],
      error,
    });
    try {
      const read = file.folder === undefined ? readSubmissionFile(path) : readFolderFile(path);
      if ('skipped' in read) {
        skipped.push({ file: name, reason: read.skipped });
        return undefined;
      }
      inputs.push(path);
      if (!read.ok) return failed(read.error);
      const submission = read.submission;
      if (options.lab && submission.lab !== options.lab.id) {
        return {
          ...failed({
            key: 'grade.submission.wrongLab',
            params: { lab: submission.lab, expected: options.lab.id },
          }),
          student: submission.student,
        };
      }
      const lab = labFor(submission.lab);
      if (!lab)
        return {
          ...failed({ key: 'grade.submission.unknownLab', params: { lab: submission.lab } }),
          student: submission.student,
          lab: submission.lab,
        };
      return gradeSubmission(name, lab, submission, options);
    } catch (error) {
      // A bug of ours must not cost the rest of the class their grades.
      return failed({
        key: 'grade.file.internal',
        params: { error: safeText(error instanceof Error ? error.message : String(error), 200) },
      });
    }
  };
  // Folders with files, and how many of them were submissions.
  const perFolder = new Map<string, number>();
  for (const file of files) {
    const result = graded(file);
    if (result !== undefined) results.push(result);
    if (file.folder !== undefined)
      perFolder.set(file.folder, (perFolder.get(file.folder) ?? 0) + (result ? 1 : 0));
  }
  // A folder whose every file was skipped has no submissions either.
  for (const [folder, count] of perFolder)
    if (count === 0)
      notes.push({ key: 'grade.batch.emptyFolder', params: { folder: safeText(folder, 200) } });
  return {
    results,
    skipped,
    inputs,
    labs,
    labProblems,
    notes,
    seconds: (performance.now() - start) / 1000,
  };
}

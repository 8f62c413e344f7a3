/**
 * Lab files → a `Lab`, checked the way the course loader checks content: every problem is
 * reported with its file, line and field, and the message says how to fix it.
 *
 * ```yaml
 * format: 1
 * id: lab-1                      # part of every student's seed: never rename a lab in use
 * title: Convolution by hand
 * instructions: Answer every question; your answers are saved as you go.   # optional
 * grid-scoring: per-cell         # optional: all-or-nothing (default) | per-cell
 * exercises:
 *   - id: conv-first-window      # an exercise id of the course
 *     points: 2                  # optional, default 1
 *   - id: conv-whole-map
 *     points: 4
 *     grid-scoring: all-or-nothing   # optional, overrides the lab's rule for this exercise
 * ```
 *
 * A lab is named on the command line by id (`lab-1` → `exercises/labs/lab-1.yaml` in the
 * course) or by path (anything with a `/` or `\`, or ending in `.yaml` / `.yml`).
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type { ContentProblem, Course } from '../content/course.js';
import { ID_PATTERN, textSchema } from '../content/schema.js';
import {
  type PathKey,
  type YamlSource,
  fieldName,
  issueProblems,
  lineOf,
  readYaml,
  suggestField,
} from '../content/yaml-source.js';
import { pickText } from '../i18n/index.js';
import { GRID_SCORINGS, type GridScoring, type Lab, type LabExercise } from './lab.js';

/** Where the course keeps its labs, relative to the course root. */
export const LABS_DIR = 'exercises/labs';

/** Larger lab files are refused unread: a lab lists tens of exercises, not megabytes. */
export const MAX_LAB_BYTES = 256 * 1024;

const id = z.string().regex(ID_PATTERN, { error: 'expected a kebab-case id such as `lab-1`' });
const gridScoring = z.enum(GRID_SCORINGS as [GridScoring, ...GridScoring[]], {
  error: `expected ${GRID_SCORINGS.map((s) => `\`${s}\``).join(' or ')}`,
});

const labExerciseSchema = z.strictObject({
  id,
  points: z
    .number({ error: 'expected a number of points such as 1 or 2.5' })
    .positive({ error: 'points must be more than 0' })
    .max(1000, { error: 'at most 1000 points per exercise' })
    .optional(),
  'grid-scoring': gridScoring.optional(),
});

export const labSchema = z.strictObject({
  format: z.literal(1, { error: '`format` must be 1 (the version of the lab file format)' }),
  id,
  title: textSchema,
  instructions: textSchema.optional(),
  'grid-scoring': gridScoring.optional(),
  exercises: z
    .array(labExerciseSchema, { error: 'expected a list of exercises (`- id: …`)' })
    .min(1, { error: 'list at least one exercise' }),
});

const LAB_FIELDS = [...Object.keys(labSchema.shape), ...Object.keys(labExerciseSchema.shape)];

export type LabRef = { kind: 'id'; id: string } | { kind: 'path'; path: string };

/** `lab-1` → an id in the course; `labs/week3.yaml`, `./x.yml`, `C:\labs\x.yaml` → a path. */
export function parseLabRef(text: string): LabRef {
  if (ID_PATTERN.test(text)) return { kind: 'id', id: text };
  return { kind: 'path', path: text };
}

export interface LoadLabOptions {
  /** The course the lab's exercises come from. */
  readonly course: Course;
  /** The course folder (`exercises/labs/` is inside it). */
  readonly root: string;
  /** Language of titles and instructions. @default 'en' */
  readonly lang?: string;
  /** Where relative paths start. @default process.cwd() */
  readonly cwd?: string;
}

export type LoadLabResult =
  { lab: Lab; problems: [] } | { lab?: undefined; problems: ContentProblem[] };

/**
 * Read and check a lab. Never throws for a bad or missing file: the problems say what is
 * wrong. A lab with any problem is not returned, since grading against half a lab would
 * give every student a wrong score.
 */
export function loadLab(ref: string | LabRef, options: LoadLabOptions): LoadLabResult {
  const parsed = typeof ref === 'string' ? parseLabRef(ref) : ref;
  const { file, path } =
    parsed.kind === 'id'
      ? {
          file: `${LABS_DIR}/${parsed.id}.yaml`,
          path: join(options.root, LABS_DIR, `${parsed.id}.yaml`),
        }
      : {
          file: parsed.path,
          path: isAbsolute(parsed.path)
            ? parsed.path
            : resolve(options.cwd ?? process.cwd(), parsed.path),
        };
  const read = readLabText(path);
  if (!read.ok) {
    const message =
      read.missing && parsed.kind === 'id'
        ? `no lab \`${parsed.id}\`: expected the file ${file} in the course (or give a path to a lab file)`
        : read.message;
    return { problems: [{ file, field: '', message }] };
  }
  const yaml = readYaml(file, read.text);
  if (!yaml.source) return { problems: yaml.problems };
  const problems = checkLab(yaml.source, parsed, options);
  if (problems.lab) return { lab: { ...problems.lab, source: read.text }, problems: [] };
  return { problems: problems.list };
}

function readLabText(
  path: string,
): { ok: true; text: string } | { ok: false; missing: boolean; message: string } {
  const notAFile = {
    ok: false,
    missing: false,
    message: 'not a file (a folder?): give the path of a lab .yaml file',
  } as const;
  let fd: number;
  try {
    // Before opening: opening a named pipe waits for a writer, forever.
    if (!statSync(path).isFile()) return notAFile;
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      missing: code === 'ENOENT',
      message:
        code === 'ENOENT' ? 'no such file' : `cannot read the file: ${(error as Error).message}`,
    };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return notAFile;
    if (stat.size > MAX_LAB_BYTES)
      return {
        ok: false,
        missing: false,
        message: `the file is ${stat.size} bytes; a lab file may be at most ${MAX_LAB_BYTES}`,
      };
    const buffer = Buffer.alloc(stat.size);
    const n = readSync(fd, buffer, 0, stat.size, 0);
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: false }).decode(buffer.subarray(0, n)),
    };
  } catch (error) {
    return {
      ok: false,
      missing: false,
      message: `cannot read the file: ${(error as Error).message}`,
    };
  } finally {
    closeSync(fd);
  }
}

function at(source: YamlSource, path: PathKey[], message: string): ContentProblem {
  return { file: source.file, line: lineOf(source, path), field: fieldName(path), message };
}

function checkLab(
  source: YamlSource,
  ref: LabRef,
  options: LoadLabOptions,
): { lab?: Omit<Lab, 'source'>; list: ContentProblem[] } {
  const r = labSchema.safeParse(source.value);
  if (!r.success) return { list: schemaProblems(source, r.error.issues) };
  const data = r.data;
  const list: ContentProblem[] = [];
  if (ref.kind === 'id' && data.id !== ref.id) {
    list.push(
      at(
        source,
        ['id'],
        `\`id\` is \`${data.id}\` but the file is named for \`${ref.id}\`; make them the same (the id is part of every student's seed)`,
      ),
    );
  }
  const lang = options.lang ?? 'en';
  const known = [...options.course.exercises.keys()];
  const seen = new Map<string, number>();
  const exercises: LabExercise[] = [];
  data.exercises.forEach((item, index) => {
    const path: PathKey[] = ['exercises', index, 'id'];
    const first = seen.get(item.id);
    if (first !== undefined) {
      list.push(
        at(
          source,
          path,
          `exercise \`${item.id}\` is listed twice (first as exercises[${first}]); list each exercise once`,
        ),
      );
      return;
    }
    seen.set(item.id, index);
    const def = options.course.exercises.get(item.id);
    if (!def) {
      const guess = suggestField(item.id, known);
      list.push(
        at(
          source,
          path,
          `no exercise \`${item.id}\` in the course${guess ? ` (did you mean \`${guess}\`?)` : ''}; \`cnn-tutor list\` shows them all, and \`cnn-tutor check-content\` shows any that failed to load`,
        ),
      );
      return;
    }
    exercises.push({
      id: item.id,
      number: exercises.length + 1,
      points: item.points ?? 1,
      gridScoring: item['grid-scoring'] ?? data['grid-scoring'] ?? 'all-or-nothing',
      def,
    });
  });
  if (list.length > 0) return { list };
  return {
    lab: {
      id: data.id,
      title: pickText(data.title, lang),
      ...(data.instructions === undefined
        ? {}
        : { instructions: pickText(data.instructions, lang) }),
      file: source.file,
      exercises,
      // Summed in hundredths so that 0.1 + 0.2 points is 0.3 points.
      maxScore: Math.round(exercises.reduce((sum, e) => sum + Math.round(e.points * 100), 0)) / 100,
    },
    list,
  };
}

/** Zod's issues in file order, with "did you mean" drawn from the lab's own field names. */
function schemaProblems(source: YamlSource, issues: readonly z.core.$ZodIssue[]): ContentProblem[] {
  return issueProblems(source, issues, [], LAB_FIELDS).sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0),
  );
}

/**
 * A content file read as YAML with its line numbers kept, so every problem can say where it
 * is: `lessons/padding.yaml:14 steps[2].figure.input[1]: …`. Zod issues and template errors
 * carry a path (`['steps', 2, 'title']` or `given.cell`); this file maps it back to a line.
 */
import { type Document, LineCounter, type Node, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type PathKey, fieldName, readIssue, valueAt } from '../untrusted/zod-issue.js';
import type { ContentProblem } from './course.js';
import { contentIssue } from './issue-message.js';
import { MAX_ALIASES } from './limits.js';
import { aliasProblem } from './yaml-aliases.js';
import { KNOWN_FIELDS } from './schema.js';

export { type PathKey, fieldName } from '../untrusted/zod-issue.js';

export interface YamlSource {
  /** Path relative to the course root, with `/`: `lessons/padding.yaml`. */
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The file as plain data (undefined when the YAML does not parse). */
  readonly value: unknown;
}

/**
 * Parse `text`; when it cannot become data (a syntax error, an alias with no anchor, too many
 * aliases), the problem and no source. Never throws: a file is the author's input.
 */
export function readYaml(
  file: string,
  text: string,
): { source?: YamlSource; problems: ContentProblem[] } {
  const lines = new LineCounter();
  const problem = (offset: number | undefined, field: string, message: string) => ({
    problems: [
      {
        file,
        ...(offset === undefined ? {} : { line: lines.linePos(offset).line }),
        field,
        message,
      },
    ],
  });
  // `logLevel: 'error'`: yaml's warnings would go to stderr, through the tutor's screen.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length > 0) {
    // Only the first: the errors after a syntax error are mostly its echoes.
    const error = doc.errors[0];
    const message = `YAML syntax: ${error.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '')}`;
    return problem(error.pos[0], '', message);
  }
  const aliases = aliasProblem(doc);
  if (aliases) return problem(aliases.offset, fieldName(aliases.path), aliases.message);
  let value: unknown;
  try {
    // yaml's own alias guard is a second one, for a case the check above would miss. Its
    // count is an estimate that multiplies (it refuses even 50 plain `*a`), so it is set well
    // above what a file within MAX_ALIASES can reach.
    value = doc.toJS({ maxAliasCount: MAX_ALIASES ** 2 });
  } catch (error) {
    return problem(undefined, '', `the YAML cannot be read: ${(error as Error).message}`);
  }
  return { source: { file, doc, lines, value }, problems: [] };
}

/** `given.cell` or `given[0].x` → `['given', 'cell']`, `['given', 0, 'x']`. */
export function parseFieldName(field: string): PathKey[] {
  const keys: PathKey[] = [];
  for (const m of field.matchAll(/\[(\d+)\]|([^.[\]]+)/g))
    keys.push(m[1] !== undefined ? Number(m[1]) : m[2]);
  return keys;
}

/**
 * The line of the deepest node along `path` that exists: a map entry's key line, a list
 * item's first line. A missing field therefore points at the object that lacks it.
 */
export function lineOf(source: YamlSource, path: readonly PathKey[]): number | undefined {
  let node: unknown = source.doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && key < node.items.length) {
      node = node.items[key];
      offset = (node as Node | null)?.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : source.lines.linePos(offset).line;
}

/** The closest known field name, for "did you mean" (at most two edits away). */
export function suggestField(
  name: string,
  known: readonly string[] = KNOWN_FIELDS,
): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    // A name known elsewhere (`exercise` in a step) is still wrong here: suggest another.
    if (candidate === name) continue;
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Zod's issues as problems, one per issue, each with the field and line it is about.
 * `prefix` is the path of the checked value inside the file (an exercise is `exercises[3]`);
 * `known` are the field names a "did you mean" draws from.
 */
export function issueProblems(
  source: YamlSource,
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PathKey[] = [],
  known: readonly string[] = KNOWN_FIELDS,
): ContentProblem[] {
  const readings = issues.map((issue) => readIssue(issue, valueAt(source.value, prefix)));
  // `titel:` is reported as an unknown field; "missing `title`" in the same object would only
  // repeat it (whether zod or the schema says it is missing).
  const typoIn = new Set(
    readings.filter((r) => r.kind === 'unknown').map((r) => fieldName(r.path)),
  );
  return readings.flatMap((reading) => {
    const { path, message } = contentIssue(reading, (key) => suggestField(key, known));
    if (/^missing /.test(message) && typoIn.has(fieldName(path.slice(0, -1)))) return [];
    const full = [...prefix, ...path];
    return [{ file: source.file, line: lineOf(source, full), field: fieldName(full), message }];
  });
}

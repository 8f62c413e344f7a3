/**
 * How cnn-tutor recognises a file it wrote, from the file's content alone. An existing file
 * is replaced only when it is an output of the same kind that cnn-tutor wrote, and a folder of
 * submissions skips cnn-tutor's own reports, so every output says what made it:
 *
 * - JSON outputs carry `"generator": "cnn-tutor"` at the top level (Gradescope's results.json
 *   in `extra_data`, the place Gradescope keeps for it). A submission never does: its fields
 *   are fixed and anything else is refused, so the marker cannot turn a submission into a report;
 * - plain-text outputs written to a file start with a `# cnn-tutor COMMAND` line;
 * - Markdown starts with an HTML comment, which no renderer shows.
 */
import { createHash } from 'node:crypto';

export const GENERATOR = 'cnn-tutor';

/** The first line of a plain-text output written to a file. */
export function markerLine(command: string): string {
  return `# ${GENERATOR} ${command}`;
}

/** The first line of the text, without its line ending. */
export function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return (end < 0 ? text : text.slice(0, end)).replace(/\r$/, '');
}

/** True when the text's first line is `markerLine(command)`. */
export function hasMarkerLine(text: string, command: string): boolean {
  return firstLine(text) === markerLine(command);
}

/** The text as a JSON object, or undefined when it is not one. */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * True for any JSON output of cnn-tutor: a grade report, a worksheet, a Gradescope
 * results.json. Also true for a grade report from before the marker, by its exact shape
 * (`submissions` and `summary` and nothing else), so that an older report in a folder of
 * submissions is still recognised.
 */
export function isGeneratedJson(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (value.generator === GENERATOR) return true;
  if (isRecord(value.extra_data) && value.extra_data.generator === GENERATOR) return true;
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    Array.isArray(value.submissions) &&
    isRecord(value.summary) &&
    typeof value.summary.files === 'number'
  );
}

/** The start of a JSON grade report, marked or not: enough to recognise one too large to read. */
export function startsLikeGeneratedJson(prefix: string): boolean {
  return /^\uFEFF?\{\s*"(?:generator"\s*:\s*"cnn-tutor"|submissions"\s*:\s*\[)/.test(prefix);
}

/**
 * A file a teacher may edit by hand (the autograder's scripts) carries a marker line with a
 * checksum of everything else in the file: after an edit the checksum no longer matches, and the
 * file is no longer cnn-tutor's to replace.
 */
export function sealLine(command: string, rest: string): string {
  return `${markerLine(command)} sha256:${createHash('sha256').update(rest).digest('hex')}`;
}

/** `text` with a seal inserted as line `at` (0-based): after a `#!` line, for a script. */
export function sealed(text: string, command: string, at: number): string {
  const lines = text.split('\n');
  lines.splice(at, 0, sealLine(command, text));
  return lines.join('\n');
}

/** True when line `at` of `text` is a seal whose checksum matches the rest of the file. */
export function isSealed(text: string, command: string, at: number): boolean {
  const lines = text.split('\n');
  if (lines.length <= at) return false;
  const [seal] = lines.splice(at, 1);
  return seal === sealLine(command, lines.join('\n'));
}

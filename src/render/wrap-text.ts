/**
 * Word wrapping for prose (lesson text, hints, feedback), measured in display columns.
 * Not wrap-ansi: it neither hangs list items nor keeps a line's indentation, keeps runs of
 * spaces, and measures with string-width 7, which counts ⚠ ▶ ✔ as two columns where
 * `displayWidth` (string-width 8) counts one.
 */
import { closeStylesPerLine, displayWidth, tokenize } from './ansi-text.js';
import { expectWholeNumber } from './layout.js';

/**
 * Greedy word wrap to at most `width` columns per line.
 * - `\n` ends a line and blank lines are kept (paragraphs stay apart);
 * - runs of spaces between words collapse to one; continuation lines keep the line's indentation,
 *   and for a list item ("- ", "* ", "• ", "1. ") hang under the text after the marker,
 *   unless that indent would take half the width or more;
 * - a word longer than a line is split across lines (a character wider than `width`, such as
 *   古 when `width` is 1, is the one thing that cannot fit and is left on its own line);
 * - styles (escape codes) that span a break are closed and reopened, so each line stands alone.
 * Example: `wrapText('the kernel slides over the input', 12)` → ["the kernel", "slides over", "the input"].
 */
export function wrapText(text: string, width: number): string[] {
  expectWholeNumber('width', width, 1);
  const lines = text
    .replaceAll('\t', '    ')
    .split(/\r?\n/)
    .flatMap((line) => wrapLine(line, width));
  return closeStylesPerLine(lines);
}

/** A list item's start: indent, then "-", "*", "•", "1." or "1)", then spaces. */
const LIST_MARKER = /^ *(?:[-*•]|\d+[.)]) +/;

/**
 * One source line wrapped; a blank line stays one empty line. Continuation lines hang under
 * the first word after a list marker, or else under the line's own indentation.
 */
function wrapLine(line: string, width: number): string[] {
  const words = line.split(' ').filter((w) => w !== '');
  if (words.length === 0) return [''];
  const lead = line.length - line.trimStart().length;
  const hang = displayWidth(LIST_MARKER.exec(line)?.[0] ?? ' '.repeat(lead));
  const [firstIndent, nextIndent] =
    hang < width / 2 ? [' '.repeat(lead), ' '.repeat(hang)] : ['', ''];
  const out: string[] = [];
  let current = '';
  for (const piece of words.flatMap((w) => splitLongWord(w, width - nextIndent.length))) {
    const room = width - (out.length === 0 ? firstIndent : nextIndent).length;
    const joined = current === '' ? piece : `${current} ${piece}`;
    if (displayWidth(joined) <= room || displayWidth(current) === 0) {
      current = joined;
      continue;
    }
    out.push((out.length === 0 ? firstIndent : nextIndent) + current);
    current = piece;
  }
  out.push((out.length === 0 ? firstIndent : nextIndent) + current);
  return out;
}

/**
 * A word cut into pieces of at most `room` columns, grapheme by grapheme; escape codes stay
 * with the piece they were in. A single character wider than `room` (a wide 古 in a 1-column
 * line) cannot fit anywhere and gets a piece of its own.
 */
function splitLongWord(word: string, room: number): string[] {
  if (displayWidth(word) <= room) return [word];
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const token of tokenize(word)) {
    if ('escape' in token) {
      piece += token.escape;
      continue;
    }
    if (used > 0 && used + token.width > room) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += token.grapheme;
    used += token.width;
  }
  pieces.push(piece);
  return pieces;
}

/**
 * Text measured the way a terminal shows it: escape codes take no room, `古` takes two
 * columns, `é` written as e + combining accent takes one. Every width in `src/render`
 * goes through here, so styled and plain text lay out the same.
 */
import stringWidth from 'string-width';

/** CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks), matched whole. */
const ESCAPE = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/y;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A piece of a line: an escape sequence (no width) or one grapheme (its column count). */
export type TextToken =
  { readonly escape: string } | { readonly grapheme: string; readonly width: number };

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const WIDTH_CACHE_SIZE = 4096;
/** Lines up to this many code units are measured whole by `fitsWidth`. */
const SHORT_LINE = 2048;
const widthCache = new Map<string, number>();

/**
 * Columns a string occupies; escape codes count 0, East Asian wide characters 2.
 * Example: `displayWidth('\u001B[1m古\u001B[22m')` → 2.
 */
export function displayWidth(text: string): number {
  // Printable ASCII is one column a character; string-width would segment it grapheme by
  // grapheme, which is what made redrawing a live screen slow.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const known = widthCache.get(text);
  if (known !== undefined) return known;
  const width = stringWidth(text);
  // Screens redraw the same lines (grids, shades, rules) again and again; a bounded memo.
  if (widthCache.size >= WIDTH_CACHE_SIZE) widthCache.clear();
  widthCache.set(text, width);
  return width;
}

/** Widest line of a block, in columns. Example: `blockWidth(['ab', 'abcd'])` → 4. */
export function blockWidth(lines: readonly string[]): number {
  let widest = 0;
  for (const line of lines) widest = Math.max(widest, displayWidth(line));
  return widest;
}

/** Spaces appended until `text` is `width` columns wide; wider text is left alone. */
export function padEndTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Spaces prepended until `text` is `width` columns wide (right alignment). */
export function padStartTo(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** A token and the index in the line just after it. */
interface Placed {
  readonly token: TextToken;
  readonly end: number;
}

/** Plain text is segmented a piece at a time, so a long line costs only what is read of it. */
const PIECE = 1024;

function* plainTokens(text: string, from: number, to: number): Generator<Placed> {
  let at = from;
  while (at < to) {
    const stop = Math.min(to, at + PIECE);
    const piece = text.slice(at, stop);
    if (PRINTABLE_ASCII.test(piece)) {
      // Most of every screen: one column a character, no segmenting needed.
      for (let k = 0; k < piece.length; k++) {
        yield { token: { grapheme: piece[k], width: 1 }, end: at + k + 1 };
      }
      at = stop;
      continue;
    }
    const segments = [...graphemes.segment(piece)];
    // The last grapheme of a piece may continue in the next one: it is read again from there.
    const keep = stop < to && segments.length > 1 ? segments.length - 1 : segments.length;
    for (let k = 0; k < keep; k++) {
      const { segment, index } = segments[k];
      yield {
        token: { grapheme: segment, width: displayWidth(segment) },
        end: at + index + segment.length,
      };
    }
    at = keep === segments.length ? stop : at + segments[keep].index;
  }
}

/**
 * The tokens of a line, lazily: a caller that needs only the first columns of a long line
 * stops early instead of segmenting all of it.
 */
function* placedTokens(text: string): Generator<Placed> {
  let plainStart = 0;
  for (let i = text.indexOf('\u001B'); i >= 0; i = text.indexOf('\u001B', i + 1)) {
    ESCAPE.lastIndex = i;
    const match = ESCAPE.exec(text);
    if (!match) continue;
    yield* plainTokens(text, plainStart, i);
    yield { token: { escape: match[0] }, end: i + match[0].length };
    i += match[0].length - 1;
    plainStart = i + 1;
  }
  yield* plainTokens(text, plainStart, text.length);
}

/**
 * Split a line into escape sequences and graphemes, each grapheme with its width.
 * Example: `tokenize('\u001B[1ma')` → [{ escape: '\u001B[1m' }, { grapheme: 'a', width: 1 }].
 */
export function tokenize(text: string): TextToken[] {
  return Array.from(placedTokens(text), (p) => p.token);
}

const ESCAPES = new RegExp(ESCAPE.source, 'g');

/**
 * Whether `text` takes at most `width` columns, found without measuring more of a long line
 * than it takes to know. Example: `fitsWidth('古古古', 5)` → false.
 */
export function fitsWidth(text: string, width: number): boolean {
  if (PRINTABLE_ASCII.test(text)) return text.length <= width;
  // A line of screen size is measured whole (and remembered); only a long one is read lazily.
  if (text.length <= SHORT_LINE) return displayWidth(text) <= width;
  let column = 0;
  for (const { token } of placedTokens(text)) {
    if ('width' in token) column += token.width;
    if (column > width) return false;
  }
  return true;
}

/**
 * The graphemes lying wholly in columns [start, end), with every escape code of the line kept,
 * so styles still open and close where they did. A wide character cut by `start` becomes a space.
 * Example: `sliceColumns('abcdef', 1, 4)` → "bcd".
 *
 * Not slice-ansi (which Ink uses): it keeps a wide character cut by `end`, so the slice is wider
 * than asked (`'古古古'`, 0–3 → 4 columns), and drops one cut by `start` without the space, so
 * what follows moves a column left.
 */
export function sliceColumns(text: string, start: number, end: number = Infinity): string {
  let column = 0;
  let out = '';
  for (const { token, end: after } of placedTokens(text)) {
    if ('escape' in token) {
      out += token.escape;
      continue;
    }
    if (column >= end) {
      // Past the slice: only the escape codes of the rest still matter (closing styles).
      const rest = text.slice(after - token.grapheme.length);
      for (const match of rest.matchAll(ESCAPES)) out += match[0];
      break;
    }
    const next = column + token.width;
    if (column >= start && next <= end) out += token.grapheme;
    else if (column < start && next > start && next <= end) out += ' '.repeat(next - start);
    column = next;
  }
  return out;
}

/** SGR parameters grouped by the code that switches them off (22 ends both bold and dim). */
const SGR_GROUPS: ReadonlyArray<{ close: string; opens: (code: number) => boolean }> = [
  { close: '22', opens: (c) => c === 1 || c === 2 },
  { close: '23', opens: (c) => c === 3 },
  { close: '24', opens: (c) => c === 4 },
  { close: '25', opens: (c) => c === 5 || c === 6 },
  { close: '27', opens: (c) => c === 7 },
  { close: '28', opens: (c) => c === 8 },
  { close: '29', opens: (c) => c === 9 },
  { close: '39', opens: (c) => (c >= 30 && c <= 38) || (c >= 90 && c <= 97) },
  { close: '49', opens: (c) => (c >= 40 && c <= 48) || (c >= 100 && c <= 107) },
];

/**
 * Apply one SGR sequence (`ESC[…m`) to the set of open styles, keyed by closing code.
 * 38/48 carry their colour arguments (`38;5;n`, `38;2;r;g;b`) along.
 */
function applySgr(open: Map<string, string[]>, params: string): void {
  const codes = params === '' ? ['0'] : params.split(';');
  for (let i = 0; i < codes.length; i++) {
    const code = Number(codes[i]);
    let param = codes[i];
    if ((code === 38 || code === 48) && i + 1 < codes.length) {
      const count = codes[i + 1] === '5' ? 2 : codes[i + 1] === '2' ? 4 : 1;
      param = codes.slice(i, i + 1 + count).join(';');
      i += count;
    }
    if (code === 0) open.clear();
    const closer = SGR_GROUPS.find((g) => g.close === String(code));
    if (closer) open.delete(closer.close);
    const group = SGR_GROUPS.find((g) => g.opens(code));
    if (!group) continue;
    const kept = group.close === '22' ? (open.get('22') ?? []) : [];
    open.set(group.close, [...kept, param]);
  }
}

/**
 * Make every line stand alone: styles still open at the end of a line are closed there and
 * reopened at the start of the next, so lines can be printed, sliced or reordered separately.
 * Example: ['\u001B[1mstride', '2\u001B[22m'] → ['\u001B[1mstride\u001B[22m', '\u001B[1m2\u001B[22m'].
 */
export function closeStylesPerLine(lines: readonly string[]): string[] {
  const open = new Map<string, string[]>();
  return lines.map((line) => {
    const reopen = [...open.values()]
      .flat()
      .map((p) => `\u001B[${p}m`)
      .join('');
    for (const token of tokenize(line)) {
      if ('escape' in token && /^\u001B\[[\d;]*m$/.test(token.escape)) {
        applySgr(open, token.escape.slice(2, -1));
      }
    }
    const close = [...open.keys()].map((c) => `\u001B[${c}m`).join('');
    return reopen + line + close;
  });
}

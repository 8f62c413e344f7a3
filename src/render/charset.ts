/**
 * Unicode or plain ASCII. Box drawing, `⊛ · − ×`, arrows, shades and sparklines need a terminal
 * that decodes UTF-8; a terminal (or tmux) running in the C or POSIX locale shows them as
 * garbage or `_`. So without a UTF-8 locale every command writes ASCII, exactly as with `--ascii`;
 * `--unicode` insists on Unicode.
 *
 * The locale is the first of `LC_ALL`, `LC_CTYPE`, `LANG` that is set and not empty, as the C
 * library reads it. With none of them set the locale is POSIX, which is ASCII: that is what
 * programs and tmux assume on Linux and macOS, so it counts as no UTF-8 there. Windows has no
 * locale variables and its consoles take Unicode, so there the default is Unicode.
 */
import stringWidth from 'string-width';

export interface CharsetFlags {
  readonly ascii?: boolean;
  readonly unicode?: boolean;
}

/** Whether the locale in `env` uses UTF-8 (see above). */
export function localeIsUtf8(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((v) => v !== undefined && v !== '');
  if (locale === undefined) return platform === 'win32';
  return /utf-?8/i.test(locale);
}

/** Whether output is to be plain ASCII: `--ascii`, else not `--unicode` and no UTF-8 locale. */
export function asciiWanted(
  flags: CharsetFlags,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (flags.ascii) return true;
  if (flags.unicode) return false;
  return !localeIsUtf8(env, platform);
}

/** One ASCII character for each character the tutor's text and glyphs use, same width. */
const GROUPS: ReadonlyArray<readonly [chars: string, ascii: string]> = [
  // Typography of the catalog and the course.
  ['–—‐‑‒―−', '-'],
  ['‘’‚‛′', "'"],
  ['“”„″', '"'],
  ['‹«', '<'],
  ['›»', '>'],
  ['…∙', '.'],
  ['\u00A0\u2007\u2009\u202F', ' '],
  // Mathematics.
  ['×', 'x'],
  ['÷', '/'],
  ['±', '+'],
  ['≈', '~'],
  ['≠', '#'],
  ['≤', '<'],
  ['≥', '>'],
  ['⊛∗•◆', '*'],
  ['∑Σ', 'E'],
  ['√', 'V'],
  ['∞', '8'],
  ['⌈⌊', '['],
  ['⌉⌋', ']'],
  // Arrows, marks, triangles.
  ['←◀◄', '<'],
  ['→⇒▶►▸', '>'],
  ['↑▲', '^'],
  ['↓▼▾✓✔', 'v'],
  ['↔', '-'],
  ['⟳↻', '@'],
  ['✗✘', 'x'],
  ['●○⊙', 'o'],
  ['■□', '#'],
  // Shades and eighths of a block, as the ASCII shading and sparklines draw them.
  ['░', '.'],
  ['▒', ':'],
  ['▓█', '#'],
  ['▁', '_'],
  ['▂', '.'],
  ['▃', ':'],
  ['▄', '-'],
  ['▅', '='],
  ['▆', '+'],
  ['▇', '*'],
];
const ASCII = new Map(GROUPS.flatMap(([chars, ascii]) => [...chars].map((c) => [c, ascii])));

/** Box drawing (U+2500–U+257F): lines stay lines, corners and crossings become `+`. */
function boxChar(code: number): string {
  const c = String.fromCodePoint(code);
  if ('─━┄┅┈┉╌╍═╴╶╸╺╼╾'.includes(c)) return '-';
  if ('│┃┆┇┊┋╎╏║╵╷╹╻╽╿'.includes(c)) return '|';
  return '+';
}

/** A dot between two factors (`2·0`, `(F − 1)·D`) is a product; with spaces, a separator. */
function isProduct(before: string | undefined, after: string | undefined): boolean {
  return /^[\p{L}\p{N})\]}²³]$/u.test(before ?? '') && /^[\p{L}\p{N}([{]$/u.test(after ?? '');
}

/**
 * `text` in ASCII, each character replaced by one of the same width (so a screen laid out for
 * the Unicode text keeps its layout): the table above, `*` for a product's dot and `.` for a
 * separator's, box drawing, a letter without its accent, else `?` (`??` for a wide character,
 * nothing for a combining one). Emoji joined by ZWJ, rare in the course, may come out wider. Escape sequences
 * are ASCII and pass unchanged.
 */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function toAscii(text: string): string {
  if (!/[^\u0000-\u007F]/.test(text)) return text;
  let out = '';
  // Grapheme by grapheme: a character with its marks is one cell (or two), whatever its code points.
  const clusters = Array.from(graphemes.segment(text), (s) => s.segment);
  for (const [k, cluster] of clusters.entries()) {
    const [ch] = cluster;
    const code = ch.codePointAt(0)!;
    if (cluster.length === 1 && code < 0x80) {
      out += cluster;
      continue;
    }
    // Whatever stands in keeps the cells the layout gave the cluster (▶ and ✔ count two).
    const width = stringWidth(cluster);
    let ascii: string;
    if (ch === '·' || ch === '⋅') ascii = isProduct(clusters[k - 1], clusters[k + 1]) ? '*' : '.';
    else if (ASCII.has(ch)) ascii = ASCII.get(ch)!;
    else if (code >= 0x2500 && code <= 0x257f) ascii = boxChar(code);
    else {
      const plain = cluster.normalize('NFKD').replace(/[\u0300-\u036F]/g, '');
      ascii = width === 1 && /^[\u0020-\u007E]$/.test(plain) ? plain : '?';
      if (ascii === '?') ascii = '?'.repeat(width);
    }
    out += ascii.slice(0, width).padEnd(width, ' ');
  }
  return out;
}

/**
 * Make everything written to `stream` ASCII (see `toAscii`): the command line's output and the
 * interface's frames alike. Buffers pass unchanged.
 */
export function asciiOnly(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(typeof chunk === 'string' ? toAscii(chunk) : chunk, ...rest)) as typeof stream.write;
}

/**
 * What a terminal, a confused program or line noise can send the tutor: escape sequences of
 * every shape, control bytes and bytes that are not UTF-8. Used by the guard's unit tests and
 * by the pseudo-terminal storms (tests/e2e/hostile-input-pty.test.ts).
 */

const ESC = '\u001B';

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, k) => from + k);
const chars = (from: number, to: number): string[] =>
  range(from, to).map((c) => String.fromCharCode(c));

/** Every CSI final byte, `@` to `~`. */
const FINALS = chars(0x40, 0x7e);

/** Parameters seen in the wild (keys with modifiers, reports, private modes, kitty, SGR mouse). */
const CSI_PARAMETERS = [
  '',
  '1',
  '2',
  '5',
  '6',
  '1;2',
  '1;3',
  '1;5',
  '1;9',
  '1;16',
  '3;5',
  '5;5',
  '12;40',
  '27;5;13',
  '200',
  '?1',
  '?2026',
  '>1',
  '=0',
  '<0;12;5',
  '1;5:3',
  '97;5',
  '[',
  '[5',
];

/** Keys with names in Ink's table: arrows, Home, End, F1–F4 (CSI letter forms), 1–24 `~`. */
const LETTER_KEYS = [...'ABCDEFHPQRS'];
const TILDE_KEYS = [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24];

/** Strings after the decoder: what bytes that are not UTF-8 become. */
const INVALID_UTF8 = [
  [0xff],
  [0xfe],
  [0x80],
  [0xbf],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xed, 0xa0, 0x80],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xf5, 0x80, 0x80, 0x80],
  [0x1b, 0xff],
].map((bytes) => Buffer.from(bytes).toString('utf8'));

/** The candidate sequences, as the tutor's stdin decodes them. */
export function candidateSequences(): string[] {
  const out: string[] = [];
  for (const p of CSI_PARAMETERS) for (const f of FINALS) out.push(`${ESC}[${p}${f}`);
  for (const i of [' ', '!', '"', '$', "'", '*', '+']) out.push(`${ESC}[1${i}q`, `${ESC}[?1${i}p`);
  for (const f of FINALS) out.push(`${ESC}O${f}`, `${ESC}O5${f}`, `${ESC}${ESC}O${f}`);
  for (let m = 1; m <= 16; m++) {
    for (const k of LETTER_KEYS)
      out.push(`${ESC}[1;${m}${k}`, `${ESC}[${m}${k}`, `${ESC}O${m}${k}`);
    for (const n of TILDE_KEYS) out.push(`${ESC}[${n};${m}~`, `${ESC}${ESC}[${n};${m}~`);
  }
  out.push(`${ESC}[6n`, `${ESC}[?6n`, `${ESC}[1;5R`, `${ESC}[24;80R`, `${ESC}[I`, `${ESC}[O`);
  out.push(`${ESC}[200~12 3${ESC}[201~`, `${ESC}[M !!`, `${ESC}[M\u0060\u0021\u0021`);
  out.push(`${ESC}[<0;10;5M`, `${ESC}[<64;1;1m`, `${ESC}[${'9'.repeat(200)}A`);
  // OSC, DCS, SOS, PM, APC: with BEL, with ST, 8-bit, unterminated.
  for (const body of ['0;title', '52;c;aGVsbG8=', '11;rgb:0000/0000/0000', '8;;http://x/']) {
    out.push(`${ESC}]${body}\u0007`, `${ESC}]${body}${ESC}\\`, `\u009D${body}\u009C`);
  }
  for (const intro of ['P', 'X', '^', '_']) {
    out.push(`${ESC}${intro}1$r0m${ESC}\\`, `${ESC}${intro}+q544e\u0007`, `${ESC}${intro}`);
  }
  out.push(`${ESC}]0;unterminated`, `\u0090q\u009C`, `\u009B1;5P`, `\u008FP`, `\u009B6n`);
  // ESC alone, twice, and before every other character of ASCII and a few beyond.
  out.push(ESC, ESC + ESC, `${ESC}${ESC}${ESC}`, `${ESC}\u00E9`, `${ESC}\u{1F600}`);
  for (const c of [...chars(0x00, 0x1a), ...chars(0x1c, 0x7f)]) out.push(ESC + c);
  // Control characters, C0 and C1, and bytes that are not UTF-8.
  out.push(...chars(0x00, 0x1f), '\u007F', ...chars(0x80, 0x9f), ...INVALID_UTF8);
  return out;
}

/**
 * Whether a sequence edits a field as a key (text, Backspace, Delete, Enter, Tab, line feed,
 * Ctrl+U, Ctrl+W), so a half-typed answer is not expected to survive it unchanged.
 */
export function editsField(sequence: string): boolean {
  return (
    /^[\b\t\n\r\u007F\u0015\u0017]$/.test(sequence) ||
    /^\u001B{1,2}[\b\r\u007F]$/.test(sequence) ||
    /^\u001B{1,2}\[3(?:;\d+)?[~^]$/.test(sequence) ||
    /^[\u0020-\u007E]+$/.test(sequence)
  );
}

/** Candidates a half-typed answer must survive unchanged. */
export function hostileSequences(): string[] {
  return candidateSequences().filter((s) => !editsField(s) && !meansKey(s));
}

/**
 * Keys the tutor acts on, besides field edits: Escape (in any of its forms), Ctrl+C, and the
 * keys of Ink's table (arrows, Home, End, Page Up/Down, function keys), which a storm leaves
 * out so that the screen it hits stays where it is.
 */
function meansKey(sequence: string): boolean {
  if (sequence === ESC || sequence === ESC + ESC || sequence === '\u0003') return true;
  if (sequence.includes(`${ESC}[200~`)) return true; // a bracketed paste types its text
  if (/^\u001B\u001B[^[O\]PX^_]/.test(sequence)) return true; // Escape, then a character
  if (/^\u001B{1,2}O[A-Za-z]$/.test(sequence)) return true;
  return /^\u001B{1,2}\[\[?(?:\d+(?:;\d+)?[~^$]|(?:1;)?\d*[A-Za-z])$/.test(sequence);
}

/** A small seeded generator (mulberry32), so a storm that fails can be sent again. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Control bytes that are no key: C0 but for Backspace, Tab, line feed, Enter, Escape and the
 * Ctrl letters (Ctrl+C quits), and bytes that never occur in UTF-8.
 */
const NOISE_BYTES = [
  0x00,
  0x1c,
  0x1d,
  0x1e,
  0x1f,
  0xc0,
  0xc1,
  0xf5,
  0xf8,
  0xfe,
  0xff,
  ...range(0x80, 0xbf),
];

/**
 * A storm of `count` pieces for a pseudo-terminal: hostile escape sequences (whole, or cut
 * short and followed by the next one) and control bytes, as bytes. It ends with a whole
 * sequence, so that a key sent after it is not read as the end of one the storm began.
 */
export function storm(seed: number, count: number): Buffer[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const sequences = hostileSequences();
  const parts: Buffer[] = [];
  for (let k = 0; k < count; k++) {
    const r = next();
    if (r < 0.7) parts.push(Buffer.from(pick(sequences), 'utf8'));
    else parts.push(Buffer.from([pick(NOISE_BYTES)]));
  }
  parts.push(Buffer.from(`${ESC}[6n`));
  return parts;
}

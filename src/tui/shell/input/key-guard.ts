/**
 * What reaches Ink from the terminal, made safe. The shell reads Ink's input events and decodes
 * keys itself (`key-press.ts`), but Ink's own input parser still cuts stdin into those events,
 * and Ink 6.8 ends the program on some escape
 * sequences: its key parser reads Ctrl+F1 (`ESC[1;5P`), a cursor report (`ESC[6n`,
 * `ESC[1;5R`) and hundreds of others as "Ctrl and a key with no name", and its input hook then
 * calls `startsWith` on the missing name. Others it types into a field as text (the `[200~` of
 * a paste bracket, the body of an OSC string, C1 controls, invalid UTF-8).
 *
 * The guard splits what stdin gives into whole pieces, each of which Ink's parser takes as one
 * complete key, and keeps only what Ink reads as a key it knows: text, Ctrl with a letter, Alt
 * with a letter or digit, Escape, and the escape sequences of Ink's key table (arrows, Home, End,
 * Page Up/Down, Insert, Delete, F1–F12, Shift+Tab, with modifiers), and the bracketed-paste
 * markers the shell asks the terminal for. Any other sequence (CSI, SS3,
 * OSC, DCS, SOS, PM, APC, in their 7- or 8-bit forms, X10 mouse reports) is dropped whole, as
 * are the other control characters and U+FFFD (bytes that were not UTF-8).
 *
 * A sequence cut off at the end of a chunk is held until the next chunk completes it. If
 * nothing comes (`flush`), a held Escape is the Escape key and anything else is dropped. Ink
 * would hold a lone ESC itself and glue it to whatever it reads next (so `ESC` then `[1;5P` in
 * two reads still crashed it); the guard hands Escape over in the kitty keyboard form
 * `ESC[27u`, which Ink parses at once into the same key (`key.escape`, empty input).
 */

import { PASTE_END, PASTE_START } from './key-press.js';

const ESC = '\u001B';

/** The Escape key as one complete sequence that Ink parses into `key.escape` at once. */
export const ESCAPE_KEY = '\u001B[27u';

/** Held sequences are cut to this length: longer ones are never keys, only their end matters. */
const MAX_HELD = 64;

/**
 * The codes of Ink's key table (`parse-keypress.js`, what its `fnKeyRe` assembles from a
 * sequence without the ESC, the modifier and a `1;`): only these get a name there.
 */
const INK_KEY_CODES = new Set([
  ...['OP', 'OQ', 'OR', 'OS', 'OA', 'OB', 'OC', 'OD', 'OE', 'OF', 'OH'],
  ...['Oa', 'Ob', 'Oc', 'Od', 'Oe'],
  ...['[A', '[B', '[C', '[D', '[E', '[F', '[H', '[Z', '[a', '[b', '[c', '[d', '[e'],
  ...['[[A', '[[B', '[[C', '[[D', '[[E', '[[5~', '[[6~'],
  ...['1', '2', '3', '4', '5', '6', '7', '8'].map((n) => `[${n}~`),
  ...['11', '12', '13', '14', '15', '17', '18', '19', '20', '21', '23', '24'].map((n) => `[${n}~`),
  ...['2', '3', '5', '6', '7', '8'].flatMap((n) => [`[${n}$`, `[${n}^`]),
]);

/**
 * Ink's `fnKeyRe`, anchored at both ends, for CSI sequences (Alt adds a second ESC), with
 * numbers no longer than a key's or a modifier's.
 */
const CSI_KEY = /^\u001B{1,2}(\[\[?)(?:(\d{1,2})(?:;\d{1,3})?([~^$])|(?:1;)?\d{0,3}([a-zA-Z]))$/;
/** SS3 keys are exactly three characters to Ink's input parser: no parameters. */
const SS3_KEY = /^\u001B{1,2}O([a-zA-Z])$/;

/** Whether Ink names the key of a complete CSI or SS3 sequence. */
export function isInkKey(sequence: string): boolean {
  const ss3 = SS3_KEY.exec(sequence);
  if (ss3) return INK_KEY_CODES.has(`O${ss3[1]}`);
  const csi = CSI_KEY.exec(sequence);
  if (!csi) return false;
  const [, prefix, number, end, letter] = csi;
  return INK_KEY_CODES.has(
    letter === undefined ? `${prefix}${number}${end}` : `${prefix}${letter}`,
  );
}

const isParameterOrIntermediate = (code: number) => code >= 0x20 && code <= 0x3f;
const isFinal = (code: number) => code >= 0x40 && code <= 0x7e;
/** Line breaks, Tab, Backspace and DEL: keys, or the rows and cells of a pasted grid. */
const isEditingControl = (code: number) =>
  code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x7f;
/** Ctrl with a letter (Ink names it so); Ctrl+H, I, J, M are the editing controls above. */
const isCtrlLetter = (code: number) => code >= 0x01 && code <= 0x1a && !isEditingControl(code);
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);
/** What a byte that was not UTF-8 is decoded to. */
const REPLACEMENT = 0xfffd;

/** ESC and the character after it for the 8-bit (C1) introducers, which Ink does not know. */
const C1_INTRODUCERS: Record<number, string> = {
  0x8f: 'O',
  0x90: 'P',
  0x98: 'X',
  0x9b: '[',
  0x9d: ']',
  0x9e: '^',
  0x9f: '_',
};
/** Strings run to ST (`ESC \` or U+009C), or BEL: OSC, DCS, SOS, PM, APC. */
const STRING_INTRODUCERS = new Set([']', 'P', 'X', '^', '_']);

/** The result of reading a sequence at some index: a key, nothing (dropped), or not yet whole. */
type Scan =
  | { readonly end: number; readonly key?: string }
  | { readonly end?: undefined; readonly held: string };

function held(s: string, start: number): Scan {
  return { held: s.slice(start, start + MAX_HELD) };
}

/**
 * A CSI sequence whose parameters begin at `body`, as Ink's input parser delimits it: parameter
 * and intermediate bytes (and a `[` first, for `ESC[[A`), then a final byte.
 */
function scanCsi(s: string, start: number, body: number, eightBit: boolean): Scan {
  for (let k = body; k < s.length; k++) {
    const code = s.charCodeAt(k);
    if (isParameterOrIntermediate(code) || (code === 0x5b && k === body)) continue;
    if (!isFinal(code)) return { end: k }; // cut short by something else: drop what came
    if (code === 0x4d && k === body) return scanMouse(s, start, k + 1);
    const sequence = s.slice(start, k + 1);
    const kept = isInkKey(sequence) || sequence === PASTE_START || sequence === PASTE_END;
    return !eightBit && kept ? { end: k + 1, key: sequence } : { end: k + 1 };
  }
  return held(s, start);
}

/**
 * An X10 mouse report, `CSI M` and three bytes of 32 or more, is dropped with its bytes; a
 * control among them (an ESC beginning the next key) ends it early.
 */
function scanMouse(s: string, start: number, payload: number): Scan {
  for (let k = payload; k < payload + 3; k++) {
    if (k === s.length) return held(s, start);
    if (s.charCodeAt(k) < 0x20) return { end: k };
  }
  return { end: payload + 3 };
}

/** SS3: Ink takes exactly one character after `ESC O`; parameters are read to be dropped. */
function scanSs3(s: string, start: number, body: number, eightBit: boolean): Scan {
  for (let k = body; k < s.length; k++) {
    const code = s.charCodeAt(k);
    if (code >= 0x30 && code <= 0x3f) continue;
    if (!isFinal(code)) return { end: k };
    const sequence = s.slice(start, k + 1);
    return !eightBit && isInkKey(sequence) ? { end: k + 1, key: sequence } : { end: k + 1 };
  }
  return held(s, start);
}

/**
 * OSC, DCS, SOS, PM, APC: everything up to the terminator is dropped. As in a terminal's own
 * parser, an ESC other than ST's ends the string and begins the next sequence, so a string cut
 * short does not swallow the keys after it.
 */
function scanString(s: string, start: number, body: number): Scan {
  for (let k = body; k < s.length; k++) {
    const code = s.charCodeAt(k);
    if (code === 0x07 || code === 0x9c) return { end: k + 1 };
    if (code === 0x1b) {
      if (k + 1 === s.length) return { held: s.slice(start, body) + ESC };
      return { end: s[k + 1] === '\\' ? k + 2 : k };
    }
  }
  // Only the introducer matters for what follows, not the string so far.
  return { held: s.slice(start, body) };
}

/** The sequence introduced by `s[start]`, ESC or a C1 introducer. */
function scanSequence(s: string, start: number): Scan {
  const c1 = C1_INTRODUCERS[s.charCodeAt(start)];
  if (c1 !== undefined) return scanIntroduced(s, start, c1, start + 1, true);
  if (start + 1 === s.length) return held(s, start);
  const next = s[start + 1];
  if (next === '[' || next === 'O' || STRING_INTRODUCERS.has(next)) {
    return scanIntroduced(s, start, next, start + 2, false);
  }
  if (next === ESC) {
    // ESC ESC: Alt with a sequence (Ink reads `ESC ESC [A` as Alt+Up), else Escape.
    if (start + 2 === s.length) return held(s, start);
    const third = s[start + 2];
    if (third !== '[' && third !== 'O' && !STRING_INTRODUCERS.has(third)) {
      return { end: start + 2, key: ESCAPE_KEY };
    }
    const inner = scanIntroduced(s, start + 1, third, start + 3, false);
    if (inner.end === undefined) return held(s, start);
    return inner.key === undefined ? inner : { end: inner.end, key: ESC + inner.key };
  }
  const code = s.codePointAt(start + 1)!;
  // Alt+Enter, Alt+Backspace: Ink knows these.
  if (code === 0x0d || code === 0x08 || code === 0x7f)
    return { end: start + 2, key: s.slice(start, start + 2) };
  // Alt with another C0 control means nothing to Ink (it would type the control): both go.
  if (code < 0x20) return { end: start + 2 };
  // Before a C1 control or an undecodable byte, only the ESC goes; the rest is read on its own.
  if (isControl(code) || code === REPLACEMENT) return { end: start + 1 };
  const end = start + 1 + (code > 0xffff ? 2 : 1);
  // Alt with a letter or a digit is Alt to Ink; with anything else (Space too) Ink passes on
  // the character as if Alt were not held, so the pair is dropped.
  return /^[a-zA-Z0-9]$/.test(s[start + 1]) ? { end, key: s.slice(start, end) } : { end };
}

function scanIntroduced(
  s: string,
  start: number,
  kind: string,
  body: number,
  eightBit: boolean,
): Scan {
  if (kind === '[') return scanCsi(s, start, body, eightBit);
  if (kind === 'O') return scanSs3(s, start, body, eightBit);
  return scanString(s, start, body);
}

/** `input` → the keys it holds, and what is left unfinished at its end. */
function split(input: string): { keys: string[]; rest: string } {
  const keys: string[] = [];
  let text = '';
  const endText = () => {
    if (text !== '') keys.push(text);
    text = '';
  };
  let k = 0;
  while (k < input.length) {
    const code = input.charCodeAt(k);
    if (code === 0x1b || C1_INTRODUCERS[code] !== undefined) {
      endText();
      const scan = scanSequence(input, k);
      if (scan.end === undefined) return { keys, rest: scan.held };
      if (scan.key !== undefined) keys.push(scan.key);
      k = scan.end;
      continue;
    }
    if (isEditingControl(code) || !(isControl(code) || code === REPLACEMENT)) {
      text += input[k];
    } else {
      endText();
      if (isCtrlLetter(code)) keys.push(input[k]);
    }
    k++;
  }
  endText();
  return { keys, rest: '' };
}

export interface KeyGuard {
  /**
   * The pieces a chunk completes, in order: runs of text (with their line breaks, Tabs and
   * Backspaces) and single keys, each complete for Ink's parser. An unfinished sequence at the
   * end is held for the next chunk.
   */
  push(chunk: string): string[];
  /** Whether an unfinished sequence is held. */
  readonly holding: boolean;
  /** Nothing more came: a held Escape as the Escape key; anything else held is dropped. */
  flush(): string[];
}

export function createKeyGuard(): KeyGuard {
  let rest = '';
  return {
    push(chunk) {
      let input = rest + chunk;
      // A chunk cut between the two halves of a surrogate pair (an emoji) keeps the first half
      // until the second comes, so the pair is read as one character.
      const last = input.charCodeAt(input.length - 1);
      const splitPair = last >= 0xd800 && last <= 0xdbff;
      if (splitPair) input = input.slice(0, -1);
      const result = split(input);
      rest = result.rest + (splitPair ? String.fromCharCode(last) : '');
      return result.keys;
    },
    get holding() {
      return rest !== '';
    },
    flush() {
      const wasEscape = rest === ESC || rest === ESC + ESC;
      rest = '';
      return wasEscape ? [ESCAPE_KEY] : [];
    },
  };
}

/**
 * One key the learner pressed, or one paste, decoded from what the terminal sent. The shell
 * reads stdin itself (see `KeyReader`) instead of through Ink's `useInput`, so every byte
 * sequence has exactly one meaning here: a key, a paste, or nothing. A sequence this module
 * does not know (a function key the tutor has no use for, a terminal's answer to a query) is
 * nothing; it never reaches a handler and never throws.
 */

/** The keys the tutor names; everything else that types is a character. */
export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageup'
  | 'pagedown'
  | 'home'
  | 'end'
  | 'enter'
  | 'escape'
  | 'tab'
  | 'backtab'
  | 'backspace'
  | 'delete';

export interface KeyPress {
  /** A named key; undefined when characters were typed. */
  readonly name?: KeyName;
  /**
   * The characters typed (one for a key, any number for a paste; `' '` for Space), or the
   * letter held with Ctrl or Alt; '' for a named key.
   */
  readonly text: string;
  readonly ctrl: boolean;
  /** Alt (Option), which terminals send as Escape first. */
  readonly meta: boolean;
  readonly shift: boolean;
  /** Arrived as one piece of pasted text: never a command, always text for a field. */
  readonly paste: boolean;
}

const PLAIN = { text: '', ctrl: false, meta: false, shift: false, paste: false } as const;

export function named(name: KeyName, mods: Partial<KeyPress> = {}): KeyPress {
  return { ...PLAIN, name, ...mods };
}

export function typed(text: string, mods: Partial<KeyPress> = {}): KeyPress {
  return { ...PLAIN, text, ...mods };
}

/** CSI (`ESC [ … final`) and SS3 (`ESC O final`) keys, by final byte. */
const FINAL_KEYS: Readonly<Record<string, KeyName>> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
};

/** `ESC [ n ~` keys, by n. */
const TILDE_KEYS: Readonly<Record<string, KeyName>> = {
  '1': 'home',
  '7': 'home',
  '4': 'end',
  '8': 'end',
  '3': 'delete',
  '5': 'pageup',
  '6': 'pagedown',
};

/** The bracketed-paste markers the terminal puts around pasted text (mode 2004). */
export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';

/** xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4, meta 8). */
function modifiers(param: string | undefined): Partial<KeyPress> {
  const m = Number(param ?? '1') - 1;
  if (!Number.isInteger(m) || m < 0 || m > 15) return {};
  return { shift: (m & 1) !== 0, meta: (m & 10) !== 0, ctrl: (m & 4) !== 0 };
}

/** A CSI or SS3 sequence (without its ESC) → the key it is, or undefined. */
function controlSequence(body: string): KeyPress | undefined {
  const ss3 = /^O([A-DHF])$/.exec(body);
  if (ss3) return named(FINAL_KEYS[ss3[1]]);
  const csi = /^\[([0-9;]*)([\x40-\x7e])$/.exec(body);
  if (!csi) return undefined;
  const [, paramText, final] = csi;
  const params = paramText.split(';');
  if (final === 'Z') return named('backtab', { shift: true });
  // The kitty keyboard form of Escape, which the key guard hands over for a lone ESC.
  if (final === 'u') return params[0] === '27' ? named('escape', modifiers(params[1])) : undefined;
  if (final === '~') {
    const name = TILDE_KEYS[params[0]];
    return name === undefined ? undefined : named(name, modifiers(params[1]));
  }
  const name = FINAL_KEYS[final];
  if (name === undefined) return undefined;
  // `ESC[A` or `ESC[1;5A`: only the modifier form carries parameters.
  if (paramText !== '' && params[0] !== '1') return undefined;
  return named(name, modifiers(params[1]));
}

/** C0 control bytes that are keys of their own. */
function controlKey(ch: string): KeyPress | undefined {
  switch (ch) {
    case '\r':
    case '\n':
      return named('enter');
    case '\t':
      return named('tab');
    case '\x7f':
    case '\b':
      return named('backspace');
    case '\x1b':
      return named('escape');
    default: {
      const code = ch.charCodeAt(0);
      // Ctrl+A … Ctrl+Z (the ones above already took Tab, Enter and Backspace).
      if (code >= 1 && code <= 26) return typed(String.fromCharCode(code + 96), { ctrl: true });
      return undefined;
    }
  }
}

/** Characters that may stand in typed text: not C0, DEL or C1 controls. */
export function isTextChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code <= 0x9f);
}

/** Text with every control character dropped (a paste keeps its line breaks and tabs). */
export function cleanText(text: string, keep: 'none' | 'breaks' = 'none'): string {
  let out = '';
  for (const ch of text) {
    if (isTextChar(ch)) out += ch;
    else if (keep === 'breaks' && (ch === '\n' || ch === '\t')) out += ch;
  }
  return out;
}

/** Runs of typed characters up to this long are keys, one by one; longer ones are pastes. */
export const TYPED_RUN = 8;

/**
 * One input event as Ink's input parser splits stdin (an escape sequence, or a run of text) →
 * the keys it holds, in order. A run of text may hold keys too: `5\r` is 5 then Enter,
 * `ab\x7fc` is a, b, Backspace, c. A long run of text (or one with line breaks) is a paste.
 */
export function decodeEvent(event: string): KeyPress[] {
  if (event === '') return [];
  if (event.startsWith('\x1b') && event.length > 1) {
    const rest = event.slice(1);
    const sequence = controlSequence(rest);
    if (sequence) return [sequence];
    if (rest.startsWith('[') || rest.startsWith('O')) return [];
    // Alt with a key: ESC then the key's own bytes (Alt+b, Alt+Backspace, Esc Esc).
    if (rest.startsWith('\x1b')) {
      const inner = controlSequence(rest.slice(1));
      return inner ? [{ ...inner, meta: true }] : rest === '\x1b' ? [named('escape')] : [];
    }
    const [first] = [...rest];
    if (first === undefined || [...rest].length !== 1) return [];
    const key = isTextChar(first) ? typed(first) : controlKey(first);
    return key ? [{ ...key, meta: true }] : [];
  }
  return decodeRun(event);
}

/** A run of text and control bytes (no escape sequence) → keys and pasted text. */
function decodeRun(run: string): KeyPress[] {
  const keys: KeyPress[] = [];
  let text = '';
  const flush = (): void => {
    if (text === '') return;
    const chars = [...text];
    // A short run is keys typed fast (or sent by tmux) that arrived together: each is a key,
    // so `nnn` steps three times. A long one, or one with line breaks, is a paste from a
    // terminal that does not mark pastes (most do: see `KeyReader`).
    if (chars.length <= TYPED_RUN && !text.includes('\n') && !text.includes('\t'))
      keys.push(...chars.map((ch) => typed(ch)));
    else keys.push(typed(text, { paste: true }));
    text = '';
  };
  const chars = [...run];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (isTextChar(ch)) {
      text += ch;
      continue;
    }
    // A line break or tab inside pasted text belongs to the paste (the rows and cells of a
    // pasted grid); only one that leads or ends the run is a key. Line breaks come in runs
    // (`\r\n`, blank lines between rows): a run is one row break.
    if (text !== '' && (ch === '\n' || ch === '\r' || ch === '\t')) {
      let after = i + 1;
      if (ch !== '\t') while (chars[after] === '\n' || chars[after] === '\r') after += 1;
      if (after < chars.length && isTextChar(chars[after])) {
        text += ch === '\t' ? '\t' : '\n';
        i = after - 1;
        continue;
      }
    }
    const end = ch === '\r' && chars[i + 1] === '\n' ? i + 1 : i;
    flush();
    const key = controlKey(ch);
    if (key) keys.push(key);
    i = end;
  }
  flush();
  return keys;
}

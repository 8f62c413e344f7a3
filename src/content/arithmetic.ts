/**
 * Simple arithmetic in a number answer: `32*32*3`, `(5-3)/2+1`, `2 × 13 × 13`. Read by a small
 * recursive-descent parser over a fixed grammar, never evaluated as code:
 *
 *     sum     = product (("+" | "-") product)*
 *     product = unary (("*" | "×" | "·" | "/") unary)*
 *     unary   = ("+" | "-") unary | atom
 *     atom    = number | "(" sum ")"
 *
 * Numbers use a dot for decimals (`0.5`, `.5`, `5.`, `1e-3`). The text is short and the nesting
 * shallow, so a pasted wall of brackets is refused instead of walking the stack.
 */

export type ArithmeticResult =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly problem: 'format' | 'zeroDivision' | 'notFinite' };

/** Longer text is not an answer someone typed by hand. */
const MAX_LENGTH = 200;
/** Brackets inside brackets, at most. */
const MAX_DEPTH = 20;

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const MULTIPLY = new Set(['*', '×', '·']);

class Failure {
  constructor(readonly problem: 'format' | 'zeroDivision' | 'notFinite') {}
}

/** The value of `text` as arithmetic, or why it is not one. Never throws. */
export function evaluateArithmetic(text: string): ArithmeticResult {
  if (text.length > MAX_LENGTH) return { ok: false, problem: 'format' };
  const source = text;
  let at = 0;
  let depth = 0;

  /** The next character that is not a space (spaces part tokens: `1 2` is two numbers). */
  const peek = (): string | undefined => {
    while (at < source.length && /\s/.test(source[at])) at++;
    return source[at];
  };
  const atom = (): number => {
    if (peek() === '(') {
      if (++depth > MAX_DEPTH) throw new Failure('format');
      at++;
      const value = sum();
      if (peek() !== ')') throw new Failure('format');
      at++;
      depth--;
      return value;
    }
    peek();
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(source);
    if (!match) throw new Failure('format');
    at += match[0].length;
    return Number(match[0]);
  };
  const unary = (): number => {
    let sign = 1;
    let signs = 0;
    while (peek() === '+' || peek() === '-') {
      if (++signs > 1) throw new Failure('format'); // `--5` is a slip, not a wish
      if (peek() === '-') sign = -sign;
      at++;
    }
    return sign * atom();
  };
  const product = (): number => {
    let value = unary();
    for (let op = peek(); op !== undefined && (MULTIPLY.has(op) || op === '/'); op = peek()) {
      at++;
      const right = unary();
      if (op === '/') {
        if (right === 0) throw new Failure('zeroDivision');
        value /= right;
      } else value *= right;
    }
    return value;
  };
  function sum(): number {
    let value = product();
    for (let op = peek(); op === '+' || op === '-'; op = peek()) {
      at++;
      const right = product();
      value = op === '+' ? value + right : value - right;
    }
    return value;
  }

  try {
    const value = sum();
    if (peek() !== undefined) return { ok: false, problem: 'format' };
    if (!Number.isFinite(value)) return { ok: false, problem: 'notFinite' };
    return { ok: true, value: value + 0 };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, problem: error.problem };
    throw error;
  }
}

/**
 * Semantic text styles as raw ANSI escape codes. Callers say what a piece of text *is*
 * (`error`, `highlight`), never which colour it gets; the table below is the one place that
 * decides. With colour off every function returns its input unchanged, and nothing in
 * `src/render` relies on colour alone to carry meaning.
 */

/** Wraps text in one semantic style. Empty text stays empty. */
export type Stylize = (text: string) => string;

export interface Style {
  /** Whether these functions emit escape codes at all. */
  readonly color: boolean;
  /** The cells or words the learner should look at now (reverse video: readable on any theme). */
  readonly highlight: Stylize;
  /** Secondary text: borders, indices, padding, hints. */
  readonly dim: Stylize;
  /** Emphasis. */
  readonly bold: Stylize;
  /** Something wrong: a wrong cell, an error message. */
  readonly error: Stylize;
  /** Something right: a correct cell, a passed check. */
  readonly ok: Stylize;
  /** A caution that is not an error. */
  readonly warn: Stylize;
}

export type StyleName = Exclude<keyof Style, 'color'>;

/** SGR open/close codes per style. The closing code is specific, so styles nest. */
const SGR: Readonly<Record<StyleName, readonly [open: number, close: number]>> = {
  highlight: [7, 27],
  dim: [2, 22],
  bold: [1, 22],
  error: [31, 39],
  ok: [32, 39],
  warn: [33, 39],
};

/**
 * One styling function. An inner style that closes ours early (bold inside dim both end with
 * `ESC[22m`) is followed by our opening code again, so the outer style carries on.
 * Example: `wrap(1, 22)('x')` → "\u001B[1mx\u001B[22m".
 */
function wrap(open: number, close: number): Stylize {
  const openCode = `\u001B[${open}m`;
  const closeCode = `\u001B[${close}m`;
  return (text) =>
    text === '' ? text : openCode + text.replaceAll(closeCode, closeCode + openCode) + closeCode;
}

/**
 * The set of style functions; with `color: false` each is the identity.
 * Example: `createStyle({ color: true }).error('4')` → "\u001B[31m4\u001B[39m";
 * `createStyle({ color: false }).error('4')` → "4".
 */
export function createStyle({ color }: { readonly color: boolean }): Style {
  const make = (name: StyleName): Stylize => (color ? wrap(...SGR[name]) : (text) => text);
  return {
    color,
    highlight: make('highlight'),
    dim: make('dim'),
    bold: make('bold'),
    error: make('error'),
    ok: make('ok'),
    warn: make('warn'),
  };
}

/** No escape codes at all: the default for every renderer, and what tests compare against. */
export const plainStyle: Style = createStyle({ color: false });

/**
 * Whether to use colour, decided in this order:
 * 1. `FORCE_COLOR` set: `0` or `false` turns colour off, anything else (even empty) on;
 * 2. `NO_COLOR` set to a non-empty value: off (https://no-color.org);
 * 3. `TERM=dumb`: off;
 * 4. otherwise on exactly when the output is a terminal.
 * FORCE_COLOR wins over NO_COLOR as in Node's own `tty.getColorDepth`: it is the more specific request.
 * Example: `colorEnabled({ NO_COLOR: '1' }, true)` → false.
 */
export function colorEnabled(
  env: Readonly<Record<string, string | undefined>> = process.env,
  isTTY: boolean = process.stdout?.isTTY === true,
): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

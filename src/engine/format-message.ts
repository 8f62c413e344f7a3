/**
 * Fill a message template. Two forms, a small subset of ICU MessageFormat:
 *
 * - `{name}` is replaced by `params.name`;
 * - `{count, plural, one {# row} other {# rows}}` picks a branch by the language's plural rules
 *   (`Intl.PluralRules`), or by an exact match written `=0 {no rows}`; `#` in the branch is the
 *   number. Branches may hold `{name}` placeholders.
 *
 * Any other brace text is kept as it is, so messages can show `[[1, 2], [3, 4]]`.
 */

export type MessageParams = Readonly<Record<string, string | number>>;

export interface FormatMessageOptions {
  /** Language whose plural rules apply (the catalog the template came from). */
  readonly lang: string;
  /** Called for a placeholder with no value; returns the text to show instead. */
  readonly onMissingParam: (name: string) => string;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const PLACEHOLDER = new RegExp(`^\\s*(${NAME})\\s*$`);
const PLURAL = new RegExp(`^\\s*(${NAME})\\s*,\\s*plural\\s*,`);
const BRANCH = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;

/** Index of the `}` that closes the `{` at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function pluralCategory(lang: string, n: number): string {
  try {
    return new Intl.PluralRules(lang).select(n);
  } catch {
    return new Intl.PluralRules('en').select(n);
  }
}

/** Parse `one {…} other {…}` into branches; undefined when it is not that form. */
function parseBranches(text: string): Map<string, string> | undefined {
  const branches = new Map<string, string>();
  let rest = text;
  while (rest.trim() !== '') {
    const match = BRANCH.exec(rest);
    if (!match) return undefined;
    const open = match[0].length - 1;
    const close = closingBrace(rest, open);
    if (close < 0) return undefined;
    branches.set(match[1], rest.slice(open + 1, close));
    rest = rest.slice(close + 1);
  }
  return branches.has('other') ? branches : undefined;
}

export function formatMessage(
  template: string,
  params: MessageParams,
  options: FormatMessageOptions,
): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = closingBrace(template, open);
    if (close < 0) break;
    out += template.slice(i, open);
    out += formatPart(template.slice(open, close + 1), params, options);
    i = close + 1;
  }
  return out + template.slice(i);
}

/** One `{…}` group, braces included. */
function formatPart(group: string, params: MessageParams, options: FormatMessageOptions): string {
  const inner = group.slice(1, -1);
  const simple = PLACEHOLDER.exec(inner);
  if (simple) {
    const value = params[simple[1]];
    return value === undefined ? options.onMissingParam(simple[1]) : String(value);
  }
  const plural = PLURAL.exec(inner);
  const branches = plural && parseBranches(inner.slice(plural[0].length));
  if (!plural || !branches) return group;
  const value = params[plural[1]];
  if (value === undefined) return options.onMissingParam(plural[1]);
  const n = Number(value);
  const branch =
    branches.get(`=${n}`) ??
    branches.get(pluralCategory(options.lang, n)) ??
    branches.get('other')!;
  return formatMessage(branch.replaceAll('#', String(value)), params, options);
}

/** Small text helpers the screen builders share. */
import type { Message, MessageParams } from '../i18n/index.js';
import {
  type SideBySideOptions,
  type Style,
  blockWidth,
  displayWidth,
  sideBySide,
  stackWhenTooWide,
  truncateToWidth,
  wrapText,
} from '../render/index.js';

/** The translator as the views use it. */
export type Translate = (key: string, params?: MessageParams) => string;

/** Everything a screen builder needs to know about the terminal and the learner's options. */
export interface ViewOptions {
  readonly width: number;
  readonly height: number;
  readonly t: Translate;
  readonly ascii: boolean;
  readonly style: Style;
}

/** A message from a parser or loader (key + params), or text already in words. */
export function say(t: Translate, message: Message | string): string {
  return typeof message === 'string' ? message : t(message.key, message.params);
}

/** Every line cut to `width` with "…" (content that must scroll is never cut, only wrapped). */
export function fit(lines: readonly string[], width: number): string[] {
  return lines.map((line) => truncateToWidth(line, width));
}

/**
 * Prose wrapped to `width`; an empty text gives no lines. Lines that already fit are kept as
 * they are (wrapping is the costly part of redrawing, and most lines fit).
 */
export function wrap(text: string, width: number): string[] {
  if (text.trim() === '') return [];
  const w = Math.max(1, width);
  return text
    .split(/\r?\n/)
    .flatMap((line) =>
      !line.includes('\t') && displayWidth(line) <= w ? [line] : wrapText(line, w),
    );
}

/**
 * Lesson prose: `**words**` are shown bold (plain without colour, the asterisks dropped);
 * everything else is shown as typed.
 */
export function prose(text: string, width: number, style: Style): string[] {
  return wrap(
    text.replace(/\*\*([^*\n]+)\*\*/g, (_m, words: string) => style.bold(words)),
    width,
  );
}

/** Glyphs that have an ASCII stand-in. */
export function glyphs(ascii: boolean) {
  return ascii
    ? {
        done: '*',
        started: '-',
        fresh: ' ',
        pointer: '>',
        warn: '!',
        right: '+',
        wrong: 'x',
        conv: '(*)',
        more: 'v',
        less: '^',
        barFull: '#',
        barEmpty: '-',
        dot: '|',
      }
    : {
        done: '✓',
        started: '•',
        fresh: ' ',
        pointer: '›',
        warn: '⚠',
        right: '✓',
        wrong: '✗',
        conv: '⊛',
        more: '▼',
        less: '▲',
        barFull: '█',
        barEmpty: '░',
        dot: '·',
      };
}

/**
 * Blocks side by side when they fit `width`, else `stackWhenTooWide`. Trying the single row
 * first is much cheaper, and the common case: the screen is rebuilt on every key.
 */
export function besideOrStacked(
  blocks: ReadonlyArray<readonly string[]>,
  width: number,
  separators: readonly string[] = [],
  opts: Omit<SideBySideOptions, 'separators'> = {},
): string[] {
  const row = sideBySide(blocks, { ...opts, separators });
  return blockWidth(row) <= width ? row : stackWhenTooWide(blocks, width, separators, opts);
}

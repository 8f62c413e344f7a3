/** What every calc report is drawn with, and the bits of notation the reports share. */
import { type BorderStyle, createStyle } from '../index.js';

/** The translator the report's words come from (the app's `t`; a view's `o.t`). */
export type ReportTranslate = (
  key: string,
  params?: Readonly<Record<string, string | number>>,
) => string;

export interface ReportOptions {
  t: ReportTranslate;
  ascii: boolean;
  color: boolean;
  width: number;
  /**
   * Above this many products in all, the per-window sums are left out (the grids still show).
   * `calc` writes out up to 600; a lesson figure, read on one screen, up to 90 (a 3×3 map of a
   * 3×3 kernel, like the lectures' first example). @default 600
   */
  maxProducts?: number;
}

/** How many products `calc` writes out by default. */
export const MAX_WRITTEN_PRODUCTS = 600;
/** How many a lesson figure writes out: the lectures' 5×5 ⊛ 3×3 example (81) and no bigger. */
export const FIGURE_MAX_PRODUCTS = 90;

/** `lines.push(...more)` without spreading `more` into arguments, which a long block would overflow. */
export function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}

/** The convolution sign: ⊛, or (*) when only ASCII may be drawn (a bare * is a product). */
export function conv(o: ReportOptions): string {
  return o.ascii ? '(*)' : '⊛';
}

export function gridOptions(o: ReportOptions) {
  return {
    border: (o.ascii ? 'ascii' : 'unicode') as BorderStyle,
    decimals: 4,
    style: createStyle({ color: o.color }),
  };
}

/** `3×3`: a size as the lectures write it. */
export function size(a: number, b: number): string {
  return `${a}×${b}`;
}

/**
 * A picture as shaded characters: each pixel becomes two characters of the same shade, so a
 * square grid looks square in a terminal (a character cell is about twice as tall as wide).
 *
 * Shades, from `min` (lightest: blank) to `max` (darkest: full):
 * - Unicode: the five block shades ` ░▒▓█` (space, light, medium, dark, full block);
 * - ASCII (`ascii: true`): the ten characters ` .:-=+*#%@`.
 * A value v gets shade round((v − min) / (max − min) · (levels − 1)); values outside
 * [min, max] take the nearest end. On a dark terminal the full block is the brightest, so
 * MNIST digits (ink = 1) show light on dark, as the dataset itself draws them.
 *
 * Example: `renderShaded([[0, 1], [1, 0]], { min: 0, max: 1 })` → `['  ██', '██  ']`.
 * A 28×28 MNIST digit is 56 columns wide.
 */
const UNICODE_SHADES = [' ', '░', '▒', '▓', '█'] as const;
const ASCII_SHADES = [' ', '.', ':', '-', '=', '+', '*', '#', '%', '@'] as const;

export interface ShadedOptions {
  /** The value drawn blank. @default 0 */
  readonly min?: number;
  /** The value drawn as the darkest shade. @default 1 */
  readonly max?: number;
  /** Only ASCII characters. @default false */
  readonly ascii?: boolean;
}

/** One line per row of `grid`, two characters per pixel; every line is 2 × columns wide. */
export function renderShaded(
  grid: readonly (readonly number[])[],
  options: ShadedOptions = {},
): string[] {
  const { min = 0, max = 1, ascii = false } = options;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) {
    throw new RangeError(
      `Expected \`max\` to be a finite number above \`min\`, got min ${min} and max ${max}.`,
    );
  }
  const shades = ascii ? ASCII_SHADES : UNICODE_SHADES;
  const width = grid[0]?.length ?? 0;
  return grid.map((row, r) => {
    if (row.length !== width) {
      throw new RangeError(
        `Expected every row to have ${width} pixels like row 0, got ${row.length} in row ${r}.`,
      );
    }
    return row
      .map((v, c) => {
        if (!Number.isFinite(v))
          throw new RangeError(`Expected pixel (${r}, ${c}) to be a finite number, got ${v}.`);
        const t = Math.min(1, Math.max(0, (v - min) / (max - min)));
        return shades[Math.round(t * (shades.length - 1))].repeat(2);
      })
      .join('');
  });
}

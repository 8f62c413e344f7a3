/** A progress bar as text: `██████░░░░` (`######----` in ASCII). */

/** `fraction` (clamped to 0…1) of `width` cells filled, rounded down so "full" means done. */
export function progressBar(fraction: number, width: number, ascii: boolean): string {
  const cells = Math.max(0, Math.floor(width));
  const f = Number.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
  const filled = Math.floor(f * cells + 1e-9);
  return (ascii ? '#' : '█').repeat(filled) + (ascii ? '-' : '░').repeat(cells - filled);
}

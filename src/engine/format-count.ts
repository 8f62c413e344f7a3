/**
 * A whole number with thousands separators, independent of the locale, for parameter counts
 * and the sizes error messages quote. Only a plain run of digits is grouped: a number that
 * JavaScript writes in exponent form (1e+21 and up) or with a fraction is left as it is, so a
 * separator never lands inside `1e+24`.
 * Example: `formatCount(1639424)` → `"1,639,424"`; `formatCount(7.3e32)` → `"7.3e+32"`.
 */
export function formatCount(n: number): string {
  const text = String(n);
  return /^-?\d+$/.test(text) ? text.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : text;
}

/**
 * The size limits of course content, as `lessons/README.md` documents them. They keep a
 * lesson or exercise file, however written, from taking the memory or time of the tutor,
 * check-content or the grader; each is far above what the course needs and at or beyond what
 * a terminal can show.
 */

/**
 * Bytes in one lesson or exercise file, checked before it is parsed: YAML takes about 400
 * times a grid's text in memory, so a 2000×2000 grid would take gigabytes before its size
 * could be seen. The course's largest file is 16 KB.
 */
export const MAX_CONTENT_BYTES = 256 * 1024;

/**
 * Items in any list inside a figure, demo, picture, or an exercise's `given` or `generate`:
 * a grid has at most 64 rows and 64 columns (the course's largest is the 28×28 MNIST digit).
 */
export const MAX_LIST_ITEMS = 64;

/**
 * The largest size, count or position a generator may draw (`rows: [4, 64]`, `kernel`,
 * `channels`, `filters`, …): a grid drawn from a recipe is no larger than one written out.
 */
export const MAX_DRAWN = 64;

/**
 * How many times one file may repeat values through YAML aliases (`*name`), counting an
 * alias inside a repeated value once more for each copy. The course's files use under 40.
 */
export const MAX_ALIASES = 50;

/** Compile the sources into dist/ (see build.mjs). */
export function buildCli(options?: { quiet?: boolean }): Promise<void>;
/** Whether dist/cli.js is missing or older than a source file. */
export function isStale(): boolean;

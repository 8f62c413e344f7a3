/** Compile the sources into dist/ (see build.mjs). */
export function buildCli(options?: { quiet?: boolean }): Promise<void>;

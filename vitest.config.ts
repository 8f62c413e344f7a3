import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    // Several test files spawn the real CLI; two cores is what these machines have. Many tests
    // wait on a terminal (frames, key presses), so two files at a time keep both cores busy.
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['tests/global-setup.ts'],
  },
});

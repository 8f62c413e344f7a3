import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    // Several test files spawn the real CLI; two cores is what these machines have.
    pool: 'forks',
  },
});

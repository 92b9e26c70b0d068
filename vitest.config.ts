import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/core/**/*.test.ts', 'src/web/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts', 'bench/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          // Generous: CI machines are small and a first territory load writes ~100,000 rows.
          testTimeout: 180_000,
          hookTimeout: 240_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts', 'test/browser-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A page waits on the server; vitest's 1 s default failed CI on a busy machine.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { runSeed } from './tests/support/run-seed';

// Fixed here, in the runner, so every test worker draws from the same seed (printed).
runSeed();

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/unit/run-seed.setup.ts'],
    // One worker per core: Vitest's default leaves one core idle, a third longer on 2 cores.
    maxWorkers: '100%',
    // Property and fuzz tests run thousands of cases; on a shared 2-core machine 5 s is too tight.
    testTimeout: 60_000,
  },
});

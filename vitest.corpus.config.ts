import { defineConfig } from 'vitest/config';
import { runSeed } from './tests/support/run-seed';

// The generated corpus (tests/corpus): generated sequences on every skin, audited by the built
// Chromium extension. One file, one Chromium; run after `npx wxt build` (npm test does).
runSeed();

export default defineConfig({
  test: {
    include: ['tests/corpus/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});

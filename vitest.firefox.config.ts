import { defineConfig } from 'vitest/config';

// The Firefox end-to-end suite (tests/firefox): the built Firefox extension in headless Firefox.
// One file, one Firefox; run after `npx wxt build -b firefox` (npm test does).
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

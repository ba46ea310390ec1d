import { defineConfig } from '@playwright/test';
import { runSeed } from './tests/support/run-seed';

// Fixed here, in the runner, so every worker draws from the same seed (printed).
runSeed();

// Each test launches its own Chromium with the built extension (tests/harness), so no
// browser project is configured here.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
});

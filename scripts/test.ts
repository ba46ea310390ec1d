/**
 * `npm test`: lint, type-check, unit tests, build, end-to-end tests (Chromium), the Firefox build
 * and its suite in Firefox, then each stage's time and one closing line
 * `N passed, N failed, N skipped` summed over every runner (CI reads that line). Every stage runs
 * even when an earlier one failed, so one run shows every problem; the exit code is non-zero if
 * any stage failed. A failed lint or type-check counts as one failed test each. The randomised
 * tests of every stage draw from one seed, printed first (tests/support/run-seed.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { runSeed } from '../tests/support/run-seed';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const failedStages: string[] = [];
const stageTimes: Array<{ stage: string; seconds: number }> = [];
const started = performance.now();

function run(stage: string, command: string, args: string[]): boolean {
  console.log(`\n── ${stage}: ${command} ${args.join(' ')}`);
  const from = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = (performance.now() - from) / 1000;
  stageTimes.push({ stage, seconds });
  console.log(`── ${stage}: ${seconds.toFixed(1)} s`);
  const ok = result.status === 0;
  if (!ok) failedStages.push(stage);
  return ok;
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function addVitest(file: string): boolean {
  const report = readJson(file) as {
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
    numTodoTests?: number;
    numFailedTestSuites?: number;
  } | null;
  if (!report) return false;
  total.passed += report.numPassedTests ?? 0;
  // A test file that fails to load has no tests of its own; count it as one failure.
  total.failed +=
    (report.numFailedTests ?? 0) + (report.numFailedTests ? 0 : (report.numFailedTestSuites ?? 0));
  total.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return true;
}

function addPlaywright(file: string): boolean {
  const report = readJson(file) as {
    stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
    errors?: unknown[];
  } | null;
  if (!report?.stats) return false;
  total.passed += report.stats.expected ?? 0;
  total.failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0) + (report.errors?.length ?? 0);
  total.skipped += report.stats.skipped ?? 0;
  return true;
}

runSeed();
rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

if (!run('lint', 'npx', ['biome', 'check', '.'])) total.failed += 1;
else total.passed += 1;
if (!run('type-check', 'npx', ['tsc', '--noEmit', '-p', '.'])) total.failed += 1;
else total.passed += 1;

run('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit.json',
]);
if (!addVitest('test-results/unit.json')) total.failed += 1;

if (run('build', 'npx', ['wxt', 'build'])) {
  run('end-to-end tests', 'npx', ['playwright', 'test']);
  if (!addPlaywright('test-results/e2e.json')) total.failed += 1;
} else {
  total.failed += 1;
}

if (run('Firefox build', 'npx', ['wxt', 'build', '-b', 'firefox'])) {
  run('Firefox tests', 'npx', [
    'vitest',
    'run',
    '--config',
    'vitest.firefox.config.ts',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/firefox.json',
  ]);
  if (!addVitest('test-results/firefox.json')) total.failed += 1;
} else {
  total.failed += 1;
}

console.log('\nStage times:');
for (const { stage, seconds } of stageTimes)
  console.log(`  ${stage.padEnd(18)} ${seconds.toFixed(1).padStart(6)} s`);
console.log(`  ${'total'.padEnd(18)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);
if (failedStages.length > 0) console.log(`\nFailed: ${failedStages.join(', ')}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStages.length > 0 || total.failed > 0 ? 1 : 0);

/**
 * `npm test`: lint, type-check, both builds (Chromium, Firefox), then the end-to-end tests in
 * Chromium side by side with the unit tests followed by the Firefox suite and the generated
 * corpus (tests/corpus, in a Chromium of its own), then each stage's time
 * and one closing line `N passed, N failed, N skipped` summed over every runner (CI reads that
 * line). The end-to-end tests spend most of their time waiting on the browser, so the other
 * runners use the idle cores meanwhile; their output is printed after the end-to-end tests', so
 * neither is interleaved. Every stage runs even when an earlier one failed, so one run shows every
 * problem; the exit code is non-zero if any stage failed. A failed lint or type-check counts as one
 * failed test each. The randomised tests of every stage draw from one seed, printed first
 * (tests/support/run-seed.ts).
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
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

/**
 * Runs one stage. Its output goes to the terminal as it comes, or, with `logFile`, into that file
 * (printed later by the caller). A stage with a log runs beside the end-to-end tests, at a lower
 * CPU priority (`nice`): those have minutes to spare, the end-to-end tests set the run's length.
 */
function run(stage: string, command: string, args: string[], logFile?: string): Promise<boolean> {
  const header = `\n── ${stage}: ${command} ${args.join(' ')}`;
  if (!logFile) console.log(header);
  const from = performance.now();
  const log = logFile ? openSync(logFile, 'w') : null;
  const [program, programArgs] = logFile ? ['nice', ['-n', '10', command, ...args]] : [command, args];
  const child = spawn(program, programArgs, {
    stdio: log === null ? 'inherit' : ['ignore', log, log],
    env: { ...process.env, ...stageEnv },
  });
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      if (log !== null) closeSync(log);
      const seconds = (performance.now() - from) / 1000;
      stageTimes.push({ stage, seconds });
      if (!logFile) console.log(`── ${stage}: ${seconds.toFixed(1)} s`);
      if (!ok) failedStages.push(stage);
      resolve(ok);
    };
    child.on('error', () => done(false));
    child.on('close', (code) => done(code === 0));
  });
}

/** Prints a stage's output kept in `logFile` by `run`, framed as `run` frames a live one. */
function printLog(stage: string, logFile: string): void {
  const seconds = stageTimes.find((entry) => entry.stage === stage)?.seconds ?? 0;
  console.log(`\n── ${stage} (ran beside the end-to-end tests):`);
  if (existsSync(logFile)) process.stdout.write(readFileSync(logFile, 'utf8'));
  console.log(`── ${stage}: ${seconds.toFixed(1)} s`);
}

/** What every stage's environment adds: the Firefox build is made once, here, for every stage. */
const stageEnv: Record<string, string> = {};

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

if (!(await run('lint', 'npx', ['biome', 'check', '.']))) total.failed += 1;
else total.passed += 1;
if (!(await run('type-check', 'npx', ['tsc', '--noEmit', '-p', '.']))) total.failed += 1;
else total.passed += 1;

const chromiumBuilt = await run('build', 'npx', ['wxt', 'build']);
const firefoxBuilt = await run('Firefox build', 'npx', ['wxt', 'build', '-b', 'firefox']);
// The end-to-end suite lints the Firefox package (ship-web-ext-lint): this one, not a rebuild.
if (firefoxBuilt) stageEnv.KARTRA_FIREFOX_BUILT = '1';

const UNIT_LOG = 'test-results/unit.log';
const FIREFOX_LOG = 'test-results/firefox.log';
const CORPUS_LOG = 'test-results/corpus.log';
const beside = (async () => {
  await run(
    'unit tests',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'],
    UNIT_LOG,
  );
  if (!firefoxBuilt) return;
  await run(
    'Firefox tests',
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'vitest.firefox.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/firefox.json',
    ],
    FIREFOX_LOG,
  );
})().then(async () => {
  if (!chromiumBuilt) return;
  await run(
    'generated corpus',
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'vitest.corpus.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/corpus.json',
    ],
    CORPUS_LOG,
  );
});
if (chromiumBuilt) await run('end-to-end tests', 'npx', ['playwright', 'test']);
await beside;

printLog('unit tests', UNIT_LOG);
if (firefoxBuilt) printLog('Firefox tests', FIREFOX_LOG);
if (chromiumBuilt) printLog('generated corpus', CORPUS_LOG);

if (!addVitest('test-results/unit.json')) total.failed += 1;
if (!chromiumBuilt || !addPlaywright('test-results/e2e.json')) total.failed += 1;
if (!firefoxBuilt || !addVitest('test-results/firefox.json')) total.failed += 1;
if (!chromiumBuilt || !addVitest('test-results/corpus.json')) total.failed += 1;

console.log('\nStage times (the unit, Firefox and corpus tests ran beside the end-to-end tests):');
for (const { stage, seconds } of stageTimes)
  console.log(`  ${stage.padEnd(18)} ${seconds.toFixed(1).padStart(6)} s`);
console.log(`  ${'total'.padEnd(18)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`);
if (failedStages.length > 0) console.log(`\nFailed: ${failedStages.join(', ')}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStages.length > 0 || total.failed > 0 ? 1 : 0);

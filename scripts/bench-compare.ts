/**
 * npm run bench:compare -- --against <git ref | built extension folder> [--steps 1000] [--rounds 25]
 *
 * Is this build slower than an earlier one? Both builds audit the same generated sequence in
 * the replica, in two headless Chromiums side by side; each round wakes each build's content
 * script once (the order alternates), runs its floor and opens its popup for the tab, so both
 * meet the same machine. Prints each build's median audit, floor and popup (its own part, as
 * `npm run bench` measures it, and from navigation start, which a script holding up the page's
 * parsing cannot flatter), and the candidate's paired ratios to the baseline.
 * Exits 0 unless it could not run (then 2): the verdict is a figure to read, not a gate.
 *
 * A git ref is exported (git archive) to a folder under the system's temp directory, installed
 * (npm ci) and built once; later runs against the same commit reuse it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { kartraProfile } from '../lib/kartra/profile';
import { launchKartra } from '../tests/harness';
import { ExtensionReports } from '../tests/support/extension-report';
import { comparePaired, type PairedComparison, REGRESSION_RATIO, roundOrder } from './bench/compare';
import { generateSpec } from './bench/generate-spec';
import { auditsSoFar, floorSelectors, harmlessChange, isolatedFloor, RECORDER_SCRIPT } from './bench/in-page';
import { measurePopup, nextAudits, type PopupSample, settle, THROTTLE_MS } from './bench/measure';
import { median, ratio, round } from './bench/stats';
import { ensureBuilt } from './lib/ensure-built';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.error(line);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const own = (sample: PopupSample) => sample.ownMs;
const total = (sample: PopupSample) => sample.totalMs;

function options() {
  const { values } = parseArgs({
    options: {
      against: { type: 'string' },
      steps: { type: 'string', default: '1000' },
      rounds: { type: 'string', default: '25' },
    },
  });
  if (!values.against)
    throw new Error('--against: a git ref (commit, tag, branch) or a built extension folder');
  const steps = Number(values.steps);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(steps) || steps < 20) throw new Error('--steps: a whole number >= 20');
  if (!Number.isInteger(rounds) || rounds < 3) throw new Error('--rounds: a whole number >= 3');
  return { against: values.against, steps, rounds };
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stderr || result.stdout}`);
  return result.stdout.trim();
}

/** The baseline's built Chrome extension: the folder given, or the ref exported and built. */
function baselineBuild(against: string): { path: string; label: string } {
  if (existsSync(join(against, 'manifest.json'))) return { path: resolve(against), label: against };
  const commit = run('git', ['rev-parse', '--verify', `${against}^{commit}`], root);
  const dir = join(tmpdir(), `kartra-auditor-baseline-${commit.slice(0, 12)}`);
  const built = join(dir, '.output', 'chrome-mv3');
  const label = `${against} (${commit.slice(0, 7)})`;
  if (existsSync(join(built, 'manifest.json'))) {
    log(`baseline ${label}: reusing the build in ${dir}`);
    return { path: built, label };
  }
  log(`baseline ${label}: exporting, installing and building in ${dir} (a minute or two)...`);
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: root });
  if (archive.status !== 0) throw new Error(`git archive ${commit} failed`);
  run('npm', ['ci', '--no-audit', '--no-fund'], dir);
  run('npx', ['wxt', 'build'], dir);
  return { path: built, label };
}

interface Arm {
  label: string;
  audit: () => Promise<number>;
  floor: () => Promise<number>;
  popup: () => Promise<PopupSample>;
  close: () => Promise<void>;
  audits: number[];
  floors: number[];
  /** Own time, and from navigation start: a script that holds up parsing shortens only the first. */
  popups: PopupSample[];
}

async function openArm(label: string, extensionPath: string, steps: number): Promise<Arm> {
  const session = await launchKartra({ extensionPath });
  session.context.setDefaultNavigationTimeout(900_000);
  session.context.setDefaultTimeout(120_000);
  await session.context.addInitScript({ content: RECORDER_SCRIPT });
  log(`${label}: rendering ${steps} steps...`);
  const page = await session.openSpec(generateSpec(steps));
  await settle(page);
  const runFloor = await isolatedFloor(page, floorSelectors(kartraProfile));
  let tick = 0;
  const audit = async () => {
    await page.bringToFront();
    // Past the throttle, so the change is audited at once rather than after a wait.
    await sleep(THROTTLE_MS + 50);
    const before = (await auditsSoFar(page)).length;
    await harmlessChange(page, tick++, kartraProfile.editor.root);
    const [entry] = await nextAudits(page, before);
    if (!entry) throw new Error(`${label}: no audit after a change`);
    return entry.ms;
  };
  const floor = async () => {
    await sleep(50);
    return (await runFloor()).ms;
  };
  const reports = new ExtensionReports(session.context, session.extensionId ?? '');
  const tabId = await reports.tabIdOf(page);
  const popup = async () => {
    const [sample] = await measurePopup(session, tabId, 1);
    if (!sample) throw new Error(`${label}: the popup was not measured`);
    return sample;
  };
  const close = async () => {
    await reports.close();
    await session.close();
  };
  return { label, audit, floor, popup, close, audits: [], floors: [], popups: [] };
}

async function main(): Promise<void> {
  const args = options();
  const baseline = baselineBuild(args.against);
  ensureBuilt(root, log);
  const arms = [
    await openArm(`baseline ${baseline.label}`, baseline.path, args.steps),
    await openArm('this build', join(root, '.output', 'chrome-mv3'), args.steps),
  ];
  try {
    log(`${args.rounds} rounds...`);
    for (let r = 0; r < args.rounds; r++) {
      for (const i of roundOrder(r)) {
        const arm = arms[i] as Arm;
        arm.floors.push(await arm.floor());
        arm.audits.push(await arm.audit());
        arm.popups.push(await arm.popup());
      }
    }
  } finally {
    for (const arm of arms) await arm.close();
  }
  const [base, candidate] = arms as [Arm, Arm];
  for (const arm of arms) {
    const audit = median(arm.audits);
    const floor = median(arm.floors);
    console.log(
      `${arm.label}: audit ${round(audit)} ms, floor ${round(floor)} ms (as a content script), audit / floor ${round(ratio(audit, floor))}x; popup ${round(median(arm.popups.map(own)))} ms of its own, ${round(median(arm.popups.map(total)))} ms from navigation start`,
    );
  }
  const verdictWords = (result: PairedComparison) =>
    result.verdict === 'slower'
      ? `slower (a regression: ${REGRESSION_RATIO}x or more)`
      : result.verdict === 'faster'
        ? 'faster'
        : result.verdict === 'same'
          ? `no regression (within ${REGRESSION_RATIO}x either way)`
          : 'unknown (no timings)';
  for (const [what, result] of [
    ['audit', comparePaired(base.audits, candidate.audits)],
    ['popup', comparePaired(base.popups.map(own), candidate.popups.map(own))],
    ['popup from navigation start', comparePaired(base.popups.map(total), candidate.popups.map(total))],
  ] as const)
    console.log(
      `${what}, this build / baseline, paired over ${result.rounds} rounds: ${round(result.pairedRatio)}x (faster in ${result.candidateFasterRounds} of ${result.rounds}); ${verdictWords(result)}`,
    );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});

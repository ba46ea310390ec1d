import { execFileSync } from 'node:child_process';

/**
 * The seed every randomised test of a run draws from (fast-check properties, the fuzz, generated
 * specs and skins, damaged pages), so that any failure can be replayed:
 * - `FC_SEED` set: that seed (replay a run with `FC_SEED=<seed> npm test`);
 * - in CI (`CI` set): derived from the commit, so a run can be replayed and every commit still
 *   explores new cases;
 * - otherwise a random one.
 */
export function seedFrom(env: NodeJS.ProcessEnv): number {
  const given = env.FC_SEED?.trim();
  if (given) {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be a whole number, not "${given}"`);
    return seed | 0;
  }
  if (env.CI) {
    const commit = env.GITHUB_SHA ?? gitHead();
    if (commit) return Number.parseInt(commit.slice(0, 8), 16) | 0;
  }
  return Math.floor(Math.random() * 0x7fffffff);
}

function gitHead(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/**
 * This run's seed. The first call in a run fixes it in `FC_SEED`, so every process the run starts
 * afterwards (test workers) draws from the same one, and prints it with how to replay.
 */
export function runSeed(): number {
  if (!process.env.FC_SEED) {
    const seed = seedFrom(process.env);
    process.env.FC_SEED = String(seed);
    console.log(`Randomised tests: seed ${seed} (replay with FC_SEED=${seed})`);
  }
  return seedFrom(process.env);
}

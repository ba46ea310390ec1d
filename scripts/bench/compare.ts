import { median, ratio } from './stats';

/**
 * Two builds of the extension measured on the same page in the same run, round by round. On a
 * shared machine one build's figures move by 2x between runs (docs/performance.md), so
 * only builds measured side by side compare: each round measures both, back to back.
 */

/** A regression is a candidate this much slower than the baseline, or more (paired median). */
export const REGRESSION_RATIO = 1.1;

/**
 * Which build goes first in a round: they alternate, so that neither always meets the machine
 * right after the other has warmed or loaded it.
 */
export function roundOrder(round: number): [0, 1] | [1, 0] {
  return round % 2 === 0 ? [0, 1] : [1, 0];
}

/**
 * `reps` samples of each, taken in turns (who goes first alternating, as bench:compare does),
 * so that a figure and its floor meet the same machine: these machines change speed within a run.
 */
export async function alternately<T>(
  reps: number,
  ours: (rep: number) => Promise<T[]>,
  floor: (rep: number) => Promise<T[]>,
): Promise<[T[], T[]]> {
  const taken: [T[], T[]] = [[], []];
  const runs = [ours, floor] as const;
  for (let rep = 0; rep < reps; rep++)
    for (const i of roundOrder(rep)) taken[i].push(...(await runs[i](rep)));
  return taken;
}

export interface PairedComparison {
  rounds: number;
  baselineMs: number;
  candidateMs: number;
  /** Median over rounds of candidate / baseline: each round's pair met the same machine. */
  pairedRatio: number;
  /** Rounds in which the candidate was the faster of the two. */
  candidateFasterRounds: number;
  verdict: 'faster' | 'same' | 'slower' | 'unknown';
}

/** Compares two builds' timings, `baseline[i]` and `candidate[i]` taken in the same round. */
export function comparePaired(baseline: readonly number[], candidate: readonly number[]): PairedComparison {
  if (baseline.length !== candidate.length)
    throw new Error(`unpaired timings: ${baseline.length} baseline rounds, ${candidate.length} candidate`);
  const ratios = baseline.map((b, i) => ratio(candidate[i] as number, b));
  const pairedRatio = median(ratios);
  const verdict = !Number.isFinite(pairedRatio)
    ? 'unknown'
    : pairedRatio >= REGRESSION_RATIO
      ? 'slower'
      : pairedRatio <= 1 / REGRESSION_RATIO
        ? 'faster'
        : 'same';
  return {
    rounds: baseline.length,
    baselineMs: median(baseline),
    candidateMs: median(candidate),
    pairedRatio,
    candidateFasterRounds: baseline.filter((b, i) => (candidate[i] as number) < b).length,
    verdict,
  };
}

import type { ExpectedFinding } from '../fixtures/sequences/fixtures';

interface FindingLike {
  ruleId: string;
  severity: string;
  kind: string;
  steps: string[];
  sequenceId?: string;
}

const key = (finding: Pick<FindingLike, 'ruleId' | 'severity' | 'steps'>) =>
  `${finding.ruleId} (${finding.severity}) [${[...finding.steps].sort().join(', ')}]`;

/**
 * axe-core style comparison of a fixture's expected findings with a report's: every expected
 * finding is produced (rule, severity, steps as a set), and nothing else at error or warning
 * severity. Returns the differences in words; [] means they agree.
 */
export function findingDifferences(
  expected: readonly ExpectedFinding[],
  actual: readonly FindingLike[],
): string[] {
  const produced = new Set(actual.map(key));
  const wanted = new Set(expected.map(key));
  const missing = [...wanted]
    .filter((finding) => !produced.has(finding))
    .map((finding) => `missing: ${finding}`);
  const unexpected = actual
    .filter((finding) => finding.severity !== 'info' && !wanted.has(key(finding)))
    .map((finding) => `unexpected: ${key(finding)}`);
  return [...missing, ...unexpected];
}

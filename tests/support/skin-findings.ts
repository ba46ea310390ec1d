import type { ExpectedFinding } from '../fixtures/sequences/fixtures';
import { findingDifferences } from './expected-findings';

interface FindingLike {
  ruleId: string;
  severity: string;
  kind: string;
  steps: string[];
}

/**
 * How a report on a skinned page stands against the fixture's expected findings (what the
 * default skin gives):
 * - `same`: the same findings;
 * - `reviews`: it differs only where it could not read: each expected finding it did not make
 *   is a review of the same rule (on those steps or the whole sequence), and every finding it
 *   made beyond the expected ones is a review;
 * - `wrong`: anything else, above all a fail the default skin does not give, or a report with no
 *   error, warning or review for a page whose expected findings have some: a clean bill of health
 *   for a page it did not read.
 */
export type SkinVerdict = { outcome: 'same' | 'reviews' } | { outcome: 'wrong'; problems: string[] };

const counts = (finding: FindingLike) => finding.severity !== 'info' || finding.kind === 'review';

export function skinVerdict(
  expected: readonly ExpectedFinding[],
  actual: readonly FindingLike[],
): SkinVerdict {
  const differences = findingDifferences(expected, actual);
  if (differences.length === 0) return { outcome: 'same' };
  const problems: string[] = [];
  if (expected.some(counts) && !actual.some(counts)) {
    problems.push(
      'clean report (no error, warning or review) for a page whose default-skin report has findings',
    );
  }
  const reviews = actual.filter((finding) => finding.kind === 'review');
  const key = (finding: FindingLike) =>
    `${finding.ruleId} (${finding.severity}) [${[...finding.steps].sort().join(', ')}]`;
  const produced = new Set(actual.map(key));
  for (const want of expected) {
    if (produced.has(key(want))) continue;
    const covered = reviews.some(
      (review) =>
        review.ruleId === want.ruleId &&
        (review.steps.length === 0 || want.steps.every((step) => review.steps.includes(step))),
    );
    if (!covered) problems.push(`missing, and no review of it: ${key(want)}`);
  }
  const wanted = new Set(expected.map(key));
  for (const finding of actual) {
    if (finding.severity === 'info' || finding.kind === 'review' || wanted.has(key(finding))) continue;
    problems.push(`a fail the default skin does not give: ${key(finding)}`);
  }
  return problems.length === 0 ? { outcome: 'reviews' } : { outcome: 'wrong', problems };
}

import type { HiddenFact } from '../replica/skin';

interface FindingLike {
  ruleId: string;
  severity: string;
  kind: string;
  steps: string[];
  message: string;
}

/**
 * The rules whose answer rests on a fact a skin may hide. `lines`: every rule that follows the
 * flow from line to line (who follows whom, what is reached, the run order, the timeline), and
 * those that judge a step only where contacts reach it (inactive steps, Complete blocks).
 * `wording`: every rule that reads a step's timing, window or recipients.
 */
export const RULES_NEEDING: Record<HiddenFact, readonly string[]> = {
  lines: [
    'step-inactive',
    'complete-blocks-reentry',
    'step-not-connected',
    'start-not-connected',
    'step-unreachable',
    'path-without-ending',
    'split-branch-open',
    'subsequence-never-entered',
    'instant-loop',
    'step-numbers-not-order',
    'email-burst',
    'date-step-reached-late',
  ],
  wording: [
    'date-in-past',
    'date-specific-step',
    'date-step-reached-late',
    'email-burst',
    'instant-loop',
    'pause-resets-delays',
    'window-never-opens',
    'recipients-filtered',
  ],
};

const key = (finding: Pick<FindingLike, 'ruleId' | 'severity' | 'steps'>) =>
  `${finding.ruleId} (${finding.severity}) [${[...finding.steps].sort().join(', ')}]`;

/**
 * How a report on a page whose skin hides `facts` stands against the same page's findings on the
 * default skin. Problems (in words; [] when it stands):
 * - a fail from a rule that needs a hidden fact (the page never showed it the fact);
 * - a default finding of such a rule with no review of that rule in its place;
 * - a review of such a rule that does not say why (`reason`, a phrase of the reader's);
 * - any other rule's finding that is not the default skin's, but for a review of the same rule
 *   on the same steps where the skin's foreign markup left a field unread (as
 *   tests/support/skin-findings.ts allows every skin): the hidden fact changes no verdict of a
 *   rule that does not need it;
 * - a report with no review at all: a clean bill for a page whose lines were never read.
 */
export function hiddenFactProblems(
  facts: readonly HiddenFact[],
  reason: RegExp,
  defaults: readonly FindingLike[],
  actual: readonly FindingLike[],
): string[] {
  const needing = new Set(facts.flatMap((fact) => RULES_NEEDING[fact]));
  const problems: string[] = [];
  for (const finding of actual) {
    if (!needing.has(finding.ruleId)) continue;
    if (finding.kind === 'fail')
      problems.push(`a fail from a rule needing ${facts.join(', ')}: ${key(finding)}`);
    else if (!reason.test(finding.message))
      problems.push(`a review that does not say why: ${finding.message}`);
  }
  for (const want of defaults) {
    if (!needing.has(want.ruleId)) continue;
    const covered = actual.some(
      (review) =>
        review.kind === 'review' &&
        review.ruleId === want.ruleId &&
        (review.steps.length === 0 || want.steps.every((step) => review.steps.includes(step))),
    );
    if (!covered) problems.push(`no review in place of ${key(want)}`);
  }
  const others = (findings: readonly FindingLike[]) =>
    findings.filter((finding) => !needing.has(finding.ruleId));
  const described = (finding: FindingLike) => `${key(finding)} ${finding.kind}`;
  const mine = others(actual);
  const theirs = others(defaults);
  const has = (list: readonly FindingLike[], finding: FindingLike) =>
    list.some((other) => described(other) === described(finding));
  const unread = (finding: FindingLike) =>
    mine.some(
      (review) =>
        review.kind === 'review' &&
        review.ruleId === finding.ruleId &&
        finding.steps.every((step) => review.steps.includes(step)),
    );
  for (const finding of theirs)
    if (!has(mine, finding) && !unread(finding)) problems.push(`missing: ${described(finding)}`);
  for (const finding of mine)
    if (!has(theirs, finding) && finding.kind !== 'review')
      problems.push(`unexpected: ${described(finding)}`);
  if (!actual.some((finding) => finding.kind === 'review'))
    problems.push('no review at all: a clean report for a page whose lines were not read');
  return problems;
}

import type { Finding } from './report';

/**
 * A finding as the extension remembers it across audits (accepted findings, the audit history):
 * its rule, its decision and its steps in order, "step-inactive fail 2 5". Two findings with the
 * same key are the same finding to the user, whatever their words.
 */
export function findingKey(finding: Pick<Finding, 'ruleId' | 'kind' | 'steps'>): string {
  return [finding.ruleId, finding.kind, ...[...finding.steps].sort()].join(' ');
}

export function parseFindingKey(key: string): Pick<Finding, 'ruleId' | 'kind' | 'steps'> {
  const [ruleId = '', kind, ...steps] = key.split(' ');
  return { ruleId, kind: kind === 'review' ? 'review' : 'fail', steps };
}

import type { Finding, Report } from '../audit/report';
import { RULE_ID as CHANGES_NOT_SAVED } from '../checks/changes-not-saved';

export type Severity = Finding['severity'];

/**
 * What a step's badge wears: the worst severity among its decided findings, or `review` when the
 * page did not show enough to decide any of them. A review is never drawn as the severity it
 * would have if it were decided: nothing is known to be wrong.
 */
export type BadgeTone = Severity | 'review';

export interface StepFindings {
  ref: string;
  findings: Finding[];
  tone: BadgeTone;
  /** The number on the badge: the decided findings, or the reviews when none is decided. */
  count: number;
}

export interface GroupedFindings {
  /** Per step ("start" = the Starting Rules module), in the report's order. */
  byStep: StepFindings[];
  /** Findings about the sequence as a whole (steps = []). */
  sequenceWide: Finding[];
  /** Changes not saved yet: shown above everything, since leaving the builder loses them. */
  unsaved: Finding | null;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The badge of a step's findings: decided ones count and colour it; reviews only when alone. */
export function badgeOf(findings: readonly Finding[]): Pick<StepFindings, 'tone' | 'count'> {
  const decided = findings.filter((finding) => finding.kind === 'fail');
  if (decided.length === 0) return { tone: 'review', count: findings.length };
  let worst: Severity = 'info';
  for (const finding of decided) if (RANK[finding.severity] < RANK[worst]) worst = finding.severity;
  return { tone: worst, count: decided.length };
}

/** Groups a report's findings by the step they concern; a finding about several steps goes to each. */
export function groupFindings(report: Report): GroupedFindings {
  const byRef = new Map<string, Finding[]>();
  const sequenceWide: Finding[] = [];
  for (const finding of report.findings) {
    if (finding.steps.length === 0) sequenceWide.push(finding);
    for (const ref of finding.steps) {
      const list = byRef.get(ref);
      if (list) list.push(finding);
      else byRef.set(ref, [finding]);
    }
  }
  const byStep = [...byRef].map(([ref, findings]) => ({ ref, findings, ...badgeOf(findings) }));
  const unsaved = report.findings.find((finding) => finding.ruleId === CHANGES_NOT_SAVED) ?? null;
  return { byStep, sequenceWide, unsaved };
}

/** "2 errors, 1 warning, 3 to review": for accessible labels and summaries. */
export function countWords(findings: readonly Finding[]): string {
  const counts: Record<BadgeTone, number> = { error: 0, warning: 0, info: 0, review: 0 };
  for (const finding of findings) counts[finding.kind === 'review' ? 'review' : finding.severity]++;
  const words: string[] = [];
  if (counts.error) words.push(`${counts.error} error${counts.error === 1 ? '' : 's'}`);
  if (counts.warning) words.push(`${counts.warning} warning${counts.warning === 1 ? '' : 's'}`);
  if (counts.info) words.push(`${counts.info} tip${counts.info === 1 ? '' : 's'}`);
  if (counts.review) words.push(`${counts.review} to review`);
  return words.join(', ');
}

import { RULE_ID as CHANGES_NOT_SAVED } from '../checks/changes-not-saved';
import type { Finding, Report } from '../report';

export type Severity = Finding['severity'];

export interface StepFindings {
  ref: string;
  findings: Finding[];
  /** The most serious severity among them, deciding the badge's colour. */
  worst: Severity;
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

export function worstSeverity(findings: readonly Finding[]): Severity {
  let worst: Severity = 'info';
  for (const finding of findings) if (RANK[finding.severity] < RANK[worst]) worst = finding.severity;
  return worst;
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
  const byStep = [...byRef].map(([ref, findings]) => ({ ref, findings, worst: worstSeverity(findings) }));
  const unsaved = report.findings.find((finding) => finding.ruleId === CHANGES_NOT_SAVED) ?? null;
  return { byStep, sequenceWide, unsaved };
}

/** "2 errors, 1 warning": for accessible labels and summaries. */
export function countWords(findings: readonly Finding[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const words: string[] = [];
  if (counts.error) words.push(`${counts.error} error${counts.error === 1 ? '' : 's'}`);
  if (counts.warning) words.push(`${counts.warning} warning${counts.warning === 1 ? '' : 's'}`);
  if (counts.info) words.push(`${counts.info} tip${counts.info === 1 ? '' : 's'}`);
  return words.join(', ');
}

import type { Report } from '../audit/report';
import { type Finding, reportSubject, type Severity, whereLabel } from './report-view';

/**
 * The client report's summary, worked out from one report or several (a whole account): what to
 * fix first. Strings are still raw page text: the HTML builder escapes them.
 */

/** One fix and every finding it settles. */
export interface FixGroup {
  fix: string;
  /** The most severe of its findings' severities. */
  severity: Severity;
  /** How many findings share the fix. */
  findings: number;
  /** How many steps they name, counted once per sequence ("Whole sequence" counts one). */
  steps: number;
  /** Where each finding applies, "Step 3", or "Launch: step 3" when the report has several sequences. */
  places: string[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The decided findings' fixes, the ones that matter most first (errors, then warnings, then tips;
 * within a severity, the fix that settles most findings, then most steps), and apart from them the
 * reviews, grouped and ordered the same way: a review says what to check, not what is wrong.
 */
export function fixesFirst(reports: readonly Report[]): { fixes: FixGroup[]; reviews: FixGroup[] } {
  const named = reports.length > 1;
  const fixes = new Map<string, FixGroup & { stepKeys: Set<string> }>();
  const reviews = new Map<string, FixGroup & { stepKeys: Set<string> }>();
  for (const [index, report] of reports.entries()) {
    const subject = reportSubject(report);
    for (const finding of report.findings) {
      const groups = finding.kind === 'review' ? reviews : fixes;
      const group = groups.get(finding.fix) ?? {
        fix: finding.fix,
        severity: finding.severity,
        findings: 0,
        steps: 0,
        places: [],
        stepKeys: new Set<string>(),
      };
      group.findings += 1;
      if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[group.severity]) group.severity = finding.severity;
      for (const step of stepKeys(finding)) group.stepKeys.add(`${index} ${step}`);
      const where = whereLabel(finding);
      group.places.push(named ? `${subject}: ${lowerFirst(where)}` : where);
      groups.set(finding.fix, group);
    }
  }
  const ordered = (groups: typeof fixes): FixGroup[] =>
    [...groups.values()]
      .map(({ stepKeys, ...group }) => ({ ...group, steps: stepKeys.size }))
      .sort(
        (a, b) =>
          SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
          b.findings - a.findings ||
          b.steps - a.steps,
      );
  return { fixes: ordered(fixes), reviews: ordered(reviews) };
}

/** The steps a finding names, as keys within its report; a finding on the whole sequence (or a list row) is one. */
function stepKeys(finding: Finding): string[] {
  const row = finding.sequenceId === undefined ? '' : `${finding.sequenceId}:`;
  return finding.steps.length > 0 ? finding.steps.map((step) => row + step) : [`${row}*`];
}

/** "step 3" after a sequence's name; "Starting Rules" keeps its capital. */
function lowerFirst(where: string): string {
  return /^(Step|Steps|Whole|Sequence) /.test(where) ? where.charAt(0).toLowerCase() + where.slice(1) : where;
}

/** The counts of several reports added up. */
export function totalCounts(reports: readonly Pick<Report, 'counts'>[]): Report['counts'] {
  const total = { error: 0, warning: 0, info: 0, review: 0 };
  for (const { counts } of reports) {
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += counts[key];
  }
  return total;
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/**
 * The cover's date, "27 November 2026": the day the newest report was made, in UTC like the file
 * name's day (a report is dated once, wherever it is opened).
 */
export function coverDate(reports: readonly Pick<Report, 'generatedAt'>[]): string {
  const newest =
    reports
      .map((report) => report.generatedAt)
      .sort()
      .at(-1) ?? '';
  const date = new Date(newest);
  if (Number.isNaN(date.getTime())) return newest;
  return DAY_FORMAT.format(date);
}

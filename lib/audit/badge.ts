import type { Report } from './report';

/**
 * The toolbar badge a report gives its tab. Apart from lib/audit/audit.ts so that the content script's
 * loader, which tells the badge of every page that is not a sequence, carries no rules.
 */

export const BADGE_COLORS = {
  error: '#d93025',
  warning: '#f29900',
  unknown: '#5f6368',
  none: '#5f6368',
} as const;

/** What auditSummary gives a page with nothing to audit, without making its report. */
export const NO_BADGE = { text: '', color: BADGE_COLORS.none };

/**
 * The toolbar badge: errors in red, else warnings in amber, '?' when the builder was not
 * recognised; with accepted findings, its tooltip says how many (they are not in the number).
 */
export function auditSummary(report: Pick<Report, 'counts' | 'page' | 'accepted'>): {
  text: string;
  color: string;
  title?: string;
} {
  const accepted = report.accepted?.length ?? 0;
  const title = accepted > 0 ? { title: `Kartra Sequence Auditor: ${accepted} accepted, not counted` } : {};
  if (report.page.kind === 'unrecognised') return { text: '?', color: BADGE_COLORS.unknown };
  if (report.counts.error > 0)
    return { text: String(report.counts.error), color: BADGE_COLORS.error, ...title };
  if (report.counts.warning > 0)
    return { text: String(report.counts.warning), color: BADGE_COLORS.warning, ...title };
  return { ...NO_BADGE, ...title };
}

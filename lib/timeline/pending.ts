import type { Report } from '../audit/report';

/**
 * Whether a builder's report still waits for its timeline: the popup is first sent one without
 * (its counts paint sooner) and asks for the timeline right after (lib/timeline/report-timeline.ts).
 * Apart from lib/audit/report.ts so the popup's first paint does not build the report's schemas: they
 * load with the answer's validation (lib/extension/messaging/ask-audited-frame.ts), while the tab answers.
 */
export function timelinePending(report: Pick<Report, 'page' | 'timeline'>): boolean {
  return report.page.kind === 'editor' && report.timeline === undefined;
}

import { accountTiming } from '../audit/audit';
import type { Report } from '../audit/report';
import type { PageModel } from '../model/model';
import type { Settings } from '../settings/settings';
import type { ZoneClocks } from '../time/timing';
import { sequenceTimeline } from './sequence-timeline';

/**
 * The report with its `timeline`: when each step reaches a contact entering at the report's
 * `generatedAt`, on every path. Not part of every audit (a 1,000-step sequence's full timeline
 * costs several ms, the audit runs on every change of the builder): added when a report is asked
 * for, and kept by whoever holds the report (the audit session, for its latest). Pure.
 *
 * `page` is the page model the report was made from; `browserZone` the zone the audit was given
 * (the settings' account zone wins, as in the audit); `clocks` the owner's zone clocks (the
 * session's). The same report back when it is not of a builder page or already has its timeline.
 */
export function withTimeline(
  report: Report,
  page: PageModel,
  settings: Settings,
  browserZone?: string,
  clocks?: ZoneClocks,
): Report {
  if (report.timeline !== undefined || page.kind !== 'editor') return report;
  const timing = accountTiming(settings, browserZone, clocks);
  return { ...report, timeline: sequenceTimeline(page.sequence, timing, Date.parse(report.generatedAt)) };
}

import { GOOD_FIT } from '../reader/fit';
import type { Report } from './report';

/**
 * Why an audit does not count as complete, or null when it does: only an audit that opened every
 * tab and read the page well is compared with another (what changed in the history, the step
 * map's boxes since the last audit), since what it did not read would show up as "fixed" or
 * "deleted".
 */
export function whyIncomplete(report: Pick<Report, 'coverage'>): string | null {
  if (report.coverage.tabsNotSeen.length > 0) return 'not every tab was opened';
  if ((report.coverage.reading?.fit ?? 1) < GOOD_FIT) return 'the page was not read well enough';
  return null;
}

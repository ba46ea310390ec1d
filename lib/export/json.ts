import type { Report } from '../audit/report';
import type { AccountReport } from '../overview/account-report';

/** The report exactly as the popup (or the account overview) holds it, pretty-printed, ending with a newline. */
export function renderJsonReport(report: Report | AccountReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

import type { Report } from '../audit/report';

/** The report exactly as the popup holds it, pretty-printed, ending with a newline. */
export function renderJsonReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

import type { Report } from '../../lib/audit/report';
import { EXPORT_FORMATS, type ExportFormat, renderReport } from '../../lib/export';

/** The formats `npm run audit:replica -- spec.json --format <format>` accepts. */
export const REPORT_FORMATS = EXPORT_FORMATS;
export type ReportFormat = ExportFormat;

export function formatReport(report: Report, format: ReportFormat): string {
  return renderReport(report, format);
}

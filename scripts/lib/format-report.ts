import type { Report } from '../../lib/report';

export const REPORT_FORMATS = ['json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function formatReport(report: Report, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
  }
}

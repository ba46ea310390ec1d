import type { AccountReport } from '../overview/account-report';
import { renderAccountCsv } from './account-csv';
import { renderAccountHtml } from './account-html';
import { renderAccountMarkdown } from './account-markdown';
import { fileDay } from './file-name';
import type { CoverDetails } from './html';
import type { ExportFormat } from './index';
import { renderJsonReport } from './json';

/**
 * The account report (lib/overview/account-report.ts) in one export format, as the text of the
 * file; the HTML one has a cover with `cover`'s details.
 */
export function renderAccountReport(
  report: AccountReport,
  format: ExportFormat,
  cover: CoverDetails = {},
): string {
  switch (format) {
    case 'json':
      return renderJsonReport(report);
    case 'md':
      return renderAccountMarkdown(report);
    case 'html':
      return renderAccountHtml(report, cover);
    case 'csv':
      return renderAccountCsv(report);
  }
}

/** `kartra-account-audit-<yyyy-mm-dd>.<ext>`, the day in UTC as in the sequence reports' names. */
export function accountFileName(report: AccountReport, format: ExportFormat): string {
  return `kartra-account-audit-${fileDay(report)}.${format}`;
}

import type { Report } from '../audit/report';
import { type CsvOptions, renderCsvReport } from './csv';
import { type HtmlReportOptions, renderHtmlReport } from './html';
import { renderJsonReport } from './json';
import { renderMarkdownReport } from './markdown';

export { type CsvOptions, renderCsvReport } from './csv';
export { type ExportOptions, RULE_DOCS_PATH, ruleDocHref } from './doc-link';
export { reportFileName, slugify } from './file-name';
export {
  type CoverDetails,
  type HtmlReportOptions,
  REPORT_CSP,
  renderHtmlDocument,
  renderHtmlReport,
} from './html';
export { renderJsonReport } from './json';
export { renderMarkdownReport } from './markdown';

/** The export formats; each is also the file extension. */
export const EXPORT_FORMATS = ['json', 'md', 'html', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
  json: 'application/json;charset=utf-8',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
};

export const EXPORT_LABELS: Record<ExportFormat, string> = {
  json: 'JSON',
  md: 'Markdown',
  html: 'HTML',
  csv: 'CSV',
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The report in one export format, as the text of the file to write (`cover`: the HTML file's only). */
export function renderReport(
  report: Report,
  format: ExportFormat,
  options: CsvOptions & HtmlReportOptions = {},
): string {
  switch (format) {
    case 'json':
      return renderJsonReport(report);
    case 'md':
      return renderMarkdownReport(report, options);
    case 'html':
      return renderHtmlReport(report, options);
    case 'csv':
      return renderCsvReport(report, options);
  }
}

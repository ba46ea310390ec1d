import { describe, expect, it } from 'vitest';
import { validateReport } from '../../../lib/audit/report';
import {
  EXPORT_FORMATS,
  EXPORT_MIME_TYPES,
  isExportFormat,
  renderCsvReport,
  renderHtmlReport,
  renderJsonReport,
  renderMarkdownReport,
  renderReport,
} from '../../../lib/export';
import { formatReport, REPORT_FORMATS } from '../../../scripts/lib/format-report';
import { editorReport, listReport } from './reports';

describe('export formats', () => {
  it('offers JSON, Markdown, HTML and CSV with their MIME types', () => {
    expect(EXPORT_FORMATS).toEqual(['json', 'md', 'html', 'csv']);
    expect(EXPORT_MIME_TYPES.html).toMatch(/^text\/html/);
    expect(EXPORT_MIME_TYPES.csv).toMatch(/^text\/csv/);
    expect(EXPORT_MIME_TYPES.md).toMatch(/^text\/markdown/);
    expect(EXPORT_MIME_TYPES.json).toMatch(/^application\/json/);
    expect(isExportFormat('md')).toBe(true);
    expect(isExportFormat('pdf')).toBe(false);
  });

  it('renders each format with its builder, and the audit:replica script does the same', () => {
    const builders = {
      json: renderJsonReport,
      md: renderMarkdownReport,
      html: renderHtmlReport,
      csv: renderCsvReport,
    };
    expect(REPORT_FORMATS).toEqual(EXPORT_FORMATS);
    for (const format of EXPORT_FORMATS) {
      expect(renderReport(editorReport, format)).toBe(builders[format](editorReport));
      expect(formatReport(listReport, format)).toBe(builders[format](listReport));
    }
  });
});

describe('renderJsonReport', () => {
  it('writes the report as is, pretty-printed, and it reads back valid', () => {
    const json = renderJsonReport(editorReport);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n  "schemaVersion": 1,\n');
    expect(validateReport(JSON.parse(json))).toEqual(editorReport);
  });
});

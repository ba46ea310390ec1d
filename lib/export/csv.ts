import type { Report } from '../audit/report';
import { type ExportOptions, ruleDocHref } from './doc-link';
import { acceptedNote, houseRuleText } from './report-view';
import { truncate } from './text';

export const CSV_COLUMNS = [
  'severity',
  'kind',
  'ruleId',
  'steps',
  'message',
  'fix',
  'sequenceId',
  'docs',
  // Which build produced the row, repeated on every row rather than a preamble line: the file
  // stays one header over equal rows (sortable, filterable, importable as a table), a row pasted
  // elsewhere keeps its provenance, and new columns go last so existing indexes still hold.
  'tool',
  'generatedAt',
  // Empty on an open finding; on one the user accepted, when and why.
  'accepted',
  // On a finding of a rule that takes house rules, what it was checked against.
  'houseRules',
] as const;

/** Excel's limit per cell; longer text would spill into the next row when opened. */
export const MAX_CSV_CELL = 32_000;

// Spreadsheet apps run a cell starting with these as a formula (OWASP "CSV injection"). Text that
// already starts with apostrophes before one is prefixed too: taking the one added apostrophe off
// then always gives the text back ("'=" stays "'=", not "=").
const FORMULA_START = /^'*[=+\-@\t\r]/;

export interface CsvOptions extends ExportOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads accents and emoji right. Off by default. */
  excelBom?: boolean;
}

/** A cell that a spreadsheet shows as text, never evaluates: a leading apostrophe defuses formulas. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote a field holding a quote, comma or line break; double inner quotes. */
export function quoteCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cell(value: string): string {
  return quoteCsvField(neutraliseFormula(truncate(value, MAX_CSV_CELL)));
}

/**
 * A header row over `rows`, every cell defused and quoted; CRLF line endings. The one CSV writer:
 * every CSV export goes through it, so none can skip the formula defence.
 */
export function renderCsvTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: CsvOptions = {},
): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  return `${options.excelBom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/**
 * One row per finding, under a header row; CRLF line endings, safe to open in a spreadsheet.
 * A report without findings is the header alone, so it names no version: there is no row to carry it.
 */
export function renderCsvReport(report: Report, options: CsvOptions = {}): string {
  const tool = `${report.tool.name} ${report.tool.version}`;
  const houseRulesOf = (ruleId: string) =>
    (report.houseRules ?? [])
      .filter((rule) => rule.ruleId === ruleId)
      .map((rule) => houseRuleText(rule))
      .join('; ');
  const row = (finding: Report['findings'][number], accepted: string) => [
    finding.severity,
    finding.kind,
    finding.ruleId,
    finding.steps.join(' '),
    finding.message,
    finding.fix,
    finding.sequenceId ?? '',
    ruleDocHref(finding.ruleId, options),
    tool,
    // ISO 8601 as in the JSON export: sorts as text and reads the same in every locale.
    report.generatedAt,
    accepted,
    houseRulesOf(finding.ruleId),
  ];
  const rows = [
    ...report.findings.map((finding) => row(finding, '')),
    ...(report.accepted ?? []).map((item) => row(item, acceptedNote(item))),
  ];
  return renderCsvTable(CSV_COLUMNS, rows, options);
}

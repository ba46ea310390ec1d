import type { AccountReport } from '../overview/account-report';
import { shownName, trendText } from '../overview/overview';
import { type CsvOptions, renderCsvTable } from './csv';

export const ACCOUNT_CSV_COLUMNS = [
  'sequenceId',
  'name',
  'url',
  'status',
  'statusSeenOn',
  'statusSeenAt',
  'lastAudited',
  'complete',
  'errors',
  'warnings',
  'tips',
  'reviews',
  'accepted',
  'trend',
  'audits',
  'tool',
  'generatedAt',
] as const;

/**
 * One row per sequence under a header row, through the one CSV writer (formula defence, quoting).
 * Dates are ISO 8601 as in the JSON; `name` is the id when no page showed the name yet; `accepted`
 * is empty where an earlier version did not count them.
 */
export function renderAccountCsv(report: AccountReport, options: CsvOptions = {}): string {
  const tool = `${report.tool.name} ${report.tool.version}`;
  const rows = report.sequences.map((sequence) => [
    sequence.id,
    shownName(sequence),
    sequence.url ?? '',
    sequence.status?.value ?? '',
    sequence.status?.seenOn ?? '',
    sequence.status?.at ?? '',
    sequence.lastAudited,
    sequence.complete ? 'yes' : 'no',
    String(sequence.counts.error),
    String(sequence.counts.warning),
    String(sequence.counts.info),
    String(sequence.counts.review),
    sequence.accepted === null ? '' : String(sequence.accepted),
    trendText(sequence.trend),
    String(sequence.audits),
    tool,
    report.generatedAt,
  ]);
  return renderCsvTable(ACCOUNT_CSV_COLUMNS, rows, options);
}

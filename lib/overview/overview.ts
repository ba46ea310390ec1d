import type { Report } from '../audit/report';
import { plural } from '../export/plural';
import { STATUS_WORDS } from '../export/report-view';
import type { History, Outcome, SeenStatus, SequenceStatus } from '../history/history';

/**
 * The account overview: every sequence audited in this browser, one row each, from the history
 * the extension keeps (lib/history). Pure: the page (components/overview/) sorts and filters with
 * it, and the account report (lib/export/account-*.ts) is made from its rows.
 */

export type Counts = Report['counts'];

/**
 * Whether the open findings went down, up or stayed over the complete audits kept (those that read
 * every tab: a tab not opened would look like a fix); `none` below two of them.
 */
export type Trend =
  | { direction: 'down' | 'up' | 'flat'; from: number; to: number; audits: number }
  | { direction: 'none'; audits: number };

export interface OverviewRow {
  id: string;
  /** As last seen; null when no page showed it yet (the id stands in). */
  name: string | null;
  status: SeenStatus | null;
  /** When its latest audit ran (ISO). */
  lastAudited: string;
  /** Its latest audit read every tab, and read them well. */
  complete: boolean;
  /** At its latest audit. */
  counts: Counts;
  /** Findings accepted at its latest audit; null when an earlier version kept it without counting them. */
  accepted: number | null;
  trend: Trend;
  /** Visits kept. */
  audits: number;
}

/** Open findings: every decided finding and every review (accepted ones are out of the counts). */
export const openFindings = (counts: Counts): number =>
  counts.error + counts.warning + counts.info + counts.review;

export function trendOf(outcomes: readonly Outcome[]): Trend {
  const complete = outcomes.filter((outcome) => outcome.complete);
  const first = complete[0];
  const last = complete.at(-1);
  if (!first || !last || complete.length < 2) return { direction: 'none', audits: complete.length };
  const from = openFindings(first.counts);
  const to = openFindings(last.counts);
  return { direction: to < from ? 'down' : to > from ? 'up' : 'flat', from, to, audits: complete.length };
}

/** The trend in words, as a screen reader reads it and the exports write it. */
export function trendText(trend: Trend): string {
  const findings = (n: number) => plural(n, 'open finding');
  switch (trend.direction) {
    case 'down':
      return `Down from ${trend.from} to ${findings(trend.to)} over ${trend.audits} audits`;
    case 'up':
      return `Up from ${trend.from} to ${findings(trend.to)} over ${trend.audits} audits`;
    case 'flat':
      return `Unchanged at ${findings(trend.to)} over ${trend.audits} audits`;
    case 'none':
      return trend.audits === 0 ? 'No complete audit yet' : 'One complete audit, no trend yet';
  }
}

/** One row per sequence the history keeps. */
export function overviewRows(history: History): OverviewRow[] {
  const rows: OverviewRow[] = [];
  for (const [id, entry] of Object.entries(history)) {
    const latest = entry.outcomes.at(-1);
    if (!latest) continue;
    rows.push({
      id,
      name: entry.name,
      status: entry.status,
      lastAudited: latest.at,
      complete: latest.complete,
      counts: latest.counts,
      accepted: latest.accepted,
      trend: trendOf(entry.outcomes),
      audits: entry.outcomes.length,
    });
  }
  return rows;
}

/** The name a row is shown and sorted by: its name, else its id. */
export const shownName = (row: Pick<OverviewRow, 'id' | 'name'>): string => row.name ?? row.id;

const SORT_KEYS = [
  'name',
  'status',
  'lastAudited',
  'error',
  'warning',
  'info',
  'review',
  'accepted',
  'trend',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Newest audit first: what the page shows before the user sorts. */
export const DEFAULT_SORT: Sort = { key: 'lastAudited', descending: true };

/** What a row sorts by; null (not known) sorts last in either direction. */
function sortValue(row: OverviewRow, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return shownName(row);
    case 'status':
      return row.status ? STATUS_WORDS[row.status.value] : null;
    case 'lastAudited':
      return row.lastAudited;
    case 'accepted':
      return row.accepted;
    case 'trend':
      return row.trend.direction === 'none' ? null : row.trend.to - row.trend.from;
    default:
      return row.counts[key];
  }
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compare(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

/** `rows` in `sort`'s order; ties by name, then id. */
export function sortRows(rows: readonly OverviewRow[], sort: Sort): OverviewRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order = compare(x, y);
      if (order !== 0) return sign * order;
    }
    return compare(shownName(a), shownName(b)) || compare(a.id, b.id);
  });
}

export interface Filter {
  /** Part of the name or id, any case. */
  text: string;
  status: SequenceStatus | 'unknown' | 'any';
  /** Only sequences whose latest audit found errors or warnings. */
  problemsOnly: boolean;
}

export const NO_FILTER: Filter = { text: '', status: 'any', problemsOnly: false };

export function filterRows(rows: readonly OverviewRow[], filter: Filter): OverviewRow[] {
  const text = filter.text.trim().toLocaleLowerCase();
  return rows.filter((row) => {
    if (text && !`${row.name ?? ''}\n${row.id}`.toLocaleLowerCase().includes(text)) return false;
    if (filter.status !== 'any' && (row.status?.value ?? 'unknown') !== filter.status) return false;
    return !filter.problemsOnly || row.counts.error + row.counts.warning > 0;
  });
}

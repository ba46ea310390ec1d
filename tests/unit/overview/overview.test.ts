import { describe, expect, it } from 'vitest';
import type { History, Outcome } from '../../../lib/history/history';
import {
  DEFAULT_SORT,
  filterRows,
  NO_FILTER,
  type OverviewRow,
  overviewRows,
  sortRows,
  trendOf,
  trendText,
} from '../../../lib/overview/overview';

const at = (day: number) => `2026-12-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const outcome = (day: number, error: number, warning = 0, complete = true): Outcome => ({
  visit: at(day),
  at: at(day),
  complete,
  counts: { error, warning, info: 1, review: 0 },
  accepted: 0,
  findings: [],
});

const history: History = {
  '2231': {
    name: 'Lead magnet follow-up',
    status: { value: 'paused', seenOn: 'list', at: at(3) },
    outcomes: [outcome(1, 4), outcome(2, 3), outcome(3, 1)],
  },
  '3104': {
    name: 'Masterclass replay',
    status: { value: 'active', seenOn: 'editor', at: at(5) },
    outcomes: [outcome(4, 0, 1), outcome(5, 0, 3)],
  },
  // Kept by the previous version: no name, no status, no accepted count.
  '977': { name: null, status: null, outcomes: [{ ...outcome(2, 0), accepted: null }] },
};

const ids = (rows: readonly OverviewRow[]) => rows.map((row) => row.id);

describe('the account overview', () => {
  const rows = overviewRows(history);

  it('has one row per sequence: its name, status as last seen, latest audit and counts', () => {
    expect(rows.find((row) => row.id === '2231')).toEqual({
      id: '2231',
      name: 'Lead magnet follow-up',
      status: { value: 'paused', seenOn: 'list', at: at(3) },
      lastAudited: at(3),
      complete: true,
      counts: { error: 1, warning: 0, info: 1, review: 0 },
      accepted: 0,
      trend: { direction: 'down', from: 5, to: 2, audits: 3 },
      audits: 3,
    });
    expect(rows.find((row) => row.id === '977')).toMatchObject({ name: null, status: null, accepted: null });
  });

  it('says the trend of the open findings in words, over the audits that read every tab', () => {
    expect(trendText(trendOf([outcome(1, 4), outcome(2, 3), outcome(3, 1)]))).toBe(
      'Down from 5 to 2 open findings over 3 audits',
    );
    expect(trendText(trendOf([outcome(1, 0), outcome(2, 2)]))).toBe(
      'Up from 1 to 3 open findings over 2 audits',
    );
    expect(trendText(trendOf([outcome(1, 0), outcome(2, 0)]))).toBe(
      'Unchanged at 1 open finding over 2 audits',
    );
    // A visit that did not open every tab found fewer: it is not a fix.
    expect(trendOf([outcome(1, 4), outcome(2, 0, 0, false)])).toEqual({ direction: 'none', audits: 1 });
    expect(trendText({ direction: 'none', audits: 1 })).toBe('One complete audit, no trend yet');
    expect(trendText({ direction: 'none', audits: 0 })).toBe('No complete audit yet');
  });

  it('sorts newest audit first, and by any column either way, the unknown last', () => {
    expect(ids(sortRows(rows, DEFAULT_SORT))).toEqual(['3104', '2231', '977']);
    expect(ids(sortRows(rows, { key: 'error', descending: true }))).toEqual(['2231', '977', '3104']);
    // By the name shown: a sequence whose name was never seen sorts by its id.
    expect(ids(sortRows(rows, { key: 'name', descending: false }))).toEqual(['977', '2231', '3104']);
    expect(ids(sortRows(rows, { key: 'status', descending: false }))).toEqual(['2231', '3104', '977']);
    expect(ids(sortRows(rows, { key: 'status', descending: true }))).toEqual(['3104', '2231', '977']);
    expect(ids(sortRows(rows, { key: 'accepted', descending: false }))).toEqual(['2231', '3104', '977']);
    // Most improved first, ascending: the trend with no direction last either way.
    expect(ids(sortRows(rows, { key: 'trend', descending: false }))).toEqual(['2231', '3104', '977']);
    expect(ids(sortRows(rows, { key: 'trend', descending: true }))).toEqual(['3104', '2231', '977']);
  });

  it('filters by part of the name or id, by status, and to those with errors or warnings', () => {
    expect(ids(filterRows(rows, NO_FILTER))).toEqual(ids(rows));
    expect(ids(filterRows(rows, { ...NO_FILTER, text: '  LEAD ' }))).toEqual(['2231']);
    expect(ids(filterRows(rows, { ...NO_FILTER, text: '97' }))).toEqual(['977']);
    expect(ids(filterRows(rows, { ...NO_FILTER, status: 'active' }))).toEqual(['3104']);
    expect(ids(filterRows(rows, { ...NO_FILTER, status: 'unknown' }))).toEqual(['977']);
    expect(ids(filterRows(rows, { ...NO_FILTER, problemsOnly: true })).sort()).toEqual(['2231', '3104']);
    expect(filterRows(rows, { text: 'lead', status: 'active', problemsOnly: false })).toEqual([]);
  });
});

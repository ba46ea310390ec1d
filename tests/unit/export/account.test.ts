import { Window } from 'happy-dom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { accountFileName, renderAccountReport } from '../../../lib/export/account';
import { ACCOUNT_CSV_COLUMNS } from '../../../lib/export/account-csv';
import type { History } from '../../../lib/history/history';
import { kartraProfile } from '../../../lib/kartra/profile';
import { accountReport } from '../../../lib/overview/account-report';
import { DEFAULT_SORT, overviewRows, sortRows } from '../../../lib/overview/overview';
import { parseCsv } from '../../support/parse-csv';
import { HOSTILE } from './reports';

const at = (day: number) => `2026-12-0${day}T09:00:00.000Z`;
const outcome = (day: number, error: number, accepted: number | null = 1) => ({
  visit: at(day),
  at: at(day),
  complete: true,
  counts: { error, warning: 1, info: 2, review: 0 },
  accepted,
  findings: [],
});
const hostileName = `${HOSTILE.script} ${HOSTILE.mdLink} | =HYPERLINK("https://evil.example") ${HOSTILE.newlines}`;
const history: History = {
  '2231': {
    name: 'Lead magnet follow-up',
    status: { value: 'paused', seenOn: 'list', at: at(3) },
    outcomes: [outcome(1, 3), outcome(3, 1)],
  },
  '3104': { name: hostileName, status: null, outcomes: [outcome(2, 0, null)] },
};
const tool = { name: 'Kartra Sequence Auditor', version: '0.1.0' };
const report = accountReport(sortRows(overviewRows(history), DEFAULT_SORT), {
  tool,
  now: new Date('2026-12-08T10:00:00Z'),
  profile: kartraProfile,
});
const URLS = [
  'https://app.kartra.com/marketing/sequences/edit/2231',
  'https://app.kartra.com/marketing/sequences/edit/3104',
];

function parse(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** What a person reads in each row of the document's one table, by cell. */
const cells = (doc: Document) =>
  [...doc.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map(text));

describe('the account report', () => {
  it('holds every sequence in JSON, in the order given, with the link to its editor', () => {
    const json = JSON.parse(renderAccountReport(report, 'json'));
    expect(json).toMatchObject({
      schemaVersion: 1,
      kind: 'account',
      tool,
      generatedAt: '2026-12-08T10:00:00.000Z',
    });
    expect(json.sequences.map((s: { id: string }) => s.id)).toEqual(['2231', '3104']);
    expect(json.sequences[0]).toEqual({
      id: '2231',
      name: 'Lead magnet follow-up',
      url: URLS[0],
      status: { value: 'paused', seenOn: 'list', at: at(3) },
      lastAudited: at(3),
      complete: true,
      counts: { error: 1, warning: 1, info: 2, review: 0 },
      accepted: 1,
      trend: { direction: 'down', from: 6, to: 4, audits: 2 },
      audits: 2,
    });
    expect(json.sequences[1]).toMatchObject({ name: hostileName, accepted: null, status: null });
  });

  it('is a Markdown table a name cannot break, link out of or format', async () => {
    const markdown = renderAccountReport(report, 'md');
    expect(markdown).toContain('- Result: 1 error, 2 warnings, 4 tips (and 1 accepted)');
    const doc = parse(await marked.parse(markdown));
    const rows = cells(doc);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.length === 9)).toBe(true);
    expect(rows[0]).toEqual([
      'Lead magnet follow-up (id 2231)',
      'Paused (sequence list, 2026-12-03 09:00 UTC)',
      '2026-12-03 09:00 UTC',
      '1',
      '1',
      '2',
      '0',
      '1',
      'Down from 6 to 4 open findings over 2 audits',
    ]);
    expect(rows[1]?.[0]).toContain('<script>alert(1)</script> [Click here](https://evil.example/steal)');
    expect(rows[1]?.[7]).toBe('not counted');
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(URLS);
    expect(doc.querySelectorAll('script, img, strong, h2').length).toBe(0);
  });

  it('is one inert HTML file whose cells say what the overview says, names as text', () => {
    const html = renderAccountReport(report, 'html');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html.toLowerCase()).not.toContain('<script');
    const doc = parse(html);
    expect(text(doc.querySelector('h1'))).toBe('Kartra account audit');
    const rows = cells(doc);
    expect(rows[0]).toEqual([
      'Lead magnet follow-up id 2231',
      'Paused (sequence list, 2026-12-03 09:00 UTC)',
      '2026-12-03 09:00 UTC',
      '1',
      '1',
      '2',
      '0',
      '1',
      'Down from 6 to 4 open findings over 2 audits',
    ]);
    expect(doc.querySelectorAll('tbody th a')[1]?.textContent).toContain(HOSTILE.script);
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(URLS);
    expect(doc.querySelectorAll('script, img, iframe').length).toBe(0);
  });

  it('is a CSV table, one row per sequence, that a spreadsheet shows as text', () => {
    const [header, ...rows] = parseCsv(renderAccountReport(report, 'csv'));
    expect(header).toEqual([...ACCOUNT_CSV_COLUMNS]);
    expect(rows.map((row) => row[0])).toEqual(['2231', '3104']);
    const first = Object.fromEntries(ACCOUNT_CSV_COLUMNS.map((column, i) => [column, rows[0]?.[i]]));
    expect(first).toMatchObject({
      name: 'Lead magnet follow-up',
      url: URLS[0],
      status: 'paused',
      statusSeenOn: 'list',
      errors: '1',
      accepted: '1',
      trend: 'Down from 6 to 4 open findings over 2 audits',
      tool: 'Kartra Sequence Auditor 0.1.0',
    });
    // The row of a name starting a formula, and of an accepted count not kept.
    const formula = accountReport(
      overviewRows({ '7': { ...history['3104'], name: '=1+1' } as History[string] }),
      {
        tool,
        now: new Date(),
        profile: kartraProfile,
      },
    );
    const [, row] = parseCsv(renderAccountReport(formula, 'csv'));
    expect(row?.[1]).toBe("'=1+1");
    expect(row?.[12]).toBe('');
  });

  it('says when no sequence was audited, and is named for the day', () => {
    const empty = accountReport([], { tool, now: new Date('2026-12-08T10:00:00Z'), profile: kartraProfile });
    expect(renderAccountReport(empty, 'md')).toContain('No sequence has been audited in this browser yet.');
    expect(text(parse(renderAccountReport(empty, 'html')).querySelector('main p'))).toBe(
      'No sequence has been audited in this browser yet.',
    );
    expect(accountFileName(report, 'csv')).toBe('kartra-account-audit-2026-12-08.csv');
  });

  it('has a cover in HTML with who prepared it, as the client report has, the name as text', () => {
    const doc = parse(renderAccountReport(report, 'html', { preparedBy: HOSTILE.script }));
    const cover = doc.querySelector('header.cover');
    expect(text(cover?.querySelector('h1'))).toBe('Kartra account audit');
    expect(text(cover?.querySelector('dl'))).toContain(`Prepared by${HOSTILE.script}`);
    expect(cover?.querySelector('script, img')).toBeNull();
  });
});

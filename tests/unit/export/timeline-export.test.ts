import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../lib/audit/audit';
import { validateReport } from '../../../lib/audit/report';
import { renderHtmlReport, renderJsonReport, renderMarkdownReport } from '../../../lib/export';
import type { PageModel, SequenceModel } from '../../../lib/model/model';
import { defaultSettings } from '../../../lib/settings/settings';
import { withTimeline } from '../../../lib/timeline/report-timeline';
import {
  chain,
  complete,
  email,
  no,
  onDate,
  sequence,
  sms,
  split,
  tag,
  wait,
  yes,
} from '../checks/model-builder';
import { HOSTILE } from './reports';

const ZONE = 'Europe/Berlin';
const settings = { ...defaultSettings(), accountTimeZone: ZONE };

/** The report of `seq` with its timeline, for a contact entering on Wed 2 Jun 2027 at 10:00 in Berlin. */
function reportOf(seq: SequenceModel) {
  const page = {
    kind: 'editor',
    url: 'https://app.kartra.com/sequence/editor/1',
    sequence: seq,
  } as PageModel;
  const now = new Date('2027-06-02T08:00:00Z');
  return withTimeline(audit(page, { now, tool: { name: 'test', version: '0' }, settings }), page, settings);
}

const demo = sequence({
  steps: [
    email('1'),
    split('2', { delay: wait(0, 12) }),
    email('3', { delay: wait(3) }),
    tag('4'),
    sms('5', { delay: wait(1) }),
    email('6', { active: false }),
    email('7', { delay: onDate('2027-06-01T09:00') }),
    email('8', { delay: null }),
    complete('9'),
  ],
  connections: [
    ...chain('start', '1', '2'),
    yes('2', '3'),
    no('2', '4'),
    ...chain('4', '5', '6', '7', '8', '9'),
  ],
});

function parse(html: string): Document {
  return new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** The Markdown timeline table's rows, as cells. */
function markdownRows(markdown: string): string[][] {
  const section = markdown.split('## Timeline')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Message') && !line.startsWith('| ---'))
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((c) => c.trim()),
    );
}

describe('the timeline in the exports', () => {
  const report = reportOf(demo);

  it('carries the timeline in the JSON, valid against the report schema', () => {
    const json = JSON.parse(renderJsonReport(report));
    expect(json.timeline.enteredAt).toBe(Date.parse('2027-06-02T08:00:00Z'));
    expect(json.timeline.timeZone).toBe(ZONE);
    expect(validateReport(json).timeline).toEqual(report.timeline);
  });

  it('tables each message in the order a contact gets it, by branch, with quiet, skipped and unknown said', () => {
    expect(markdownRows(renderMarkdownReport(report))).toEqual([
      ['Email 1', 'Wed 2 Jun 2027, 10:00 AM · day 0', 'From Starting Rules', '', ''],
      // Split at 10 PM; yes: three days later, Saturday night.
      ['Email 3', 'Sat 5 Jun 2027, 10:00 PM · day 3', 'Step 2: yes', 'Weekend, Night', ''],
      ['SMS 5', 'Thu 3 Jun 2027, 10:00 PM · day 1', 'Step 2: no', 'Night', ''],
      [
        '~~Email 6~~',
        'Thu 3 Jun 2027, 10:00 PM · day 1',
        'Step 2: no',
        '',
        'Skipped: the step is inactive, so Kartra passes contacts straight through it.',
      ],
      [
        '~~Email 7~~',
        'Thu 3 Jun 2027, 10:00 PM · day 1',
        'Step 2: no',
        '',
        'Skipped: its date had passed before the contact entered.',
      ],
      ['Email 8', 'unknown', 'Step 2: no', '', "Unknown: this step's delay could not be read."],
    ]);
  });

  it('marks quiet hours as the export options say', () => {
    const rows = markdownRows(
      renderMarkdownReport(report, { quietHours: { from: 0, to: 0, weekends: false } }),
    );
    expect(rows.map((r) => r[3])).toEqual(['', '', '', '', '', '']);
    expect(renderMarkdownReport(report, { quietHours: { from: 0, to: 0, weekends: false } })).toContain(
      'quiet hours: none',
    );
  });

  it('puts the same table in the HTML, and an SVG chart whose marks are the messages sent', () => {
    const doc = parse(renderHtmlReport(report));
    const rows = [...doc.querySelectorAll('table.timeline tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent ?? ''),
    );
    const md = markdownRows(renderMarkdownReport(report)).map((r) => r.map((c) => c.replace(/~~/g, '')));
    expect(rows).toEqual(md);
    expect(doc.querySelectorAll('table.timeline s')).toHaveLength(2);

    const svg = doc.querySelector('svg.timeline-chart');
    expect(svg?.getAttribute('role')).toBe('img');
    // A row per path; each mark is a message sent on that path, at the time the table gives.
    const chartRows = [...doc.querySelectorAll('svg.timeline-chart g.row')];
    expect(chartRows.map((g) => g.querySelector('text')?.textContent)).toEqual(['Step 2: yes', 'Step 2: no']);
    const sent = rows.filter((r) => !r[4]);
    const marks = [...doc.querySelectorAll('svg.timeline-chart circle')].map(
      (c) => c.querySelector('title')?.textContent ?? '',
    );
    expect(marks).toEqual([
      'Step 1 · Email · Wed 2 Jun 2027, 10:00 AM · day 0',
      `Step 3 · Email · ${sent[1]?.[1]} (quiet hours)`,
      'Step 1 · Email · Wed 2 Jun 2027, 10:00 AM · day 0',
      `Step 5 · SMS · ${sent[2]?.[1]} (quiet hours)`,
    ]);
    expect(doc.querySelectorAll('svg.timeline-chart circle.quiet')).toHaveLength(2);
    // No script anywhere, the chart included.
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });

  it('escapes a hostile step number everywhere the timeline shows it', () => {
    const hostile = reportOf(
      sequence({
        steps: [email(HOSTILE.img), email(`${HOSTILE.mdFormat}`, { delay: wait(1) })],
        connections: chain('start', HOSTILE.img, HOSTILE.mdFormat),
      }),
    );
    const html = renderHtmlReport(hostile);
    expect(html).not.toContain('<img');
    const doc = parse(html);
    expect(doc.querySelectorAll('img, script')).toHaveLength(0);
    expect(doc.querySelector('table.timeline tbody th')?.textContent).toBe(`Email ${HOSTILE.img}`);
    expect(doc.querySelector('svg.timeline-chart circle')?.getAttribute('data-ref')).toBe(HOSTILE.img);
    const markdown = renderMarkdownReport(hostile);
    const rows = markdownRows(markdown);
    // Still five cells a row: the "|" in the step number is escaped.
    expect(rows.map((r) => r.length)).toEqual([5, 5]);
    // Every "<" and "*" of it escaped: no HTML, no bold.
    expect(markdown).not.toMatch(/(^|[^\\])<img/);
    expect(markdown).not.toMatch(/(^|[^\\])\*\*bold/);
  });

  it('leaves the timeline out of reports that have none', () => {
    const page = { kind: 'other', url: 'https://app.kartra.com/' } as PageModel;
    const other = audit(page, { now: new Date(), tool: { name: 'test', version: '0' } });
    expect(renderMarkdownReport(other)).not.toContain('## Timeline');
    expect(parse(renderHtmlReport(other)).querySelector('svg, table.timeline')).toBeNull();
  });
});

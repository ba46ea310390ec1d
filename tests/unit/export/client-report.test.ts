import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../../lib/audit/report';
import { coverDate, fixesFirst } from '../../../lib/export/client-summary';
import { renderHtmlDocument, renderHtmlReport } from '../../../lib/export/html';
import { REPORT_CSS } from '../../../lib/export/html-style';
import { editorReport, HOSTILE, listReport } from './reports';

function parse(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The cover's facts as [term, value] pairs. */
const coverFacts = (doc: Document) =>
  [...doc.querySelectorAll('.cover dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]);

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'step-inactive',
  messageId: 'fixture',
  severity: 'error',
  kind: 'fail',
  message: 'A message.',
  fix: 'Activate it.',
  steps: ['1'],
  ...over,
});

const withFindings = (findings: Finding[], over: Partial<Report> = {}): Report => ({
  ...editorReport,
  findings,
  ...over,
});

describe('the fixes that matter most first', () => {
  it('orders errors, warnings, tips; then the fix shared by most findings, then by most steps', () => {
    const { fixes } = fixesFirst([
      withFindings([
        finding({ severity: 'info', fix: 'A tip.', steps: ['1'] }),
        finding({ severity: 'warning', fix: 'Wait a day.', steps: ['2'] }),
        finding({ fix: 'Connect it.', steps: ['3'] }),
        finding({ fix: 'Activate it.', steps: ['4'] }),
        finding({ fix: 'Activate it.', steps: ['5'] }),
        finding({ fix: 'Connect it.', steps: ['6'] }),
        finding({ fix: 'Fix the dates.', steps: ['7', '8', '9'] }),
        finding({ fix: 'Fix the dates.', steps: ['10'] }),
        finding({ fix: 'Unpause.', steps: [] }),
      ]),
    ]);
    expect(fixes.map((group) => [group.severity, group.fix, group.findings, group.steps])).toEqual([
      ['error', 'Fix the dates.', 2, 4],
      ['error', 'Connect it.', 2, 2],
      ['error', 'Activate it.', 2, 2],
      ['error', 'Unpause.', 1, 1],
      ['warning', 'Wait a day.', 1, 1],
      ['info', 'A tip.', 1, 1],
    ]);
    expect(fixes[0]?.places).toEqual(['Steps 7, 8, 9', 'Step 10']);
  });

  it('lists reviews apart, and a fix takes the most severe of its findings', () => {
    const { fixes, reviews } = fixesFirst([
      withFindings([
        finding({ severity: 'warning', fix: 'Add a delay.' }),
        finding({ severity: 'error', fix: 'Add a delay.', steps: ['2'] }),
        finding({ kind: 'review', severity: 'error', fix: 'Open tab B.', steps: ['B1'] }),
      ]),
    ]);
    expect(fixes.map((group) => [group.severity, group.fix, group.findings])).toEqual([
      ['error', 'Add a delay.', 2],
    ]);
    expect(reviews.map((group) => [group.severity, group.fix, group.places])).toEqual([
      ['error', 'Open tab B.', ['Step B1']],
    ]);
  });

  it('on several sequences, counts steps per sequence and names the sequence of each place', () => {
    const other = withFindings([finding({ steps: ['1'] })], {
      sequence: { id: '9', name: 'Webinar', publicName: null, status: 'active', subscribers: 0 },
    });
    const [group] = fixesFirst([withFindings([finding({ steps: ['1'] })]), other]).fixes;
    expect(group?.findings).toBe(2);
    expect(group?.steps).toBe(2);
    expect(group?.places).toEqual(['Lead magnet follow-up: step 1', 'Webinar: step 1']);
  });
});

describe('the client report of one sequence', () => {
  const cover = {
    client: 'Acme Bakery Ltd',
    preparedBy: 'Jo Bloggs, Funnel Fixers',
    note: 'Hi Sam,\n\nhere is the audit we spoke about.\nThe first two fixes matter most.',
  };
  const doc = parse(renderHtmlReport(editorReport, { cover }));

  it('opens with a cover: title, client, prepared by, date, and the note a paragraph per line', () => {
    expect(text(doc.querySelector('.cover h1'))).toBe('Kartra sequence audit: Lead magnet follow-up');
    expect(coverFacts(doc)).toEqual([
      ['Client', 'Acme Bakery Ltd'],
      ['Prepared by', 'Jo Bloggs, Funnel Fixers'],
      ['Date', '27 November 2026'],
      ['Note', 'Hi Sam, here is the audit we spoke about. The first two fixes matter most.'],
    ]);
    expect([...doc.querySelectorAll('.cover dd p')].map(text)).toEqual([
      'Hi Sam,',
      'here is the audit we spoke about.',
      'The first two fixes matter most.',
    ]);
  });

  it('says only the date when no client, author or note is given', () => {
    expect(coverFacts(parse(renderHtmlReport(editorReport)))).toEqual([['Date', '27 November 2026']]);
    const blank = parse(renderHtmlReport(editorReport, { cover: { client: '  ', note: '\n \n' } }));
    expect(coverFacts(blank)).toEqual([['Date', '27 November 2026']]);
  });

  it('sums up the fixes, the most important first, and the reviews apart', () => {
    const summary = doc.querySelector('.summary');
    expect([...(summary?.querySelectorAll('h3') ?? [])].map(text)).toEqual([
      'What to fix, most important first',
      'Needs review',
    ]);
    expect([...doc.querySelectorAll('#fixes-first + ol > li .badge')].map(text)).toEqual([
      '✖ Error',
      '✖ Error',
      '▲ Warning',
      'ℹ Tip',
      'ℹ Tip',
    ]);
    const first = doc.querySelector('#fixes-first + ol > li');
    expect(text(first?.querySelector('strong'))).toBe(editorReport.findings[0]?.fix);
    expect(text(first?.querySelector('.meta'))).toBe('1 finding: Whole sequence');
    expect([...doc.querySelectorAll('#needs-review + ol > li')].map(text)).toEqual([
      '? Needs review (Warning) Open tab B in the builder to audit it. 1 finding: Steps B1, B2',
    ]);
  });

  it('then the sequence, with every finding and its fix', () => {
    const section = doc.querySelector('section.sequence');
    expect(text(section?.querySelector('h2'))).toBe('Lead magnet follow-up');
    for (const item of editorReport.findings) {
      expect(text(section)).toContain(item.message);
      expect(text(section)).toContain(item.fix);
    }
  });
});

describe('the client report of several sequences (a whole account)', () => {
  const webinar: Report = {
    ...editorReport,
    generatedAt: '2026-11-28T08:00:00.000Z',
    sequence: { id: '77', name: 'Webinar', publicName: null, status: 'active', subscribers: 3 },
    findings: [finding({ steps: ['4'], message: 'Step 4 is inactive.' })],
    counts: { error: 1, warning: 0, info: 0, review: 0 },
  };
  const html = renderHtmlDocument([editorReport, webinar, listReport], { cover: { client: 'Acme' } });
  const doc = parse(html);

  it('has one cover, then a section per sequence in the order given, every id unique', () => {
    expect(text(doc.querySelector('h1'))).toBe('Kartra account audit');
    expect(coverFacts(doc)).toEqual([
      ['Client', 'Acme'],
      ['Date', '28 November 2026'],
      ['Sequences', '3'],
    ]);
    expect([...doc.querySelectorAll('section.sequence > h2')].map(text)).toEqual([
      'Lead magnet follow-up',
      'Webinar',
      'Sequence list',
    ]);
    const ids = [...doc.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('adds up the counts, and tabulates them per sequence with a link to each', () => {
    expect([...doc.querySelectorAll('.summary .counts li')].map(text)).toEqual([
      '✖ 4 errors',
      '▲ 1 warning',
      '? 2 to review',
      'ℹ 2 tips',
    ]);
    const rows = [...doc.querySelectorAll('table.sequences tbody tr')].map((row) =>
      [...row.children].map(text),
    );
    expect(rows).toEqual([
      ['Lead magnet follow-up', '2', '1', '1', '2', '0'],
      ['Webinar', '1', '0', '0', '0', '0'],
      ['Sequence list', '1', '0', '1', '0', '0'],
    ]);
    expect(doc.querySelector('table.sequences a')?.getAttribute('href')).toBe('#s1');
    expect(doc.getElementById('s2')?.textContent).toBe('Webinar');
  });

  it('takes the title it is given, and dates the cover by the newest report', () => {
    const titled = parse(
      renderHtmlDocument([webinar, editorReport], { cover: { title: 'Acme: all sequences' } }),
    );
    expect(text(titled.querySelector('h1'))).toBe('Acme: all sequences');
    expect(coverDate([editorReport, webinar])).toBe('28 November 2026');
  });
});

describe('text in the client report', () => {
  it.each(Object.entries(HOSTILE))(
    'shows %s text as text on the cover, never as markup',
    (_name, hostile) => {
      const named: Report = {
        ...editorReport,
        sequence: editorReport.sequence && { ...editorReport.sequence, name: hostile },
      };
      const doc = parse(
        renderHtmlReport(named, {
          cover: { client: hostile, preparedBy: hostile, note: hostile, title: hostile },
        }),
      );
      expect(doc.querySelectorAll('script, img, b').length).toBe(0);
      for (const cell of doc.querySelectorAll('.cover dd')) expect(text(cell)).not.toBe('');
    },
  );

  it('shows a sequence name and a client holding markup as the characters typed', () => {
    const name = '<b>Spring</b> launch & "more"';
    const named: Report = {
      ...editorReport,
      sequence: editorReport.sequence && { ...editorReport.sequence, name },
    };
    const html = renderHtmlReport(named, { cover: { client: '<i>Acme</i>' } });
    const doc = parse(html);
    expect(text(doc.querySelector('h1'))).toBe(`Kartra sequence audit: ${name}`);
    expect(text(doc.querySelector('section.sequence > h2'))).toBe(name);
    expect(coverFacts(doc)[0]).toEqual(['Client', '<i>Acme</i>']);
    expect(doc.querySelectorAll('b, i').length).toBe(0);
  });
});

describe('the print stylesheet', () => {
  const print = REPORT_CSS.slice(REPORT_CSS.indexOf('@media print'));

  it('starts each sequence on a page, cuts no finding, fix or row across pages, and prints link addresses', () => {
    expect(print).toMatch(/\.sequence \{ break-before: page; \}/);
    const unbroken = /([^{}]+)\{ break-inside: avoid; \}/
      .exec(print)?.[1]
      ?.split(',')
      .map((s) => s.trim());
    expect(unbroken).toEqual(expect.arrayContaining(['.finding', '.fix-item', 'tr']));
    expect(print).toMatch(/a\[href\][^{]*::after \{ content: " \(" attr\(href\) "\)"/);
    // Links inside the document (the summary's table) print no "#s1".
    expect(print).toContain(':not([href^="#"])');
    // No page size: the printer's A4 or Letter applies.
    expect(REPORT_CSS).not.toMatch(/@page[^}]*size/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../lib/audit/report';
import { CSV_COLUMNS, renderCsvReport } from '../../../lib/export/csv';
import { editorReport, HOSTILE, listReport, unrecognisedReport } from './reports';

/** A strict RFC 4180 reader: CRLF between records, quoted fields may hold anything. */
function parseCsv(csv: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  let quoted = false;
  while (index < csv.length) {
    const char = csv.charAt(index);
    if (quoted) {
      if (char === '"' && csv.charAt(index + 1) === '"') {
        field += '"';
        index += 2;
      } else if (char === '"') {
        quoted = false;
        index += 1;
      } else {
        field += char;
        index += 1;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      index += 1;
    } else if (char === ',') {
      record.push(field);
      field = '';
      index += 1;
    } else if (char === '\r' && csv.charAt(index + 1) === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 2;
    } else if (char === '"' || char === '\n' || char === '\r') {
      throw new Error(`bare ${JSON.stringify(char)} outside quotes at ${index}`);
    } else {
      field += char;
      index += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('last record has no CRLF');
  return records;
}

const FORMULA = /^[=+\-@\t\r]/;

/** What the user typed, from what a spreadsheet shows: the defusing apostrophe removed. */
function original(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell.replace(/^'+/, '')) ? cell.slice(1) : cell;
}

function withMessage(message: string, fix = 'Fix it.'): Report {
  const [first] = editorReport.findings;
  if (!first) throw new Error('fixture has findings');
  return { ...editorReport, findings: [{ ...first, message, fix }] };
}

describe('renderCsvReport', () => {
  it('writes a header and one row per finding, with every field', () => {
    const rows = parseCsv(renderCsvReport(editorReport));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    // Spelled out, not CSV_COLUMNS: the header is what spreadsheets and scripts depend on.
    expect(rows[0]?.join(',')).toBe(
      'severity,kind,ruleId,steps,message,fix,sequenceId,docs,tool,generatedAt,accepted,houseRules',
    );
    expect(rows.slice(1)).toEqual(
      editorReport.findings.map((finding) => [
        finding.severity,
        finding.kind,
        finding.ruleId,
        finding.steps.join(' '),
        finding.message,
        finding.fix,
        '',
        `docs/rules/${finding.ruleId}.md`,
        'Kartra Sequence Auditor 0.1.0',
        '2026-11-27T12:00:00.000Z',
        '',
        '',
      ]),
    );
  });

  it('says on each finding of a rule with house rules what it was checked against', () => {
    const [first] = editorReport.findings;
    if (!first) throw new Error('fixture has findings');
    const houseRules = [
      {
        ruleId: first.ruleId,
        rule: 'A rule',
        option: 'ending',
        label: 'How every path ends',
        value: 'complete',
        words: 'a Complete step',
        isDefault: false,
      },
      {
        ruleId: 'other-rule',
        rule: 'Other',
        option: 'limit',
        label: 'Most email steps',
        value: 10,
        words: '10 email steps',
        isDefault: true,
      },
    ];
    const rows = parseCsv(renderCsvReport({ ...editorReport, houseRules }));
    expect(rows[1]?.at(-1)).toBe('How every path ends: a Complete step (your house rule)');
    expect(
      rows
        .slice(1)
        .filter((row) => row[2] !== first.ruleId)
        .every((row) => row.at(-1) === ''),
    ).toBe(true);
  });

  it('lists the findings the user accepted after the open ones, each saying when and why', () => {
    const [first, ...rest] = editorReport.findings;
    if (!first) throw new Error('fixture has findings');
    const accepted = { ...first, reason: 'a draft on purpose', acceptedAt: '2026-12-01T09:00:00.000Z' };
    const rows = parseCsv(renderCsvReport({ ...editorReport, findings: rest, accepted: [accepted] }));
    expect(rows).toHaveLength(editorReport.findings.length + 1);
    const acceptedColumn = CSV_COLUMNS.indexOf('accepted');
    expect(rows.slice(1, -1).every((row) => row[acceptedColumn] === '')).toBe(true);
    expect(rows.at(-1)?.slice(2, 3)).toEqual([first.ruleId]);
    expect(rows.at(-1)?.[acceptedColumn]).toBe('Accepted on 2026-12-01: a draft on purpose');
  });

  it('names the tool, its version and when the report was made on every row', () => {
    const report: Report = { ...listReport, tool: { name: 'Auditor', version: '2.3.4-beta.1' } };
    const rows = parseCsv(renderCsvReport(report));
    const tool = CSV_COLUMNS.indexOf('tool');
    expect(rows.slice(1).map((row) => row.slice(tool, tool + 2))).toEqual([
      ['Auditor 2.3.4-beta.1', listReport.generatedAt],
      ['Auditor 2.3.4-beta.1', listReport.generatedAt],
    ]);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('defuses a tool name that starts like a formula', () => {
    const report: Report = { ...editorReport, tool: { name: '=HYPERLINK("x")', version: '1' } };
    const rows = parseCsv(renderCsvReport(report));
    expect(rows[1]?.[8]).toBe(`'=HYPERLINK("x") 1`);
  });

  it('fills sequenceId on the list page and writes only the header when nothing was found', () => {
    const rows = parseCsv(renderCsvReport(listReport));
    expect(rows.slice(1).map((row) => row[6])).toEqual(['3120', '2231']);
    expect(parseCsv(renderCsvReport(unrecognisedReport))).toEqual([[...CSV_COLUMNS]]);
  });

  it('ends every record with CRLF, even inside a report with line breaks in text', () => {
    const csv = renderCsvReport(withMessage('line one\nline two\r\nthree'));
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[4]).toBe('line one\nline two\r\nthree');
  });

  it('uses full doc URLs under a base', () => {
    const rows = parseCsv(renderCsvReport(editorReport, { docsBase: 'https://example.org/rules' }));
    expect(rows[1]?.[7]).toBe('https://example.org/rules/sequence-paused.md');
  });

  it.each([['=SUM(A1:A9)'], ['+1+1'], ['-2+3'], ['@SUM(A1)'], ['\t=cmd'], ['\r=cmd'], [HOSTILE.formula]])(
    'defuses a cell starting like a formula: %j',
    (formula) => {
      const rows = parseCsv(renderCsvReport(withMessage(formula, formula)));
      expect(rows[1]?.[4]).toBe(`'${formula}`);
      expect(rows[1]?.[5]).toBe(`'${formula}`);
    },
  );

  // Found by the property below: "'=" came back as "=", once the added apostrophe was taken off.
  it.each([["'=1+1"], ["''@SUM(A1)"]])('keeps the apostrophes of text that starts with them: %j', (text) => {
    const rows = parseCsv(renderCsvReport(withMessage(text)));
    expect(rows[1]?.[4]).toBe(`'${text}`);
    expect(original(rows[1]?.[4] ?? '')).toBe(text);
  });

  it('leaves text that starts with an apostrophe but not a formula as it is', () => {
    expect(parseCsv(renderCsvReport(withMessage("'tis the season")))[1]?.[4]).toBe("'tis the season");
  });

  it('keeps quotes, commas, emoji, right-to-left text and markup as plain data', () => {
    for (const text of [
      HOSTILE.quotes,
      HOSTILE.emoji,
      HOSTILE.rtl,
      HOSTILE.img,
      HOSTILE.mdLink,
      HOSTILE.bidiOverride,
    ]) {
      const rows = parseCsv(renderCsvReport(withMessage(text)));
      expect(rows[1]?.[4]).toBe(text);
    }
  });

  it('keeps very long text up to what a spreadsheet cell holds', () => {
    const rows = parseCsv(renderCsvReport(withMessage(HOSTILE.long)));
    expect(rows[1]?.[4]).toBe(HOSTILE.long);
    const huge = parseCsv(renderCsvReport(withMessage('y'.repeat(40_000))));
    expect(huge[1]?.[4]?.length).toBe(32_001);
  });

  it('adds a UTF-8 byte-order mark for Excel only when asked', () => {
    expect(renderCsvReport(editorReport).charCodeAt(0)).toBe('s'.charCodeAt(0));
    expect(renderCsvReport(editorReport, { excelBom: true }).charCodeAt(0)).toBe(0xfeff);
  });

  it('gives back any message and fix, and no cell starts a formula (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.string({ maxLength: 40 }),
        (message, fix) => {
          const rows = parseCsv(renderCsvReport(withMessage(message, fix)));
          expect(rows).toHaveLength(2);
          const row = rows[1] ?? [];
          expect(row).toHaveLength(CSV_COLUMNS.length);
          expect(row.filter((cell) => FORMULA.test(cell))).toEqual([]);
          expect(original(row[4] ?? '')).toBe(message);
          expect(original(row[5] ?? '')).toBe(fix);
        },
      ),
    );
  });
});

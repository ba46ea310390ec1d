import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../lib/audit/report';
import { reportFileName, slugify } from '../../../lib/export/file-name';
import { editorReport, listReport, unrecognisedReport } from './reports';

function named(name: string | null): Report {
  const sequence = editorReport.sequence;
  if (!sequence) throw new Error('fixture has a sequence');
  return { ...editorReport, sequence: { ...sequence, name } };
}

describe('reportFileName', () => {
  it('names the file after the sequence and the report day', () => {
    expect(reportFileName(editorReport, 'md')).toBe('kartra-audit-lead-magnet-follow-up-2026-11-27.md');
    expect(reportFileName(editorReport, 'html', new Date('2027-01-05T08:00:00Z'))).toBe(
      'kartra-audit-lead-magnet-follow-up-2027-01-05.html',
    );
  });

  it('strips accents and punctuation to single dashes', () => {
    expect(reportFileName(named('  Crème Brûlée — Señor Ærø & Straße!! '), 'csv')).toBe(
      'kartra-audit-creme-brulee-senor-aero-strasse-2026-11-27.csv',
    );
    expect(reportFileName(named('../../etc/passwd'), 'json')).toBe('kartra-audit-etc-passwd-2026-11-27.json');
  });

  it('falls back when the name has nothing usable, by page', () => {
    expect(reportFileName(named('שלום 🎉'), 'md')).toBe('kartra-audit-sequence-2026-11-27.md');
    expect(reportFileName(named(null), 'md')).toBe('kartra-audit-sequence-2026-11-27.md');
    expect(reportFileName(listReport, 'csv')).toBe('kartra-audit-sequence-list-2026-11-27.csv');
    expect(reportFileName(unrecognisedReport, 'html')).toBe('kartra-audit-page-2026-11-27.html');
  });

  it('keeps the name part to 50 characters without a trailing dash', () => {
    const name = reportFileName(named(`${'a'.repeat(49)} bcd`), 'md');
    expect(name).toBe(`kartra-audit-${'a'.repeat(49)}-2026-11-27.md`);
    expect(slugify('x'.repeat(80))).toHaveLength(50);
  });

  it('always gives a safe, well-formed file name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), fc.string({ maxLength: 6 }), (name, ext) => {
        const file = reportFileName(named(name), ext);
        expect(file).toMatch(/^kartra-audit-[a-z0-9]+(-[a-z0-9]+)*-\d{4}-\d{2}-\d{2}\.[a-z0-9]+$/);
        expect(slugify(name).length).toBeLessThanOrEqual(50);
      }),
    );
  });
});

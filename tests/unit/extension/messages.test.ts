import { describe, expect, it } from 'vitest';
import { type AuditResult, isGetReportMessage, reportResponse } from '../../../lib/extension/messages';
import type { PageModel } from '../../../lib/model';
import type { Report } from '../../../lib/report';

const page = {
  kind: 'editor',
  url: 'https://app.kartra.com/marketing/sequences/edit/1',
  sequence: {
    diagnostics: [
      { where: 'step 3', expected: 'a delay' },
      { where: 'step 4', expected: 'a title' },
    ],
  },
} as unknown as PageModel;
const report = { findings: [] } as unknown as Report;
const audited: AuditResult = { report, page, error: null };

describe('get-report messages', () => {
  it('accepts the popup’s message with or without withPage, and nothing looser', () => {
    expect(isGetReportMessage({ type: 'kartra-auditor:get-report' })).toBe(true);
    expect(isGetReportMessage({ type: 'kartra-auditor:get-report', withPage: true })).toBe(true);
    expect(isGetReportMessage({ type: 'kartra-auditor:get-report', withPage: 'yes' })).toBe(false);
    expect(isGetReportMessage({ type: 'kartra-auditor:get-reports' })).toBe(false);
    expect(isGetReportMessage('kartra-auditor:get-report')).toBe(false);
  });

  it('leaves the page model out unless asked, but always says how much could not be read', () => {
    const lean = reportResponse(audited, { type: 'kartra-auditor:get-report' });
    expect(lean).toEqual({ report, page: null, diagnostics: 2, inferredProfile: null, error: null });
    const full = reportResponse(audited, { type: 'kartra-auditor:get-report', withPage: true });
    expect(full).toEqual({ report, page, diagnostics: 2, inferredProfile: null, error: null });
  });

  it('passes the extension’s own failure on', () => {
    const failed = reportResponse(
      { report: null, page: null, error: 'boom' },
      { type: 'kartra-auditor:get-report' },
    );
    expect(failed).toEqual({
      report: null,
      page: null,
      diagnostics: 0,
      inferredProfile: null,
      error: 'boom',
    });
  });
});

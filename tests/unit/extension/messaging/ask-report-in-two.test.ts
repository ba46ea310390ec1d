import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  askAuditedFrame,
  askReportInTwo,
  InvalidAnswerError,
} from '../../../../lib/extension/messaging/ask-audited-frame';
import { getReportRequest, listen, reportResponse } from '../../../../lib/extension/messaging/messages';
import { BUILDER_PAGE, tabsAnswerHere } from '../../../support/fake-tabs';
import { editorReport } from '../../export/reports';

const request = { withPage: false, withTimeline: false };
/** What the popup leaves for after its first paint: the closed groups' (warnings and tips). */
const closed = (finding: Readonly<Record<string, unknown>>) =>
  finding.kind === 'fail' && (finding.severity === 'warning' || finding.severity === 'info');

// The library over the fake extension API, the content script's tab being this same context.
describe('a report answer validated in two goes', () => {
  const stops: (() => void)[] = [];
  let answer: unknown;
  beforeEach(() => {
    tabsAnswerHere();
    answer = reportResponse({ report: editorReport, page: BUILDER_PAGE, error: null }, { withPage: false });
    stops.push(listen('getReport', getReportRequest, () => answer as never));
  });
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    vi.restoreAllMocks();
  });

  it('first gives every finding but the ones held back, then the whole report in its order', async () => {
    const { first, heldBack, complete } = await askReportInTwo(7, request, closed);
    const held = editorReport.findings.filter((f) => closed(f));
    expect(held.length).toBeGreaterThan(0);
    expect(heldBack).toBe(held.length);
    expect(first.report?.findings).toEqual(editorReport.findings.filter((f) => !closed(f)));
    expect(first.report?.counts).toEqual(editorReport.counts);
    expect(complete()).toEqual(await askAuditedFrame(7, 'getReport', request));
    expect(complete().report?.findings).toEqual(editorReport.findings);
  });

  it('holds nothing back when no finding is picked: the first part is the whole', async () => {
    const { first, heldBack, complete } = await askReportInTwo(7, request, () => false);
    expect(heldBack).toBe(0);
    expect(first.report?.findings).toEqual(editorReport.findings);
    expect(complete()).toBe(first);
  });

  it('refuses a held-back finding that does not validate once completed, named by its place in the answer', async () => {
    const findings = editorReport.findings.map((f) => ({ ...f }));
    const at = findings.findIndex((f) => closed(f));
    findings[at] = { ...findings[at], message: '' } as (typeof findings)[number];
    answer = reportResponse(
      { report: { ...editorReport, findings }, page: BUILDER_PAGE, error: null },
      { withPage: false },
    );
    const { first, complete } = await askReportInTwo(7, request, closed);
    expect(first.report?.counts).toEqual(editorReport.counts);
    expect(complete).toThrow(InvalidAnswerError);
    expect(complete).toThrow(`report.findings[${at}].message`);
  });

  it('refuses at once a shown finding that does not validate, named by its place in the answer', async () => {
    const findings = editorReport.findings.map((f) => ({ ...f }));
    const at = findings.findLastIndex((f) => !closed(f));
    expect(findings.slice(0, at).some((f) => closed(f))).toBe(true);
    findings[at] = { ...findings[at], steps: 'all' } as unknown as (typeof findings)[number];
    answer = reportResponse(
      { report: { ...editorReport, findings }, page: BUILDER_PAGE, error: null },
      { withPage: false },
    );
    await expect(askReportInTwo(7, request, closed)).rejects.toThrow(`report.findings[${at}].steps`);
  });

  it('validates a held-back field the picker looks at like any other: anything may arrive', async () => {
    answer = { ...(answer as object), diagnostics: 'many' };
    await expect(askReportInTwo(7, request, closed)).rejects.toThrow(
      'the answer to getReport did not validate: diagnostics: expected a number, found "many"',
    );
    answer = { report: { findings: [null, 7, { kind: 'fail', severity: 'warning' }] }, error: null };
    await expect(askReportInTwo(7, request, closed)).rejects.toBeInstanceOf(InvalidAnswerError);
  });
});

import { storage } from '@wxt-dev/storage';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Report } from '../../../../lib/audit/report';
import { askAuditedFrame, InvalidAnswerError } from '../../../../lib/extension/messaging/ask-audited-frame';
import {
  type AuditResult,
  getReportRequest,
  listen,
  locateStepRequest,
  type ReportChanged,
  reportChangedRequest,
  reportResponse,
  sendMessage,
} from '../../../../lib/extension/messaging/messages';
import type { PageModel } from '../../../../lib/model/model';
import { tabsAnswerHere } from '../../../support/fake-tabs';
import { editorReport } from '../../export/reports';

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

describe('the answer to getReport', () => {
  it('leaves the page model out unless asked, but always says how much could not be read', () => {
    const lean = reportResponse(audited, { withPage: false });
    expect(lean).toEqual({
      report,
      page: null,
      diagnostics: 2,
      inferredProfile: null,
      visit: null,
      error: null,
    });
    const full = reportResponse(audited, { withPage: true });
    expect(full).toEqual({ report, page, diagnostics: 2, inferredProfile: null, visit: null, error: null });
  });

  it("says which visit the audit is of, for the step map's comparison with an earlier one", () => {
    const visit = '2026-12-01T09:00:00.000Z';
    expect(reportResponse(audited, { withPage: false }, { visit })).toMatchObject({ visit, error: null });
  });

  it('passes the extension’s own failure on', () => {
    const failed = reportResponse({ report: null, page: null, error: 'boom' }, { withPage: false });
    expect(failed).toEqual({
      report: null,
      page: null,
      diagnostics: 0,
      inferredProfile: null,
      error: 'boom',
    });
  });
});

// The library over the fake extension API: what one context sends, another's listener gets.
// A content script's tab is this same context (tabs.sendMessage is routed to runtime's listeners).
describe('the protocol', () => {
  const stops: (() => void)[] = [];
  beforeEach(() => {
    tabsAnswerHere();
  });
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    vi.restoreAllMocks();
  });

  it('delivers a request that validates, and refuses one that does not without calling the listener', async () => {
    const heard: ReportChanged[] = [];
    stops.push(listen('reportChanged', reportChangedRequest, (changed) => void heard.push(changed)));
    const good: ReportChanged = { kind: 'editor', badge: { text: '2', color: '#d93025' }, newVisit: true };
    await sendMessage('reportChanged', good);
    expect(heard).toEqual([good]);

    const send = sendMessage as (type: string, data: unknown) => Promise<unknown>;
    for (const bad of [
      { kind: 'editor', badge: 'ERR', newVisit: false },
      { kind: 'builder', badge: { text: '1', color: '#fff' }, newVisit: false },
      { kind: 'list', badge: { text: 5, color: null }, newVisit: false },
      { kind: 'list', badge: { text: '1', color: '#fff' } },
      null,
    ])
      await expect(send('reportChanged', bad)).rejects.toThrow();
    expect(heard).toEqual([good]);
  });

  it('holds the content script’s requests to what they may carry', () => {
    expect(getReportRequest.safeParse({ withPage: true }).success).toBe(true);
    expect(getReportRequest.safeParse({ withPage: 'yes' }).success).toBe(false);
    expect(getReportRequest.safeParse(undefined).success).toBe(false);
    expect(locateStepRequest.safeParse('A12').success).toBe(true);
    expect(locateStepRequest.safeParse('x'.repeat(10_000)).success).toBe(false);
    expect(locateStepRequest.safeParse({ toString: 'boom' }).success).toBe(false);
  });

  it('asks the frame that holds the builder, and refuses an answer that does not validate', async () => {
    await storage.setItem('session:frameAudits', {
      '7': {
        '0': { kind: 'other', badge: { text: '', color: '#fff' } },
        '3': { kind: 'editor', badge: { text: '1', color: '#d93025' } },
      },
    });
    // What a content script answers, bad answers included (the listener's type would forbid those).
    let answer: unknown = reportResponse({ ...audited, report: editorReport }, { withPage: false });
    stops.push(listen('getReport', getReportRequest, () => answer as never));
    const response = await askAuditedFrame(7, 'getReport', { withPage: false });
    expect(response.report?.findings).toEqual(editorReport.findings);
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(7, expect.anything(), { frameId: 3 });

    answer = { ...(answer as object), diagnostics: 'many' };
    await expect(askAuditedFrame(7, 'getReport', { withPage: false })).rejects.toThrow(
      new InvalidAnswerError(
        'the answer to getReport did not validate: diagnostics: expected a number, found "many"',
      ),
    );
    answer = { report: { findings: [{ ruleId: 'x' }] }, page: null, diagnostics: 0, error: null };
    await expect(askAuditedFrame(7, 'getReport', { withPage: false })).rejects.toBeInstanceOf(
      InvalidAnswerError,
    );
  });

  it('asks for a report once when the top frame holds the builder, and acts only on the builder’s frame', async () => {
    await storage.setItem('session:frameAudits', {
      '7': { '0': { kind: 'editor', badge: { text: '1', color: '#d93025' } } },
    });
    stops.push(
      listen('getReport', getReportRequest, () =>
        reportResponse({ ...audited, report: editorReport }, { withPage: false }),
      ),
    );
    stops.push(listen('locateStep', locateStepRequest, () => ({ found: true })));
    await askAuditedFrame(7, 'getReport', { withPage: false });
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledTimes(1);
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(7, expect.anything(), { frameId: 0 });

    // A builder in a frame: the report asked of the top frame at once is not the one used, and
    // locating a step is never sent to a frame that does not hold it.
    await storage.setItem('session:frameAudits', {
      '7': {
        '0': { kind: 'other', badge: { text: '', color: '#fff' } },
        '3': { kind: 'editor', badge: { text: '1', color: '#d93025' } },
      },
    });
    const top = reportResponse(
      { ...audited, report: { ...editorReport, findings: [] } },
      { withPage: false },
    );
    const builder = reportResponse({ ...audited, report: editorReport }, { withPage: false });
    const sent = vi.mocked(fakeBrowser.tabs.sendMessage);
    sent.mockClear();
    sent.mockImplementation((async (
      _tabId: number,
      message: { type: string },
      options: { frameId: number },
    ) =>
      message.type === 'getReport'
        ? { res: options.frameId === 3 ? builder : top }
        : fakeBrowser.runtime.sendMessage(message)) as never);
    const response = await askAuditedFrame(7, 'getReport', { withPage: false });
    expect(response.report?.findings).toEqual(editorReport.findings);
    sent.mockClear();
    await askAuditedFrame(7, 'locateStep', '4');
    expect(sent.mock.calls.map((call) => call[2])).toEqual([{ frameId: 3 }]);
  });

  it('reads stored frame audits that do not validate as none: the top frame is asked', async () => {
    await storage.setItem('session:frameAudits', { '7': { '3': { kind: 'editor', badge: 'ERR' } } });
    stops.push(listen('locateStep', locateStepRequest, (ref) => ({ found: ref === '4' })));
    expect(await askAuditedFrame(7, 'locateStep', '4')).toEqual({ found: true });
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(7, expect.anything(), { frameId: 0 });
  });
});

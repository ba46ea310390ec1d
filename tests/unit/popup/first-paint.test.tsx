import { Window } from 'happy-dom';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../../components/popup/Popup';
import type { Report } from '../../../lib/audit/report';
import { getReportRequest, listen, reportResponse } from '../../../lib/extension/messaging/messages';
import { BUILDER_PAGE, tabsAnswerHere } from '../../support/fake-tabs';
import { editorReport } from '../export/reports';

const visit = '2026-12-01T09:00:00.000Z';

/** The popup for tab 7, drawn into a page of its own; `text()` is what a person reads in it. */
function openPopup() {
  const window = new Window({ url: 'chrome-extension://test/popup.html?tabId=7' });
  const document = window.document as unknown as Document;
  const root = document.createElement('div');
  document.body.append(root);
  // Preact and the popup's effects reach for the page's globals, as in the popup's page.
  const globals = globalThis as unknown as Record<string, unknown>;
  const saved = { window: globals.window, document: globals.document };
  Object.assign(globals, { window, document, requestAnimationFrame: undefined });
  render(<Popup first={Promise.resolve({ tabId: 7, early: null })} />, root);
  return {
    root,
    text: () => root.textContent ?? '',
    close: async () => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      render(null, root);
      // Unmounting undoes the effects (the listener for the page's changes) after it returns.
      await new Promise((resolve) => setTimeout(resolve, 150));
      Object.assign(globals, saved);
    },
  };
}

describe('the popup’s first paint', () => {
  const stops: (() => void)[] = [];
  let answer: unknown;
  let popup: ReturnType<typeof openPopup> | null = null;
  beforeEach(() => {
    tabsAnswerHere();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Kartra Sequence Auditor',
      version: '1.0.0',
    });
    stops.push(listen('getReport', getReportRequest, () => answer as never));
  });
  afterEach(async () => {
    await popup?.close();
    popup = null;
    for (const stop of stops.splice(0)) stop();
    vi.restoreAllMocks();
  });

  const answerWith = (report: Report) =>
    reportResponse({ report, page: BUILDER_PAGE, error: null }, { withPage: false }, { visit });

  it('names the closed groups by their counts, and holds their findings once they have validated', async () => {
    answer = answerWith(editorReport);
    popup = openPopup();
    const { counts } = editorReport;
    await vi.waitFor(() => expect(popup?.text()).toContain(`Warnings (${counts.warning})`));
    expect(popup.text()).toContain(`Tips (${counts.info})`);
    const warnings = popup.root.querySelector('details.group--warning') as HTMLDetailsElement;
    warnings.open = true;
    warnings.dispatchEvent(
      new (popup.root.ownerDocument.defaultView as unknown as typeof globalThis).Event('toggle'),
    );
    const expected = editorReport.findings.filter((f) => f.kind === 'fail' && f.severity === 'warning');
    await vi.waitFor(() => expect(warnings.querySelectorAll('.finding')).toHaveLength(expected.length));
    for (const finding of expected) expect(warnings.textContent).toContain(finding.message);
  });

  it('says the answer is its own problem when a finding of a closed group does not validate', async () => {
    const findings = editorReport.findings.map((f) => ({ ...f }));
    const at = findings.findIndex((f) => f.kind === 'fail' && f.severity === 'info');
    findings[at] = { ...findings[at], fix: '' } as (typeof findings)[number];
    answer = answerWith({ ...editorReport, findings });
    popup = openPopup();
    await vi.waitFor(() =>
      expect(popup?.text()).toContain(
        `The auditor hit a problem of its own on this page (the answer to getReport did not validate: report.findings[${at}].fix`,
      ),
    );
    expect(popup.text()).not.toContain('Warnings (');
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { Report } from '../../lib/audit/report';
import { type ReportResponse, reportResponseSchema } from '../../lib/extension/messaging/content-answers';
import { AUDIT_MEASURE } from '../../lib/extension/session/audit-session';
import { messengerScript, type PageMessenger } from './messenger-script';

/** The answer to a get-report message that asks for the page model too. */
type WithPage =
  | (ReportResponse & { page: NonNullable<ReportResponse['page']> })
  | Extract<ReportResponse, { error: string }>;
/** A successful audit: the report and the model it was made from. */
export type Audited = Extract<WithPage, { error: null }>;

/**
 * In the page (main world), where the content script's audit measures land: resolves true as soon
 * as an audit newer than `after` (its page-time start; null: any audit) is recorded, false after
 * `wait` ms. A string, so no compiler helper ends up in the page.
 */
const NEXT_AUDIT = `({ name, after, wait }) => new Promise((resolve) => {
  const newer = () => performance.getEntriesByName(name, 'measure').some((e) => after === null || e.startTime > after);
  if (newer()) return resolve(true);
  const observer = new PerformanceObserver(() => {
    if (!newer()) return;
    observer.disconnect();
    clearTimeout(timer);
    resolve(true);
  });
  const timer = setTimeout(() => {
    observer.disconnect();
    resolve(false);
  }, wait);
  observer.observe({ type: 'measure' });
})`;

/** The page-time start of the latest audit recorded in the page, or null. */
const LATEST_AUDIT = (name: string) =>
  `(() => { const all = performance.getEntriesByName(${JSON.stringify(name)}, 'measure'); return all.length ? all[all.length - 1].startTime : null; })()`;

/** The longest a wait for the next audit goes without asking again (a missed signal costs no more). */
const SIGNAL_WAIT_MS = 250;

/**
 * The extension page the bridge runs in: the rules page, which shows static text. The popup would
 * do as well, but it reports on the active tab and re-renders on each of its audits, work that
 * no test asks for.
 */
const BRIDGE_PAGE = 'rules.html';

/** The part of the extension API the bridge page uses (it runs inside the extension). */
declare const chrome: {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};
declare const kartraAuditor: PageMessenger['kartraAuditor'];

/**
 * The id of the browser tab showing `url` (the latest such tab) and whether it is the only one,
 * asked in a page or worker of an extension with access to that tab.
 */
export function tabShowing(
  inExtension: Pick<Page, 'evaluate'> | Pick<Worker, 'evaluate'>,
  url: string,
): Promise<{ id: number | null; only: boolean }> {
  return (inExtension as Pick<Page, 'evaluate'>).evaluate(async (address) => {
    const matching = (await chrome.tabs.query({})).filter((tab) => tab.url === address);
    return { id: matching.at(-1)?.id ?? null, only: matching.length === 1 };
  }, url);
}

/** Whether a report is about the address `page` shows now. */
export const aboutPage =
  (page: Page) =>
  (report: Report): boolean =>
    report.page.url === page.url();

/**
 * Asks the extension itself for a tab's report, the way the popup does: from an extension page,
 * the protocol's getReport (lib/extension/messaging/messages.ts, see messenger-script.ts) to the content
 * script of the tab showing `page`, and the answer validated as the popup validates it.
 * Nothing here re-derives a finding, so what tests and `audit:replica` see is what the popup
 * shows.
 */
export class ExtensionReports {
  private extensionPage: Page | null = null;
  /** Tab ids of pages whose URL only one tab showed when asked: a tab keeps its id across navigations. */
  private readonly tabIds = new WeakMap<Page, number>();

  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
  ) {}

  /**
   * The extension page this asks from, with the messenger installed (opened on first use). Opening
   * it brings it to the front; `asking`, the page being asked about, goes back there, because
   * Chromium runs a page's timers and paints only now and then while another tab is in front, and
   * the extension's audits wait on both.
   */
  async bridge(asking?: Page): Promise<Page> {
    if (!this.extensionPage || this.extensionPage.isClosed()) {
      this.extensionPage = await this.context.newPage();
      await this.extensionPage.goto(`chrome-extension://${this.extensionId}/${BRIDGE_PAGE}`);
      await this.extensionPage.evaluate(messengerScript());
      if (asking && !asking.isClosed()) await asking.bringToFront();
    }
    return this.extensionPage;
  }

  /** The extension page this uses to ask (a harness keeps it open across tests). */
  isBridge(page: Page): boolean {
    return page === this.extensionPage;
  }

  /** The id of the browser tab showing `page` (found by its URL, the latest tab wins). */
  async tabIdOf(page: Page): Promise<number> {
    const known = this.tabIds.get(page);
    if (known !== undefined && !page.isClosed()) return known;
    const bridge = await this.bridge(page);
    const found = await tabShowing(bridge, page.url());
    if (found.id === null) throw new Error(`No browser tab shows ${page.url()}`);
    if (found.only) this.tabIds.set(page, found.id);
    return found.id;
  }

  /**
   * The URLs of the tabs whose content script answers. Without the `tabs` permission the
   * extension sees only the URLs of Kartra tabs, so an answering tab elsewhere shows up as
   * undefined.
   */
  async answeringTabs(): Promise<(string | undefined)[]> {
    const bridge = await this.bridge();
    return bridge.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      const answers = await Promise.all(
        tabs.map((tab) =>
          kartraAuditor
            .sendMessage('getReport', { withPage: false }, tab.id ?? -1)
            .then(() => [tab.url])
            .catch(() => []),
        ),
      );
      return answers.flat();
    });
  }

  /** The content script's answer as the popup gets it on opening (the bench hands it to its floor). */
  async popupAnswer(page: Page): Promise<unknown> {
    const tabId = await this.tabIdOf(page);
    const bridge = await this.bridge(page);
    return bridge.evaluate(
      (id) => kartraAuditor.sendMessage('getReport', { withPage: false, withTimeline: false }, id),
      tabId,
    );
  }

  /**
   * The kind of page each frame of the tab showing `page` last told the background it holds
   * (lib/extension/background/tab-frames.ts): 'other' from the loader as the page opens, until an
   * audit reports. The loader listens for the app's navigation before it tells.
   */
  async frameKinds(page: Page): Promise<string[]> {
    const tabId = await this.tabIdOf(page);
    const bridge = await this.bridge(page);
    return bridge.evaluate(async (id) => {
      const { frameAudits } = await chrome.storage.session.get('frameAudits');
      const all = (frameAudits ?? {}) as Record<string, Record<string, { kind: string }>>;
      return Object.values(all[String(id)] ?? {}).map((frame) => frame.kind);
    }, tabId);
  }

  /** The tab's current report alone (no model, no timeline: what the popup asks first), or null. */
  async currentReport(page: Page): Promise<Report | null> {
    const answer = await this.popupAnswer(page).catch(() => null);
    return answer === null ? null : reportResponseSchema.parse(answer).report;
  }

  /** The tab's current report and model, or null when no content script answers. */
  async current(page: Page): Promise<WithPage | null> {
    const tabId = await this.tabIdOf(page);
    const bridge = await this.bridge(page);
    const answer = await bridge.evaluate(
      (id) =>
        kartraAuditor.sendMessage('getReport', { withPage: true, withTimeline: true }, id).catch(() => null),
      tabId,
    );
    if (answer === null) return null;
    const response = reportResponseSchema.parse(answer);
    if (response.report && !response.page)
      throw new Error('getReport with withPage answered without the page');
    return response as WithPage;
  }

  /**
   * Until the report satisfies `until` (default: any report), or fails after `timeoutMs`. Asks
   * again each time the extension records an audit in the page (its User Timing measure), so it
   * waits on the extension's own signal, not on a clock. `auditedAfter` (page time): only a
   * report from an audit begun then or later, for a page drawn over several frames.
   */
  async waitFor(
    page: Page,
    until: (report: Report) => boolean = () => true,
    timeoutMs = 5000,
    auditedAfter: number | null = null,
  ): Promise<Audited> {
    const deadline = Date.now() + timeoutMs;
    let last: Report | null = null;
    for (;;) {
      const before = await this.latestAuditAt(page);
      const response = await this.current(page);
      if (response?.error) throw new Error(`The extension's audit failed: ${response.error}`);
      last = response?.report ?? null;
      const recent = auditedAfter === null || (before !== null && before >= auditedAfter);
      if (response?.report && recent && until(response.report)) return response;
      const left = deadline - Date.now();
      if (left <= 0) break;
      await this.nextAudit(page, before, Math.min(left, SIGNAL_WAIT_MS));
    }
    throw new Error(
      last
        ? `The extension's report did not reach the expected state within ${timeoutMs} ms (last: ${last.findings.length} findings, tabs ${last.coverage.tabsAudited.join(', ')})`
        : `The extension's content script did not answer within ${timeoutMs} ms`,
    );
  }

  /** The page-time start of the latest audit the page has recorded, or null (none yet, or navigating). */
  private latestAuditAt(page: Page): Promise<number | null> {
    return page.evaluate(LATEST_AUDIT(AUDIT_MEASURE)).then(
      (start) => (typeof start === 'number' ? start : null),
      () => null,
    );
  }

  /** Resolves when the page records an audit newer than `after`, or after `waitMs`. */
  private async nextAudit(page: Page, after: number | null, waitMs: number): Promise<void> {
    const argument = JSON.stringify({ name: AUDIT_MEASURE, after, wait: waitMs });
    // A page navigating away has no context to wait in: wait out the time instead.
    await page.evaluate(`(${NEXT_AUDIT})(${argument})`).catch(() => sleep(Math.min(waitMs, 50)));
  }

  /**
   * Opens each sub-sequence tab in turn as a user would, waiting for the extension's re-audit of
   * each, then returns to the first tab: the report then covers the whole sequence. Every report
   * waited for is about the address the tab shows (after the app opened another sequence in
   * place, the previous one's report is still there until the re-audit).
   */
  async auditEveryTab(page: Page): Promise<Audited> {
    const shown = aboutPage(page);
    // By role, not class: the sub-sequence tabs are tabs to a person whatever the markup (skins).
    const tabs = page.getByRole('tab');
    const count = await tabs.count();
    for (let index = 1; index < count; index++) {
      const label = ((await tabs.nth(index).textContent()) ?? '').trim();
      await tabs.nth(index).click();
      await this.waitFor(page, (report) => shown(report) && report.coverage.tabsAudited.includes(label));
    }
    if (count <= 1) return this.waitFor(page, shown);
    await tabs.first().click();
    return this.waitFor(page, (report) => shown(report) && report.coverage.tabsAudited.length >= count);
  }

  /** The popup as the toolbar icon opens it, for the tab showing `page` (`popup.html?tabId=N`). */
  async openPopupFor(page: Page): Promise<Page> {
    await this.waitFor(page);
    const tabId = await this.tabIdOf(page);
    const popup = await this.context.newPage();
    await popup.goto(`chrome-extension://${this.extensionId}/popup.html?tabId=${tabId}`);
    return popup;
  }

  async close(): Promise<void> {
    await this.extensionPage?.close();
    this.extensionPage = null;
  }
}

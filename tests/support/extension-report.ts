import type { BrowserContext, Page } from '@playwright/test';
import { type ReportResponse, reportResponseSchema } from '../../lib/extension/content-answers';
import type { Report } from '../../lib/report';
import { messengerScript, type PageMessenger } from './messenger-script';

/** The answer to a get-report message that asks for the page model too. */
type WithPage =
  | (ReportResponse & { page: NonNullable<ReportResponse['page']> })
  | Extract<ReportResponse, { error: string }>;
/** A successful audit: the report and the model it was made from. */
export type Audited = Extract<WithPage, { error: null }>;

/** The part of the extension API the bridge page uses (it runs inside the extension). */
declare const chrome: {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
};
declare const kartraAuditor: PageMessenger['kartraAuditor'];

/**
 * Asks the extension itself for a tab's report, the way the popup does: from an extension page,
 * the protocol's getReport (lib/extension/messages.ts, see messenger-script.ts) to the content
 * script of the tab showing `page`, and the answer validated as the popup validates it.
 * Nothing here re-derives a finding, so what tests and `audit:replica` see is what the popup
 * shows.
 */
export class ExtensionReports {
  private extensionPage: Page | null = null;

  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
  ) {}

  private async bridge(): Promise<Page> {
    if (!this.extensionPage || this.extensionPage.isClosed()) {
      this.extensionPage = await this.context.newPage();
      await this.extensionPage.goto(`chrome-extension://${this.extensionId}/popup.html`);
      await this.extensionPage.evaluate(messengerScript());
    }
    return this.extensionPage;
  }

  /** The id of the browser tab showing `page` (found by its URL, the latest tab wins). */
  async tabIdOf(page: Page): Promise<number> {
    const bridge = await this.bridge();
    const id = await bridge.evaluate(async (url) => {
      const tabs = await chrome.tabs.query({});
      const matching = tabs.filter((tab) => tab.url === url);
      return matching.at(-1)?.id ?? null;
    }, page.url());
    if (id === null) throw new Error(`No browser tab shows ${page.url()}`);
    return id;
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

  /** The tab's current report and model, or null when no content script answers. */
  async current(page: Page): Promise<WithPage | null> {
    const tabId = await this.tabIdOf(page);
    const bridge = await this.bridge();
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

  /** Polls until the report satisfies `until` (default: any report), or fails after `timeoutMs`. */
  async waitFor(
    page: Page,
    until: (report: Report) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Audited> {
    const deadline = Date.now() + timeoutMs;
    let last: Report | null = null;
    while (Date.now() < deadline) {
      const response = await this.current(page);
      if (response?.error) throw new Error(`The extension's audit failed: ${response.error}`);
      last = response?.report ?? null;
      if (response?.report && until(response.report)) return response;
      await page.waitForTimeout(100);
    }
    throw new Error(
      last
        ? `The extension's report did not reach the expected state within ${timeoutMs} ms (last: ${last.findings.length} findings, tabs ${last.coverage.tabsAudited.join(', ')})`
        : `The extension's content script did not answer within ${timeoutMs} ms`,
    );
  }

  /**
   * Opens each sub-sequence tab in turn as a user would, waiting for the extension's re-audit of
   * each, then returns to the first tab: the report then covers the whole sequence.
   */
  async auditEveryTab(page: Page): Promise<Audited> {
    // By role, not class: the sub-sequence tabs are tabs to a person whatever the markup (skins).
    const tabs = page.getByRole('tab');
    const count = await tabs.count();
    for (let index = 1; index < count; index++) {
      const label = ((await tabs.nth(index).textContent()) ?? '').trim();
      await tabs.nth(index).click();
      await this.waitFor(page, (report) => report.coverage.tabsAudited.includes(label));
    }
    if (count <= 1) return this.waitFor(page);
    await tabs.first().click();
    return this.waitFor(page, (report) => report.coverage.tabsAudited.length >= count);
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

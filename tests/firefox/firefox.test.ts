import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Report } from '../../lib/audit/report';
import { reportResponseSchema } from '../../lib/extension/messaging/content-answers';
import { loadEditorSpec, loadFixture } from '../fixtures/sequences/fixtures';
import { type ExtensionPage, type FirefoxKartra, launchFirefoxKartra, waitUntil } from '../harness/firefox';
import { findingDifferences } from '../support/expected-findings';
import { messengerScript } from '../support/messenger-script';

/**
 * The Firefox build (`npx wxt build -b firefox`, Manifest V3) in headless Firefox: the content
 * script audits the replica at Kartra's URL, the inline warnings and the toolbar badge show the
 * findings, the popup renders the report, and nothing leaves the machine. One Firefox for the
 * file; each test opens its own tabs.
 */

let firefox: FirefoxKartra;
/** An extension page kept open to ask the extension what the popup would (tabs, reports, badge). */
let bridge: ExtensionPage;

beforeAll(async () => {
  firefox = await launchFirefoxKartra();
  bridge = await firefox.openExtensionPage('rules.html');
  // The protocol's own sendMessage, as the popup calls it (tests/support/messenger-script.ts).
  await bridge.run(`${messengerScript()}; return true;`);
}, 120_000);

afterAll(async () => {
  await firefox?.close();
});

async function tabIdOf(page: Page): Promise<number> {
  const url = page.url();
  return waitUntil(`a tab showing ${url}`, () =>
    bridge.run<number | null>(
      `const tabs = await browser.tabs.query({});
       return tabs.filter((tab) => tab.url === ${JSON.stringify(url)}).at(-1)?.id ?? null;`,
    ),
  );
}

/** The content script's report for the tab, once `ready` holds, asked as the popup asks. */
async function reportOf(page: Page, ready: (report: Report) => boolean = () => true): Promise<Report> {
  const tabId = await tabIdOf(page);
  return waitUntil(`a report for tab ${tabId}`, async () => {
    const answer = await bridge.run<unknown>(
      `return kartraAuditor.sendMessage('getReport', { withPage: false }, ${tabId}).catch(() => null);`,
    );
    const response = answer === null ? null : reportResponseSchema.parse(answer);
    if (response?.error) throw new Error(`The extension's audit failed: ${response.error}`);
    return response?.report && ready(response.report) ? response.report : null;
  });
}

/** Opens each sub-sequence tab as a user would, then the first again: the report covers them all. */
async function auditEveryTab(page: Page): Promise<Report> {
  const labels = await page.$$eval('.js_subsequence_tab', (tabs) =>
    tabs.map((tab) => tab.textContent?.trim() ?? ''),
  );
  for (const [index, label] of labels.entries()) {
    if (index === 0) continue;
    await page.$$eval('.js_subsequence_tab', (tabs, at) => (tabs[at] as HTMLElement).click(), index);
    await reportOf(page, (report) => report.coverage.tabsAudited.includes(label));
  }
  if (labels.length <= 1) return reportOf(page);
  await page.$$eval('.js_subsequence_tab', (tabs) => (tabs[0] as HTMLElement).click());
  return reportOf(page, (report) => report.coverage.tabsAudited.length >= labels.length);
}

describe('the Firefox build in Firefox', () => {
  for (const name of ['step-inactive.fires', 'launch-sequence', 'sequence-paused.list.fires']) {
    test(`the content script audits ${name} with its expected findings`, async () => {
      const fixture = loadFixture(name);
      const page = await firefox.openSpec(fixture.spec);
      const report = await auditEveryTab(page);
      expect(findingDifferences(fixture.expected.findings, report.findings)).toEqual([]);
      await page.close();
    });
  }

  test('what the sequence list showed in one tab decides an editor without a status control in another', async () => {
    // Firefox opens session storage to no content script: the background keeps the list memory.
    const list = await firefox.openSpec({
      page: 'list',
      sequences: [
        { id: '3401', name: 'Spring webinar replay', status: 'paused', subscribers: 12, completed: 3 },
      ],
    });
    await reportOf(list, (report) => report.page.kind === 'list');
    const editor = await firefox.openSpec({
      ...loadEditorSpec('sequence-paused.passes'),
      id: '3401',
      statusControl: false,
      subscribers: 12,
    });
    const paused = (f: Report['findings'][number]) => f.ruleId === 'sequence-paused' && f.kind === 'fail';
    const report = await reportOf(editor, (r) => r.findings.some(paused));
    expect(report.findings.find(paused)?.message).toContain('Paused, as the sequence list showed at');
    await editor.close();
    await list.close();
  });

  test('the inline warnings sit in the one host element, in its shadow root', async () => {
    const page = await firefox.openSpec(loadFixture('step-inactive.fires').spec);
    await reportOf(page);
    await page.waitForSelector('kartra-auditor-ui >>> .badge');
    const overlay = await page.evaluate(() => {
      const hosts = document.querySelectorAll('kartra-auditor-ui');
      const shadow = hosts[0]?.shadowRoot;
      return {
        hosts: hosts.length,
        onBody: hosts[0]?.parentElement === document.body,
        stepBadges: [...(shadow?.querySelectorAll('.badge') ?? [])]
          .map((badge) => badge.getAttribute('aria-label') ?? '')
          .filter((label) => label.startsWith('Step ')),
        outsideShadow: document.querySelectorAll('.badge').length,
      };
    });
    expect(overlay).toEqual({
      hosts: 1,
      onBody: true,
      // Only the inactive step's card (the Starting Rules module may carry a tip).
      stepBadges: [expect.stringMatching(/^Step 2: 1 error/)],
      outsideShadow: 0,
    });
    await page.close();
  });

  test('the toolbar badge shows the number of errors', async () => {
    const page = await firefox.openSpec(loadFixture('launch-sequence').spec);
    const report = await reportOf(page);
    expect(report.counts.error).toBeGreaterThan(0);
    const tabId = await tabIdOf(page);
    const badge = await waitUntil('the toolbar badge', async () => {
      const text = await bridge.run<string>(`return browser.action.getBadgeText({ tabId: ${tabId} });`);
      return text === '' ? null : text;
    });
    expect(badge).toBe(String(report.counts.error));
    await page.close();
  });

  test('the popup renders the report of the tab', async () => {
    const page = await firefox.openSpec(loadFixture('step-inactive.fires').spec);
    const report = await reportOf(page);
    const popup = await firefox.openExtensionPage(`popup.html?tabId=${await tabIdOf(page)}`);
    const text = await waitUntil('the popup report', async () => {
      const shown = await popup.run<string>('return document.body.innerText;');
      return shown.includes('1 error') ? shown : null;
    });
    expect(text).toContain('Masterclass replay follow-up');
    expect(text).toContain('The replay comes down Friday');
    expect(report.findings.find((finding) => finding.severity === 'error')?.ruleId).toBe('step-inactive');
    await popup.close();
    await page.close();
  });

  /** Reloads the extension as an update does, and keeps the new copy's extension page as the bridge. */
  async function reloadExtension(): Promise<void> {
    const before = await firefox.extensionInstance();
    await bridge.run('setTimeout(() => browser.runtime.reload(), 0); return true;');
    // A page opened before the new copy is enabled is the old copy's, or fails to load at all.
    await waitUntil('the reloaded extension enabled', async () => {
      const instance = await firefox.extensionInstance();
      return instance !== null && instance !== before ? instance : null;
    });
    bridge = await firefox.openExtensionPage('rules.html');
    await bridge.run(`${messengerScript()}; return true;`);
  }

  // Firefox injects the reloaded extension's content script into open tabs (Chromium does not:
  // tests/e2e/extension-reload.spec.ts), and silences the old copy without letting it clean up.
  test("after the extension reloads, the open builder has one overlay, the new copy's", async () => {
    const page = await firefox.openSpec(loadFixture('step-inactive.fires').spec);
    await reportOf(page);
    await page.waitForSelector('kartra-auditor-ui >>> .badge');
    await reloadExtension();
    // Only the new copy answers (the old one's extension is gone); it has drawn by then.
    await reportOf(page);
    const overlays = await page.evaluate(() =>
      [...document.querySelectorAll('kartra-auditor-ui')].map(
        (host) => host.shadowRoot?.querySelectorAll('.badge').length ?? 0,
      ),
    );
    expect(overlays).toHaveLength(1);
    expect(overlays[0]).toBeGreaterThan(0);
    await page.close();
  });

  // The new copy starts on whatever tab is open. On markup it must infer a profile for, the one it
  // infers on a sub-sequence tab has seen no Go To, split, Starting Rules module or inactive step;
  // its first report once the main tab is shown must read that tab as the default skin does
  // (before, it was read with the sub-sequence's profile for two seconds: its inactive step read
  // as active, the Go To's target unread, the sub-sequence reported as never entered).
  test("reloaded while a sub-sequence tab is open, the new copy's first report of the main tab reads it in full", async () => {
    const fixture = loadFixture('launch-sequence');
    const page = await firefox.openSpec(fixture.spec, { skin: 'renamed' });
    const clickTab = (index: number) =>
      page.$$eval('[role="tab"]', (tabs, at) => (tabs[at] as HTMLElement).click(), index);
    await reportOf(page);
    await clickTab(1);
    await reportOf(page, (report) => report.coverage.tabsAudited.includes('A'));
    await reloadExtension();
    await reportOf(page, (report) => report.coverage.tabsAudited.join() === 'A');
    await clickTab(0);
    const report = await reportOf(page, (r) => r.coverage.tabsAudited.length === 2);
    // The renamed skin shows no status: its review is the one difference from the default skin.
    const findings = report.findings.filter((f) => !(f.ruleId === 'sequence-paused' && f.kind === 'review'));
    expect(findingDifferences(fixture.expected.findings, findings)).toEqual([]);
    expect(report.coverage.reading?.profile).toBe('inferred');
    await page.close();
  });

  // Last in the file: it covers every page the tests above opened.
  test('no request leaves the browser: only app.kartra.com (served from the replica) is asked', () => {
    expect(firefox.kartraRequests.length).toBeGreaterThan(0);
    expect(firefox.outgoing).toEqual([]);
  });
});

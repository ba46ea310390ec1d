import type { Page } from '@playwright/test';
import { AUDIT_MODULE_PATH } from '../../lib/extension/content/audit-module';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { type KartraSession, launchKartra, type RecordedRequest } from '../harness';
import { builtFiles, hasBuild, MISSING_BUILD } from '../support/built-extension';
import { classifyUrl, scanNetworkApis, scanUrls } from '../support/network-scan';
import { expect, test } from './extension-fixture';

/**
 * Nothing leaves the browser: the built code holds no network call, and while the extension audits,
 * re-audits, shows the popup and exports, it makes no request beyond loading its own files, and
 * the Kartra page makes exactly the requests it makes without the extension.
 */

test.skip(!hasBuild(), MISSING_BUILD);

test('the built code calls no network API and holds only harmless URLs', () => {
  const apis = builtFiles('.js').flatMap(([file, code]) => scanNetworkApis(file, code));
  expect(apis.map((hit) => `${hit.file}: ${hit.match} … ${hit.context}`)).toEqual([]);

  const urls = builtFiles('.js').flatMap(([file, code]) => scanUrls(file, code));
  const judged = urls.map((hit) => ({ ...hit, why: classifyUrl(hit.match) }));
  const unknown = judged.filter((hit) => hit.why === null);
  expect(unknown.map((hit) => `${hit.file}: ${hit.match} … ${hit.context}`)).toEqual([]);
  // The list, for the person reviewing the run.
  const kinds = [...new Set(judged.map((hit) => `${hit.match} → ${hit.why}`))].sort();
  test.info().annotations.push({ type: 'URL literals in the build', description: kinds.join('\n') });
});

const toggleStep = async (page: Page, ref: string) => {
  const card = page.locator('.js_sequence_step', {
    has: page.locator('.step_number', { hasText: new RegExp(`^${ref}$`) }),
  });
  await card.getByRole('button', { name: 'Step options' }).click();
  await card.getByRole('menuitem').click();
};

/** The page's own requests, keyed so two runs compare: what Kartra's page loaded, and how it ended. */
const pageRequests = (requests: RecordedRequest[], extensionIds: string[]) =>
  requests
    .filter((request) => request.by !== 'extension' && !extensionIds.some((id) => request.url.includes(id)))
    .map((request) => `${request.method} ${request.url} ${request.outcome}`)
    .sort();

/** Resource Timing entries of a page or worker: every fetch it made, whoever asked. */
const resources = (target: Page | { evaluate: Page['evaluate'] }) =>
  target.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));

test('auditing, re-auditing, the popup and every export make no request outside the extension', async ({
  kartra,
  reports,
}) => {
  const spec = loadEditorSpec('launch-sequence');
  const plain: KartraSession = await launchKartra({ extension: false });
  try {
    const before = kartra.requests.length;
    const page = await kartra.openSpec(spec);
    await reports.waitFor(page);
    await toggleStep(page, '2');
    await reports.waitFor(page, (report) => report.findings.length > 0);
    const tabId = await reports.tabIdOf(page);
    const popup = await kartra.context.newPage();
    await popup.goto(`chrome-extension://${kartra.extensionId}/popup.html?tabId=${tabId}`);
    for (const label of ['JSON', 'Markdown', 'HTML', 'CSV']) {
      const [download] = await Promise.all([
        popup.waitForEvent('download'),
        popup.getByRole('button', { name: label, exact: true }).click(),
      ]);
      expect(await download.failure()).toBeNull();
    }
    await toggleStep(page, '2');
    await reports.waitFor(page);
    const during = kartra.requests.slice(before);

    const own = `chrome-extension://${kartra.extensionId}/`;
    const worker = kartra.context.serviceWorkers().find((candidate) => candidate.url().startsWith(own));
    // The content script imports its audit module (web-accessible with `use_dynamic_url`) from
    // the extension's address of this browser session: the extension's own file all the same.
    const dynamicId = await worker?.evaluate(
      () =>
        (globalThis as unknown as { chrome: { runtime: { dynamicId?: string } } }).chrome.runtime.dynamicId,
    );
    const ownIds = [kartra.extensionId ?? '', ...(dynamicId ? [dynamicId] : [])];
    const isOwn = (url: string) => ownIds.some((id) => url.startsWith(`chrome-extension://${id}/`));
    const outside = during.filter(
      (request) =>
        (request.by === 'extension' || request.url.startsWith('chrome-extension://')) &&
        !isOwn(request.url) &&
        !request.url.startsWith(`blob:${own}`) &&
        !request.url.startsWith('data:'),
    );
    expect(outside).toEqual([]);
    // Through that address, only the audit module is loaded (nothing else is web-accessible).
    const throughDynamicId = during.filter((request) => dynamicId && request.url.includes(dynamicId));
    expect([...new Set(throughDynamicId.map((request) => new URL(request.url).pathname))]).toEqual([
      AUDIT_MODULE_PATH,
    ]);

    // What fetches the popup, the worker and the page themselves saw (the route above may miss a
    // worker's requests; Resource Timing does not).
    const seen = [
      ...(await resources(popup)),
      ...(worker
        ? await worker.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name))
        : []),
    ];
    expect(seen.filter((url) => !url.startsWith(own) && !url.startsWith(`blob:${own}`))).toEqual([]);
    const pageSeen = await resources(page);

    // The same visit without the extension: the page's own requests must be the same.
    const plainBefore = plain.requests.length;
    const plainPage = await plain.openSpec(spec);
    await toggleStep(plainPage, '2');
    await toggleStep(plainPage, '2');
    await plainPage.waitForTimeout(300);
    expect(pageRequests(during, ownIds)).toEqual(pageRequests(plain.requests.slice(plainBefore), []));
    expect(pageSeen.sort()).toEqual((await resources(plainPage)).sort());
  } finally {
    await plain.close();
  }
});

import type { Page, Worker } from '@playwright/test';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import type { KartraSession } from '../harness';
import { expect, test } from './extension-fixture';

/**
 * Many tabs: two sequences in two tabs keep their own reports and toolbar badges, changing one
 * never touches the other, and closing a tab leaves nothing behind in the background worker
 * (no global that grows, nothing per tab in extension storage).
 */

interface ChromeApi {
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: Record<'local' | 'session' | 'sync', { get(keys: null): Promise<Record<string, unknown>> }>;
}

function worker(kartra: KartraSession): Worker {
  const found = kartra.context
    .serviceWorkers()
    .find((candidate) => candidate.url().startsWith(`chrome-extension://${kartra.extensionId}/`));
  if (!found) throw new Error('the extension has no service worker running');
  return found;
}

/** What the worker holds: its global names and every key in every storage area. */
async function workerState(
  kartra: KartraSession,
): Promise<{ globals: string[]; storage: Record<string, string[]> }> {
  return worker(kartra).evaluate(async () => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const storage: Record<string, string[]> = {};
    for (const area of ['local', 'session', 'sync'] as const)
      storage[area] = Object.keys(await api.storage[area].get(null)).sort();
    return { globals: Object.getOwnPropertyNames(globalThis).sort(), storage };
  });
}

async function badgeOf(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate(
    (id) => (globalThis as unknown as { chrome: ChromeApi }).chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

test('two sequences in two tabs keep their own reports and badges; closing a tab leaves nothing behind', async ({
  kartra,
  reports,
}) => {
  // No Kartra tab open (an earlier test's are closed, and the worker has forgotten their frames).
  await expect.poll(() => reports.answeringTabs()).toEqual([]);
  await expect.poll(async () => (await workerState(kartra)).storage.session).not.toContain('frameAudits');
  const before = await workerState(kartra);
  const first = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  const second = await kartra.openSpec(loadEditorSpec('editing-live-sequence.fires'));
  const [one, two] = [await reports.waitFor(first), await reports.waitFor(second)];
  expect(one.report?.sequence?.id).not.toBe(two.report?.sequence?.id);
  expect(one.report?.counts.error).toBeGreaterThan(0);
  expect(two.report?.counts.error).toBe(0);
  expect(two.report?.counts.warning).toBeGreaterThan(0);

  const firstTab = await reports.tabIdOf(first);
  const secondTab = await reports.tabIdOf(second);
  const extensionPage = await kartra.context.newPage();
  await extensionPage.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  await expect.poll(() => badgeOf(extensionPage, firstTab)).toBe(String(one.report?.counts.error));
  await expect.poll(() => badgeOf(extensionPage, secondTab)).toBe(String(two.report?.counts.warning));

  // Fixing the first tab's error changes the first tab only.
  await first.bringToFront();
  const card = first.locator('.js_sequence_step', { has: first.locator('.step_number', { hasText: /^2$/ }) });
  await card.getByRole('button', { name: 'Step options' }).click();
  await card.getByRole('menuitem', { name: 'Activate' }).click();
  await first.getByRole('button', { name: 'Save Progress' }).click();
  await reports.waitFor(first, (latest) => latest.counts.error === 0 && latest.counts.warning === 0);
  await expect.poll(() => badgeOf(extensionPage, firstTab)).not.toBe(String(one.report?.counts.error));
  expect(await badgeOf(extensionPage, secondTab)).toBe(String(two.report?.counts.warning));
  const secondAgain = await reports.current(second);
  expect(secondAgain?.report?.findings).toEqual(two.report?.findings);

  // Close both tabs: the worker holds what it held before they opened.
  await first.close();
  await second.close();
  await expect.poll(() => reports.answeringTabs()).toEqual([]);
  // The worker forgets a closed tab's frames asynchronously, once the browser says it closed.
  // What each visit of a sequence found stays, by design (per sequence, bounded, forgotten from
  // the options page); nothing kept per tab does.
  const perTab = (state: { storage: Record<string, string[]> }) => ({
    ...state.storage,
    local: (state.storage.local ?? []).filter((key) => key !== 'auditHistory'),
  });
  await expect.poll(async () => perTab(await workerState(kartra))).toEqual(perTab(before));
  const after = await workerState(kartra);
  expect(after.globals).toEqual(before.globals);
  for (const keys of Object.values(after.storage))
    for (const key of keys) expect(key, 'a storage key named after a tab').not.toMatch(/tab|\d{2,}/i);
});

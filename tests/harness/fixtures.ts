import type { BrowserContext, Worker } from '@playwright/test';
import { type KartraSession, type LaunchOptions, launchKartra } from './kartra';

/**
 * Playwright fixtures shared by the end-to-end suites: one Chromium per worker (launching costs
 * a second or two), and per test the same session, whose pages are closed after the test.
 */

/** A worker-scoped fixture: a session launched with `options`, `prepare`d once, closed at the end. */
export function workerSession(
  options: LaunchOptions,
  prepare?: (context: BrowserContext) => Promise<void>,
): [(args: object, use: (session: KartraSession) => Promise<void>) => Promise<void>, { scope: 'worker' }] {
  return [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured first argument.
    async ({}, use: (session: KartraSession) => Promise<void>) => {
      const session = await launchKartra(options);
      await prepare?.(session.context);
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ];
}

/**
 * A test-scoped view of a worker's session: the extension's storage starts as on a fresh install
 * (a list page another test showed must not decide this test's status), and whatever pages the
 * test opened are closed after it.
 */
export async function pagesClosedAfter(
  session: KartraSession,
  use: (session: KartraSession) => Promise<void>,
): Promise<void> {
  if (session.extensionId) await clearExtensionStorage(session.context, session.extensionId);
  await use(session);
  for (const page of session.context.pages()) await page.close();
}

declare const chrome: { storage: { local: { clear(): Promise<void> }; session: { clear(): Promise<void> } } };

/** Empties the extension's local and session storage, from its service worker (or a page of it). */
async function clearExtensionStorage(context: BrowserContext, extensionId: string): Promise<void> {
  const clear = () =>
    Promise.all([chrome.storage.local.clear(), chrome.storage.session.clear()]).then(() => undefined);
  const worker: Worker | undefined = context.serviceWorkers().find((w) => w.url().includes(extensionId));
  if (worker) return worker.evaluate(clear);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate(clear);
  await page.close();
}

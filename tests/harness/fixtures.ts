import { type BrowserContext, type Page, test, type Worker } from '@playwright/test';
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
 * test opened are closed after it, except the worker's kept tabs and those `alsoKept` names (the
 * extension page that asks for reports). Kept tabs still showing another group's page are blanked
 * first (see `reusedTabs`).
 */
export async function pagesClosedAfter(
  session: KartraSession,
  use: (session: KartraSession) => Promise<void>,
  kept: KeptTabs = { pages: [], group: null },
  alsoKept: (page: Page) => boolean = () => false,
): Promise<void> {
  const group = groupOf(test.info().titlePath);
  if (kept.group !== group) {
    for (const page of kept.pages) if (!page.isClosed()) await page.goto('about:blank');
    kept.group = null;
  }
  if (session.extensionId) await clearExtensionStorage(session.context, session.extensionId);
  await use(session);
  for (const page of session.context.pages())
    if (!kept.pages.includes(page) && !alsoKept(page)) await page.close();
}

/** A test's file and describe blocks. */
const groupOf = (titlePath: readonly string[]) => titlePath.slice(0, -1).join(' › ');

/** The tabs a worker keeps for tests that show page after page in the same tabs (`reusedTabs`). */
export interface KeptTabs {
  pages: Page[];
  /** The file and describe blocks of the test that left them showing its pages, if any. */
  group: string | null;
}

/** A worker-scoped fixture holding the worker's kept tabs (none until a test asks for them). */
export function workerTabs(): [
  (args: object, use: (tabs: KeptTabs) => Promise<void>) => Promise<void>,
  { scope: 'worker' },
] {
  return [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured first argument.
    async ({}, use: (tabs: KeptTabs) => Promise<void>) => use({ pages: [], group: null }),
    { scope: 'worker' },
  ];
}

/**
 * A test-scoped view of `count` of the worker's kept tabs: opening a tab costs about three times
 * what navigating one does, so tests that show page after page (a user going from one sequence to
 * the next) reuse them. A tab a test closed is replaced next time. After a test they go on showing
 * its page, for the next test of the same group (file and describe blocks) to open its sequence
 * inside the app (`openSpec`'s `inApp`); a test of another group finds them blank, so nothing an
 * earlier group showed answers or writes into its fresh storage.
 */
export async function reusedTabs(
  context: BrowserContext,
  kept: KeptTabs,
  count: number,
  use: (pages: Page[]) => Promise<void>,
): Promise<void> {
  const open = kept.pages.filter((page) => !page.isClosed());
  while (open.length < count) open.push(await context.newPage());
  kept.pages = open;
  const mine = open.slice(0, count);
  // The first in front: a tab behind another runs its timers and paints only now and then.
  await mine[0]?.bringToFront();
  await use(mine);
  kept.group = groupOf(test.info().titlePath);
}

/** One of the worker's kept tabs (`reusedTabs` with a count of one). */
export function reusedTab(
  context: BrowserContext,
  kept: KeptTabs,
  use: (page: Page) => Promise<void>,
): Promise<void> {
  return reusedTabs(context, kept, 1, ([page]) => use(page as Page));
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

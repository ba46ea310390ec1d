import { test as base, type Page } from '@playwright/test';
import { type KartraSession, pagesClosedAfter, workerSession } from '../harness';
import { ExtensionReports } from './extension-report';
import { installMutationRecorder } from './mutation-recorder';

/**
 * Two browsers per worker, both recording every DOM mutation from the first moment of each page:
 * one with the built extension (`guest`), one without (`bare`). A test does the same things in
 * both and compares. Separate from tests/e2e/extension-fixture.ts so the recorder never runs in
 * other tests' pages.
 */
export const test = base.extend<
  { guest: KartraSession; bare: KartraSession; reports: ExtensionReports },
  { guestWorker: KartraSession; bareWorker: KartraSession }
>({
  // A private copy of the build can be named while others rebuild .output in the same tree.
  guestWorker: workerSession(
    { extension: true, extensionPath: process.env.RELIABILITY_EXTENSION_PATH },
    installMutationRecorder,
  ),
  bareWorker: workerSession({ extension: false }, installMutationRecorder),
  guest: ({ guestWorker }, use) => pagesClosedAfter(guestWorker, use),
  bare: ({ bareWorker }, use) => pagesClosedAfter(bareWorker, use),
  reports: async ({ guestWorker }, use) => {
    const reports = new ExtensionReports(guestWorker.context, guestWorker.extensionId ?? '');
    await use(reports);
    await reports.close();
  },
});

export { expect } from '@playwright/test';

/** Waits until the page has painted twice: pending animation-frame work (the overlay's) is done. */
export function settle(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

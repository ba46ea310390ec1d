import { test as base, type Page } from '@playwright/test';
import { type KartraSession, launchKartra } from '../harness';
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
  guestWorker: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured first argument.
    async ({}, use) => {
      // A private copy of the build can be named while others rebuild .output in the same tree.
      const session = await launchKartra({
        extension: true,
        extensionPath: process.env.RELIABILITY_EXTENSION_PATH,
      });
      await installMutationRecorder(session.context);
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
  bareWorker: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured first argument.
    async ({}, use) => {
      const session = await launchKartra({ extension: false });
      await installMutationRecorder(session.context);
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
  guest: async ({ guestWorker }, use) => {
    await use(guestWorker);
    for (const page of guestWorker.context.pages()) await page.close();
  },
  bare: async ({ bareWorker }, use) => {
    await use(bareWorker);
    for (const page of bareWorker.context.pages()) await page.close();
  },
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

import { test as base } from '@playwright/test';
import { type KartraSession, launchKartra } from '../harness';
import { ExtensionReports } from '../support/extension-report';

/**
 * One Chromium with the built extension per worker (launching costs a second or two); each test
 * opens its own pages in it. `reports` asks the extension for a tab's report as the popup does.
 */
export const test = base.extend<
  { kartra: KartraSession; reports: ExtensionReports },
  { workerKartra: KartraSession }
>({
  workerKartra: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured first argument.
    async ({}, use) => {
      const session = await launchKartra({ extension: true });
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
  kartra: async ({ workerKartra }, use) => {
    await use(workerKartra);
    for (const page of workerKartra.context.pages()) await page.close();
  },
  reports: async ({ workerKartra }, use) => {
    const reports = new ExtensionReports(workerKartra.context, workerKartra.extensionId ?? '');
    await use(reports);
    await reports.close();
  },
});

export { expect } from '@playwright/test';

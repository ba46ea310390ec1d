import { test as base } from '@playwright/test';
import { type KartraSession, pagesClosedAfter, workerSession } from '../harness';
import { ExtensionReports } from '../support/extension-report';

/**
 * One Chromium with the built extension per worker (launching costs a second or two); each test
 * opens its own pages in it. `reports` asks the extension for a tab's report as the popup does.
 */
export const test = base.extend<
  { kartra: KartraSession; reports: ExtensionReports },
  { workerKartra: KartraSession }
>({
  workerKartra: workerSession({ extension: true }),
  kartra: ({ workerKartra }, use) => pagesClosedAfter(workerKartra, use),
  reports: async ({ workerKartra }, use) => {
    const reports = new ExtensionReports(workerKartra.context, workerKartra.extensionId ?? '');
    await use(reports);
    await reports.close();
  },
});

export { expect } from '@playwright/test';

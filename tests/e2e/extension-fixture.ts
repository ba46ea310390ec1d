import { test as base, type Page } from '@playwright/test';
import {
  type KartraSession,
  type KeptTabs,
  pagesClosedAfter,
  reusedTab,
  workerSession,
  workerTabs,
} from '../harness';
import { ExtensionReports } from '../support/extension-report';

/**
 * One Chromium with the built extension per worker (launching costs a second or two), and one
 * extension page in it that asks for reports (opening one costs half a second); each test opens
 * its own pages, closed after it. `reports` asks the extension for a tab's report as the popup
 * does. `tab`: the worker's kept tab, for tests that show page after page in one tab.
 */
export const test = base.extend<
  { kartra: KartraSession; reports: ExtensionReports; tab: Page },
  { workerKartra: KartraSession; workerReports: ExtensionReports; workerTabs: KeptTabs }
>({
  workerKartra: workerSession({ extension: true }),
  workerReports: [
    async ({ workerKartra }, use) => {
      const reports = new ExtensionReports(workerKartra.context, workerKartra.extensionId ?? '');
      await use(reports);
      await reports.close();
    },
    { scope: 'worker' },
  ],
  workerTabs: workerTabs(),
  kartra: ({ workerKartra, workerReports, workerTabs }, use) =>
    pagesClosedAfter(workerKartra, use, workerTabs, (page) => workerReports.isBridge(page)),
  reports: ({ workerReports }, use) => use(workerReports),
  tab: ({ kartra, workerTabs }, use) => reusedTab(kartra.context, workerTabs, use),
});

export { expect } from '@playwright/test';

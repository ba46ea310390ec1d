import { test as base, type Page } from '@playwright/test';
import {
  type KartraSession,
  type KeptTabs,
  pagesClosedAfter,
  reusedTab,
  reusedTabs,
  workerSession,
  workerTabs,
} from '../harness';

/**
 * The replica's own suites: one Chromium without the extension per worker, and its kept tabs
 * (`tab`, or `tabs` for a test that shows two pages side by side), reused from test to test.
 */
export const test = base.extend<
  { kartra: KartraSession; tab: Page; tabs: [Page, Page] },
  { workerKartra: KartraSession; workerTabs: KeptTabs }
>({
  workerKartra: workerSession({ extension: false }),
  workerTabs: workerTabs(),
  kartra: ({ workerKartra, workerTabs }, use) => pagesClosedAfter(workerKartra, use, workerTabs),
  tab: ({ kartra, workerTabs }, use) => reusedTab(kartra.context, workerTabs, use),
  tabs: ({ kartra, workerTabs }, use) =>
    reusedTabs(kartra.context, workerTabs, 2, (pages) => use(pages as [Page, Page])),
});

export { expect } from '@playwright/test';

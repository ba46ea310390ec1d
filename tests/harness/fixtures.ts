import type { BrowserContext } from '@playwright/test';
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

/** A test-scoped view of a worker's session: whatever pages the test opened are closed after it. */
export async function pagesClosedAfter(
  session: KartraSession,
  use: (session: KartraSession) => Promise<void>,
): Promise<void> {
  await use(session);
  for (const page of session.context.pages()) await page.close();
}

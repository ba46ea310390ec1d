import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium to drive: `CHROMIUM_PATH` when set and present, else Playwright's own Chromium
 * when installed, else Debian's /usr/bin/chromium. Throws a one-paragraph how-to otherwise.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv && exists(fromEnv)) return fromEnv;
  let playwrights: string | null = null;
  try {
    playwrights = chromium.executablePath();
  } catch {
    // Playwright throws when it has no browser registry entry; treat as not installed.
  }
  if (playwrights && exists(playwrights)) return playwrights;
  if (exists(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const envNote = fromEnv ? ` CHROMIUM_PATH is set to ${fromEnv}, but no file is there.` : '';
  throw new Error(
    `No Chromium browser was found for the end-to-end tests.${envNote} Install Playwright's Chromium with ` +
      '`npx playwright install chromium`, or on Debian/Ubuntu install the system one with ' +
      '`apt-get install chromium` (it lands at /usr/bin/chromium), or point CHROMIUM_PATH at a Chromium ' +
      'or Chrome executable.',
  );
}

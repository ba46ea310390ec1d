/**
 * npm exec tsx scripts/make-icons.ts: draws the extension's icon (the SVG below) as PNGs at the
 * sizes browsers and stores ask for, into public/icon/<size>.png (WXT adds them to the manifest).
 * Rendered by the same Chromium the tests use, with a transparent background.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from '../tests/harness';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

/** A sequence (three steps on a line) and a check mark: "your sequence, checked". */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="26" fill="#1d4ed8"/>
  <path d="M36 30V98" stroke="#93c5fd" stroke-width="9" stroke-linecap="round"/>
  <circle cx="36" cy="30" r="14" fill="#fff"/>
  <circle cx="36" cy="64" r="14" fill="#fff"/>
  <circle cx="36" cy="98" r="14" fill="#fff"/>
  <path d="M62 66L81 85L111 44" fill="none" stroke="#4ade80" stroke-width="15" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

async function main(): Promise<void> {
  const outDir = join(root, 'public', 'icon');
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of ICON_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${ICON_SVG}`,
      );
      await page.locator('svg').screenshot({ path: join(outDir, `${size}.png`), omitBackground: true });
      console.log(`public/icon/${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: Error) => {
  console.error(`make-icons failed: ${error.message}`);
  process.exit(1);
});

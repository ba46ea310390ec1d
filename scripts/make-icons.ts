/**
 * npm exec tsx scripts/make-icons.ts: draws the extension's icon (the SVG below) as PNGs at the
 * sizes browsers and stores ask for, into public/icon/<size>.png (WXT adds them to the manifest),
 * and the Chrome Web Store's small promo tile from the same SVG, docs/store/promo-tile-440x280.png.
 * Rendered by the same Chromium the tests use; the icons with a transparent background.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
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

/** The store's exact size for the small promo tile; it rejects any other. */
export const PROMO_TILE = { width: 440, height: 280, file: 'docs/store/promo-tile-440x280.png' } as const;

/** Least room between any text and the tile's edge, so nothing reads as cut off when scaled down. */
const TILE_MARGIN = 20;

// No screenshot of a sequence: the store shows the tile small, where only the icon, the name and
// a few words read. Fonts are the machine's sans-serif, so the render checks its own fit below
// (the name never wraps, so a wider font shows up as overflow rather than a third line).
const PROMO_TILE_HTML = `<style>
  html, body { margin: 0; }
  .tile {
    box-sizing: border-box; width: ${PROMO_TILE.width}px; height: ${PROMO_TILE.height}px;
    display: flex; align-items: center; gap: 22px; padding: 0 30px; overflow: hidden;
    background: linear-gradient(135deg, #0f172a 0%, #172554 45%, #1e40af 100%);
    font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: #fff;
  }
  .tile svg { flex: none; width: 100px; height: 100px; }
  .text { flex: 1; min-width: 0; }
  h1 { margin: 0; font-size: 29px; line-height: 1.15; font-weight: 700; white-space: nowrap; }
  p { margin: 12px 0 0; font-size: 15px; line-height: 1.4; color: #bfdbfe; text-wrap: balance; }
</style>
<div class="tile">${ICON_SVG}<div class="text"><h1>Kartra Sequence<br>Auditor</h1>
<p>Finds the silent mistakes in your email sequences and shows the fix.</p></div></div>`;

async function renderIcons(page: Page): Promise<void> {
  const outDir = join(root, 'public', 'icon');
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${ICON_SVG}`,
    );
    await page.locator('svg').screenshot({ path: join(outDir, `${size}.png`), omitBackground: true });
    console.log(`public/icon/${size}.png`);
  }
}

async function renderPromoTile(page: Page): Promise<void> {
  await page.setViewportSize({ width: PROMO_TILE.width, height: PROMO_TILE.height });
  await page.setContent(PROMO_TILE_HTML);
  const misfits = await page.evaluate((margin) => {
    const tile = document.querySelector('.tile')?.getBoundingClientRect();
    if (!tile) return ['no tile'];
    return [...document.querySelectorAll('svg, h1, p')].flatMap((element) => {
      const box = element.getBoundingClientRect();
      const inside =
        box.left >= tile.left + margin &&
        box.top >= tile.top + margin &&
        box.right <= tile.right - margin &&
        box.bottom <= tile.bottom - margin;
      return inside && element.scrollWidth <= element.clientWidth ? [] : [element.tagName];
    });
  }, TILE_MARGIN);
  if (misfits.length > 0) {
    throw new Error(`promo tile: ${misfits.join(', ')} does not fit (a wider fallback font?)`);
  }
  const path = join(root, PROMO_TILE.file);
  mkdirSync(dirname(path), { recursive: true });
  await page.locator('.tile').screenshot({ path });
  console.log(PROMO_TILE.file);
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    await renderIcons(page);
    await renderPromoTile(page);
  } finally {
    await browser.close();
  }
}

main().catch((error: Error) => {
  console.error(`make-icons failed: ${error.message}`);
  process.exit(1);
});

/**
 * npm run demo [-- spec.json] [--skin renamed|plain-svg|...]
 *
 * Opens Chromium with the extension on the bundled replica of Kartra's builder, showing the demo
 * launch sequence (or the given spec). With a display, a window opens for you to explore (click
 * the extension's toolbar icon); without one, it runs headless, saves a screenshot and prints
 * its path and the extension's findings. `--skin` draws the builder in another markup
 * (tests/replica/skin.ts, docs/replica-markup.md "Skins").
 *
 * Headless, it also saves the popup's Timeline section; `--enter 2031-03-01T21:30` types that entry
 * moment (account time zone) first, and `--timeline-shot FILE` saves the picture there instead of
 * the temporary folder (the README's docs/screenshot-timeline.png is made this way).
 * `--overview-shot FILE` also audits a few more sequences of the fixtures (one of them twice, fixed
 * in between, and the sequence list) and saves the account overview there (docs/screenshot-overview.png).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { expect, type Page } from '@playwright/test';
import { loadEditorSpec, readFixtureJson } from '../tests/fixtures/sequences/fixtures';
import { findChromium, type KartraSession, launchKartra } from '../tests/harness';
import { skinNamed } from '../tests/replica/skin';
import { ExtensionReports } from '../tests/support/extension-report';
import { ensureBuilt } from './lib/ensure-built';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs({
  allowPositionals: true,
  options: {
    skin: { type: 'string', default: 'default' },
    enter: { type: 'string' },
    'timeline-shot': { type: 'string' },
    'overview-shot': { type: 'string' },
  },
});
const specPath = args.positionals[0] ?? join(root, 'tests/fixtures/sequences/launch-sequence.json');

function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** On a laptop, Playwright can fetch its own Chromium; on machines without network, this fails quietly. */
function ensureBrowser(): void {
  try {
    findChromium();
    return;
  } catch {
    console.log('No Chromium found; trying `npx playwright install chromium`...');
    spawnSync('npx', ['playwright', 'install', 'chromium'], { cwd: root, stdio: 'inherit' });
  }
  findChromium();
}

async function main(): Promise<void> {
  const spec: unknown = JSON.parse(readFileSync(specPath, 'utf8'));
  const skin = skinNamed(args.values.skin);
  ensureBrowser();
  ensureBuilt(root, console.log);
  const headless = !hasDisplay();
  const session = await launchKartra({ extension: true, headless });
  const page = await session.openSpec(spec, { skin });
  if (headless) await page.setViewportSize({ width: 2400, height: 1000 });
  const reports = new ExtensionReports(session.context, session.extensionId ?? '');
  // Open each sub-sequence tab as a user would, so the report covers the whole sequence.
  const { report } = await reports.auditEveryTab(page);
  const tabId = await reports.tabIdOf(page);
  await reports.close();
  await page.bringToFront();

  const { error, warning, info, review } = report.counts;
  console.log(`Demo: ${page.url()}`);
  console.log(`The extension found ${error} errors, ${warning} warnings, ${info} tips, ${review} to review.`);

  if (headless) {
    // Zoomed out so the whole launch sequence, and the badges on its cards, fit the picture.
    for (let step = 0; step < 4; step++) await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForTimeout(300);
    const screenshot = join(tmpdir(), 'kartra-auditor-demo.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    // The popup as the toolbar icon would open it for this tab.
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 420, height: 900 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('.counts').waitFor();
    const popupShot = join(tmpdir(), 'kartra-auditor-demo-popup.png');
    await popup.screenshot({ path: popupShot, fullPage: true });
    const timelineShot = resolve(
      args.values['timeline-shot'] ?? join(tmpdir(), 'kartra-auditor-demo-timeline.png'),
    );
    await saveTimeline(popup, timelineShot, args.values.enter);
    const overviewShot = args.values['overview-shot'];
    if (overviewShot) {
      await saveOverview(session, reports, resolve(overviewShot));
      console.log(`Account overview: ${resolve(overviewShot)}`);
    }
    console.log(
      `No display: ran headless. Screenshots: ${screenshot} (builder), ${popupShot} (popup), ${timelineShot} (timeline)`,
    );
    await session.close();
    return;
  }
  console.log('Explore the builder, then click the extension icon in the toolbar. Close the window to quit.');
  await new Promise<void>((done) => session.context.on('close', () => done()));
}

/** The popup's Timeline section, for a contact entering at `enter` (typed as a user would) or now. */
async function saveTimeline(popup: Page, path: string, enter: string | undefined): Promise<void> {
  const timeline = popup.getByRole('region', { name: 'Timeline' });
  if (enter) {
    await timeline.getByLabel('Contact enters').fill(enter);
    await timeline.getByRole('button', { name: 'Show', exact: true }).click();
    await timeline.getByText('a contact entering on').waitFor();
  }
  await timeline.screenshot({ path });
}

/**
 * The account overview after a few more audits in this browser, as a consultant's week might
 * leave it: a paused sequence, one fixed since its first visit, the sequence list seen last.
 */
async function saveOverview(session: KartraSession, reports: ExtensionReports, path: string): Promise<void> {
  for (const visits of [
    ['sequence-paused.fires'],
    ['step-inactive.fires', 'step-inactive.passes'],
    ['email-burst.fires'],
  ]) {
    const tab = await session.context.newPage();
    for (const name of visits) {
      await session.openSpec(loadEditorSpec(name), {}, tab);
      await reports.waitFor(tab);
    }
  }
  const list = await session.openSpec(readFixtureJson('sequence-paused.list.fires'));
  await reports.waitFor(list);
  const overview = await session.context.newPage();
  await overview.setViewportSize({ width: 1180, height: 600 });
  await overview.goto(`chrome-extension://${session.extensionId}/overview.html`);
  // The background writes each audit as it reports: wait until the last two are shown.
  await expect(overview.getByRole('table').locator('tbody tr')).toHaveCount(4);
  await expect(overview.getByText('on the sequence list')).toBeVisible();
  await expect(overview.getByText(/Down from/)).toBeVisible();
  await overview.screenshot({ path, fullPage: true });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

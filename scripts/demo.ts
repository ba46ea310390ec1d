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
 * `--client-report-shot FILE` makes the client report as a user would (Prepared by on the options
 * page, a client and a note in the popup, the HTML export), prints it to PDF on A4 and saves its
 * cover and the sequence's first page side by side (docs/screenshot-client-report.png; needs
 * poppler-utils).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BrowserContext, expect, type Page } from '@playwright/test';
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
    'client-report-shot': { type: 'string' },
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
    const clientShot = args.values['client-report-shot'];
    // Before the popup opens: it reads the settings once.
    if (clientShot) await setPreparedBy(session.context, session.extensionId ?? '');
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
    if (clientShot) await saveClientReport(popup, report.sequence?.name ?? '', resolve(clientShot));
    const overviewShot = args.values['overview-shot'];
    if (overviewShot) {
      await saveOverview(session, reports, resolve(overviewShot));
      console.log(`Account overview: ${resolve(overviewShot)}`);
    }
    console.log(
      `No display: ran headless. Screenshots: ${screenshot} (builder), ${popupShot} (popup), ${timelineShot} (timeline)${clientShot ? `, ${resolve(clientShot)} (client report)` : ''}`,
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

/** The demo's "Prepared by", typed on the options page as a user would. */
async function setPreparedBy(context: BrowserContext, extensionId: string): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const field = options.getByLabel('Prepared by (your name or agency)');
  await field.fill('Funnel Fixers Agency');
  await field.blur();
  await options.getByRole('status').getByText('Saved').waitFor();
  await options.close();
}

/**
 * The client report of the popup's sequence, printed to PDF on A4: its cover and the page its
 * sequence starts on, side by side.
 */
async function saveClientReport(popup: Page, sequenceName: string, path: string): Promise<void> {
  await popup.getByLabel('Client').fill('Bloom & Co. Bakery');
  await popup
    .getByLabel('Note on the cover')
    .fill(
      'Hi Sam,\nthe launch is close: the two errors first, then the warnings. Happy to walk you through it.',
    );
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'HTML', exact: true }).click(),
  ]);
  const html = readFileSync(await download.path(), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'kartra-auditor-client-report-'));
  const pdf = join(dir, 'report.pdf');
  const viewer = await popup.context().newPage();
  await viewer.setContent(html);
  await viewer.pdf({ path: pdf, format: 'A4' });
  const poppler = (tool: string, toolArgs: string[]) => {
    const run = spawnSync(tool, toolArgs, { encoding: 'utf8' });
    if (run.error)
      throw new Error(`--client-report-shot needs ${tool} (Debian: apt-get install poppler-utils).`);
    if (run.status !== 0) throw new Error(`${tool} ${toolArgs.join(' ')}: ${run.stderr}`);
    return run.stdout;
  };
  const pageText = (page: number) =>
    poppler('pdftotext', ['-f', `${page}`, '-l', `${page}`, pdf, '-'])
      .replace(/\s+/g, ' ')
      .trim();
  // The cover's summary may take more than a page: the sequence starts on the page after it.
  let start = 2;
  while (!pageText(start).startsWith(sequenceName)) start += 1;
  const pages = [1, start].map((page) => {
    poppler('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      `${page}`,
      '-l',
      `${page}`,
      '-singlefile',
      pdf,
      join(dir, `${page}`),
    ]);
    return `<img alt="" src="data:image/png;base64,${readFileSync(join(dir, `${page}.png`)).toString('base64')}">`;
  });
  await viewer.setContent(
    `<body style="margin:0;padding:16px;display:flex;gap:16px;background:#d0d7de;width:max-content">${pages.join('')}</body>`,
  );
  await viewer.locator('body').screenshot({ path });
  await viewer.close();
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { longCourseSpec } from '../support/long-course-spec';
import { expect, test } from './extension-fixture';

/**
 * The client report as a client gets it: the popup's HTML export, opened in Chromium and printed
 * to PDF on A4 and on Letter, then read back with poppler's pdftotext and pdfinfo.
 */

const NAME = 'Replay <b>follow-up</b>';
const CLIENT = 'Acme <i>Bakery</i> Ltd';
const NOTE = ['Hi Sam,', 'the first fix matters most.'];
const PREPARED_BY = 'Jo Bloggs & Funnel Fixers';

/** Runs a poppler tool; its absence fails the test, saying what to install. */
function poppler(tool: 'pdftotext' | 'pdfinfo', args: string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8' });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error(
      `${tool} is not installed: the PDF is read back with Debian's poppler-utils (apt-get install poppler-utils; .ci/run installs it).`,
    );
  if (run.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

/**
 * Text without its whitespace, to compare what was written with what was printed whatever lines
 * it was broken into (an address broken after a hyphen has no space there).
 */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Expects `wanted` in `printed`, however its lines were broken. */
function expectPrinted(printed: string, wanted: string, label = wanted) {
  expect(squeeze(printed), label).toContain(squeeze(wanted));
}

/**
 * The page printed as Chromium's "Save as PDF" does, read back page by page (in the order it was
 * drawn, `-raw`, which also keeps a hyphen that ends a line).
 */
async function printToPdf(viewer: Page, format: 'A4' | 'Letter', name = 'client-report'): Promise<string[]> {
  const path = test.info().outputPath(`${name}-${format}.pdf`);
  await viewer.pdf({ path, format });
  const count = Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [path]))?.[1]);
  return Array.from({ length: count }, (_, index) =>
    poppler('pdftotext', ['-raw', '-f', String(index + 1), '-l', String(index + 1), path, '-']),
  );
}

/** Each finding of the report as the HTML file shows it: its message, its "Fix: ..." line, all of it. */
function findingsShown(viewer: Page) {
  return viewer.locator('li.finding').evaluateAll((items) =>
    items.map((item) => ({
      message: item.querySelector('.message')?.textContent ?? '',
      fix: item.querySelector('.fix')?.textContent ?? '',
      whole: item.textContent ?? '',
    })),
  );
}

/** Presses Tab until `target` has the focus (the popup's own order, as a keyboard user meets it). */
async function tabTo(popup: Page, name: string | RegExp, role: 'textbox' | 'button') {
  const target = popup.getByRole(role, { name, exact: true });
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) break;
    await popup.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** The file the popup downloads on `trigger`. */
async function downloaded(popup: Page, trigger: Promise<void>): Promise<string> {
  const [file] = await Promise.all([popup.waitForEvent('download'), trigger]);
  return readFileSync(await file.path(), 'utf8');
}

/** How many pages the sequence alone prints to: the same file with the cover and the summary taken out. */
async function sequencePages(viewer: Page, html: string, format: 'A4' | 'Letter'): Promise<number> {
  await viewer.setContent(html);
  await viewer.evaluate(() => {
    for (const element of document.querySelectorAll('.cover, .summary')) element.remove();
  });
  const pages = await printToPdf(viewer, format, 'sequence-alone');
  await viewer.setContent(html);
  return pages.length;
}

async function setPreparedBy(options: Page, value: string) {
  const field = options.getByLabel('Prepared by (your name or agency)');
  await field.fill(value);
  await field.blur();
  await expect(options.getByRole('status')).toContainText('Saved');
}

test('the client report prints to PDF on A4 and Letter: its cover, every finding with its fix, nothing lost', async ({
  kartra,
  reports,
}) => {
  const options = await kartra.context.newPage();
  await options.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  try {
    await setPreparedBy(options, PREPARED_BY);

    const spec = { ...loadEditorSpec('step-inactive.fires'), name: NAME };
    const page = await kartra.openSpec(spec);
    const { report } = await reports.waitFor(page, (r) => r.counts.error === 1);
    const popup = await reports.openPopupFor(page);
    await expect(popup.locator('.count--error')).toHaveText('1 error');

    // By keyboard: the client, the note (two lines), then the HTML button.
    await tabTo(popup, 'Client', 'textbox');
    await popup.keyboard.type(CLIENT);
    await popup.keyboard.press('Tab');
    await expect(popup.getByRole('textbox', { name: 'Note on the cover' })).toBeFocused();
    await popup.keyboard.type(NOTE[0] ?? '');
    await popup.keyboard.press('Enter');
    await popup.keyboard.type(NOTE[1] ?? '');
    await expect(popup.locator('#client-report-help')).toContainText(`Prepared by ${PREPARED_BY}.`);
    await tabTo(popup, 'HTML', 'button');
    const html = await downloaded(popup, popup.keyboard.press('Enter'));

    const viewer = await kartra.context.newPage();
    for (const format of ['A4', 'Letter'] as const) {
      // The cover with the summary on one page, then the sequence from a page of its own.
      const expected = 1 + (await sequencePages(viewer, html, format));
      const pages = await printToPdf(viewer, format);
      expect(pages, format).toHaveLength(expected);
      const [cover = '', ...rest] = pages;
      const sequence = rest.join('\n');
      for (const line of [
        `Kartra sequence audit: ${NAME}`,
        `Client ${CLIENT}`,
        `Prepared by ${PREPARED_BY}`,
        `Note ${NOTE.join(' ')}`,
        'Summary',
        'What to fix, most important first',
      ])
        expectPrinted(cover, line, `${format} cover: ${line}`);
      expect(cover).toMatch(/^Date \d{1,2} [A-Z][a-z]+ \d{4}$/m);
      expect(squeeze(sequence).startsWith(squeeze(NAME)), `${format}: the sequence starts page 2`).toBe(true);
      const { error, info } = report.counts;
      for (const heading of [`Errors (${error})`, `Tips (${info})`, 'Run order', 'Timeline', 'Coverage'])
        expectPrinted(sequence, heading, `${format}: ${heading}`);
      expect(squeeze(cover)).not.toContain(squeeze(`Errors (${error})`));
      // No text lost: every finding the file shows, with its fix.
      const shown = await findingsShown(viewer);
      expect(shown).toHaveLength(report.findings.length);
      for (const { message, fix } of shown) {
        expectPrinted(sequence, message, `${format}: ${message}`);
        expectPrinted(sequence, fix, `${format}: ${fix}`);
      }
      // Paper cannot be clicked: the rule links print their address.
      expectPrinted(sequence, 'Rule: step-inactive (docs/rules/step-inactive.md)');
      expectPrinted(pages.at(-1) ?? '', 'Generated by Kartra Sequence Auditor');
    }

    // The client and note are kept for the sequence: the next report starts from them.
    const again = await reports.openPopupFor(page);
    await expect(again.getByLabel('Client')).toHaveValue(CLIENT);
    await expect(again.getByLabel('Note on the cover')).toHaveValue(NOTE.join('\n'));

    // The options page lists what is kept (axe-clean in both themes), and forgets it.
    await options.reload();
    const kept = options.getByRole('region', { name: 'Client details of reports' });
    await expect(kept.getByRole('row', { name: new RegExp(`^${spec.id} `) })).toContainText(CLIENT);
    // (popup.spec.ts checks the whole popup, the export form with it, in both themes.)
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      const { violations } = await new AxeBuilder({ page: options }).analyze();
      expect(violations.map((v) => `${scheme}: ${v.id}`)).toEqual([]);
    }
    // Read back from storage once forgotten.
    await kept.getByRole('button', { name: 'Forget all client details' }).click();
    await expect(kept).toContainText('None');
  } finally {
    // The browser (and its synced settings) is shared by the worker's tests.
    await setPreparedBy(options, '');
  }
});

test('a long client report breaks between findings, never inside one', async ({ kartra, reports }) => {
  const page = await kartra.openSpec(longCourseSpec('7121', false));
  const { report } = await reports.waitFor(page, (r) => r.counts.error >= 120);
  const popup = await reports.openPopupFor(page);
  const html = downloaded(popup, popup.getByRole('button', { name: 'HTML', exact: true }).click());
  const viewer = await kartra.context.newPage();
  await viewer.setContent(await html);
  const pages = (await printToPdf(viewer, 'A4')).map(squeeze);
  expect(pages.length).toBeGreaterThan(3);
  expect(pages[1]?.startsWith('Longcourse')).toBe(true);
  const shown = await findingsShown(viewer);
  expect(shown).toHaveLength(report.findings.length);
  // Each finding is one block, from its severity to its rule, on one page.
  for (const { message, whole } of shown)
    expect(
      pages.some((text) => text.includes(squeeze(whole))),
      message,
    ).toBe(true);
});

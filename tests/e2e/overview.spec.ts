import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import type { Report } from '../../lib/audit/report';
import type { AccountReport } from '../../lib/overview/account-report';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { expect, test } from './extension-fixture';

declare const chrome: {
  storage: {
    local: { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
  };
};

/** What the overview's table shows, row by row: the sequence's name, then each column's text. */
const table = (overview: Page) =>
  overview
    .getByRole('table')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );

const names = async (overview: Page) =>
  (await table(overview)).map((cells) => cells[0]?.replace(/ \(opens in Kartra\).*$/, ''));

/** The columns of a row that hold the latest audit's counts: errors, warnings, tips, to review, accepted. */
const countsOf = (report: Report) => [
  String(report.counts.error),
  String(report.counts.warning),
  String(report.counts.info),
  String(report.counts.review),
  String(report.accepted?.length ?? 0),
];

async function downloaded(overview: Page, button: Locator): Promise<string> {
  const [file] = await Promise.all([overview.waitForEvent('download'), button.click()]);
  return readFileSync(await file.path(), 'utf8');
}

test('two sequences audited in two tabs are listed on the account overview with their counts, sorted, filtered, exported in one file and forgotten', async ({
  kartra,
  reports,
}) => {
  // A finding accepted on the second sequence, as the popup keeps it.
  const bridge = await reports.bridge();
  await bridge.evaluate(() =>
    chrome.storage.local.set({
      acceptedFindings: {
        version: 1,
        sequences: {
          '3330': [
            {
              ruleId: 'fresh-test-address',
              kind: 'fail',
              steps: [],
              reason: 'We test with our own list',
              acceptedAt: '2026-12-01T09:00:00.000Z',
            },
          ],
        },
      },
    }),
  );
  const paused = await kartra.openSpec(loadEditorSpec('sequence-paused.fires'));
  const { report: first } = await reports.waitFor(paused, (r) => r.counts.error === 1);
  const piano = await kartra.openSpec(loadEditorSpec('email-burst.fires'));
  const { report: second } = await reports.waitFor(piano, (r) => (r.accepted?.length ?? 0) === 1);

  // Opened from the popup, in a tab of its own.
  const popup = await reports.openPopupFor(piano);
  const [overview] = await Promise.all([
    kartra.context.waitForEvent('page'),
    popup.getByRole('button', { name: 'Account overview' }).click(),
  ]);
  await expect(overview).toHaveURL(`chrome-extension://${kartra.extensionId}/overview.html`);
  await expect(overview.getByRole('heading', { level: 1 })).toHaveText('Account overview');
  await expect(overview.getByRole('table').locator('tbody tr')).toHaveCount(2);

  // Newest audit first, each with its status as the editor showed it and its latest counts.
  const rows = await table(overview);
  expect(rows.map((cells) => cells[0])).toEqual([
    expect.stringMatching(/^Piano lessons welcome \(opens in Kartra\)id 3330$/),
    expect.stringMatching(/^Lead magnet follow-up \(opens in Kartra\)id 2231$/),
  ]);
  expect(rows[0]?.[1]).toMatch(/^Running/);
  expect(rows[1]?.[1]).toMatch(/^Paused/);
  expect(rows[0]?.slice(3, 8)).toEqual(countsOf(second));
  expect(rows[1]?.slice(3, 8)).toEqual(countsOf(first));
  expect(rows[0]?.[8]).toContain('One complete audit, no trend yet');
  await expect(overview.getByRole('link', { name: /^Lead magnet follow-up/ })).toHaveAttribute(
    'href',
    'https://app.kartra.com/marketing/sequences/edit/2231',
  );

  // Sorted by a column heading's button, either way; filtered by name and by status.
  const byName = overview.getByRole('button', { name: 'Sequence', exact: true });
  // By keyboard too: the heading's button takes Enter.
  await byName.focus();
  await overview.keyboard.press('Enter');
  expect(await names(overview)).toEqual(['Lead magnet follow-up', 'Piano lessons welcome']);
  await expect(overview.getByRole('columnheader', { name: 'Sequence' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await byName.click();
  expect(await names(overview)).toEqual(['Piano lessons welcome', 'Lead magnet follow-up']);
  await overview.getByRole('button', { name: 'Errors', exact: true }).click();
  expect(await names(overview)).toEqual(['Lead magnet follow-up', 'Piano lessons welcome']);
  const find = overview.getByRole('searchbox', { name: 'Find' });
  await find.fill('PIANO');
  expect(await names(overview)).toEqual(['Piano lessons welcome']);
  await expect(overview.getByText('1 of 2 sequences shown')).toBeVisible();
  await find.fill('');
  await overview.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Paused' });
  expect(await names(overview)).toEqual(['Lead magnet follow-up']);

  // Every new control is labelled and the page passes axe, light and dark.
  for (const scheme of ['light', 'dark'] as const) {
    await overview.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page: overview }).analyze();
    expect(results.violations.map((violation) => `${scheme}: ${violation.id}`)).toEqual([]);
  }

  // One account export holds both, whatever the filter, in the order shown.
  const json: AccountReport = JSON.parse(
    await downloaded(overview, overview.getByRole('button', { name: 'JSON', exact: true })),
  );
  expect(json.kind).toBe('account');
  expect(json.sequences.map((s) => [s.id, s.name, s.status?.value, s.counts, s.accepted])).toEqual([
    ['2231', 'Lead magnet follow-up', 'paused', first.counts, 0],
    ['3330', 'Piano lessons welcome', 'active', second.counts, 1],
  ]);
  const html = await downloaded(overview, overview.getByRole('button', { name: 'HTML', exact: true }));
  expect(html).toContain('Lead magnet follow-up');
  expect(html).toContain('Piano lessons welcome');
  // Nothing leaves the browser: the page fetched its own files only, the files were made in it.
  const fetched = await overview.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => entry.name),
  );
  expect(fetched.filter((url) => !url.startsWith(`chrome-extension://${location.host}/`))).toEqual([]);

  // Forget one: its row and its history go; the other stays.
  await overview.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Any' });
  await overview.getByRole('button', { name: 'Forget Lead magnet follow-up' }).click();
  await expect(overview.getByRole('status')).toHaveText(/Forgot “Lead magnet follow-up”/);
  expect(await names(overview)).toEqual(['Piano lessons welcome']);
  const stored = await overview.evaluate(() => chrome.storage.local.get(null));
  expect(Object.keys((stored.auditHistory as { sequences: object }).sequences)).toEqual(['3330']);

  // The options page opens it too.
  const options = await kartra.context.newPage();
  await options.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  const [again] = await Promise.all([
    kartra.context.waitForEvent('page'),
    options.getByRole('button', { name: 'Open the account overview' }).click(),
  ]);
  await expect(again.getByRole('table').locator('tbody tr')).toHaveCount(1);

  // Forget all (the Kartra tabs closed, so none is audited again): nothing is left in the browser.
  await paused.close();
  await piano.close();
  const ask = overview.getByRole('button', { name: 'Forget all…' });
  const confirm = overview.getByRole('button', { name: 'Forget all', exact: true });
  await ask.click();
  await expect(confirm).toBeFocused();
  await overview.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeFocused();
  await expect(ask).toHaveAttribute('aria-expanded', 'false');
  await ask.click();
  await confirm.click();
  await expect(overview.getByText('No sequence audited yet.')).toBeVisible();
  await expect(again.getByText('No sequence audited yet.')).toBeVisible();
  expect(await overview.evaluate(() => chrome.storage.local.get(null))).toEqual({});
});

test('an audit history the extension cannot read is named on the overview, set aside at the next audit, and the audit runs', async ({
  kartra,
  reports,
}) => {
  const damaged = { version: 2, sequences: { '2231': { name: 7, outcomes: 'lost' } } };
  const bridge = await reports.bridge();
  await bridge.evaluate((value) => chrome.storage.local.set({ auditHistory: value }), damaged);
  const overview = await kartra.context.newPage();
  await overview.goto(`chrome-extension://${kartra.extensionId}/overview.html`);
  await expect(overview.getByRole('alert')).toContainText(
    'The audit history saved by another version could not be read',
  );
  const page = await kartra.openSpec(loadEditorSpec('sequence-paused.fires'));
  await reports.waitFor(page, (r) => r.counts.error === 1);
  await expect(overview.getByRole('table').locator('tbody tr')).toHaveCount(1);
  const stored = await overview.evaluate(() => chrome.storage.local.get(null));
  expect(stored.auditHistorySetAside).toEqual(damaged);
});

import { readFileSync } from 'node:fs';
import { expect, test } from './extension-fixture';

const demo = JSON.parse(readFileSync('tests/fixtures/sequences/launch-sequence.json', 'utf8'));

test('the content script audits the builder at its Kartra URL', async ({ kartra, reports }) => {
  const page = await kartra.openSpec(demo);
  const { report } = await reports.waitFor(page);
  expect(report.page.kind).toBe('editor');
  expect(report.sequence?.id).toBe(demo.id);
  expect(report.sequence?.name).toBe(demo.name);
});

test('the content script stays out of pages that are not Kartra', async ({ kartra, reports }) => {
  const page = await kartra.context.newPage();
  await page.route('https://www.example.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<h1>Not Kartra</h1>' }),
  );
  await page.goto('https://www.example.com/marketing/sequences/edit/1');
  await expect(page.locator('h1')).toHaveText('Not Kartra');
  const kartraPage = await kartra.openSpec(demo);
  await reports.waitFor(kartraPage);
  // Only the Kartra tab answers; the other page's tab never got the content script.
  expect(await reports.answeringTabs()).toEqual([kartraPage.url()]);
});

test('on a Kartra page that is not a sequence, there is nothing to audit: no badge, and the popup says how to open one', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.context.newPage();
  await page.goto('https://app.kartra.com/dashboard');
  await expect.poll(() => reports.frameKinds(page)).toEqual(['other']);
  const popup = await kartra.context.newPage();
  await popup.goto(
    `chrome-extension://${kartra.extensionId}/popup.html?tabId=${await reports.tabIdOf(page)}`,
  );
  await expect(popup.getByText(/Open a sequence in Kartra/)).toBeVisible();
  await expect(popup.locator('.counts')).toHaveCount(0);
});

test('a page that is not a sequence is audited once the app navigates to one, without a reload', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.context.newPage();
  await page.goto('https://app.kartra.com/dashboard');
  await expect.poll(() => reports.frameKinds(page)).toEqual(['other']);
  // Kartra's app moves between its pages with the History API; this one shows no builder yet.
  await page.evaluate(() => history.pushState({}, '', '/marketing/sequences/edit/77'));
  const { report } = await reports.waitFor(page, (r) => r.page.kind !== 'other');
  expect(report.page).toEqual({
    kind: 'unrecognised',
    url: 'https://app.kartra.com/marketing/sequences/edit/77',
  });
  expect(report.counts.review).toBe(1);
});

test('the popup, options page, account overview and background worker load without errors', async ({
  kartra,
}) => {
  const errors: string[] = [];
  const worker = kartra.context.serviceWorkers()[0];
  expect(worker?.url()).toContain(`chrome-extension://${kartra.extensionId}/`);
  for (const path of ['popup.html', 'options.html', 'overview.html']) {
    const page = await kartra.context.newPage();
    page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${path}: ${message.text()}`);
    });
    await page.goto(`chrome-extension://${kartra.extensionId}/${path}`);
    await expect(page.locator('h1')).toBeVisible();
  }
  expect(errors).toEqual([]);
});

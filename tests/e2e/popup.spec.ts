import AxeBuilder from '@axe-core/playwright';
import { loadEditorSpec, loadFixture } from '../fixtures/sequences/fixtures';
import { longCourseSpec } from '../support/long-course-spec';
import { expect, test } from './extension-fixture';

test('the popup shows the sequence, its counts and its findings grouped by severity', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  const popup = await reports.openPopupFor(page);
  await expect(popup.getByRole('heading', { name: 'Masterclass replay follow-up' })).toBeVisible();
  await expect(popup.getByText('Running', { exact: true })).toBeVisible();
  await expect(popup.locator('.count--error')).toHaveText('1 error');
  const errors = popup.locator('details.group--error');
  await expect(errors).toHaveAttribute('open', '');
  await expect(errors.locator('.finding__message')).toContainText('Step 2');
  await expect(errors.locator('.finding__message')).toContainText('The replay comes down Friday');
  await expect(errors.locator('.finding__fix')).toContainText('Activate');
  await expect(errors.getByRole('link', { name: /Learn more/ })).toHaveAttribute(
    'href',
    /rules\.html#step-inactive$/,
  );
  await expect(popup.locator('.run-order')).toHaveText('1 → 2 → 3 → 4');
  await expect(popup.getByText('Tabs audited: Main')).toBeVisible();
});

test('clicking a finding scrolls the builder to its step and highlights it in the overlay', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('launch-sequence'));
  const popup = await reports.openPopupFor(page);
  const inactive = popup.locator('.finding', { hasText: 'inactive' }).first();
  const button = inactive.getByRole('button', { name: /^Show step/ });
  const ref = ((await button.textContent()) ?? '').replace('Show step ', '').trim();
  await button.click();
  await expect(popup.getByRole('status').filter({ hasText: 'highlighted' })).toBeVisible();
  const card = page.locator('.js_sequence_step', {
    has: page.locator('.step_number', { hasText: new RegExp(`^${ref}$`) }),
  });
  // The highlight is drawn around the card, in the overlay, not on Kartra's card; it fades after
  // a moment, so both boxes are read at once.
  const around = () =>
    card.evaluate((element) => {
      const highlight = document.querySelector('kartra-auditor-ui')?.shadowRoot?.querySelector('.highlight');
      if (!highlight) return 'no highlight';
      const outer = highlight.getBoundingClientRect();
      const inner = element.getBoundingClientRect();
      return (
        outer.left < inner.left &&
        outer.top < inner.top &&
        outer.right > inner.right &&
        outer.bottom > inner.bottom
      );
    });
  await expect.poll(around).toBe(true);
  await expect(card).toBeInViewport();
  expect(await card.evaluate((element) => element.querySelector('kartra-auditor-ui'))).toBeNull();
});

test('on an unrecognised editor the popup says so and never says "no problems"', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.context.newPage();
  await page.route('https://app.kartra.com/marketing/sequences/edit/777', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<h1>Sequence editor</h1><div class="new_builder"></div>',
    }),
  );
  await page.goto('https://app.kartra.com/marketing/sequences/edit/777');
  const popup = await reports.openPopupFor(page);
  await expect(popup.getByRole('heading', { name: 'This builder page could not be read' })).toBeVisible();
  await expect(popup.getByText(/No errors or warnings/)).toHaveCount(0);
});

test('on the list page the popup names the paused sequences and explains the inverted icons', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadFixture('sequence-paused.list.fires').spec);
  const popup = await reports.openPopupFor(page);
  await expect(popup.getByText(/means the sequence is/)).toBeVisible();
  const paused = popup.locator('.finding');
  await expect(paused).not.toHaveCount(0);
  await expect(popup.getByText(/^\d+ paused sequences?:$/)).toBeVisible();
});

test('elsewhere the popup says how to open a sequence', async ({ kartra }) => {
  const popup = await kartra.context.newPage();
  await popup.goto(`chrome-extension://${kartra.extensionId}/popup.html?tabId=999999`);
  await expect(popup.getByText(/Open a sequence in Kartra/)).toBeVisible();
});

test('the popup and options page pass axe-core with no violations, in light and dark themes', async ({
  kartra,
  reports,
}) => {
  test.setTimeout(180_000);
  const page = await kartra.openSpec(loadEditorSpec('launch-sequence'));
  const popup = await reports.openPopupFor(page);
  await expect(popup.locator('.finding').first()).toBeVisible();
  // The export buttons load after the counts: checked too.
  await expect(popup.getByRole('button', { name: 'Step map (Markdown)' })).toBeVisible();
  const options = await kartra.context.newPage();
  await options.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    for (const surface of [popup, options]) {
      await surface.emulateMedia({ colorScheme: scheme });
      // Open every group so collapsed findings are checked too.
      await surface.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      // A group draws its findings once opened.
      await expect(surface.locator('details.group:not(:has(.findings))')).toHaveCount(0);
      const results = await new AxeBuilder({ page: surface }).analyze();
      expect(results.violations.map((violation) => `${scheme} ${surface.url()}: ${violation.id}`)).toEqual(
        [],
      );
    }
  }
});

test('the popup works by keyboard: Tab reaches the findings and Enter locates a step', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  const popup = await reports.openPopupFor(page);
  // The finding's button (the Timeline below has one on every row too).
  const show = popup.locator('.finding').getByRole('button', { name: 'Show step 2' });
  await expect(show).toBeVisible();
  for (let presses = 0; presses < 30; presses++) {
    if (await show.evaluate((element) => element === document.activeElement)) break;
    await popup.keyboard.press('Tab');
  }
  await expect(show).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status').filter({ hasText: 'Step 2 is highlighted' })).toBeVisible();
});

test('a long report opens fast: closed groups draw nothing until opened, long groups show 20 first', async ({
  kartra,
  reports,
}) => {
  // 120 inactive emails in a row: 120 errors.
  const spec = longCourseSpec('7120', false);
  const page = await kartra.openSpec(spec);
  const { report } = await reports.waitFor(page, (latest) => latest.counts.error >= 120);
  const tips = report.findings.filter((finding) => finding.kind === 'fail' && finding.severity === 'info');
  const popup = await reports.openPopupFor(page);

  const errors = popup.locator('details.group--error');
  await expect(errors.locator('summary')).toHaveText(`Errors (${report.counts.error})`);
  await expect(errors.locator('.finding')).toHaveCount(20);
  const more = errors.getByRole('button', { name: /^Show all/ });
  await expect(more).toHaveText(`Show all ${report.counts.error} (${report.counts.error - 20} more)`);
  await more.click();
  await expect(errors.locator('.finding')).toHaveCount(report.counts.error);
  await expect(more).toHaveCount(0);
  await expect(errors.getByText('Lesson 120', { exact: false })).toBeVisible();

  // The real order of 121 steps starts short, and the whole order is one click away.
  const order = popup.locator('.run-order');
  await expect(order).toHaveText(/^1 → 2 → .* → 40 → … \(81 more\)$/);
  await popup.getByRole('button', { name: 'Show the whole order (121 steps)' }).click();
  await expect(order).toHaveText(report.runOrder.join(' → '));

  // The closed Tips group (120 emails is over the "too many emails" limit) holds nothing until
  // the user opens it.
  expect(tips.length).toBeGreaterThan(0);
  const group = popup.locator('details.group--info');
  await expect(group.locator('summary')).toHaveText(`Tips (${tips.length})`);
  await expect(group.locator('.finding')).toHaveCount(0);
  await group.locator('summary').click();
  await expect(group.locator('.finding')).toHaveCount(Math.min(20, tips.length));
});

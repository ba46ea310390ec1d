import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { expect, test } from './extension-fixture';

/**
 * The options page's Quiet hours, end to end: what is chosen there is stored and decides which
 * of the popup's timeline rows and chart marks are quiet.
 */

async function enter(popup: Page, local: string): Promise<void> {
  const timeline = popup.getByRole('region', { name: 'Timeline' });
  await timeline.getByLabel('Contact enters').fill(local);
  await timeline.getByRole('button', { name: 'Show', exact: true }).click();
}

const firstEmail = (popup: Page) =>
  popup
    .getByRole('region', { name: 'Timeline' })
    .locator('tr.timeline__row')
    .filter({ has: popup.getByRole('button', { name: 'Show step 1', exact: true }) });

test('quiet hours set on the options page decide which timeline messages are marked', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('launch-sequence'));
  let popup = await reports.openPopupFor(page);
  // The defaults: 9 PM to 8 AM, and weekends. Saturday 9:30 PM is both.
  await enter(popup, '2031-03-01T21:30');
  await expect(firstEmail(popup).locator('.timeline__quiet')).toHaveText('Weekend, Night');
  await popup.close();

  const options = await kartra.context.newPage();
  await options.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  const quiet = options.getByRole('group', { name: 'Quiet hours' });
  await quiet.getByLabel('From').selectOption({ label: '10:00 PM' });
  await expect(options.getByRole('status')).toContainText('Saved');
  await quiet.getByLabel('to', { exact: true }).selectOption({ label: '7:00 AM' });
  await quiet.getByLabel('Weekends count as quiet').uncheck();
  await expect(options.getByRole('status')).toContainText('Saved');
  await expect(quiet.locator('#quiet-hours-help')).toHaveText(
    "A message that lands from 10:00 PM to 7:00 AM (account time zone) is marked in the popup's timeline.",
  );
  const results = await new AxeBuilder({ page: options }).include('.quiet-hours').analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);

  // Read back as stored: a new options page shows the same choice.
  await options.reload();
  await expect(quiet.getByLabel('From')).toHaveValue('22');
  await expect(quiet.getByLabel('to', { exact: true })).toHaveValue('7');
  await expect(quiet.getByLabel('Weekends count as quiet')).not.toBeChecked();
  await options.close();

  popup = await reports.openPopupFor(page);
  await enter(popup, '2031-03-01T21:30');
  await expect(firstEmail(popup).locator('.timeline__when')).toHaveText('Sat 1 Mar 2031, 9:30 PM · day 0');
  await expect(firstEmail(popup).locator('.timeline__quiet')).toHaveCount(0);
  await enter(popup, '2031-03-01T22:30');
  await expect(firstEmail(popup).locator('.timeline__quiet')).toHaveText('Night');
  const mark = popup.locator('svg.timeline-chart circle[data-ref="1"]').first();
  await expect(mark).toHaveClass(/timeline-chart__mark--quiet/);
});

import AxeBuilder from '@axe-core/playwright';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { expect, test } from './extension-fixture';

declare const chrome: {
  tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> };
  action: {
    getBadgeText(details: { tabId?: number }): Promise<string>;
    getTitle(details: { tabId?: number }): Promise<string>;
  };
};

test('a finding accepted with a reason leaves the counts, the badge and the card; it stays accepted after a reload and can be restored', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  await reports.waitFor(page, (r) => r.counts.error === 1);
  const toolbar = async () => {
    const bridge = await reports.bridge();
    return bridge.evaluate(async (url) => {
      const [tab] = (await chrome.tabs.query({})).filter((candidate) => candidate.url === url);
      const details = { tabId: tab?.id };
      return {
        text: await chrome.action.getBadgeText(details),
        title: await chrome.action.getTitle(details),
      };
    }, page.url());
  };
  const badgeText = async () => (await toolbar()).text;
  await expect.poll(badgeText).toBe('1');
  const cardBadge = page.locator('kartra-auditor-ui').getByRole('button', { name: /^Step 2:/ });
  await expect(cardBadge).toHaveCount(1);

  const popup = await reports.openPopupFor(page);
  const errors = popup.locator('details.group--error');
  await errors.getByRole('button', { name: 'Accept…' }).click();
  await errors.getByLabel('Why it is fine (optional)').fill('Kept off until the replay is recorded');
  // Nothing is accepted before the confirmation.
  expect((await reports.current(page))?.report?.counts.error).toBe(1);
  await errors.getByRole('button', { name: 'Accept', exact: true }).click();

  await expect(popup.locator('.count--error')).toHaveText('0 errors');
  await expect(popup.locator('.count--accepted')).toHaveText('1 accepted');
  const accepted = popup.locator('details.group--accepted');
  await accepted.locator('summary').click();
  await expect(accepted).toContainText('Kept off until the replay is recorded');
  await expect(accepted).toContainText('step 2');
  expect((await new AxeBuilder({ page: popup }).analyze()).violations).toEqual([]);
  await expect.poll(badgeText).toBe('');
  expect((await toolbar()).title).toMatch(/1 accepted/);
  await expect(cardBadge).toHaveCount(0);
  const { report } = await reports.waitFor(page, (r) => (r.accepted?.length ?? 0) === 1);
  expect(report.counts.error).toBe(0);
  expect(report.accepted?.[0]).toMatchObject({
    ruleId: 'step-inactive',
    steps: ['2'],
    reason: 'Kept off until the replay is recorded',
  });

  // Kept in the browser: the same sequence opened again is still accepted.
  await page.reload();
  await reports.waitFor(page, (r) => r.counts.error === 0 && (r.accepted?.length ?? 0) === 1);

  const again = await reports.openPopupFor(page);
  const list = again.locator('details.group--accepted');
  await list.locator('summary').click();
  await list.getByRole('button', { name: /^Restore/ }).click();
  await expect(again.locator('.count--error')).toHaveText('1 error');
  await expect(again.locator('details.group--accepted')).toHaveCount(0);
  await expect.poll(badgeText).toBe('1');
  expect((await toolbar()).title).not.toMatch(/accepted/);

  // The options page shows what is kept, and forgets it all.
  await again.locator('details.group--error').getByRole('button', { name: 'Accept…' }).click();
  await again.locator('details.group--error').getByRole('button', { name: 'Accept', exact: true }).click();
  await reports.waitFor(page, (r) => r.counts.error === 0);
  const options = await kartra.context.newPage();
  await options.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  const kept = options.getByRole('region', { name: 'Accepted findings' });
  await expect(kept).toContainText('1 finding accepted on 1 sequence');
  await kept.getByRole('button', { name: 'Forget all accepted findings' }).click();
  await expect(kept).toContainText('None');
  await reports.waitFor(page, (r) => r.counts.error === 1 && r.accepted === undefined);
});

test('a finding accepted on its card, in the panel the badge opens, leaves the card and the counts', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  await reports.waitFor(page, (r) => r.counts.error === 1);
  const overlay = page.locator('kartra-auditor-ui');
  await overlay.getByRole('button', { name: /^Step 2:/ }).click();
  const panel = overlay.getByRole('dialog', { name: 'Step 2 findings' });
  await panel.getByRole('button', { name: 'Accept…' }).click();
  await panel.getByLabel('Why it is fine (optional)').fill('Replay not recorded yet');
  await panel.getByRole('button', { name: 'Accept', exact: true }).click();
  const { report } = await reports.waitFor(page, (r) => r.counts.error === 0);
  expect(report.accepted?.[0]).toMatchObject({ ruleId: 'step-inactive', reason: 'Replay not recorded yet' });
  await expect(overlay.getByRole('button', { name: /^Step 2:/ })).toHaveCount(0);
  // Nothing of the page was touched: the step is still inactive in the builder.
  await expect(page.locator('.js_sequence_step', { hasText: 'Inactive' })).toHaveCount(1);

  const popup = await reports.openPopupFor(page);
  const accepted = popup.locator('details.group--accepted');
  await accepted.locator('summary').click();
  await accepted.getByRole('button', { name: /^Restore/ }).click();
  await reports.waitFor(page, (r) => r.counts.error === 1 && r.accepted === undefined);
});

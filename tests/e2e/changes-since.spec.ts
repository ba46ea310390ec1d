import { readFileSync } from 'node:fs';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { expect, test } from './extension-fixture';

test('a later visit of a sequence says what was fixed and what is new since the earlier one', async ({
  kartra,
  reports,
}) => {
  const before = loadEditorSpec('step-inactive.fires');
  const page = await kartra.openSpec(before);
  await reports.waitFor(page, (r) => r.counts.error === 1);
  const first = await reports.openPopupFor(page);
  // The first visit has nothing to compare with.
  await expect(first.locator('.count--error')).toHaveText('1 error');
  await expect(first.locator('.changes')).toHaveCount(0);
  await first.close();

  // Later, step 2 activated and saved in Kartra, and a public name dropped: the sequence opened again.
  const after = structuredClone(before);
  for (const step of after.steps) if (step.ref === '2') step.active = true;
  after.publicName = '';
  await page.goto('about:blank');
  const again = await kartra.openSpec(after, {}, page);
  await reports.waitFor(again, (r) => r.counts.error === 0);
  const popup = await reports.openPopupFor(again);
  const changes = popup.locator('details.changes');
  await expect(changes.locator('summary')).toHaveText(/^Since .+: 1 fixed, 1 new$/);
  await changes.locator('summary').click();
  await expect(changes).toContainText('Fixed: Step is not activated (step 2)');
  await expect(changes).toContainText('New: Public name is weak');

  // The exports carry it too.
  const [file] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'Markdown', exact: true }).click(),
  ]);
  const markdown = readFileSync(await file.path(), 'utf8');
  expect(markdown).toMatch(/## Changes since \d{4}-\d{2}-\d{2}: 1 fixed, 1 new/);
  expect(markdown).toContain('- Fixed: step-inactive, Step 2');

  // The options page says what is kept, and forgets it.
  const options = await kartra.context.newPage();
  await options.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  const kept = options.getByRole('region', { name: 'Audit history' });
  await expect(kept).toContainText('What 2 visits of 1 sequence found');
  await kept.getByRole('button', { name: 'Forget the history' }).click();
  await expect(kept).toContainText('None yet');
});

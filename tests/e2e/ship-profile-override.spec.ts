import { kartraProfile } from '../../lib/kartra/profile';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { expect, test } from './extension-fixture';

declare const chrome: { storage: { local: { remove(key: string): Promise<void> } } };

const OVERRIDE_NAME = 'Test override: the builder moved';

/** The built-in profile with the builder root somewhere this page does not have it. */
function movedBuilderProfile(): string {
  const profile = structuredClone(kartraProfile);
  profile.name = OVERRIDE_NAME;
  profile.editor.root = '.js_sequence_builder_v2';
  return JSON.stringify(profile, null, 2);
}

// The browser is shared by the worker's tests: never leave an override behind.
test.afterEach(async ({ kartra }) => {
  const page = await kartra.context.newPage();
  await page.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  await page.evaluate(() => chrome.storage.local.remove('profileOverride'));
  await page.close();
});

test('a profile override from the options page applies to an open builder at once, and resets', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  const before = await reports.waitFor(page);
  expect(before.report.page.kind).toBe('editor');
  expect(before.report.counts.error).toBe(1);

  const options = await kartra.context.newPage();
  await options.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  const advanced = options.getByRole('region', { name: 'Advanced' });
  await expect(advanced.locator('.active-profile')).toHaveText(
    `Active profile: ${kartraProfile.name} (built-in)`,
  );
  await expect(options.locator('.tool-version')).toHaveText(/^Kartra Sequence Auditor \d+\.\d+\.\d+$/);

  // A broken profile is refused with the field and the problem, and changes nothing.
  const broken = structuredClone(kartraProfile) as unknown as { card: { fields: { timing: string } } };
  broken.card.fields.timing = '';
  await advanced.getByLabel('Profile JSON').fill(JSON.stringify(broken));
  await advanced.getByRole('button', { name: 'Apply profile' }).click();
  await expect(advanced.locator('#profile-problems')).toHaveText(
    'card.fields.timing: expected a non-empty string',
  );
  await expect(advanced.getByRole('status')).toHaveText('Not applied: fix the problems listed above.');
  await expect(advanced.locator('.active-profile')).toContainText('(built-in)');

  // A valid profile, loaded from a file, applies without reloading the builder tab.
  await advanced.getByLabel('Or load a file:').setInputFiles({
    name: 'profile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(movedBuilderProfile()),
  });
  await expect(advanced.getByLabel('Profile JSON')).toHaveValue(movedBuilderProfile());
  await advanced.getByRole('button', { name: 'Apply profile' }).click();
  await expect(advanced.getByRole('status')).toContainText(`Applied "${OVERRIDE_NAME}"`);
  await expect(advanced.locator('.active-profile')).toHaveText(
    `Active profile: ${OVERRIDE_NAME} (your override)`,
  );
  // The override no longer finds the builder, so the extension reads it with a profile inferred
  // from the page, and the popup says so and offers to keep that profile.
  const moved = await reports.waitFor(page, (report) => report.coverage.reading?.profile === 'inferred');
  expect(moved.report.page.kind).toBe('editor');
  const tabId = await reports.tabIdOf(page);
  const popup = await kartra.context.newPage();
  await popup.goto(`chrome-extension://${kartra.extensionId}/popup.html?tabId=${tabId}`);
  await expect(popup.locator('.reading--inferred')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Keep this profile' })).toBeVisible();
  await expect(popup.locator('.tool-version')).toHaveText(/^Kartra Sequence Auditor \d+\.\d+\.\d+$/);
  await popup.close();

  // Reset: the built-in profile reads the builder again, still without a reload.
  await advanced.getByRole('button', { name: 'Reset to the built-in profile' }).click();
  await expect(advanced.locator('.active-profile')).toHaveText(
    `Active profile: ${kartraProfile.name} (built-in)`,
  );
  const back = await reports.waitFor(page, (report) => report.coverage.reading?.profile === 'built-in');
  expect(back.report.findings.map((f) => f.ruleId)).toEqual(before.report.findings.map((f) => f.ruleId));
});

test('a partial override holds only what differs: it is merged over the built-in profile and applies at once', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  const before = await reports.waitFor(page);
  expect(before.report.coverage.reading?.profile).toBe('built-in');

  const options = await kartra.context.newPage();
  await options.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  const advanced = options.getByRole('region', { name: 'Advanced' });

  // A partial override is validated merged over the built-in profile: the field is named.
  await advanced.getByLabel('Profile JSON').fill('{ "card": { "fields": { "timing": "" } } }');
  await advanced.getByRole('button', { name: 'Apply profile' }).click();
  await expect(advanced.locator('#profile-problems')).toHaveText(
    'card.fields.timing: expected a non-empty string',
  );
  await expect(advanced.locator('.active-profile')).toContainText('(built-in)');

  // Only the timing selector changes (to an equivalent one): the page is read with the override,
  // whose every other field is the built-in profile's, to the same findings.
  await advanced
    .getByLabel('Profile JSON')
    .fill('{ "card": { "fields": { "timing": ".js_sequence_step .step_timing" } } }');
  await advanced.getByRole('button', { name: 'Apply profile' }).click();
  await expect(advanced.getByRole('status')).toContainText(
    `Applied your changes over "${kartraProfile.name}"`,
  );
  await expect(advanced.locator('.active-profile')).toHaveText(
    `Active profile: ${kartraProfile.name} (your override)`,
  );
  const partial = await reports.waitFor(page, (report) => report.coverage.reading?.profile === 'override');
  expect(partial.report.page.kind).toBe('editor');
  expect(partial.report.findings.map((f) => f.ruleId)).toEqual(before.report.findings.map((f) => f.ruleId));

  await advanced.getByRole('button', { name: 'Reset to the built-in profile' }).click();
  const back = await reports.waitFor(page, (report) => report.coverage.reading?.profile === 'built-in');
  expect(back.report.findings.map((f) => f.ruleId)).toEqual(before.report.findings.map((f) => f.ruleId));
});

test('a stored override that does not validate is ignored: the built-in profile reads the page', async ({
  kartra,
  reports,
}) => {
  const options = await kartra.context.newPage();
  await options.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  await options.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
    ).chrome.storage.local.set({ profileOverride: { name: 'half a profile', editor: { root: '' } } }),
  );
  await expect(options.locator('.profile-override .notice')).toContainText('could not be used');
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  const { report } = await reports.waitFor(page);
  expect(report.page.kind).toBe('editor');
  expect(report.counts.error).toBe(1);
});

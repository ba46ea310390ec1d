import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { expect, test } from './extension-fixture';

/**
 * The account time zone setting, end to end: the options page refuses a zone that does not
 * exist with a message naming it, keeps a real one, and the audit then reads dates in it and
 * names it (and names the browser's zone as such while nothing is set).
 */
test('the account time zone: refused when unknown, used and named once set', async ({ kartra, reports }) => {
  const spec = loadEditorSpec('date-specific-step.fires');
  const dateMessage = async () => {
    const page = await kartra.openSpec(spec);
    const { report } = await reports.auditEveryTab(page);
    await page.close();
    return report.findings.find((f) => f.ruleId === 'date-specific-step')?.message ?? '';
  };
  expect(await dateMessage()).toContain("(your browser's time zone)");

  const options = await kartra.context.newPage();
  await options.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  const field = options.getByLabel("Your Kartra account's time zone");
  try {
    await field.fill('Europe/Atlantis');
    await field.blur();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(options.locator('#account-time-zone-help')).toContainText(
      '"Europe/Atlantis" is not a time zone name',
    );
    await expect(options.getByRole('status')).toHaveText('Not saved: fix the field marked above.');

    await field.fill('Australia/Sydney');
    await field.blur();
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await expect(options.getByRole('status')).toContainText('Saved');

    const message = await dateMessage();
    expect(message).toContain('Australia/Sydney');
    expect(message).not.toContain('browser');
  } finally {
    // The browser is shared by the worker's tests: leave the setting as it was.
    await field.fill('');
    await field.blur();
    await expect(options.getByRole('status')).toContainText('Saved');
    await options.close();
  }
});

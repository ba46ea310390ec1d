import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { expect, test } from './extension-fixture';

/**
 * House rules, end to end: a choice in the options page changes what a rule finds and says on the
 * builder, and the report states the house rules it was checked against.
 */
test('a house rule changes a rule’s finding and its words, and the report states it', async ({
  kartra,
  reports,
}) => {
  const spec = loadEditorSpec('path-without-ending.passes');
  const audit = async () => {
    const page = await kartra.openSpec(spec);
    const { report } = await reports.auditEveryTab(page);
    await page.close();
    return report;
  };
  const before = await audit();
  expect(before.findings.filter((f) => f.ruleId === 'path-without-ending')).toEqual([]);
  expect(before.houseRules?.find((r) => r.option === 'ending')).toMatchObject({
    value: 'either',
    isDefault: true,
  });

  const options = await kartra.context.newPage();
  await options.goto(`chrome-extension://${kartra.extensionId}/options.html`);
  const ending = options.getByLabel('How every path ends');
  try {
    await ending.selectOption('unsubscribe');
    await expect(options.getByRole('status')).toContainText('Saved');
    const limit = options.getByLabel('Most email steps in one sequence');
    await limit.fill('0');
    await expect(limit).toHaveAttribute('aria-invalid', 'true');
    await expect(options.locator('#house-too-many-emails-limit-help')).toHaveText(
      'Not saved: a whole number from 1 to 1000.',
    );

    const after = await audit();
    const ends = after.findings.filter((f) => f.ruleId === 'path-without-ending');
    expect(ends.length).toBeGreaterThan(0);
    for (const finding of ends) {
      expect(finding.messageId).toBe('otherEnding');
      expect(finding.message).toContain('your house rule is to end paths with an unsubscribe step');
      expect(finding.fix).toContain('an unsubscribe step (your house rule)');
    }
    expect(after.houseRules?.find((r) => r.option === 'ending')).toMatchObject({
      value: 'unsubscribe',
      isDefault: false,
    });
    // The refused limit was not saved: the rule keeps its default.
    expect(after.houseRules?.find((r) => r.option === 'limit')).toMatchObject({ value: 10, isDefault: true });
  } finally {
    // The browser is shared by the worker's tests: leave the setting as it was.
    await ending.selectOption('either');
    await expect(options.getByRole('status')).toContainText('Saved');
    await options.close();
  }
});

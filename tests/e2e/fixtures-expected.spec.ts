import { loadFixtures } from '../fixtures/sequences/fixtures';
import { findingDifferences } from '../support/expected-findings';
import { expect, test } from './extension-fixture';

/**
 * The axe-core style fixture test, end to end: each fixture spec rendered in the replica and
 * audited by the built extension (every sub-sequence tab opened, as a user would) produces its
 * expected findings and nothing more at error or warning severity.
 */
for (const fixture of loadFixtures()) {
  const expected = fixture.expected;
  test(`expected findings: ${fixture.name}`, async ({ kartra, reports }) => {
    const page = await kartra.openSpec(fixture.spec);
    const tabs = page.locator('.js_subsequence_tab');
    const count = await tabs.count();
    for (let index = 1; index < count; index++) {
      const label = ((await tabs.nth(index).textContent()) ?? '').trim();
      await tabs.nth(index).click();
      await reports.waitFor(page, (report) => report.coverage.tabsAudited.includes(label));
    }
    const { report } = await reports.waitFor(page);
    expect(findingDifferences(expected.findings, report.findings)).toEqual([]);
  });
}

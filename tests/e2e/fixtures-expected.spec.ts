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
    const { report } = await reports.auditEveryTab(page);
    expect(findingDifferences(expected.findings, report.findings)).toEqual([]);
  });
}

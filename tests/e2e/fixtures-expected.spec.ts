import { loadFixtures } from '../fixtures/sequences/fixtures';
import { auditFixture } from '../support/audit-fixture';
import { findingDifferences } from '../support/expected-findings';
import { expect, test } from './extension-fixture';

/**
 * The axe-core style fixture test, end to end: each fixture spec rendered in the replica and
 * audited by the built extension (every sub-sequence tab opened, as a user would) produces its
 * expected findings and nothing more at error or warning severity. A fixture with `edits` has
 * them made on the canvas after the extension's first audit, as its owner would.
 */
for (const fixture of loadFixtures()) {
  test(`expected findings: ${fixture.name}`, async ({ kartra, reports }) => {
    const { report } = await auditFixture(kartra, reports, fixture);
    expect(findingDifferences(fixture.expected.findings, report.findings)).toEqual([]);
  });
}

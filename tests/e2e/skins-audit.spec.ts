import { loadFixtures } from '../fixtures/sequences/fixtures';
import { SKIN_NAMES } from '../replica/skin';
import { auditFixture } from '../support/audit-fixture';
import { skinVerdict } from '../support/skin-findings';
import { expect, test } from './extension-fixture';

/**
 * Every fixture on every skin, audited by the built extension as a user would (each tab opened):
 * the report has the fixture's expected findings (what the default skin gives), or, where the
 * extension could not read the foreign markup, reviews in their place; never a fail the default
 * skin does not give, and never a clean report for a page it did not read. The outcome
 * (same / reviews) is attached to each test as an annotation, for counting per skin.
 */
const skins = SKIN_NAMES.filter((name) => name !== 'default');

for (const fixture of loadFixtures()) {
  test.describe(fixture.name, () => {
    for (const skin of skins) {
      test(`on skin ${skin}: the default skin's findings, or reviews where it could not read`, async ({
        kartra,
        reports,
      }) => {
        // A reader that cannot follow the tabs still has a report for what it saw; judge that one.
        const { report } = await auditFixture(kartra, reports, fixture, skin, (error) => {
          test.info().annotations.push({ type: 'tabs', description: error.message });
        });
        const verdict = skinVerdict(fixture.expected.findings, report.findings);
        const seen = `page ${report.page.kind}, ${report.findings.length} findings`;
        test.info().annotations.push({ type: 'outcome', description: `${verdict.outcome} (${seen})` });
        expect(verdict.outcome === 'wrong' ? verdict.problems : [], `${skin}: ${seen}`).toEqual([]);
      });
    }
  });
}

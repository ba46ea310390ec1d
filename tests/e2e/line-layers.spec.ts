import { loadFixtures } from '../fixtures/sequences/fixtures';
import { factsHidden, NAMED_SKINS } from '../replica/skin';
import { auditFixture } from '../support/audit-fixture';
import { findingDifferences } from '../support/expected-findings';
import { hiddenFactProblems } from '../support/hidden-facts';
import { expect, test } from './extension-fixture';

/**
 * Lines the reader cannot trace. Every editor fixture, audited as its owner meets it
 * (tests/support/audit-fixture.ts), on `canvas-lines` (lines painted on a <canvas>, no element per
 * line): the rules that follow the lines say "needs review" with the reason, never "not
 * connected" or "unreachable", every other rule says what it says on the default skin, and the
 * report is never clean. The default skin's report of the same fixture is checked exact first, so
 * a review is not mistaken for a pass. (Lines the reader can
 * trace wherever they are drawn, as `sibling-edges` lays them out, are held exact in
 * fixtures.spec.ts.)
 */
test.describe.configure({ mode: 'parallel' });

const fixtures = loadFixtures().filter((fixture) => fixture.page === 'editor');

// Fixture by fixture across the workers, each in its worker's kept tab.
test.describe('skin canvas-lines', () => {
  const hidden = factsHidden(NAMED_SKINS['canvas-lines']);
  for (const fixture of fixtures) {
    test(`${fixture.name}: line rules review, the others as on the default skin`, async ({
      kartra,
      reports,
      tab,
    }) => {
      const plain = await auditFixture(kartra, reports, fixture, 'default', undefined, tab);
      expect(findingDifferences(fixture.expected.findings, plain.report.findings)).toEqual([]);
      const { report } = await auditFixture(kartra, reports, fixture, 'canvas-lines', undefined, tab);
      expect(hiddenFactProblems(hidden, /<canvas>/, plain.report.findings, report.findings)).toEqual([]);
    });
  }
});

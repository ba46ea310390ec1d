import { loadFixture } from '../fixtures/sequences/fixtures';
import { auditFixture } from '../support/audit-fixture';
import { expect, test } from './extension-fixture';

/**
 * Tests share one browser per worker, so what one test showed the extension must not decide
 * another's report: here a list page showing sequence 2231 running, then that sequence's editor
 * in a skin whose status icon the extension cannot read. Remembered, the list would make the
 * paused sequence look clean; each test starts from a fresh install's storage instead.
 */
test.describe
  .serial('each test starts with the extension as freshly installed', () => {
    test('a list page shows sequence 2231 running', async ({ kartra, reports }) => {
      const { report } = await auditFixture(kartra, reports, loadFixture('sequence-paused.list.passes'));
      expect(report.findings.filter((f) => f.ruleId === 'sequence-paused')).toEqual([]);
    });

    test('the next test does not inherit it: the unread status is a review', async ({ kartra, reports }) => {
      const { report } = await auditFixture(kartra, reports, loadFixture('sequence-paused.fires'), 'renamed');
      const paused = report.findings.filter((f) => f.ruleId === 'sequence-paused');
      expect(paused.map((f) => f.kind)).toEqual(['review']);
    });
  });

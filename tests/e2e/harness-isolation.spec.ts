import { loadFixture } from '../fixtures/sequences/fixtures';
import { auditFixture } from '../support/audit-fixture';
import { expect, test } from './extension-fixture';

/**
 * Tests share one browser per worker, so what one test showed the extension must not decide
 * another's report: here a list page showing sequence 2231 running, then that sequence's editor
 * showing no status control. Remembered, the list would make the paused sequence look clean;
 * each test starts from a fresh install's storage instead.
 */
test.describe
  .serial('each test starts with the extension as freshly installed', () => {
    test('a list page shows sequence 2231 running', async ({ kartra, reports }) => {
      const { report } = await auditFixture(kartra, reports, loadFixture('sequence-paused.list.passes'));
      expect(report.findings.filter((f) => f.ruleId === 'sequence-paused')).toEqual([]);
    });

    test('the next test does not inherit it: the unread status is a review', async ({ kartra, reports }) => {
      const fires = loadFixture('sequence-paused.fires');
      if (fires.page !== 'editor') throw new Error('sequence-paused.fires is an editor fixture');
      const page = await kartra.openSpec({ ...fires.spec, statusControl: false });
      const { report } = await reports.waitFor(page);
      const paused = report.findings.filter((f) => f.ruleId === 'sequence-paused');
      expect(paused.map((f) => f.kind)).toEqual(['review']);
    });
  });

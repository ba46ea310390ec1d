import type { Page } from '@playwright/test';
import { loadFixtures } from '../fixtures/sequences/fixtures';
import type { EditorSpec } from '../replica/spec';
import { findingDifferences } from '../support/expected-findings';
import type { ExtensionReports } from '../support/extension-report';
import { performEdits } from '../support/replica-edits';
import { specAfterEdits } from '../support/spec-to-model';
import { expect, test } from './extension-fixture';

/**
 * The axe-core style fixture test, end to end: each fixture spec rendered in the replica and
 * audited by the built extension (every sub-sequence tab opened, as a user would) produces its
 * expected findings and nothing more at error or warning severity. A fixture with `edits` has
 * them made on the canvas after the extension's first audit, as its owner would.
 */

/** Until the extension's latest audit read every edited step as the edits left it. */
async function editsAudited(reports: ExtensionReports, page: Page, spec: EditorSpec): Promise<void> {
  const wanted = new Map(specAfterEdits(spec).steps.map((step) => [step.ref, step.active]));
  const edited = new Set((spec.edits ?? []).map((edit) => edit.step));
  await expect
    .poll(async () => {
      const current = await reports.current(page);
      if (current?.error !== null || current.page.kind !== 'editor') return false;
      const read = current.page.sequence.steps.filter((step) => edited.has(step.ref));
      return read.length === edited.size && read.every((step) => wanted.get(step.ref) === step.active);
    })
    .toBe(true);
}

for (const fixture of loadFixtures()) {
  const expected = fixture.expected;
  test(`expected findings: ${fixture.name}`, async ({ kartra, reports }) => {
    const page = await kartra.openSpec(fixture.spec);
    if (fixture.page === 'editor' && fixture.spec.edits?.length) {
      await reports.waitFor(page);
      await performEdits(page, fixture.spec.edits);
      await editsAudited(reports, page, fixture.spec);
    }
    const { report } = await reports.auditEveryTab(page);
    expect(findingDifferences(expected.findings, report.findings)).toEqual([]);
  });
}

import { expect, type Page } from '@playwright/test';
import type { Fixture } from '../fixtures/sequences/fixtures';
import type { KartraSession } from '../harness';
import type { SkinName } from '../replica/skin';
import type { EditorSpec } from '../replica/spec';
import type { Audited, ExtensionReports } from './extension-report';
import { performEdits } from './replica-edits';
import { specAfterEdits } from './spec-to-model';

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

/**
 * A fixture as its owner meets it: the page opened (in a skin; in `into`, a tab already open,
 * when given), the fixture's `edits` made on the canvas after the extension's first audit, then
 * every sub-sequence tab opened; the report then covers the whole sequence.
 * `onTabsUnfollowed`: what to do when the tabs cannot be followed.
 */
export async function auditFixture(
  kartra: KartraSession,
  reports: ExtensionReports,
  fixture: Fixture,
  skin: SkinName = 'default',
  onTabsUnfollowed?: (error: Error) => void,
  into?: Page,
): Promise<Audited> {
  const page = await kartra.openSpec(fixture.spec, { skin }, into);
  if (fixture.page === 'editor' && fixture.spec.edits?.length) {
    await reports.waitFor(page);
    await performEdits(page, fixture.spec.edits, skin);
    await editsAudited(reports, page, fixture.spec);
  }
  if (!onTabsUnfollowed) return reports.auditEveryTab(page);
  return reports.auditEveryTab(page).catch((error: Error) => {
    onTabsUnfollowed(error);
    return reports.waitFor(page);
  });
}

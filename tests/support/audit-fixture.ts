import { expect, type Page } from '@playwright/test';
import type { Fixture } from '../fixtures/sequences/fixtures';
import type { KartraSession } from '../harness';
import type { SkinName } from '../replica/skin';
import type { EditorSpec } from '../replica/spec';
import { type Audited, aboutPage, type ExtensionReports } from './extension-report';
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
      if (!aboutPage(page)(current.report)) return false;
      const read = current.page.sequence.steps.filter((step) => edited.has(step.ref));
      return read.length === edited.size && read.every((step) => wanted.get(step.ref) === step.active);
    })
    .toBe(true);
}

/**
 * A fixture as its owner meets it: the page opened (in a skin; in `into`, a tab already open,
 * when given, inside the app when that tab shows another sequence), the fixture's `edits` made
 * on the canvas after the extension's first audit, then every sub-sequence tab opened; the
 * report then covers the whole sequence. `onTabsUnfollowed`: what to do when the tabs cannot be
 * followed.
 */
export async function auditFixture(
  kartra: KartraSession,
  reports: ExtensionReports,
  fixture: Fixture,
  skin: SkinName = 'default',
  onTabsUnfollowed?: (error: Error) => void,
  into?: Page,
): Promise<Audited> {
  const page = await kartra.openSpec(fixture.spec, { skin, inApp: true }, into);
  if (fixture.page === 'editor' && fixture.spec.edits?.length) {
    await reports.waitFor(page, aboutPage(page));
    await performEdits(page, fixture.spec.edits, skin);
    await editsAudited(reports, page, fixture.spec);
  }
  if (!onTabsUnfollowed) return reports.auditEveryTab(page);
  return reports.auditEveryTab(page).catch((error: Error) => {
    onTabsUnfollowed(error);
    return reports.waitFor(page, aboutPage(page));
  });
}

/**
 * The fixtures in an order a kept tab can go through inside the app: no two sequences with the
 * same id in a row (the app opens another sequence in place; the same one again is a reload), the
 * sequence lists last. Otherwise in name order, so failures still read in a familiar order.
 */
export function inAppOrder<T extends Fixture>(fixtures: readonly T[]): T[] {
  const left = fixtures.filter((fixture) => fixture.page === 'editor');
  const ordered: T[] = [];
  let previous: string | null = null;
  while (left.length > 0) {
    const index = Math.max(
      0,
      left.findIndex((fixture) => fixture.page === 'editor' && fixture.spec.id !== previous),
    );
    const [next] = left.splice(index, 1) as [T];
    ordered.push(next);
    previous = next.page === 'editor' ? next.spec.id : null;
  }
  return [...ordered, ...fixtures.filter((fixture) => fixture.page === 'list')];
}

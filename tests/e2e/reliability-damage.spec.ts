import type { Page } from '@playwright/test';
import type { Report } from '../../lib/report';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { type DamageDone, damagePage, undoDamage } from '../support/damage';
import type { ExtensionReports } from '../support/extension-report';
import { expect, test } from './extension-fixture';

/**
 * 200 randomly damaged builder pages (8 fixtures × 25 seeded variants): after each damage the
 * extension re-audits in the real browser. It must not throw, the builder must keep working,
 * and the report must never call a damaged page clean when it is not:
 *
 * - an unrecognised page is always acceptable (the popup says nothing was checked);
 * - damage that touches only classes nothing reads must not change the findings at all;
 * - if the undamaged page had errors, warnings or reviews, the damaged one must too;
 * - damage to one card's texts (emptied, removed, garbled) or to the whole card must show in the
 *   report: a review finding, a coverage note, or a finding naming that card.
 *
 * Each damage is undone in place (same nodes back, listeners intact) and the report must return
 * to the original, so one page load serves many variants.
 */

const FIXTURES = [
  'launch-sequence',
  'step-inactive.fires',
  'split-branch-open.fires',
  'email-burst.fires',
  'instant-loop.fires',
  'subsequence-never-entered.fires',
  'path-without-ending.passes',
  'window-never-opens.passes',
];
const VARIANTS = 25;
const PREFIX = '[Kartra Auditor]';

type Counts = Report['counts'];
const notClean = (counts: Counts) => counts.error + counts.warning + counts.review > 0;
const signature = (report: Report) =>
  report.findings
    .map((finding) => `${finding.severity}/${finding.kind} ${finding.ruleId} [${finding.steps.join(',')}]`)
    .sort();

/** The first report the extension generated after `at` (the page's clock), so it read the page as it is now. */
async function reportAfter(
  reports: ExtensionReports,
  page: Page,
  at: number,
  also: (report: Report) => boolean = () => true,
): Promise<Report> {
  const { report } = await reports.waitFor(
    page,
    (latest) => Date.parse(latest.generatedAt) > at && also(latest),
    5000,
  );
  if (!report) throw new Error('no report');
  return report;
}

/** Why a damaged page's report is unacceptable, or null. */
export function judge(original: Report, damaged: Report, damage: DamageDone[]): string | null {
  if (damaged.page.kind === 'unrecognised') return null;
  if (damage.every((done) => done.kind === 'noise-class')) {
    const before = signature(original).join('\n');
    const after = signature(damaged).join('\n');
    return before === after ? null : `classes nothing reads changed the findings:\n${before}\n→\n${after}`;
  }
  if (notClean(original.counts) && !notClean(damaged.counts))
    return 'the damaged page is reported clean, the undamaged one was not';
  for (const done of damage) {
    const cardHit = ['empty-text', 'remove-text', 'garble-text', 'empty-card'].includes(done.kind);
    if (!cardHit || done.ref === null) continue;
    // A garbled text can still read as valid (a number bubble "1" garbled into "a1 b"): the card
    // must then be noticed some other way, which the rules below accept.
    const seen =
      damaged.counts.review > 0 ||
      damaged.coverage.notes.length > 0 ||
      damaged.findings.some((finding) => finding.steps.includes(done.ref as string));
    if (!seen) return `${done.detail}: no review, no note and no finding about step ${done.ref}`;
  }
  return null;
}

for (const [index, name] of FIXTURES.entries()) {
  test(`${name}: ${VARIANTS} damaged variants never crash the auditor, break the builder or pass as clean`, async ({
    kartra,
    reports,
  }) => {
    test.setTimeout(VARIANTS * 8_000);
    const page = await kartra.openSpec(loadEditorSpec(name));
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith(PREFIX)) errors.push(message.text());
    });
    page.on('pageerror', (error) => {
      // The replica's own scripts may fail on a damaged page; only the extension's errors count.
      if (
        `${error.stack ?? ''}${error.message}`.includes('chrome-extension://') ||
        error.message.includes(PREFIX)
      )
        errors.push(error.message);
    });
    const first = await reports.waitFor(page);
    const original = first.report as Report;
    await page.bringToFront();
    const problems: string[] = [];

    for (let variant = 0; variant < VARIANTS; variant++) {
      const seed = 1000 * (index + 1) + variant;
      const { done: damage, at } = await damagePage(page, { seed });
      const damaged = await reportAfter(reports, page, at);
      const verdict = judge(original, damaged, damage);
      if (verdict)
        problems.push(`seed ${seed} (${damage.map((done) => done.detail).join('; ')}): ${verdict}`);

      // The builder still works: a card nobody touched opens and closes its ⋮ menu. Clicks are
      // dispatched on the button: damage (a duplicated line, a lost class) may move things over it.
      const touched = new Set(damage.map((done) => done.ref));
      const survivors = page.locator('.js_sequence_step').filter({ has: page.locator('.js_step_menu') });
      const refs = await survivors.locator('.step_number').allTextContents();
      const untouched = refs.findIndex((ref) => !touched.has(ref));
      if (untouched >= 0 && damage.every((done) => done.kind !== 'duplicate-card')) {
        const card = survivors.nth(untouched);
        await card.locator('.js_step_menu').dispatchEvent('click');
        await expect(card.getByRole('menuitem')).toHaveCount(1);
        await card.locator('.js_step_menu').dispatchEvent('click');
        await expect(card.getByRole('menuitem')).toHaveCount(0);
      }

      // Put back, the page reads as it did before: the extension recovers with the page.
      const restoredAt = await undoDamage(page);
      await reportAfter(
        reports,
        page,
        restoredAt,
        (latest) => signature(latest).join() === signature(original).join(),
      );
    }
    expect(errors, 'errors from the content script').toEqual([]);
    expect(problems).toEqual([]);
  });
}

import type { Page } from '@playwright/test';
import type { Report } from '../../lib/audit/report';
import type { PageModel } from '../../lib/model/model';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { type DamageDone, damagePage, undoDamage } from '../support/damage';
import type { ExtensionReports } from '../support/extension-report';
import { runSeed } from '../support/run-seed';
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

type Audit = { report: Report; page: PageModel };

/** The first audit the extension made after `at` (the page's clock), so it read the page as it is now. */
async function auditAfter(
  reports: ExtensionReports,
  page: Page,
  at: number,
  also: (report: Report) => boolean = () => true,
): Promise<Audit> {
  const response = await reports.waitFor(
    page,
    (latest) => Date.parse(latest.generatedAt) > at && also(latest),
    5000,
  );
  if (!response.report || !response.page) throw new Error('no report');
  return { report: response.report, page: response.page };
}

const stepOf = (page: PageModel, ref: string) =>
  page.kind === 'editor' ? page.sequence.steps.find((step) => step.ref === ref) : undefined;

/** Why a damaged page's report is unacceptable, or null. */
function judge(original: Audit, damaged: Audit, damage: DamageDone[]): string | null {
  if (damaged.report.page.kind === 'unrecognised') return null;
  if (damage.every((done) => done.kind === 'noise-class')) {
    const before = signature(original.report).join('\n');
    const after = signature(damaged.report).join('\n');
    return before === after ? null : `classes nothing reads changed the findings:\n${before}\n→\n${after}`;
  }
  if (notClean(original.report.counts) && !notClean(damaged.report.counts))
    return 'the damaged page is reported clean, the undamaged one was not';
  for (const done of damage) {
    const cardHit = ['empty-text', 'remove-text', 'garble-text', 'empty-card'].includes(done.kind);
    if (!cardHit || done.ref === null) continue;
    // Provably irrelevant: the reader read that step exactly as before (a kind label lost while
    // the kind icon still says it all), or a title garbled into other text (any text is a title).
    const before = stepOf(original.page, done.ref);
    const after = stepOf(damaged.page, done.ref);
    // A title the same variant also garbled or emptied on this card is judged by its own damage:
    // the rest of the step must read as before (a kind label emptied beside a garbled title, the
    // kind still read from the icon).
    const titleAlsoHit = damage.some(
      (other) =>
        other !== done &&
        other.ref === done.ref &&
        other.field === '.step_title' &&
        (other.kind === 'garble-text' || other.kind === 'empty-text'),
    );
    const rest = (step: NonNullable<typeof before>) =>
      JSON.stringify(titleAlsoHit ? { ...step, title: null } : step);
    if (before && after && rest(before) === rest(after)) continue;
    if (done.kind === 'garble-text' && done.field === '.step_title') continue;
    // A title emptied is a card people make (a step with no title), read exactly as it shows when
    // nothing else about the step changed; an email without one is named by email-no-subject.
    if (done.kind === 'empty-text' && done.field === '.step_title' && before && after) {
      if (after.title === '' && JSON.stringify({ ...before, title: '' }) === JSON.stringify(after)) continue;
    }
    const seen =
      damaged.report.counts.review > 0 ||
      damaged.report.coverage.notes.length > 0 ||
      damaged.report.findings.some((finding) => finding.steps.includes(done.ref as string));
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
    const original = await auditAfter(reports, page, 0);
    await page.bringToFront();
    const problems: string[] = [];

    for (let variant = 0; variant < VARIANTS; variant++) {
      const seed = runSeed() + 1000 * (index + 1) + variant;
      const { done: damage, at } = await damagePage(page, { seed });
      const damaged = await auditAfter(reports, page, at);
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
      await auditAfter(
        reports,
        page,
        restoredAt,
        (latest) => signature(latest).join() === signature(original.report).join(),
      );
    }
    expect(errors, 'errors from the content script').toEqual([]);
    expect(problems).toEqual([]);
  });
}

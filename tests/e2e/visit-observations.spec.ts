import type { Page } from '@playwright/test';
import type { Report } from '../../lib/audit/report';
import { createTiming } from '../../lib/time/timing';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import type { ExtensionReports } from '../support/extension-report';
import { toggleFromMenu } from '../support/replica-edits';
import { expect, test } from './extension-fixture';

/**
 * What the extension keeps of a visit beyond the page on screen: the sequence list seen earlier
 * in the browser session, changes on the canvas not saved yet, and quiet when the page changes
 * outside the builder.
 */

const finding = (report: Report, ruleId: string) => report.findings.find((f) => f.ruleId === ruleId);
const unsavedNotice = (page: Page) =>
  page.locator('kartra-auditor-ui').getByRole('status').filter({ hasText: 'Unsaved changes' });

/** The messages of the popup's warnings group (opened as a user would), [] when it has none. */
async function popupWarnings(reports: ExtensionReports, page: Page): Promise<string[]> {
  const popup = await reports.openPopupFor(page);
  await popup.locator('.count--error').waitFor();
  const group = popup.locator('details.group--warning');
  let messages: string[] = [];
  if ((await group.count()) > 0) {
    await group.locator('summary').click();
    messages = await group.locator('.finding__message').allTextContents();
  }
  await popup.close();
  return messages;
}

test('an editor without a status control says what the sequence list showed earlier, and when', async ({
  kartra,
  reports,
}) => {
  const list = await kartra.openSpec({
    page: 'list',
    sequences: [
      { id: '3401', name: 'Spring webinar replay', status: 'paused', subscribers: 12, completed: 3 },
      { id: '3402', name: 'Welcome series', status: 'active', subscribers: 40, completed: 31 },
    ],
  });
  const seen = await reports.waitFor(list);
  const editor = await kartra.openSpec({
    ...loadEditorSpec('sequence-paused.passes'),
    id: '3401',
    statusControl: false,
    subscribers: 12,
  });
  await expect(editor.locator('.js_sequence_status')).toHaveCount(0);
  const { report } = await reports.waitFor(editor, (r) => finding(r, 'sequence-paused')?.kind === 'fail');
  const zone = await editor.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const at = createTiming(zone).formatLocal(new Date(seen.report.generatedAt)).slice(11);
  const paused = finding(report, 'sequence-paused');
  expect(paused?.message).toContain(`Paused, as the sequence list showed at ${at}`);
  expect(paused?.message).toContain('12 contacts are in it: they wait and get nothing until it runs again');
  expect(paused?.severity).toBe('error');
});

test('an editor without a status control, of a sequence not listed in this session, asks to look at the list', async ({
  kartra,
  reports,
}) => {
  const editor = await kartra.openSpec({
    ...loadEditorSpec('sequence-paused.passes'),
    id: '3409',
    statusControl: false,
  });
  const { report } = await reports.waitFor(editor);
  const paused = finding(report, 'sequence-paused');
  expect(paused?.kind).toBe('review');
  expect(paused?.message).toContain('sequence list');
  expect(paused?.message).toMatch(/⏸\) there means running; a green play icon \(▶\) means paused/);
});

test('the sequence list opened in another tab reaches an editor already open, without a reload', async ({
  kartra,
  reports,
}) => {
  const editor = await kartra.openSpec({
    ...loadEditorSpec('sequence-paused.passes'),
    id: '3410',
    statusControl: false,
    subscribers: 5,
  });
  const before = await reports.waitFor(editor);
  expect(finding(before.report, 'sequence-paused')?.kind).toBe('review');
  const list = await kartra.openSpec({
    page: 'list',
    sequences: [
      { id: '3410', name: 'Spring webinar replay', status: 'paused', subscribers: 5, completed: 0 },
    ],
  });
  await reports.waitFor(list);
  // The background keeps what the list showed and tells the other tabs; the editor audits again.
  const { report } = await reports.waitFor(editor, (r) => finding(r, 'sequence-paused')?.kind === 'fail');
  expect(finding(report, 'sequence-paused')?.message).toContain('Paused, as the sequence list showed at');
});

test('a step activated from its ⋮ menu is unsaved until Save Progress is clicked', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  const loaded = await reports.waitFor(page);
  expect(finding(loaded.report, 'changes-not-saved')).toBeUndefined();
  await expect(page.locator('.js_save_state')).toHaveText('All changes saved');

  await toggleFromMenu(page, '2', 'activate');
  await expect(page.locator('.js_save_state')).toHaveText('Unsaved changes');
  const changed = await reports.waitFor(page, (r) => finding(r, 'changes-not-saved') !== undefined);
  const unsaved = finding(changed.report, 'changes-not-saved');
  expect(unsaved?.severity).toBe('warning');
  expect(unsaved?.steps).toEqual(['2']);
  expect(unsaved?.message).toContain('step 2 activated');
  // The canvas looks fixed: step-inactive is quiet, which is exactly why the warning matters.
  expect(finding(changed.report, 'step-inactive')).toBeUndefined();
  await expect(unsavedNotice(page)).toContainText('click Save Progress');
  await expect(unsavedNotice(page)).toContainText('step 2 activated');
  expect(await popupWarnings(reports, page)).toEqual([
    expect.stringContaining('not saved yet: step 2 activated'),
  ]);

  await page.getByRole('button', { name: 'Save Progress' }).click();
  await expect(page.locator('.js_save_state')).toHaveText('Progress saved');
  await reports.waitFor(page, (r) => finding(r, 'changes-not-saved') === undefined);
  await expect(unsavedNotice(page)).toHaveCount(0);
  expect(await popupWarnings(reports, page)).toEqual([]);
});

test('switching tabs is not a change, and keeps an unsaved change on the other tab', async ({
  kartra,
  reports,
}) => {
  const spec = loadEditorSpec('launch-sequence');
  const page = await kartra.openSpec(spec);
  const everyTab = await reports.auditEveryTab(page);
  expect(everyTab.report.coverage.tabsAudited.length).toBeGreaterThan(1);
  expect(finding(everyTab.report, 'changes-not-saved')).toBeUndefined();

  const inactive = spec.steps.find((step) => !step.active && !/^[A-Z]/.test(step.ref));
  if (!inactive) throw new Error('launch-sequence has no inactive step on Main');
  await toggleFromMenu(page, inactive.ref, 'activate');
  await reports.waitFor(page, (r) => finding(r, 'changes-not-saved') !== undefined);
  const again = await reports.auditEveryTab(page);
  expect(finding(again.report, 'changes-not-saved')?.steps).toEqual([inactive.ref]);
});

test('a widget outside the builder that changes every 100 ms causes no re-audit', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  const first = await reports.waitFor(page);
  // Kartra's page plays a chat widget with a ticking clock, outside the builder.
  await page.evaluate(() => {
    const widget = document.createElement('div');
    widget.className = 'chat_widget';
    document.body.appendChild(widget);
    let ticks = 0;
    setInterval(() => {
      ticks += 1;
      widget.textContent = `Chat with us · ${ticks}`;
      widget.title = String(ticks);
    }, 100);
  });
  await page.waitForFunction(
    () => Number(document.querySelector('.chat_widget')?.getAttribute('title')) >= 20,
  );
  const later = await reports.current(page);
  expect(later?.report?.generatedAt).toBe(first.report.generatedAt);
  // Still listening where it matters: a change in the builder is audited.
  await toggleFromMenu(page, '2', 'activate');
  await reports.waitFor(page, (r) => r.generatedAt !== first.report.generatedAt);
});

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { reportSchema } from '../../lib/audit/report';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { tabOfRef } from '../replica/spec';
import { withStepDeleted } from '../support/delete-step';
import { parseCsv } from '../support/parse-csv';
import { expect, test } from './extension-fixture';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

// Short enough to appear whole in messages (long titles are shortened there).
const HOSTILE_TITLE = '<img src=x onerror=document.title=1><b>x';

function hostileSpec() {
  const spec = structuredClone(loadEditorSpec('step-inactive.fires'));
  spec.id = '4242';
  const step = spec.steps.find((candidate) => candidate.ref === '2');
  if (!step) throw new Error('fixture changed');
  step.title = HOSTILE_TITLE;
  return spec;
}

async function download(popup: Page, label: string) {
  const [file] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: label, exact: true }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('each export downloads with its file name; JSON validates; HTML has no script and shows page text as text', async ({
  kartra,
  reports,
}) => {
  const page = await kartra.openSpec(hostileSpec());
  await reports.waitFor(page);
  const tabId = await reports.tabIdOf(page);
  const popup = await kartra.context.newPage();
  await popup.goto(`chrome-extension://${kartra.extensionId}/popup.html?tabId=${tabId}`);
  const today = new Date().toISOString().slice(0, 10);

  const json = await download(popup, 'JSON');
  expect(json.name).toBe(`kartra-audit-masterclass-replay-follow-up-${today}.json`);
  const report = reportSchema.parse(JSON.parse(json.text));
  expect(report.findings.find((finding) => finding.ruleId === 'step-inactive')?.steps).toEqual(['2']);
  // The timeline of a contact entering when the report was made, worked out when it was asked for.
  expect(report.timeline?.enteredAt).toBe(Date.parse(report.generatedAt));
  const sent = (report.timeline?.branches ?? []).flatMap((b) =>
    b.entries
      .filter((e) => (e.kind === 'email' || e.kind === 'sms') && e.status === 'runs')
      .map((e) => e.ref),
  );
  expect(sent.length).toBeGreaterThan(0);

  const html = await download(popup, 'HTML');
  expect(html.name).toBe(`kartra-audit-masterclass-replay-follow-up-${today}.html`);
  expect(html.text).not.toMatch(/<script/i);
  expect(html.text).toContain('Content-Security-Policy');
  const viewer = await kartra.context.newPage();
  await viewer.setContent(html.text);
  await expect(viewer.getByText(HOSTILE_TITLE, { exact: false }).first()).toBeVisible();
  expect(await viewer.evaluate(() => document.querySelectorAll('img, script').length)).toBe(0);
  expect(await viewer.title()).not.toBe('1');
  // The timeline: the table, and the chart with a mark per message sent (one path here).
  const timeline = viewer.getByRole('region', { name: 'Timeline' });
  await expect(timeline.locator('table.timeline tbody tr')).not.toHaveCount(0);
  expect(
    await timeline
      .locator('svg.timeline-chart circle')
      .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-ref'))),
  ).toEqual(sent);

  const csv = await download(popup, 'CSV');
  expect(csv.name.endsWith('.csv')).toBe(true);
  const [csvHeader, ...csvRows] = parseCsv(csv.text);
  expect(csvHeader?.slice(0, 2)).toEqual(['severity', 'kind']);
  expect(csvHeader?.slice(-4)).toEqual(['tool', 'generatedAt', 'accepted', 'houseRules']);
  expect(csvRows.length).toBeGreaterThan(0);
  for (const row of csvRows) expect(row.at(-4)).toBe(`${report.tool.name} ${report.tool.version}`);
  for (const line of csv.text.split('\r\n')) expect(line).not.toMatch(/(^|,)"?[=+@]/);

  const markdown = await download(popup, 'Markdown');
  expect(markdown.name.endsWith('.md')).toBe(true);
  expect(markdown.text).not.toContain('<script>');
});

test('the step map lists every step of the builder by box number and tab, in the real order, by mouse and keyboard', async ({
  kartra,
  reports,
}) => {
  const spec = loadEditorSpec('launch-sequence');
  const page = await kartra.openSpec(spec);
  await reports.auditEveryTab(page);
  const popup = await reports.openPopupFor(page);
  const today = new Date().toISOString().slice(0, 10);
  const boxesAndTabs = spec.steps.map((step) => [step.ref, tabOfRef(step.ref)].join(' ')).sort();

  const csv = await download(popup, 'Step map (CSV)');
  expect(csv.name).toBe(`kartra-step-map-${spec.id}-${today}.csv`);
  const [header, ...rows] = parseCsv(csv.text);
  expect(header?.slice(0, 6)).toEqual(['box', 'tab', 'kind', 'title', 'position', 'runs']);
  expect(rows.map((row) => [row[0], row[1]].join(' ')).sort()).toEqual(boxesAndTabs);
  for (const step of spec.steps) {
    expect(rows.find((row) => row[0] === step.ref)?.[3], step.ref).toBe(step.title);
  }
  const runs = Object.fromEntries(rows.map((row) => [row[0], row[5]]));
  expect(runs).toMatchObject({ '1': 'yes', '8': 'no: inactive', '13': 'no: not reachable', A1: 'yes' });
  // The positions spell the popup's own "Real order".
  const ordered = rows
    .filter((row) => row[4] !== '')
    .sort((a, b) => Number(a[4]) - Number(b[4]))
    .map((row) => row[0]);
  await expect(popup.locator('.run-order')).toHaveText(ordered.join(' → '));

  // By keyboard: Tab reaches the Markdown button and Enter downloads.
  const button = popup.getByRole('button', { name: 'Step map (Markdown)', exact: true });
  for (let presses = 0; presses < 120; presses++) {
    if (await button.evaluate((element) => element === document.activeElement)) break;
    await popup.keyboard.press('Tab');
  }
  await expect(button).toBeFocused();
  const [file] = await Promise.all([popup.waitForEvent('download'), popup.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toBe(`kartra-step-map-${spec.id}-${today}.md`);
  const markdown = readFileSync(await file.path(), 'utf8');
  for (const step of spec.steps) expect(markdown).toContain(`| ${step.ref} | ${tabOfRef(step.ref)} |`);
});

test("a later visit's step map says which boxes were deleted and which renumbered since the last audit", async ({
  kartra,
  reports,
}) => {
  const before = loadEditorSpec('step-inactive.fires');
  const page = await kartra.openSpec(before);
  await reports.waitFor(page);
  // The first visit's step map is in the history (as the background stored it) before the sequence is opened again.
  const bridge = await reports.bridge(page);
  const keptBoxes = () =>
    bridge.evaluate(async (id) => {
      const { auditHistory } = await chrome.storage.local.get('auditHistory');
      const kept = auditHistory as
        | { sequences: Record<string, { outcomes: { stepMap?: [string][] }[] }> }
        | undefined;
      return kept?.sequences[id]?.outcomes.at(-1)?.stepMap?.map(([box]) => box) ?? [];
    }, before.id);
  await expect.poll(keptBoxes).toEqual(['1', '2', '3', '4']);

  // Later, step 2 deleted in Kartra and the steps after it numbered one lower: the sequence opened again.
  await page.goto('about:blank');
  const again = await kartra.openSpec(withStepDeleted(before, '2'), {}, page);
  await reports.waitFor(again, (report) => report.runOrder.length === 3);
  const popup = await reports.openPopupFor(again);
  const csv = await download(popup, 'Step map (CSV)');
  const [header, ...rows] = parseCsv(csv.text);
  expect(header?.at(-1)).toBe('sinceLastAudit');
  // box, position, sinceLastAudit: the deleted box after the boxes the builder shows now.
  expect(rows.map((row) => [row[0], row[4], row.at(-1)])).toEqual([
    ['1', '1', 'same'],
    ['2', '2', 'renumbered from 3'],
    ['3', '3', 'renumbered from 4'],
    ['2', '', 'deleted'],
  ]);
});

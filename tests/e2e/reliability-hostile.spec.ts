import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { marked } from 'marked';
import { reportSchema } from '../../lib/audit/report';
import { hostileSpecNames, loadHostileSpec } from '../fixtures/hostile/hostile';
import { PWN_FLAG } from '../fixtures/hostile/strings';
import { parseCsv } from '../support/parse-csv';
import { expect, test } from './extension-fixture';

/**
 * Hostile text typed into Kartra (names, public names, subjects, tags, starting-rule labels, split
 * conditions) never runs and never breaks a layout: not in the builder with the inline badges and
 * panels open, not in the popup, not in any export. Every payload sets window.__pwned if it runs.
 */

const HOST = 'kartra-auditor-ui';
const POPUP_WIDTH = 420;

/** Elements or attributes that exist only if page text was parsed as markup. */
const INJECTED = 'img[src="x"], script:not([src]), svg[onload], [onerror], [onload], a[href^="javascript:"]';

const pwned = (page: Page) => page.evaluate((flag) => flag in window, PWN_FLAG);

async function download(popup: Page, label: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: label, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

for (const name of hostileSpecNames()) {
  test(`${name}: nothing runs or breaks in the builder, its badges and panels, the popup and the exports`, async ({
    kartra,
    reports,
  }) => {
    test.setTimeout(90_000);
    const spec = loadHostileSpec(name);
    const page = await kartra.openSpec(spec);
    const { report } = await reports.waitFor(page, (latest) => latest.findings.length > 0);
    if (!report) throw new Error('no report');
    await page.bringToFront();

    // Inline badges: each sits on its card's top-right corner; each panel shows text, not markup.
    const badges = page.locator(HOST).getByRole('button', { name: /^Step \S+:/ });
    await expect(badges.first()).toBeVisible();
    const count = await badges.count();
    for (let i = 0; i < count; i++) {
      const badge = badges.nth(i);
      const ref = /^Step (\S+):/.exec((await badge.getAttribute('aria-label')) ?? '')?.[1] ?? '';
      const card = page.locator('.js_sequence_step', {
        has: page.locator('.step_number', { hasText: new RegExp(`^${ref}$`) }),
      });
      await card.scrollIntoViewIfNeeded();
      await expect(badge).toBeInViewport();
      const [cardBox, badgeBox] = await Promise.all([card.boundingBox(), badge.boundingBox()]);
      if (!cardBox || !badgeBox) throw new Error(`step ${ref}: card or badge not laid out`);
      expect(
        Math.abs(badgeBox.x + badgeBox.width / 2 - (cardBox.x + cardBox.width)),
        `step ${ref} badge x`,
      ).toBeLessThan(30);
      expect(Math.abs(badgeBox.y + badgeBox.height / 2 - cardBox.y), `step ${ref} badge y`).toBeLessThan(20);
      await badge.click();
      const panel = page.locator(HOST).getByRole('dialog');
      await expect(panel).toBeVisible();
      // Long words wrap inside the panel instead of widening it.
      const overflow = await panel.evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(overflow, `step ${ref} panel overflows sideways`).toBeLessThanOrEqual(1);
      await page.keyboard.press('Escape');
    }
    const injectedInOverlay = await page.evaluate(
      ({ host, selector }) =>
        document.querySelector(host)?.shadowRoot?.querySelectorAll(selector).length ?? -1,
      { host: HOST, selector: INJECTED },
    );
    expect(injectedInOverlay).toBe(0);
    expect(await pwned(page)).toBe(false);

    // The popup, at a popup's width: text shown as text, no sideways scrolling.
    const tabId = await reports.tabIdOf(page);
    const popup = await kartra.context.newPage();
    await popup.setViewportSize({ width: POPUP_WIDTH, height: 600 });
    await popup.goto(`chrome-extension://${kartra.extensionId}/popup.html?tabId=${tabId}`);
    await expect(popup.locator('.finding').first()).toBeVisible();
    await popup.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    await expect(popup.locator('details.group:not(:has(.findings))')).toHaveCount(0);
    expect(await popup.locator(INJECTED).count()).toBe(0);
    expect(await pwned(popup)).toBe(false);
    const sideways = await popup.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways, 'the popup scrolls sideways').toBeLessThanOrEqual(0);
    for (const step of spec.steps.filter(
      (candidate) => !candidate.active && ['email', 'sms'].includes(candidate.kind),
    )) {
      // Inactive messages are named in findings by their subjects (shortened when long): as text.
      const start = step.title.slice(0, 12);
      if (start.trim()) await expect(popup.getByText(start, { exact: false }).first()).toBeAttached();
    }

    // Exports.
    const json = await download(popup, 'JSON');
    const exported = reportSchema.parse(JSON.parse(json.text));
    expect(exported.sequence?.name).toBe(spec.name);
    expect(exported.sequence?.publicName).toBe(spec.publicName);

    const html = await download(popup, 'HTML');
    const viewer = await kartra.context.newPage();
    await viewer.setContent(html.text);
    expect(await viewer.locator(INJECTED).count()).toBe(0);
    expect(await viewer.locator('img, script, iframe, object, embed').count()).toBe(0);
    // The one drawing is the export's own timeline chart: shapes and text, nothing that loads or runs.
    expect(await viewer.locator('svg:not(.timeline-chart)').count()).toBe(0);
    expect(await viewer.locator('svg.timeline-chart').count()).toBeLessThanOrEqual(1);
    expect(await viewer.locator('svg :is(foreignObject, image, use, a, script)').count()).toBe(0);
    expect(await pwned(viewer)).toBe(false);
    await expect(viewer.getByText(spec.name, { exact: false }).first()).toBeVisible();
    await viewer.close();

    const markdown = await download(popup, 'Markdown');
    // Rendered as a Markdown viewer would (marked passes raw HTML through): only text results.
    const rendered = await marked.parse(markdown.text, { async: true });
    const markdownViewer = await kartra.context.newPage();
    await markdownViewer.setContent(rendered);
    expect(await markdownViewer.locator(INJECTED).count()).toBe(0);
    expect(await markdownViewer.locator('img, script, svg, iframe, object, embed').count()).toBe(0);
    expect(await pwned(markdownViewer)).toBe(false);
    await expect(markdownViewer.getByText(spec.name, { exact: false }).first()).toBeVisible();
    await markdownViewer.close();

    const csv = await download(popup, 'CSV');
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(rows.length).toBe(exported.findings.length + 1);
    for (const cell of rows.flat()) expect(cell, 'a CSV cell starts a formula').not.toMatch(/^[=+\-@\t\r]/);

    expect(await pwned(page)).toBe(false);
  });
}

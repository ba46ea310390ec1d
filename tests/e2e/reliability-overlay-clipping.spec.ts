import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { expect, test } from './extension-fixture';

/**
 * The inline badges must never cover Kartra's own controls. They are drawn in a fixed overlay
 * above the whole page; a card scrolled out of the builder's canvas (under the step palette or
 * the toolbar) is hidden by Kartra, so its badge must be hidden too, or it floats over
 * whatever Kartra shows there and takes its clicks.
 */

test('a badge whose card is scrolled out of the builder canvas does not float over the step palette', async ({
  kartra,
  reports,
}) => {
  // Without clipping to the builder's viewport (components/overlay/mount-overlay.ts), the badge of a
  // card scrolled left of the canvas (here the Starting Rules module's) would sit over the
  // "Add a step" palette and take its clicks.
  const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
  await reports.waitFor(page, (report) => report.counts.error > 0);
  await page.bringToFront();
  const badges = page
    .locator('kartra-auditor-ui')
    .getByRole('button', { name: /^(Step \S+|Starting Rules):/ });
  await expect(badges.first()).toBeVisible();

  // Scroll the canvas right, as a user does to reach later steps: the Starting Rules module and
  // its badge's card go under the palette on the left.
  const viewport = page.locator('.js_builder_viewport');
  await viewport.evaluate((element) => {
    element.scrollLeft = 420;
  });
  const canvasBox = await viewport.boundingBox();
  if (!canvasBox) throw new Error('builder viewport not laid out');
  const outside = async () => {
    const out: string[] = [];
    for (const badge of await badges.all()) {
      const box = await badge.boundingBox();
      if (!box || !(await badge.isVisible())) continue;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      const inside =
        x >= canvasBox.x &&
        x <= canvasBox.x + canvasBox.width &&
        y >= canvasBox.y &&
        y <= canvasBox.y + canvasBox.height;
      if (!inside)
        out.push(`${await badge.getAttribute('aria-label')} at (${Math.round(x)}, ${Math.round(y)})`);
    }
    return out;
  };
  await expect.poll(outside, { timeout: 3000 }).toEqual([]);
  // Every palette button takes its own clicks: nothing of ours sits on top of it.
  const covered = await page.locator('.js_palette_item').evaluateAll((items) =>
    items
      .filter((item) => {
        const r = item.getBoundingClientRect();
        for (const [fx, fy] of [
          [0.1, 0.5],
          [0.5, 0.5],
          [0.9, 0.5],
        ] as const) {
          const top = document.elementFromPoint(r.left + r.width * fx, r.top + r.height * fy);
          if (top && top.tagName.toLowerCase() === 'kartra-auditor-ui') return true;
        }
        return false;
      })
      .map((item) => item.textContent ?? ''),
  );
  expect(covered).toEqual([]);
});

import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { LOG_PREFIX } from '../../lib/extension/content/log';
import { loadEditorSpec } from '../fixtures/sequences/fixtures';
import { launchKartra } from '../harness';

/**
 * WXT's content-script context: when the extension is updated or reloaded, the copy of the
 * content script already in a tab stops observing and takes its overlay away. Chromium does not
 * inject the new copy into open tabs (Firefox does: tests/firefox), so the old copy finds out at
 * its next audit, and the page shows the new copy's overlay once reloaded. Own browser: the
 * update pulls the extension from under the other tests of a shared worker.
 */
test('after the extension is updated, the old copy takes its overlay away; the reloaded page has one', async () => {
  const kartra = await launchKartra({ extensionDebugging: true });
  try {
    const page = await kartra.openSpec(loadEditorSpec('step-inactive.fires'));
    const hosts = page.locator('kartra-auditor-ui');
    const stepBadge = hosts.getByRole('button', { name: /^Step 2:/ });
    await expect(stepBadge).toBeVisible();

    const logged: string[] = [];
    page.on('console', (message) => logged.push(message.text()));

    // The update: the build installed again over the running one (same id), as Chrome does when
    // the store delivers a new version.
    const browser = kartra.context.browser();
    if (!browser) throw new Error('No browser to send the update to');
    const cdp = await browser.newBrowserCDPSession();
    const { id } = (await cdp.send(
      'Extensions.loadUnpacked' as never,
      {
        path: resolve('.output', 'chrome-mv3'),
      } as never,
    )) as { id: string };
    expect(id).toBe(kartra.extensionId);

    // What a user does next on the canvas: activate step 2, then deactivate it. The old copy's
    // audit of the first change is where it learns its extension is gone: it removes its UI
    // instead of drawing, and stops observing, so the second change finds nobody listening
    // (before, every later change ran an audit that failed on the dead extension API).
    const card = page.locator('.js_sequence_step', {
      has: page.locator('.step_number', { hasText: /^2$/ }),
    });
    for (const toggle of ['Activate', 'Deactivate']) {
      await card.getByRole('button', { name: 'Step options' }).click();
      await card.getByRole('menuitem', { name: toggle }).click();
    }
    await expect(hosts).toHaveCount(0);
    expect(logged.filter((text) => text.startsWith(LOG_PREFIX))).toEqual([]);

    // The reloaded page (the activation was never saved, so step 2 is inactive again) gets the
    // new copy: one overlay, with its badge.
    await page.reload();
    await expect(stepBadge).toBeVisible();
    await expect(hosts).toHaveCount(1);
  } finally {
    await kartra.close();
  }
});

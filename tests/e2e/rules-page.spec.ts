import type { Page } from '@playwright/test';
import { RULES } from '../../lib/checks/index';
import type { KartraSession } from '../harness';
import { expect, test } from './extension-fixture';

/**
 * The rules page ("Learn more", rules.html#<rule id>) survives any address: a hash that is not
 * valid percent-encoding, markup in the query or the hash, an id that names no rule. It shows
 * what was asked for as text and the index of every rule, and throws nothing.
 */

async function openRules(kartra: KartraSession, address: string) {
  const page = await kartra.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`chrome-extension://${kartra.extensionId}/rules.html${address}`);
  return { page, errors };
}

const index = (page: Page) => page.getByRole('navigation', { name: 'All rules' }).getByRole('listitem');

test('a malformed hash shows the index and says no rule has that name', async ({ kartra }) => {
  const { page, errors } = await openRules(kartra, '#%E0%A4%A');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kartra Sequence Auditor rules');
  await expect(page.getByRole('alert')).toHaveText(
    'There is no rule called “%E0%A4%A”. Every rule is listed below.',
  );
  await expect(index(page)).toHaveCount(RULES.length);
  expect(errors).toEqual([]);
});

test('markup in the query and the hash is shown as text, never run', async ({ kartra }) => {
  const hash = encodeURIComponent('<img src=x onerror="window.ran=1">');
  const { page, errors } = await openRules(kartra, `?rule=<script>window.ran=1</script>#${hash}`);
  await expect(page.getByRole('alert')).toContainText('<img src=x onerror="window.ran=1">');
  expect(
    await page.evaluate(() => ({
      ran: (window as { ran?: number }).ran ?? null,
      images: document.querySelectorAll('main img').length,
      scripts: document.querySelectorAll('main script').length,
    })),
  ).toEqual({ ran: null, images: 0, scripts: 0 });
  await expect(index(page)).toHaveCount(RULES.length);
  expect(errors).toEqual([]);
});

test('an unknown id shows the index; a known one its page, and a bad hash after it the index again', async ({
  kartra,
}) => {
  const { page, errors } = await openRules(kartra, '#no-such-rule');
  await expect(page.getByRole('alert')).toHaveText(
    'There is no rule called “no-such-rule”. Every rule is listed below.',
  );
  await page
    .getByRole('link', { name: RULES.find((rule) => rule.meta.id === 'step-inactive')?.meta.title })
    .click();
  await expect(page).toHaveURL(/#step-inactive$/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'How to fix it in Kartra' })).toBeVisible();
  await page.evaluate(() => {
    location.hash = '%E0%A4%A';
  });
  await expect(page.getByRole('alert')).toContainText('%E0%A4%A');
  expect(errors).toEqual([]);
});

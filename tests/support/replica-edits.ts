import type { Locator, Page } from '@playwright/test';
import { type SpecEdit, tabOfRef } from '../replica/spec';

/**
 * Makes a spec's `edits` on the replica's canvas the way a person does, through the page's own
 * controls (the test plays the user; the extension never clicks anything).
 */

/** The card whose number bubble reads `ref`, on the tab on screen. */
export function cardOf(page: Page, ref: string): Locator {
  return page.locator('.js_sequence_step', {
    has: page.locator('.step_number', { hasText: new RegExp(`^${ref}$`) }),
  });
}

/** Opens the tab a step lives on, unless it is already on screen. */
async function showTabOf(page: Page, ref: string): Promise<void> {
  const tab = page.locator('.js_subsequence_tab', { hasText: new RegExp(`^${tabOfRef(ref)}$`) });
  if (!(await tab.evaluate((el) => el.classList.contains('active')))) await tab.click();
}

/** Activate or Deactivate from the step's ⋮ menu. */
export async function toggleFromMenu(page: Page, ref: string, action: SpecEdit['action']): Promise<void> {
  const card = cardOf(page, ref);
  await card.locator('.js_step_menu').click();
  await card.getByRole('menuitem', { name: action === 'activate' ? 'Activate' : 'Deactivate' }).click();
}

export async function performEdits(page: Page, edits: readonly SpecEdit[]): Promise<void> {
  for (const edit of edits) {
    await showTabOf(page, edit.step);
    await toggleFromMenu(page, edit.step, edit.action);
  }
}

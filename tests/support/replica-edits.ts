import type { Locator, Page } from '@playwright/test';
import { skinned } from '../harness/replica-dom';
import type { SkinName } from '../replica/skin';
import { type SpecEdit, tabOfRef } from '../replica/spec';

/**
 * Makes a spec's `edits` on the replica's canvas the way a person does, through the page's own
 * controls (the test plays the user; the extension never clicks anything).
 */

/** The card whose number bubble reads `ref`, on the tab on screen, in the skin's markup. */
export function cardOf(page: Page, ref: string, skin: SkinName = 'default'): Locator {
  return page.locator(skinned(skin, '.js_sequence_step'), {
    has: page.locator(skinned(skin, '.step_number'), { hasText: new RegExp(`^${ref}$`) }),
  });
}

/** Opens the tab a step lives on, unless it is already on screen. */
async function showTabOf(page: Page, ref: string): Promise<void> {
  const tab = page.getByRole('tab', { name: tabOfRef(ref), exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
}

/** Activate or Deactivate from the step's ⋮ menu. */
export async function toggleFromMenu(
  page: Page,
  ref: string,
  action: SpecEdit['action'],
  skin: SkinName = 'default',
): Promise<void> {
  const card = cardOf(page, ref, skin);
  await card.getByRole('button', { name: 'Step options' }).click();
  await card.getByRole('menuitem', { name: action === 'activate' ? 'Activate' : 'Deactivate' }).click();
}

export async function performEdits(
  page: Page,
  edits: readonly SpecEdit[],
  skin: SkinName = 'default',
): Promise<void> {
  for (const edit of edits) {
    await showTabOf(page, edit.step);
    await toggleFromMenu(page, edit.step, edit.action, skin);
  }
}

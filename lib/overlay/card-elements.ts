import type { KartraProfile } from '../kartra/profile';

/**
 * The builder's step cards by reference number ("start" for the Starting Rules module), so the
 * overlay can place badges over them. Only reads the page.
 */
export function findCardElements(document: Document, profile: KartraProfile): Map<string, Element> {
  const cards = new Map<string, Element>();
  const start = document.querySelector(profile.startingRules.module);
  if (start) cards.set('start', start);
  for (const card of document.querySelectorAll(profile.card.root)) {
    const ref = card.querySelector(profile.card.fields.number)?.textContent?.trim();
    if (ref && !cards.has(ref)) cards.set(ref, card);
  }
  return cards;
}

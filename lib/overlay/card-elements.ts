import type { KartraProfile } from '../kartra/profile';
import { cardsOfLastRead } from '../reader/collect';

/**
 * The builder's step cards by reference number ("start" for the Starting Rules module), so the
 * overlay can place badges over them. Only reads the page.
 *
 * It reads the number bubbles in one query and walks up to a card only for the steps asked for:
 * on a canvas of a thousand cards that is a thousand text reads, not a thousand queries.
 */
export function findCardElements(
  document: Document,
  profile: KartraProfile,
  wanted?: ReadonlySet<string>,
): Map<string, Element> {
  const cards = new Map<string, Element>();
  const want = (ref: string) => !cards.has(ref) && (wanted === undefined || wanted.has(ref));
  if (want('start')) {
    const start = document.querySelector(profile.startingRules.module);
    if (start) cards.set('start', start);
  }
  if (wanted !== undefined && [...wanted].every((ref) => ref === 'start')) return cards;
  const root = `:is(${profile.card.root})`;
  for (const bubble of document.querySelectorAll(`${root} :is(${profile.card.fields.number})`)) {
    const ref = bubble.textContent?.trim();
    if (!ref || !want(ref)) continue;
    const card = bubble.closest(root);
    if (card) cards.set(ref, card);
  }
  return cards;
}

/**
 * The same as findCardElements, from the cards the reader found in its latest read when they are
 * all still on the page (right after an audit they are): no search of the canvas at all.
 */
export function cardElementsAfterRead(
  document: Document,
  profile: KartraProfile,
  wanted: ReadonlySet<string>,
): Map<string, Element> {
  const read = cardsOfLastRead(document);
  if (!read) return findCardElements(document, profile, wanted);
  const cards = new Map<string, Element>();
  if (wanted.has('start')) {
    const start = document.querySelector(profile.startingRules.module);
    if (start) cards.set('start', start);
  }
  read.numbers.forEach((number, i) => {
    const ref = number?.trim();
    const card = read.cards[i];
    if (ref && card && wanted.has(ref) && !cards.has(ref)) cards.set(ref, card);
  });
  for (const card of cards.values())
    if (!card.isConnected) return findCardElements(document, profile, wanted);
  return cards;
}

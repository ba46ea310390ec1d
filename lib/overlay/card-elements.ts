import type { KartraProfile } from '../kartra/profile';
import { type CardsRead, cardNumber } from '../reader/collect';
import type { Rect } from '../reader/scene';

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
  const number = profile.card.fields.number;
  if (number === undefined) {
    // No bubble selector: a card's number is the first of its texts that reads as one.
    for (const card of document.querySelectorAll(root)) {
      const ref = cardNumber(card);
      if (ref && want(ref)) cards.set(ref, card);
    }
    return cards;
  }
  for (const bubble of document.querySelectorAll(`${root} :is(${number})`)) {
    const ref = bubble.textContent?.trim();
    if (!ref || !want(ref)) continue;
    const card = bubble.closest(root);
    if (card) cards.set(ref, card);
  }
  return cards;
}

/** Card elements by reference number, and the boxes the reader measured them at (if it did). */
export interface CardsAfterRead {
  elements: Map<string, Element>;
  /** Null when the cards had to be searched for again: then nobody measured them yet. */
  rects: Map<string, Rect> | null;
}

/**
 * The same as findCardElements, from the cards the reader found in its latest read when they are
 * all still on the page (right after an audit they are): no search of the canvas at all, and the
 * boxes the reader measured a moment ago, so the overlay need not measure them again.
 */
export function cardElementsAfterRead(
  document: Document,
  profile: KartraProfile,
  wanted: ReadonlySet<string>,
  read: CardsRead | null,
): CardsAfterRead {
  const searched = (): CardsAfterRead => ({
    elements: findCardElements(document, profile, wanted),
    rects: null,
  });
  if (!read) return searched();
  const elements = new Map<string, Element>();
  const rects = new Map<string, Rect>();
  if (wanted.has('start')) {
    const start = document.querySelector(profile.startingRules.module);
    if (start) elements.set('start', start);
  }
  read.numbers.forEach((number, i) => {
    const ref = number?.trim();
    const card = read.cards[i];
    const rect = read.rects[i];
    if (!ref || !card || !wanted.has(ref) || elements.has(ref)) return;
    elements.set(ref, card);
    if (rect) rects.set(ref, rect);
  });
  for (const card of elements.values()) if (!card.isConnected) return searched();
  return { elements, rects };
}

import { classesOf } from './collect';
import { collapse, escapeClass } from './text';

/**
 * Step cards on a page whose markup no profile describes: the repeated box. Each kind label
 * ("Send email", "Complete") proposes a box, the largest around it that holds one label and
 * one number bubble; the boxes then vote for the class that marks a card. An odd card proposes
 * a box of the wrong size, or none: a Complete step titled "Complete" shows the kind's word
 * twice and an email titled "2026" shows two numbers, so its proposal stops at the card's
 * header. Such a card still carries the class its neighbours vote for, and so is found with
 * them; a proposal the winning class does not reach (a card in markup of its own) is left out
 * and handed back, so that the reading can say so instead of leaving it out unseen.
 */

export type CardSearch =
  | {
      /** A `.class` that marks every step card, as a profile's `card.root`. */
      selector: string;
      /** The elements it marks that show a kind label and a number bubble, in document order. */
      cards: Element[];
      /** Proposed boxes no card holds or sits in: cards in other markup. */
      leftOut: Element[];
    }
  | { selector: null; reason: string };

/** Share of the elements a class marks that may be something other than a card. */
const STRAY_SHARE = 0.1;
/** The share of the window above which a box is taken for a canvas or a pane, not a card. */
const SCREEN_SHARE = 0.25;

export function findCards(
  kindLabels: readonly Element[],
  numbers: readonly Element[],
  scope: Element,
): CardSearch {
  const numberCount = countWithin(numbers);
  const labelCount = countWithin(kindLabels);
  const proposals = new Map<Element, Element>();
  for (const label of kindLabels) {
    let box: Element | null = null;
    for (let a = label.parentElement; a && a !== scope; a = a.parentElement) {
      if ((numberCount.get(a) ?? 0) > 1 || (labelCount.get(a) ?? 0) > 1 || fillsScreen(a)) break;
      // A layer that holds the card without a box of its own (no height) is no card.
      if ((numberCount.get(a) ?? 0) === 1 && encloses(a, label)) box = a;
    }
    if (box && !proposals.has(box)) proposals.set(box, label);
  }
  const boxes = [...proposals.keys()];
  if (boxes.length === 0)
    return { selector: null, reason: 'no box holds one step kind label and one number bubble' };

  // Each proposal votes with every element that could be its card: itself, the boxes around it
  // that hold no other proposal (a header's card, a card's own wrappers), and the boxes inside
  // it on the way to its label that show all it shows (a card inside a wrapper that some cards
  // have and others not; not the header, which shows less).
  const boxCount = countWithin(boxes);
  const related = new Map<Element, Set<Element>>();
  for (const [box, label] of proposals) {
    const own = new Set<Element>([box]);
    for (let a = box.parentElement; a && a !== scope && (boxCount.get(a) ?? 0) === 1; a = a.parentElement)
      own.add(a);
    const shown = collapse(box.textContent ?? '');
    for (let d = label.parentElement; d && d !== box; d = d.parentElement)
      if (collapse(d.textContent ?? '') === shown) own.add(d);
    related.set(box, own);
  }
  const votes = new Map<string, number>();
  for (const own of related.values()) {
    const names = new Set<string>();
    for (const el of own) for (const name of classesOf(el)) names.add(name);
    for (const name of names) votes.set(name, (votes.get(name) ?? 0) + 1);
  }

  // A clear majority of the proposals must agree; the rest are the misfits the vote tolerates.
  const showsCard = (el: Element) => (labelCount.get(el) ?? 0) > 0 && (numberCount.get(el) ?? 0) > 0;
  let best: { selector: string; cards: Element[]; explained: number; strays: number; depth: number } | null =
    null;
  for (const [name, count] of votes) {
    if (count * 2 <= boxes.length) continue;
    const selector = `.${escapeClass(name)}`;
    const marked = Array.from(scope.querySelectorAll(selector));
    // A card never holds another card: a class found at two depths marks something else.
    if (
      marked.some((el) => {
        const outer = el.parentElement?.closest(selector);
        return outer != null && scope.contains(outer);
      })
    )
      continue;
    const cards = marked.filter(showsCard);
    if (cards.length === 0 || marked.length - cards.length > marked.length * STRAY_SHARE) continue;
    // With one card on the tab, every box around it up to the page holds one card; a card is
    // still a box a person sees as one, far smaller than the screen, unlike the canvas around it.
    const label = proposals.get(boxes[0] as Element) as Element;
    if (boxes.length === 1 && cards.some((card) => fillsScreen(card) || !encloses(card, label))) continue;
    const markedSet = new Set(cards);
    let explained = 0;
    for (const own of related.values()) if ([...own].some((el) => markedSet.has(el))) explained++;
    if (explained * 2 <= boxes.length) continue;
    // A class that also marks boxes showing no step (a node-editor library's wrapper around the
    // cards and the Starting Rules module alike) loses to one that marks the cards alone. Between
    // a card and the header or inner box that also holds its label and number, the card is the
    // outermost: the largest box, as for a card that shows nothing odd.
    const strays = marked.length - cards.length;
    const depth = cards.reduce((sum, el) => sum + depthOf(el, scope), 0) / cards.length;
    const better =
      !best ||
      explained > best.explained ||
      (explained === best.explained &&
        (strays < best.strays || (strays === best.strays && depth < best.depth)));
    if (better) best = { selector, cards, explained, strays, depth };
  }
  if (!best) return { selector: null, reason: 'the step cards share no class to recognise them by' };
  const { selector, cards } = best;
  const cardSet = new Set(cards);
  const held = (box: Element) => {
    const around = box.closest(selector);
    if (around && cardSet.has(around)) return true;
    return Array.from(box.querySelectorAll(selector)).some((inner) => cardSet.has(inner));
  };
  return { selector, cards, leftOut: boxes.filter((box) => !held(box)) };
}

/** More than a quarter of the window: a canvas, a pane or the page, never one step's card. */
function fillsScreen(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view || typeof el.getBoundingClientRect !== 'function') return false;
  const { width, height } = el.getBoundingClientRect();
  return width * height > SCREEN_SHARE * view.innerWidth * view.innerHeight;
}

/**
 * Whether `el`'s box holds `inner`'s on screen. Without layout (every box empty) nothing can be
 * told, and it does.
 */
function encloses(el: Element, inner: Element): boolean {
  if (typeof el.getBoundingClientRect !== 'function' || typeof inner.getBoundingClientRect !== 'function')
    return true;
  const outer = el.getBoundingClientRect();
  const box = inner.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return true;
  const slack = 1;
  return (
    outer.left <= box.left + slack &&
    outer.top <= box.top + slack &&
    outer.right >= box.right - slack &&
    outer.bottom >= box.bottom - slack
  );
}

/** How many of `elements` each ancestor holds. */
function countWithin(elements: readonly Element[]): Map<Element, number> {
  const counts = new Map<Element, number>();
  for (const el of elements)
    for (let a = el.parentElement; a; a = a.parentElement) counts.set(a, (counts.get(a) ?? 0) + 1);
  return counts;
}

function depthOf(el: Element, scope: Element): number {
  let depth = 0;
  for (let a = el.parentElement; a && a !== scope; a = a.parentElement) depth++;
  return depth;
}

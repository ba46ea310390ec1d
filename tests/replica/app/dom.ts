import type { Skin } from '../skin';
import { classMapper, DEFAULT_SKIN, renameSelector, scopedAttributeName } from '../skin-markup';

/**
 * The markup a document is rendered in (its skin): how the replica's class names are spelt, which
 * scoped attribute every element carries and how deep fields are wrapped. Kept per document in a
 * WeakMap (never in the page), so the app's code names its classes once, as docs/replica-markup.md
 * does, whatever the skin.
 */
export interface Markup {
  readonly skin: Skin;
  className(name: string): string;
  selector(selector: string): string;
  readonly scopedAttribute: string | null;
}

function markupFor(skin: Skin): Markup {
  const map = classMapper(skin);
  return {
    skin,
    className: map,
    selector: (selector) => renameSelector(selector, map),
    scopedAttribute: scopedAttributeName(skin),
  };
}

const DEFAULT_MARKUP = markupFor(DEFAULT_SKIN);
const markups = new WeakMap<Document, Markup>();

/** Renders `doc` in `skin` from now on. */
export function useSkin(doc: Document, skin: Skin): void {
  markups.set(doc, markupFor(skin));
}

export function markupOf(doc: Document): Markup {
  return markups.get(doc) ?? DEFAULT_MARKUP;
}

/** One of the replica's class names as the document's skin spells it (for classList). */
export function cls(doc: Document, name: string): string {
  return markupOf(doc).className(name);
}

/** A selector written with the replica's class names, as the document's skin spells it. */
export function sel(doc: Document, selector: string): string {
  return markupOf(doc).selector(selector);
}

/** Creates an element with classes and optional text, in the given document and its skin. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className = '',
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  const markup = markupOf(doc);
  if (className) node.className = className.split(/\s+/).filter(Boolean).map(markup.className).join(' ');
  if (markup.scopedAttribute) node.setAttribute(markup.scopedAttribute, '');
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * `node` inside the skin's extra wrapper elements (none in the default skin), as component
 * libraries nest a field in a few divs. Wrappers are plain blocks: they change no box.
 */
export function wrapped(doc: Document, node: HTMLElement, part: string): HTMLElement {
  let outer = node;
  for (let depth = markupOf(doc).skin.wrappers; depth > 0; depth--) {
    outer = append(el(doc, 'div', `${part}_wrap_${depth}`), outer);
  }
  return outer;
}

/** A Font Awesome style icon: `<i class="fa fa-envelope">`; the glyph comes from the CSS. */
export function icon(doc: Document, name: string, extra = ''): HTMLElement {
  const node = el(doc, 'i', `fa ${name}${extra ? ` ${extra}` : ''}`);
  node.setAttribute('aria-hidden', 'true');
  return node;
}

/** Appends children and returns the parent, for building small trees inline. */
export function append<T extends Node>(parent: T, ...children: Node[]): T {
  for (const child of children) parent.appendChild(child);
  return parent;
}
